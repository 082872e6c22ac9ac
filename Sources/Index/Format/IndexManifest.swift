import Foundation

/// What an index was built from, kept in its own section so that `index --index DIR` can rebuild
/// or update it without being told again (and never from anything else).
///
///     JSON (sorted keys): {"excluded": [path], "folders": [path], "roots": [path]}
public struct IndexManifest: Codable, Equatable, Sendable {
    /// The paths given to `index`, files or folders, absolute, in the order first given.
    public var roots: [String]
    /// Files inside a root folder that `index --remove` took out; they stay out of updates.
    public var excluded: [String]
    /// The folders the indexed files lie in, in document order, written with the index (nil in an
    /// index written before it was kept): where synonyms.txt is looked for, without decoding
    /// every document's information.
    public var folders: [String]?

    public init(roots: [String] = [], excluded: [String] = [], folders: [String]? = nil) {
        self.roots = roots
        self.excluded = excluded
        self.folders = folders
    }

    /// Makes `path` (absolute) a source: no longer excluded, nor anything inside it; a root only
    /// when no root folder holds it already, and then the roots inside it are dropped, so that the
    /// sources `docs` lists name each file once (a file added beside its folder is not a second
    /// source).
    /// Paths are compared as `real` paths: a folder reached through a link is the folder.
    public mutating func add(_ path: String) {
        let key = Self.real(path)
        excluded.removeAll { Self.holds(path, $0) || Self.holds(key, $0) }
        guard !roots.contains(where: { Self.holds(Self.real($0), key) }) else { return }
        roots.removeAll { Self.holds(key, Self.real($0)) }
        roots.append(path)
    }

    /// Whether `folder` is `path` or holds it (both `real`).
    static func holds(_ folder: String, _ path: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }

    /// `path` (absolute) with symbolic links resolved in its folders, and in itself when it is a
    /// folder: the files a scan of it finds lie under this path. A file's own link is kept (a
    /// file named through a link is indexed under the link's name).
    public static func real(_ path: String) -> String {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            return url.resolvingSymlinksInPath().path
        }
        return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
    }

    /// `path` made absolute (against the current directory) and standardized; symbolic links are
    /// kept as given.
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func encode(into out: inout ByteBuffer) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        out.append(contentsOf: (try? encoder.encode(self)) ?? Data("{\"excluded\":[],\"roots\":[]}".utf8))
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> IndexManifest {
        guard let m = try? JSONDecoder().decode(IndexManifest.self, from: Data(bytes)) else {
            throw MalformedRecord(detail: "sources unreadable")
        }
        return m
    }
}
