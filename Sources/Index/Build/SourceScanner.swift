import Foundation
import Ingestion
#if canImport(Glibc)
    import Glibc
#endif

/// Finds the text files to index under the given paths and fingerprints their state.
public enum SourceScanner {
    public struct Source: Sendable, Equatable {
        public var url: URL
        public var size: UInt64
        public var modified: Double
    }

    /// Files under `paths` (directories recursively, hidden entries, Office owner files and
    /// symlinked directories skipped, so symlink loops cannot recur), sorted by path. Paths that do not exist are
    /// returned in `problems`.
    /// `folderLinks`: the links to folders met inside folders, which are not followed (the user
    /// is told, and can give them as paths).
    public static func scan(_ paths: [URL]) -> (sources: [Source], problems: [(String, String)], folderLinks: [String]) {
        var sources: [Source] = []
        var problems: [(String, String)] = []
        var folderLinks: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isDir) else {
                problems.append((path.path, "no such file or directory"))
                continue
            }
            if isDir.boolValue {
                guard
                    // A folder named explicitly is read even through a symbolic link (links met
                    // inside folders are not followed into directories, so loops cannot recur).
                    let e = fm.enumerator(
                        at: path.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey],
                        options: [.skipsHiddenFiles])
                else { continue }
                for case let url as URL in e {
                    if isSavedPageResources(url) {
                        e.skipDescendants()
                        continue
                    }
                    if (try? url.resourceValues(forKeys: [.isSymbolicLinkKey]).isSymbolicLink) == true, let target = resolve(url),
                        (try? target.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
                    {
                        folderLinks.append(url.path)
                        continue
                    }
                    guard Ingestor.supportedExtensions.contains(url.pathExtension.lowercased()),
                        !Ingestor.sidecarFiles.contains(url.lastPathComponent), !isOwnerLock(url.lastPathComponent)
                    else { continue }
                    if let s = stat(url) {
                        sources.append(s)
                    } else if isSymbolicLink(url) {
                        // A file link is followed; one that dangles or loops is reported.
                        if let target = resolve(url), let s = stat(target) {
                            sources.append(Source(url: url, size: s.size, modified: s.modified))
                        } else {
                            problems.append((url.path, "broken or looping symbolic link"))
                        }
                    }
                }
            } else if let s = stat(path) {
                sources.append(s)
            } else if isSymbolicLink(path), let target = resolve(path), let s = stat(target) {
                // A file named through a link is read (the link's name is the document's).
                sources.append(Source(url: path, size: s.size, modified: s.modified))
            } else {
                problems.append((path.path, "cannot be read"))
            }
        }
        sources.sort { $0.url.path < $1.url.path }
        return (withoutLinksToListedFiles(withoutConvertedOriginals(sources)), problems, folderLinks)
    }

    /// The folder a browser's "save page, complete" writes beside the page (plan_files beside
    /// plan.html; .files and _文件 in some browsers): the page's scripts, styles and embedded
    /// widgets, never a document of its own.
    static func isSavedPageResources(_ url: URL) -> Bool {
        guard (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true else { return false }
        let name = url.lastPathComponent
        guard let suffix = ["_files", ".files", "_文件"].first(where: { name.hasSuffix($0) && name.count > $0.count }) else { return false }
        let page = url.deletingLastPathComponent().appendingPathComponent(String(name.dropLast(suffix.count))).path
        return ["html", "htm", "mht", "mhtml", "xhtml", "shtml"].contains { FileManager.default.fileExists(atPath: page + "." + $0) }
    }

    /// A link to a file that is itself listed would index the same document twice.
    static func withoutLinksToListedFiles(_ sources: [Source]) -> [Source] {
        let paths = Set(sources.map(\.url.path))
        return sources.filter { s in
            guard isSymbolicLink(s.url), let target = resolve(s.url) else { return true }
            return !paths.contains(target.path)
        }
    }

    /// plan.doc beside plan.docx: the .docx is the conversion the skip message asked for, so the
    /// original is not reported again at every update.
    static func withoutConvertedOriginals(_ sources: [Source]) -> [Source] {
        let paths = Set(sources.map(\.url.path))
        return sources.filter { s in
            guard Ingestor.convertedExtensions.contains(s.url.pathExtension.lowercased()) else { return true }
            return !paths.contains(s.url.deletingPathExtension().path + ".docx")
        }
    }

    /// The owner file Word and WPS keep beside a document while it is open (~$plan.docx): a few
    /// bytes naming who has it open, never a document; skipped like hidden files.
    static func isOwnerLock(_ name: String) -> Bool { name.hasPrefix("~$") }

    static func isSymbolicLink(_ url: URL) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    /// The file a link finally points to; nil for a dangling link or a loop (ELOOP).
    static func resolve(_ url: URL) -> URL? {
        guard let p = realpath(url.path, nil) else { return nil }
        defer { free(p) }
        return URL(fileURLWithPath: String(cString: p))
    }

    static func stat(_ url: URL) -> Source? {
        guard let a = try? FileManager.default.attributesOfItem(atPath: url.path),
            (a[.type] as? FileAttributeType) == .typeRegular
        else { return nil }
        let size = (a[.size] as? NSNumber)?.uint64Value ?? 0
        let modified = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return Source(url: url, size: size, modified: modified)
    }

    /// FNV-1a over paths, sizes and modification times (and the catalogs beside them): equal
    /// fingerprints mean nothing needs re-reading.
    public static func fingerprint(_ sources: [Source]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) {
            for b in s.utf8 {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        var catalogs = Set<String>()
        for s in sources {
            mix(s.url.path)
            mix("\u{0}\(s.size)\u{0}\(s.modified)\u{0}")
            catalogs.insert(s.url.deletingLastPathComponent().path)
        }
        for dir in catalogs.sorted() {
            let catalog = URL(fileURLWithPath: dir).appendingPathComponent("catalog.json")
            if let s = stat(catalog) { mix("catalog\(s.size)\(s.modified)") }
        }
        return h == 0 ? 1 : h
    }
}
