import Foundation
import Ingestion

/// What a run of consecutive files becomes: everything the index stores about them, with passage
/// ids, document indices and path ids local to the chunk (the writer shifts them into place).
/// Text is already compressed and postings encoded, so chunks stay small until the file is written.
struct IndexChunk: Sendable {
    struct Document: Sendable {
        var name: String
        var title: String
        /// The `DocumentInfo` JSON, zstd-compressed.
        var info: [UInt8]
        var passages: Int
        /// The folder its source file lies in (for `IndexManifest.folders`).
        var folder: String
    }

    var documents: [Document] = []
    /// Records with chunk-local document index and path id.
    var records: [PassageRecord] = []
    var lengths: [UInt32] = []
    /// Path texts (box, then headings, joined by U+001F) by chunk-local path id.
    var paths: [String] = []
    /// Text store frames, and each block's first (local) passage and end in `text`.
    var text = ByteBuffer()
    var blockFirsts: [UInt32] = []
    var blockEnds: [UInt32] = []
    var postings = ChunkPostings.encoded(PostingsSegment())
    var totalLength: UInt64 = 0
    var inputBytes: UInt64 = 0
    var analyzed: [String] = []
    var reused: [String] = []
    /// Each indexed document's name and the hash of its passages' text (`ChunkIndexer.textHash`), to name duplicates.
    var hashes: [(name: String, hash: String)] = []
    var skipped: [(file: String, reason: String)] = []
    /// Documents that failed to read this time and stay as the previous index held them.
    var kept: [String] = []
}

/// One file planned for indexing.
struct SourceJob: Sendable {
    var url: URL
    /// The document's name in the index: the file name, or folder/file name when two share one.
    var name: String
    var modified: Double
    var size: UInt64
    var metadata: DocumentMetadata?
}

/// The index being replaced, for reusing unchanged files.
struct PreviousIndex: @unchecked Sendable {
    /// Thread-safe (`IndexReader` locks its caches).
    let reader: IndexReader
    let documents: [String: (doc: Int, info: DocumentInfo)]

    init?(_ directory: URL) {
        guard let reader = try? IndexReader(directory: directory) else { return nil }
        var documents: [String: (doc: Int, info: DocumentInfo)] = [:]
        for d in 0..<reader.documentCount {
            if let info = try? reader.documentInfo(d) { documents[info.name] = (d, info) }
        }
        self.reader = reader
        self.documents = documents
    }

    /// Each document's name by its source path, read from the index in `directory` (empty when
    /// there is none or it cannot be read): names outlive rebuilds and updates.
    static func names(in directory: URL) -> [String: String] {
        guard let reader = try? IndexReader(directory: directory) else { return [:] }
        var names: [String: String] = [:]
        for d in 0..<reader.documentCount {
            if let info = try? reader.documentInfo(d) { names[info.source.path] = info.name }
        }
        return names
    }
}
