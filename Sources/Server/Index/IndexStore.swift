import Foundation
import Index
import Logging
import Query

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file a path names right now: `policy-search index` writes a new file and renames it over
/// the old one, so a new inode (or size or modification time) means a complete new index.
struct FileIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        size = Int64(st.st_size)
        #if canImport(Darwin)
            modifiedSeconds = Int(st.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(st.st_mtimespec.tv_nsec)
        #else
            modifiedSeconds = Int(st.st_mtim.tv_sec)
            modifiedNanoseconds = Int(st.st_mtim.tv_nsec)
        #endif
    }
}

/// The index the server answers from: opened once and shared read-only by every request, and
/// reopened when `policy-search index` replaces it. Each request asks for `current()`, which
/// costs one `stat` of the index file; a request under way keeps the generation it started with
/// (its mapping of the old file stays valid after the rename) until it finishes.
///
/// A replacement that cannot be opened (damaged, another format version) is logged and the last
/// good index goes on answering; it is tried again when the file changes again.
final class IndexStore: Sendable {
    let directory: URL
    let path: String
    let synonyms: SynonymTable?
    private let state: Locked<(generation: IndexGeneration, failed: FileIdentity?)>
    private let logger: Logger

    init(directory: URL, synonyms: SynonymTable?, logger: Logger) throws {
        self.directory = directory
        self.synonyms = synonyms
        self.logger = logger
        path = directory.appendingPathComponent(IndexFormat.fileName).path
        let identity = FileIdentity(path: path)
        let reader = try IndexReader(directory: directory)
        state = Locked((try IndexGeneration(reader: reader, identity: identity, synonyms: synonyms), nil))
    }

    /// The index to answer the current request from.
    func current() -> IndexGeneration {
        let (generation, failed) = state.get()
        let identity = FileIdentity(path: path)
        guard let identity, identity != generation.identity, identity != failed else { return generation }
        return state.withLock { s in
            guard identity != s.generation.identity, identity != s.failed else { return s.generation }
            do {
                s.generation = try IndexGeneration(reader: try IndexReader(directory: directory), identity: identity, synonyms: synonyms)
                s.failed = nil
                logger.info(
                    "index replaced on disk; reopened",
                    metadata: ["documents": "\(s.generation.reader.documentCount)", "passages": "\(s.generation.reader.passageCount)"])
            } catch {
                s.failed = identity
                logger.error("index replaced on disk but cannot be opened; still serving the previous one: \(error)")
            }
            return s.generation
        }
    }
}
