import Foundation

/// Reads passage texts from the text store (`TextStore`): finds a passage's block, decompresses it
/// once, and keeps the last `cacheSize` blocks decompressed (as tantivy's doc store does), so the
/// hits of a result page, a passage's neighbours, or a document read in order decompress each
/// block once. Thread-safe: one lock guards the decompression context and the cache.
final class TextStoreReader: @unchecked Sendable {
    static let cacheSize = 64

    private let sections: SectionIndex
    private let path: String
    private let blocks: Int
    private let passages: Int
    private let lock = NSLock()
    private var index: TextStore.Index?
    private var decompressor: ZstdDecompressor?
    /// Decompressed blocks with each passage's span, and the order they were last used.
    private var cache: [Int: (content: [UInt8], spans: [Range<Int>], used: Int)] = [:]
    private var clock = 0

    init(_ sections: SectionIndex, path: String, blocks: Int, passages: Int) {
        self.sections = sections
        self.path = path
        self.blocks = blocks
        self.passages = passages
    }

    private func corrupted(_ part: IndexFormat.Section, _ detail: String) -> IndexError {
        .corrupted(path: path, part: part.name, detail: detail)
    }

    /// The text of passage `id` (0 ≤ id < passages, checked by the caller).
    func text(_ id: Int) throws -> String {
        try lock.withLock {
            let b = try block(of: id)
            let entry = try decompressed(b)
            let first = try span(b).passages.lowerBound
            return entry.content.withUnsafeBytes {
                String(decoding: UnsafeRawBufferPointer(rebasing: $0[entry.spans[id - first]]), as: UTF8.self)
            }
        }
    }

    /// Every block decompressed and parsed (`IndexReader.verify`); returns the passages covered.
    func verifyAll() throws -> Int {
        try lock.withLock {
            var covered = 0
            for b in 0..<blocks {
                let s = try span(b)
                guard s.passages.lowerBound == covered else { throw corrupted(.textIndex, "block \(b) does not follow block \(b - 1)") }
                _ = try decompressed(b)
                covered = s.passages.upperBound
            }
            return covered
        }
    }

    /// A frame of another section compressed with the text store's dictionary (document infos).
    func decompress(_ frame: UnsafeRawBufferPointer, limit: Int) throws -> [UInt8]? {
        try lock.withLock { try context().decompress(frame, limit: limit) }
    }

    private func context() throws -> ZstdDecompressor {
        if let decompressor { return decompressor }
        let dictionary = try sections.bytes(.textDictionary, 0, sections.length(.textDictionary))
        guard let d = ZstdDecompressor(dictionary: dictionary) else { throw corrupted(.textDictionary, "unusable dictionary") }
        decompressor = d
        return d
    }

    private func blockIndex() throws -> TextStore.Index {
        if let index { return index }
        let section = try sections.bytes(.textIndex, 0, sections.length(.textIndex))
        do { index = try TextStore.Index(section, blocks: blocks) } catch let e as MalformedRecord { throw corrupted(.textIndex, e.detail) }
        return index!
    }

    private func block(of id: Int) throws -> Int {
        guard let b = try blockIndex().block(of: id) else { throw corrupted(.textIndex, "no block holds passage \(id)") }
        return b
    }

    private func span(_ b: Int) throws -> (bytes: Range<Int>, passages: Range<Int>) {
        guard let s = try blockIndex().span(b, passages: passages) else { throw corrupted(.textIndex, "block \(b) out of order") }
        return s
    }

    private func decompressed(_ b: Int) throws -> (content: [UInt8], spans: [Range<Int>], used: Int) {
        clock += 1
        if let hit = cache[b] {
            cache[b]?.used = clock
            return hit
        }
        let s = try span(b)
        let frame = try sections.bytes(.textBlocks, s.bytes.lowerBound, s.bytes.count)
        guard let content = try context().decompress(frame, limit: TextStore.maxBlockSize) else {
            throw corrupted(.textBlocks, "block \(b) does not decompress")
        }
        let spans: [Range<Int>]
        do { spans = try content.withUnsafeBytes { try TextStore.decodeBlock($0, count: s.passages.count) } } catch let e as MalformedRecord
        {
            throw corrupted(.textBlocks, "block \(b): \(e.detail)")
        }
        if cache.count >= Self.cacheSize, let oldest = cache.min(by: { $0.value.used < $1.value.used })?.key {
            cache[oldest] = nil
        }
        cache[b] = (content, spans, clock)
        return (content, spans, clock)
    }
}
