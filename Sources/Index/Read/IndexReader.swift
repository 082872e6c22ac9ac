import Foundation
import Ingestion
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A passage's fixed-size record.
public struct PassageRecord: Equatable, Sendable {
    public var document: Int
    public var kind: Passage.Kind
    public var ordinal: Int
    public var firstLine: Int
    public var lastLine: Int
    /// Length in ICU words (BM25 dl).
    public var words: Int
    /// Id of the passage's heading path (shared by the passages of a section).
    public var pathID: Int
    /// 1-based pages of the first and last character (PDF); nil for unpaged sources.
    public var firstPage: Int?
    public var lastPage: Int?
}

/// A passage as stored: record, text, and its place in the document.
public struct StoredPassage: Equatable, Sendable {
    public var id: Int
    public var record: PassageRecord
    public var text: String
    public var path: [String]
    public var box: String?
}

/// What a results list needs to show of a document.
public struct DocumentSummary: Equatable, Sendable {
    public var index: Int
    public var name: String
    public var title: String
}

/// Reads an index file through mmap: opening costs a few header checks regardless of corpus size;
/// each block is checksummed the first time it is read; every offset read from disk is
/// bounds-checked before use, so a damaged file yields `IndexError.corrupted`, never a crash.
public final class IndexReader: @unchecked Sendable {
    public let directory: URL
    public let path: String
    public let fileSize: Int
    public private(set) var passageCount: Int = 0
    public private(set) var documentCount: Int = 0
    public private(set) var termCount: Int = 0
    public private(set) var totalWords: UInt64 = 0
    /// Fingerprint of the sources the index was built from (`SourceScanner.fingerprint`).
    public private(set) var fingerprint: UInt64 = 0

    /// The mapping, shared with every view this reader hands out.
    let storage: IndexStorage
    private let base: UnsafeRawPointer
    private var sections: [IndexFormat.Section: SectionInfo] = [:]
    /// The same, flat and indexed by section kind, for the read path.
    private var sectionOffset = [Int](repeating: 0, count: 16)
    private var sectionLength = [Int](repeating: 0, count: 16)
    private var crcs = [[UInt32]](repeating: [], count: 16)
    private var verified = [[Bool]](repeating: [], count: 16)
    private var unverifiedBlocks = [Int](repeating: 0, count: 16)
    private var documentInfoCache: [Int: DocumentInfo] = [:]
    private var pathCache: [Int: (box: String?, headings: [String])] = [:]
    private let lock = NSLock()

    struct SectionInfo {
        var offset: Int
        var length: Int
        var crcs: [UInt32]
        var verified: [Bool]
    }

    public var averageLength: Double { passageCount == 0 ? 0 : Double(totalWords) / Double(passageCount) }

    public init(directory: URL) throws {
        self.directory = directory
        path = directory.appendingPathComponent(IndexFormat.fileName).path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if errno == ENOENT { throw IndexError.missing(path: directory.path) }
            throw IndexError.io(path: path, detail: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IndexError.io(path: path, detail: String(cString: strerror(errno))) }
        fileSize = Int(st.st_size)
        guard fileSize >= IndexFormat.headerSize + IndexFormat.footerSize else {
            if fileSize >= 8 || fileSize == 0 {
                throw IndexError.corrupted(path: path, part: "header", detail: "file is \(fileSize) bytes, too short")
            }
            throw IndexError.notAnIndex(path: path)
        }
        storage = try IndexStorage(mapping: fd, size: fileSize, path: path)
        base = storage.bytes.baseAddress!
        let raw = storage.bytes
        do /* header, footer, table */ {
            guard Array(raw[0..<8]) == IndexFormat.magic else { throw IndexError.notAnIndex(path: path) }
            let version = raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
            guard version == IndexFormat.version else {
                throw IndexError.incompatibleVersion(path: path, found: version, supported: IndexFormat.version)
            }
            let footer = fileSize - IndexFormat.footerSize
            guard Array(raw[(footer + 20)..<(footer + 24)]) == IndexFormat.endMagic else {
                throw IndexError.corrupted(path: path, part: "footer", detail: "end marker missing (truncated or partly written file)")
            }
            let tableOffset = Int(clamping: raw.loadUnaligned(fromByteOffset: footer, as: UInt64.self))
            let tableLength = Int(clamping: raw.loadUnaligned(fromByteOffset: footer + 8, as: UInt64.self))
            guard tableOffset >= IndexFormat.headerSize, tableLength >= 4, tableOffset <= footer, tableLength <= footer - tableOffset else {
                throw IndexError.corrupted(path: path, part: "footer", detail: "section table out of bounds")
            }
            let table = UnsafeRawBufferPointer(rebasing: raw[tableOffset..<(tableOffset + tableLength)])
            guard CRC32.checksum(table) == raw.loadUnaligned(fromByteOffset: footer + 16, as: UInt32.self) else {
                throw IndexError.corrupted(path: path, part: "section table", detail: "checksum mismatch")
            }
            sections = try Self.parseTable(table, limit: tableOffset, path: path)
            for (kind, info) in sections {
                let k = Int(kind.rawValue)
                sectionOffset[k] = info.offset
                sectionLength[k] = info.length
                crcs[k] = info.crcs
                verified[k] = info.verified
                unverifiedBlocks[k] = info.crcs.count
            }
            let meta = sections[.meta]!
            guard meta.length >= IndexFormat.metaSize else { throw IndexError.corrupted(path: path, part: "meta", detail: "too short") }
        }
        let m = try bytes(.meta, 0, IndexFormat.metaSize)
        passageCount = Int(m.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        documentCount = Int(m.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        termCount = Int(m.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        totalWords = m.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        fingerprint = m.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        try checkSize(.documents, documentCount * IndexFormat.documentRecordSize)
        try checkSize(.passages, passageCount * IndexFormat.passageRecordSize)
        try checkSize(.lengths, passageCount * 4)
        try checkSize(.terms, (termCount + TermDictionary.blockSize - 1) / TermDictionary.blockSize * TermDictionary.blockRecordSize)
        guard sections[.paths]!.length % IndexFormat.pathRecordSize == 0 else {
            throw IndexError.corrupted(path: path, part: "heading paths", detail: "length not a multiple of 8")
        }
    }

    private func checkSize(_ s: IndexFormat.Section, _ expected: Int) throws {
        guard sections[s]!.length == expected else {
            throw IndexError.corrupted(path: path, part: s.name, detail: "length \(sections[s]!.length), expected \(expected)")
        }
    }

    private static func parseTable(_ t: UnsafeRawBufferPointer, limit: Int, path: String) throws -> [IndexFormat.Section: SectionInfo] {
        var cursor = 0
        func u32() throws -> UInt32 {
            guard cursor + 4 <= t.count else { throw IndexError.corrupted(path: path, part: "section table", detail: "truncated") }
            defer { cursor += 4 }
            return t.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)
        }
        func u64() throws -> UInt64 {
            let lo = try u32()
            let hi = try u32()
            return UInt64(hi) << 32 | UInt64(lo)
        }
        let count = try u32()
        var result: [IndexFormat.Section: SectionInfo] = [:]
        for _ in 0..<min(count, 64) {
            let kindRaw = try u32()
            let offset = Int(clamping: try u64())
            let length = Int(clamping: try u64())
            let blocks = Int(try u32())
            guard offset >= IndexFormat.headerSize, offset <= limit, length <= limit - offset,
                blocks == (length + IndexFormat.blockSize - 1) / IndexFormat.blockSize
            else {
                throw IndexError.corrupted(path: path, part: "section table", detail: "section \(kindRaw) out of bounds")
            }
            var crcs: [UInt32] = []
            crcs.reserveCapacity(blocks)
            for _ in 0..<blocks { crcs.append(try u32()) }
            if let kind = IndexFormat.Section(rawValue: kindRaw) {
                result[kind] = SectionInfo(offset: offset, length: length, crcs: crcs, verified: [Bool](repeating: false, count: blocks))
            }
        }
        for s in IndexFormat.Section.allCases where result[s] == nil {
            throw IndexError.corrupted(path: path, part: "section table", detail: "\(s.name) section missing")
        }
        return result
    }

    /// Bytes [start, start+count) of a section, after checking bounds and the CRC of every block
    /// they touch (each block once per reader). Flat per-section arrays, mutated in place: this is
    /// on every read path.
    func bytes(_ section: IndexFormat.Section, _ start: Int, _ count: Int) throws -> UnsafeRawBufferPointer {
        let k = Int(section.rawValue)
        let length = sectionLength[k]
        guard start >= 0, count >= 0, start <= length, count <= length - start else {
            throw IndexError.corrupted(path: path, part: section.name, detail: "reference [\(start), +\(count)) outside the section")
        }
        let result = UnsafeRawBufferPointer(start: base + sectionOffset[k] + start, count: count)
        if count == 0 { return result }
        lock.lock()
        defer { lock.unlock() }
        if unverifiedBlocks[k] == 0 { return result }
        let first = start / IndexFormat.blockSize
        let last = (start + count - 1) / IndexFormat.blockSize
        for b in first...last where !verified[k][b] {
            let lo = b * IndexFormat.blockSize
            let hi = min(length, lo + IndexFormat.blockSize)
            let block = UnsafeRawBufferPointer(start: base + sectionOffset[k] + lo, count: hi - lo)
            guard CRC32.checksum(block) == crcs[k][b] else {
                throw IndexError.corrupted(path: path, part: section.name, detail: "checksum mismatch in block \(b)")
            }
            verified[k][b] = true
            unverifiedBlocks[k] -= 1
        }
        return result
    }

    // MARK: Records

    public func passageRecord(_ id: Int) throws -> PassageRecord {
        try passageRaw(id).record
    }

    private func passageRaw(_ id: Int) throws -> (record: PassageRecord, textOffset: Int, textLength: Int) {
        guard id >= 0, id < passageCount else {
            throw IndexError.corrupted(path: path, part: "passage table", detail: "passage \(id) out of range")
        }
        let r = try bytes(.passages, id * IndexFormat.passageRecordSize, IndexFormat.passageRecordSize)
        let doc = Int(r.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let kindCode = r.loadUnaligned(fromByteOffset: 4, as: UInt8.self)
        let pathID = Int(r.loadUnaligned(fromByteOffset: 28, as: UInt32.self))
        guard doc < documentCount, kindCode < Self.kinds.count, pathID < sections[.paths]!.length / IndexFormat.pathRecordSize else {
            throw IndexError.corrupted(path: path, part: "passage table", detail: "passage \(id) has an invalid record")
        }
        let record = PassageRecord(
            document: doc, kind: Self.kinds[Int(kindCode)],
            ordinal: Int(r.loadUnaligned(fromByteOffset: 6, as: UInt16.self)),
            firstLine: Int(r.loadUnaligned(fromByteOffset: 16, as: UInt32.self)),
            lastLine: Int(r.loadUnaligned(fromByteOffset: 20, as: UInt32.self)),
            words: Int(r.loadUnaligned(fromByteOffset: 24, as: UInt32.self)),
            pathID: pathID,
            firstPage: Self.page(r.loadUnaligned(fromByteOffset: 32, as: UInt32.self)),
            lastPage: Self.page(r.loadUnaligned(fromByteOffset: 36, as: UInt32.self)))
        return (record, Int(r.loadUnaligned(fromByteOffset: 8, as: UInt32.self)), Int(r.loadUnaligned(fromByteOffset: 12, as: UInt32.self)))
    }

    private static func page(_ stored: UInt32) -> Int? { stored == 0 ? nil : Int(stored) }

    static let kinds: [Passage.Kind] = [.paragraph, .heading, .tableRow, .frontMatter, .footnote]

    /// BM25 length (ICU words) of a passage, from the dense lengths section.
    public func length(_ id: Int) throws -> Int {
        guard id >= 0, id < passageCount else {
            throw IndexError.corrupted(path: path, part: "passage lengths", detail: "passage \(id) out of range")
        }
        return Int(try bytes(.lengths, id * 4, 4).loadUnaligned(as: UInt32.self))
    }

    /// Every passage's BM25 length, read in place; it keeps the mapping alive.
    public struct Lengths: RandomAccessCollection, Sendable {
        let storage: IndexStorage
        /// Where the section starts in the file.
        let offset: Int
        public let count: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { count }
        public subscript(position: Int) -> UInt32 {
            precondition(position >= 0 && position < count, "passage out of range")
            return storage.bytes.loadUnaligned(fromByteOffset: offset + position * 4, as: UInt32.self)
        }
    }

    /// The whole lengths section, checksummed once: scoring many passages reads it directly.
    public func lengths() throws -> Lengths {
        let raw = try bytes(.lengths, 0, passageCount * 4)
        return Lengths(storage: storage, offset: raw.baseAddress.map { $0 - base } ?? 0, count: passageCount)
    }

    private func string(_ offset: Int, _ length: Int) throws -> String {
        String(decoding: try bytes(.text, offset, length), as: UTF8.self)
    }

    /// The 专栏 box and heading path of a path id (cached: many passages share a path).
    public func path(_ id: Int) throws -> (box: String?, headings: [String]) {
        lock.lock()
        if let hit = pathCache[id] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let r = try bytes(.paths, id * IndexFormat.pathRecordSize, IndexFormat.pathRecordSize)
        let raw = try bytes(
            .text, Int(r.loadUnaligned(fromByteOffset: 0, as: UInt32.self)), Int(r.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
        // Split at U+001F on bytes: splitting a String by Character is far slower.
        var parts: [String] = []
        var start = 0
        for i in 0...raw.count where i == raw.count || raw[i] == 0x1F {
            parts.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[start..<i]), as: UTF8.self))
            start = i + 1
        }
        let box = parts.removeFirst()
        let result = (box: box.isEmpty ? nil : box, headings: parts)
        lock.lock()
        pathCache[id] = result
        lock.unlock()
        return result
    }

    public func passage(_ id: Int) throws -> StoredPassage {
        let raw = try passageRaw(id)
        let p = try path(raw.record.pathID)
        return StoredPassage(id: id, record: raw.record, text: try string(raw.textOffset, raw.textLength), path: p.headings, box: p.box)
    }

    /// Passage ids of a document: [first, first + count).
    public func passageRange(ofDocument doc: Int) throws -> Range<Int> {
        let r = try documentRange(doc)
        return r.first..<(r.first + r.count)
    }

    private func documentBytes(_ doc: Int) throws -> UnsafeRawBufferPointer {
        guard doc >= 0, doc < documentCount else {
            throw IndexError.corrupted(path: path, part: "document table", detail: "document \(doc) out of range")
        }
        return try bytes(.documents, doc * IndexFormat.documentRecordSize, IndexFormat.documentRecordSize)
    }

    private func documentRange(_ doc: Int) throws -> (first: Int, count: Int) {
        let r = try documentBytes(doc)
        let first = Int(r.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let count = Int(r.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        guard first <= passageCount, count <= passageCount - first else {
            throw IndexError.corrupted(path: path, part: "document table", detail: "document \(doc) passage range invalid")
        }
        return (first, count)
    }

    public func documentSummary(_ doc: Int) throws -> DocumentSummary {
        let r = try documentBytes(doc)
        return DocumentSummary(
            index: doc,
            name: try string(
                Int(r.loadUnaligned(fromByteOffset: 8, as: UInt32.self)), Int(r.loadUnaligned(fromByteOffset: 12, as: UInt32.self))),
            title: try string(
                Int(r.loadUnaligned(fromByteOffset: 16, as: UInt32.self)), Int(r.loadUnaligned(fromByteOffset: 20, as: UInt32.self))))
    }

    /// Full document information (metadata, source, outline), decoded from JSON on demand.
    public func documentInfo(_ doc: Int) throws -> DocumentInfo {
        lock.lock()
        if let hit = documentInfoCache[doc] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let r = try documentBytes(doc)
        let data = Data(
            try bytes(
                .documentInfo, Int(clamping: r.loadUnaligned(fromByteOffset: 24, as: UInt64.self)),
                Int(r.loadUnaligned(fromByteOffset: 32, as: UInt32.self))))
        guard let info = try? JSONDecoder().decode(DocumentInfo.self, from: data) else {
            throw IndexError.corrupted(path: path, part: "document info", detail: "document \(doc) info unreadable")
        }
        lock.lock()
        documentInfoCache[doc] = info
        lock.unlock()
        return info
    }

    // MARK: Terms

    /// Looks a term up: binary search of the block table, then a scan of one block.
    public func term(_ key: UInt64) throws -> TermInfo? {
        let blocks = (termCount + TermDictionary.blockSize - 1) / TermDictionary.blockSize
        var lo = 0, hi = blocks
        while lo < hi {
            let mid = (lo + hi) / 2
            let first = try bytes(.terms, mid * TermDictionary.blockRecordSize, 8).loadUnaligned(as: UInt64.self)
            if first <= key { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        return try scanBlock(lo - 1, for: key)
    }

    private func scanBlock(_ b: Int, for key: UInt64?) throws -> TermInfo? {
        var found: TermInfo? = nil
        try forEachTerm(inBlock: b) { t in
            if t.key == key {
                found = t
                return false
            }
            return key.map { t.key < $0 } ?? true
        }
        return found
    }

    /// Calls `body` for each term of dictionary block `b` in order until it returns false.
    private func forEachTerm(inBlock b: Int, _ body: (TermInfo) throws -> Bool) throws {
        let r = try bytes(.terms, b * TermDictionary.blockRecordSize, TermDictionary.blockRecordSize)
        var key = r.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
        let start = Int(r.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        let length = Int(r.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        var offset = Int(clamping: r.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        let entries = try bytes(.termEntries, start, length)
        let count = min(TermDictionary.blockSize, termCount - b * TermDictionary.blockSize)
        var cursor = 0
        let error = IndexError.corrupted(path: path, part: "term dictionary", detail: "block \(b) malformed")
        for i in 0..<count {
            let delta = try readVarint(entries, &cursor, entries.count, error)
            guard i == 0 ? delta == 0 : delta > 0 else { throw error }
            // Values from disk: arithmetic on them must not trap.
            let (next, keyOverflow) = key.addingReportingOverflow(delta)
            let df = Int(clamping: try readVarint(entries, &cursor, entries.count, error))
            let len = Int(clamping: try readVarint(entries, &cursor, entries.count, error))
            let (end, offsetOverflow) = offset.addingReportingOverflow(len)
            guard !keyOverflow, !offsetOverflow, df >= 1, df <= passageCount else { throw error }
            key = next
            let t = TermInfo(key: key, df: df, offset: offset, length: len)
            offset = end
            if try !body(t) { return }
        }
    }

    /// A cursor over a term's postings.
    public func cursor(_ term: TermInfo) throws -> PostingsCursor {
        try PostingsCursor(
            storage: storage, raw: try bytes(.postings, term.offset, term.length), df: term.df, positional: !term.isUnigram,
            passageCount: passageCount, path: path)
    }

    // MARK: Verification

    /// Checks every block checksum and the structural invariants (as Lucene's CheckIndex does):
    /// every section's blocks, the dictionary's order, every postings list, every record.
    public func verify() throws {
        for s in IndexFormat.Section.allCases {
            _ = try bytes(s, 0, sections[s]!.length)
        }
        var previous: UInt64? = nil
        var terms = 0
        var postingsEnd = 0
        let blocks = (termCount + TermDictionary.blockSize - 1) / TermDictionary.blockSize
        for b in 0..<blocks {
            try forEachTerm(inBlock: b) { t in
                if let p = previous, t.key <= p {
                    throw IndexError.corrupted(path: path, part: "term dictionary", detail: "terms out of order")
                }
                guard t.offset == postingsEnd else {
                    throw IndexError.corrupted(path: path, part: "term dictionary", detail: "postings offsets not contiguous")
                }
                previous = t.key
                terms += 1
                postingsEnd = t.offset + t.length
                let c = try cursor(t)
                var n = 0
                for b in 0..<c.blockCount {
                    try c.seek(block: b)
                    try c.validateBlock()
                    n += c.blockPassages.count
                }
                guard n == t.df else { throw IndexError.corrupted(path: path, part: "postings", detail: "df disagrees with postings") }
                return true
            }
        }
        guard terms == termCount, postingsEnd == sections[.postings]!.length else {
            throw IndexError.corrupted(path: path, part: "term dictionary", detail: "term count or postings length mismatch")
        }
        var expectedFirst = 0
        for d in 0..<documentCount {
            let r = try documentRange(d)
            guard r.first == expectedFirst else {
                throw IndexError.corrupted(path: path, part: "document table", detail: "document \(d) not contiguous")
            }
            expectedFirst += r.count
            _ = try documentSummary(d)
            _ = try documentInfo(d)
        }
        guard expectedFirst == passageCount else {
            throw IndexError.corrupted(path: path, part: "document table", detail: "passages not covered")
        }
        for p in 0..<passageCount {
            let stored = try passage(p)
            guard try length(p) == stored.record.words else {
                throw IndexError.corrupted(path: path, part: "passage lengths", detail: "passage \(p)")
            }
        }
    }
}
