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
    public mutating func add(_ path: String) {
        excluded.removeAll { $0 == path || $0.hasPrefix(path + "/") }
        guard !roots.contains(where: { $0 == path || path.hasPrefix($0 + "/") }) else { return }
        roots.removeAll { $0.hasPrefix(path + "/") }
        roots.append(path)
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
