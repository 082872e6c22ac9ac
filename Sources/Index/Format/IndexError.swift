/// Everything that can go wrong with an index, named by cause, each with what to do about it.
public enum IndexError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case notAnIndex(path: String)
    case incompatibleVersion(path: String, found: UInt32, supported: UInt32)
    case corrupted(path: String, part: String, detail: String)
    case locked(path: String, pid: Int32)
    case io(path: String, detail: String)
    case noDocuments

    public var description: String {
        switch self {
        case .missing(let p):
            return "no index at \(p); build it with `policy-search index`"
        case .notAnIndex(let p):
            return
                "\(p) is not a policy-search index (wrong magic bytes); remove it or point --index elsewhere, then run `policy-search index --rebuild`"
        case .incompatibleVersion(let p, let f, let s):
            return "\(p) has index format version \(f), this program reads version \(s); run `policy-search index --rebuild`"
        case .corrupted(let p, let part, let d):
            return "index \(p) is damaged in \(part) (\(d)); run `policy-search index --rebuild`"
        case .locked(let p, let pid):
            return "index \(p) is being updated by pid \(pid); wait for it to finish or retry"
        case .io(let p, let d):
            return "\(p): \(d)"
        case .noDocuments:
            return "no documents could be indexed"
        }
    }
}
