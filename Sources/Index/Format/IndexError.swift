/// Everything that can go wrong with an index, named by cause, each with what to do about it.
public enum IndexError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case notAnIndex(path: String)
    case incompatibleVersion(path: String, found: UInt32, supported: UInt32)
    case corrupted(path: String, part: String, detail: String)
    case locked(path: String, pid: Int32)
    case io(path: String, detail: String)
    /// Nothing could be indexed; each skipped file with its reason ("a.bin: contains NUL bytes").
    case noDocuments(skipped: [String])
    /// A path given to index does not exist; `index` is the index folder when the path is one of
    /// its stored sources.
    case sourceMissing(path: String, index: String?)
    /// An index folder without an index, and no paths to build one from.
    case noSources(index: String)
    /// `--remove` would take out every source the index has.
    case wouldBeEmpty(index: String)
    /// `--remove NAME`: no document or source of the index has that name or path.
    case notIndexed(name: String, index: String)
    /// The index is damaged or of another version, so its stored sources cannot be read either.
    case sourcesUnreadable(index: String, detail: String)

    /// Errors in what the user asked for rather than in the index (the CLI exits 2 for them).
    public var isUsageError: Bool {
        switch self {
        case .sourceMissing, .noSources, .notIndexed, .wouldBeEmpty: return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .missing(let p):
            return "no index at \(p); build it with `policy-search index PATH… --index \(p)`"
        case .notAnIndex(let p):
            return "\(p) is not a policy-search index (wrong magic bytes); remove it or point --index elsewhere"
        case .incompatibleVersion(let p, let f, let s):
            let folder = p.hasSuffix("/" + IndexFormat.fileName) ? String(p.dropLast(IndexFormat.fileName.count + 1)) : p
            return
                "\(p) has index format version \(f), this program reads version \(s); rebuild it from the files and folders it was built from with `policy-search index --index \(folder)` (add PATH… for others, or where they have moved)"
        case .corrupted(let p, let part, let d):
            return "index \(p) is damaged in \(part) (\(d)); \(Self.rebuild(p, paths: false))"
        case .locked(let p, let pid):
            return "index \(p) is being updated by pid \(pid); wait for it to finish or retry"
        case .io(let p, let d):
            return "\(p): \(d)"
        case .noDocuments(let skipped):
            return "no documents could be indexed\(skipped.isEmpty ? "" : " (\(skipped.joined(separator: "; ")))"); nothing was written"
        case .sourceMissing(let p, nil):
            return "no such file or directory: \(p)"
        case .sourceMissing(let p, let index?):
            return
                "\(p), a source of the index at \(index), no longer exists; restore it, or drop it with `policy-search index --remove \(p) --index \(index)`"
        case .noSources(let index):
            return "\(index) has no index yet; give the files or folders to index: `policy-search index PATH… --index \(index)`"
        case .wouldBeEmpty(let index):
            return
                "that would leave the index at \(index) with no documents; nothing was changed (to drop the index, delete the folder \(index))"
        case .notIndexed(let name, let index):
            return "the index at \(index) has no document or source named \(name); `policy-search docs --index \(index)` lists them"
        case .sourcesUnreadable(let index, let d):
            return
                "cannot tell which sources the index at \(index) was built from (\(d)); give them again: `policy-search index PATH… --rebuild --index \(index)`"
        }
    }

    /// What is wrong, without the advice (for a message that gives its own).
    public var cause: String {
        switch self {
        case .incompatibleVersion(let p, let f, let s): return "\(p) has index format version \(f), this program reads version \(s)"
        case .corrupted(let p, let part, let d): return "\(p) is damaged in \(part) (\(d))"
        case .notAnIndex(let p): return "\(p) is not a policy-search index"
        default: return description
        }
    }

    /// The command that rebuilds the index whose file is `path`, from its stored sources (or, for
    /// another format version, from sources given again). Damage may have taken the stored sources
    /// too (a truncated file), which only the rebuild finds out: the advice names both commands.
    private static func rebuild(_ path: String, paths: Bool) -> String {
        let suffix = "/" + IndexFormat.fileName
        let folder = path.hasSuffix(suffix) ? String(path.dropLast(suffix.count)) : path
        if paths { return "run `policy-search index PATH… --rebuild --index \(folder)`" }
        return
            "run `policy-search index --rebuild --index \(folder)` (if it cannot tell what the index was built from, give the files or folders: `policy-search index PATH… --rebuild --index \(folder)`)"
    }
}
