import Foundation
import Ingestion
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
/// Layouts are the codecs' in `Format/`; this type finds the bytes and checks them.
public final class IndexReader: @unchecked Sendable {
    public let directory: URL
    public let path: String
    public let fileSize: Int
    public let passageCount: Int
    public let documentCount: Int
    public let termCount: Int
    /// Terms that are single normalized characters: the distinct characters of the corpus. The
    /// other `termCount - characterCount` terms are pairs of adjacent characters.
    public let characterCount: Int
    /// Terms that are pairs of adjacent characters (the dictionary also holds a marker per
    /// character that ends a passage: `termCount` = characters + pairs + those markers).
    public let characterPairCount: Int
    public let totalLength: UInt64
    /// Fingerprint of the sources the index was built from (`SourceScanner.fingerprint`).
    public let fingerprint: UInt64

    /// The mapping, shared with every view this reader hands out.
    let storage: IndexStorage
    let sections: SectionIndex
    let pathCount: Int
    let passageTable: PassageTable
    /// The packed lengths, as a width and where they start in the file.
    private let lengthsWidth: Int
    private let lengthsOffset: Int
    private let textStore: TextStoreReader
    private var documentInfoCache: [Int: DocumentInfo] = [:]
    private var pathCache: [Int: (box: String?, headings: [String])] = [:]
    let lock = NSLock()
    /// Merged postings of characters without a list of their own (`mergedCursor`), bounded by
    /// `mergedCacheLimit` postings in all.
    var mergedCache: [UInt64: PostingsCursor.Merged] = [:]
    var mergedCachePostings = 0
    static let mergedCacheLimit = 1 << 21

    public var averageLength: Double { passageCount == 0 ? 0 : Double(totalLength) / Double(passageCount) }

    public init(directory: URL) throws {
        self.directory = directory
        let path = directory.appendingPathComponent(IndexFormat.fileName).path
        self.path = path
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
        let sections = try SectionIndex(storage, path: path)
        self.sections = sections
        let meta = try Self.decoding(path, .meta) { try IndexMeta.decode(try sections.bytes(.meta, 0, IndexMeta.size)) }
        (passageCount, documentCount, termCount, characterCount) = (meta.passages, meta.documents, meta.terms, meta.characters)
        characterPairCount = meta.terms - meta.characters - meta.endPairs
        (totalLength, fingerprint) = (meta.totalLength, meta.fingerprint)
        try sections.checkLength(.documents, documentCount * DocumentRecord.size)
        try sections.checkLength(.terms, TermDictionary.blockCount(terms: termCount) * TermDictionary.Block.size)
        guard sections.length(.postings) >= BitPacking.padding else {
            throw IndexError.corrupted(path: path, part: IndexFormat.Section.postings.name, detail: "padding missing")
        }
        let passageLength = sections.length(.passages)
        passageTable = try Self.decoding(path, .passages) {
            let header = try sections.bytes(.passages, 0, min(passageLength, 1 + PassageTable.fieldCount))
            return try PassageTable(header: header, length: passageLength, count: meta.passages)
        }
        // The lengths' layout is checked now; their CRCs when they are first read.
        let lengthsLength = sections.length(.lengths)
        lengthsWidth = try Self.decoding(path, .lengths) {
            let header = try sections.bytes(.lengths, 0, min(1, lengthsLength))
            guard let width = header.first.map(Int.init), width <= BitPacking.maxWidth,
                lengthsLength == 1 + BitPacking.byteCount(meta.passages, width: width) + BitPacking.padding
            else { throw MalformedRecord(detail: "length \(lengthsLength) does not hold \(meta.passages) lengths") }
            return width
        }
        lengthsOffset = sections.offset(.lengths) + 1
        textStore = TextStoreReader(sections, path: path, blocks: meta.textBlocks, passages: meta.passages)
        guard sections.length(.paths) % PathRecord.size == 0 else {
            throw IndexError.corrupted(path: path, part: "heading paths", detail: "length not a multiple of \(PathRecord.size)")
        }
        pathCount = sections.length(.paths) / PathRecord.size
    }

    /// Runs a codec's decode, reporting a malformed record as damage in `section`.
    static func decoding<T>(_ path: String, _ section: IndexFormat.Section, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as MalformedRecord {
            throw IndexError.corrupted(path: path, part: section.name, detail: e.detail)
        }
    }

    func decoding<T>(_ section: IndexFormat.Section, _ body: () throws -> T) throws -> T {
        try Self.decoding(path, section, body)
    }

    /// Bytes [start, start+count) of a section, bounds- and CRC-checked.
    func bytes(_ section: IndexFormat.Section, _ start: Int, _ count: Int) throws -> UnsafeRawBufferPointer {
        try sections.bytes(section, start, count)
    }

    private func outOfRange(_ section: IndexFormat.Section, _ what: String) -> IndexError {
        .corrupted(path: path, part: section.name, detail: "\(what) out of range")
    }

    /// Each section's name and size in bytes, in file order: where the index's bytes go.
    public func sectionSizes() -> [(name: String, bytes: Int)] {
        IndexFormat.Section.allCases.sorted { sections.offset($0) < sections.offset($1) }.map { ($0.name, sections.length($0)) }
    }

    /// The sources the index was built from.
    public func manifest() throws -> IndexManifest {
        try decoding(.manifest) { try IndexManifest.decode(try bytes(.manifest, 0, sections.length(.manifest))) }
    }

    /// The sources of the index in `directory`, read on their own: a file damaged elsewhere (or
    /// too damaged to open as a reader) can still say what to rebuild it from.
    /// - Parameter olderVersion: read it from an index of an earlier format version too (which
    ///   nothing else can read), so that such an index is rebuilt from its own sources.
    public static func manifest(in directory: URL, olderVersion: Bool = false) throws -> IndexManifest {
        let path = directory.appendingPathComponent(IndexFormat.fileName).path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IndexError.missing(path: directory.path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { throw IndexError.notAnIndex(path: path) }
        let storage = try IndexStorage(mapping: fd, size: Int(st.st_size), path: path)
        let sections = try SectionIndex(storage, path: path, olderVersion: olderVersion)
        return try decoding(path, .manifest) { try IndexManifest.decode(try sections.bytes(.manifest, 0, sections.length(.manifest))) }
    }

    // MARK: Passages

    public func passageRecord(_ id: Int) throws -> PassageRecord {
        try passageRaw(id)
    }

    private func passageRaw(_ id: Int) throws -> PassageRecord {
        guard id >= 0, id < passageCount else { throw outOfRange(.passages, "passage \(id)") }
        let range = passageTable.byteRange(id)
        let raw = try bytes(.passages, range.lowerBound, range.count)
        let record = try decoding(.passages) {
            try passageTable.decode(id, section: raw.baseAddress! - range.lowerBound, length: try length(id))
        }
        guard record.document < documentCount, record.pathID < pathCount else {
            throw IndexError.corrupted(path: path, part: IndexFormat.Section.passages.name, detail: "passage \(id) has an invalid record")
        }
        return record
    }

    /// BM25 length (letters and digits) of a passage, from the dense lengths section.
    public func length(_ id: Int) throws -> Int {
        guard id >= 0, id < passageCount else { throw outOfRange(.lengths, "passage \(id)") }
        let bit = id * lengthsWidth
        let raw = try bytes(.lengths, 1 + bit >> 3, BitPacking.padding)
        return lengthsWidth == 0 ? 0 : Int(BitPacking.get(raw.baseAddress!, bit: bit & 7, width: lengthsWidth))
    }

    /// Every passage's BM25 length, read in place (bit-packed); it keeps the mapping alive.
    /// Scoring reads it once per candidate, so the subscript is inlined into the caller.
    public struct Lengths: RandomAccessCollection, @unchecked Sendable {
        /// Holds the mapping `base` points into. Immutable: sharing it across threads is safe.
        @usableFromInline let storage: IndexStorage
        @usableFromInline let base: UnsafeRawPointer
        @usableFromInline let width: Int
        @usableFromInline let mask: UInt64
        public let count: Int

        init(storage: IndexStorage, offset: Int, width: Int, count: Int) {
            self.storage = storage
            base = storage.bytes.baseAddress! + offset
            self.width = width
            mask = (UInt64(1) << UInt64(width)) &- 1
            self.count = count
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { count }
        @inlinable public subscript(position: Int) -> UInt32 {
            precondition(position >= 0 && position < count, "passage out of range")
            let bit = position &* width
            let word = (base + (bit &>> 3)).loadUnaligned(as: UInt64.self)
            return UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
        }
    }

    /// The whole lengths section, checksummed once: scoring many passages reads it directly.
    public func lengths() throws -> Lengths {
        _ = try bytes(.lengths, 0, sections.length(.lengths))
        return Lengths(storage: storage, offset: lengthsOffset, width: lengthsWidth, count: passageCount)
    }

    private func string(_ span: ByteSpan) throws -> String {
        String(decoding: try bytes(.strings, span.offset, span.length), as: UTF8.self)
    }

    /// The 专栏 box and heading path of a path id (cached: many passages share a path).
    public func path(_ id: Int) throws -> (box: String?, headings: [String]) {
        if let hit = lock.withLock({ pathCache[id] }) { return hit }
        guard id >= 0, id < pathCount else { throw outOfRange(.paths, "path \(id)") }
        let span = try decoding(.paths) { try PathRecord.decode(try bytes(.paths, id * PathRecord.size, PathRecord.size)) }
        let raw = try bytes(.strings, span.offset, span.length)
        // Split on bytes: splitting a String by Character is far slower.
        var parts = raw.split(separator: PathRecord.separator, omittingEmptySubsequences: false).map {
            String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self)
        }
        let box = parts.removeFirst()
        let result = (box: box.isEmpty ? nil : box, headings: parts)
        lock.withLock { pathCache[id] = result }
        return result
    }

    public func passage(_ id: Int) throws -> StoredPassage {
        let record = try passageRaw(id)
        let p = try path(record.pathID)
        return StoredPassage(id: id, record: record, text: try textStore.text(id), path: p.headings, box: p.box)
    }

    /// Decompresses and parses every text block (`verify`); returns the passages they cover.
    func verifyTextStore() throws -> Int { try textStore.verifyAll() }

    // MARK: Documents

    func documentRecord(_ doc: Int) throws -> DocumentRecord {
        guard doc >= 0, doc < documentCount else { throw outOfRange(.documents, "document \(doc)") }
        let record = try decoding(.documents) {
            try DocumentRecord.decode(try bytes(.documents, doc * DocumentRecord.size, DocumentRecord.size))
        }
        guard record.firstPassage <= passageCount, record.passageCount <= passageCount - record.firstPassage else {
            throw IndexError.corrupted(
                path: path, part: IndexFormat.Section.documents.name, detail: "document \(doc) passage range invalid")
        }
        return record
    }

    /// Passage ids of a document: [first, first + count).
    public func passageRange(ofDocument doc: Int) throws -> Range<Int> {
        try documentRecord(doc).passages
    }

    public func documentSummary(_ doc: Int) throws -> DocumentSummary {
        let r = try documentRecord(doc)
        return DocumentSummary(index: doc, name: try string(r.name), title: try string(r.title))
    }

    /// Full document information (metadata, source, outline), decoded from JSON on demand.
    public func documentInfo(_ doc: Int) throws -> DocumentInfo {
        if let hit = lock.withLock({ documentInfoCache[doc] }) { return hit }
        let info = try decodeDocumentInfo(doc, as: DocumentInfo.self)
        lock.withLock { documentInfoCache[doc] = info }
        return info
    }

    /// Where a document was read from, without decoding its outline (most of its information):
    /// the CLI looks for synonyms.txt beside every document on each search.
    public func documentSource(_ doc: Int) throws -> SourceInfo {
        if let hit = lock.withLock({ documentInfoCache[doc] }) { return hit.source }
        struct Source: Decodable { var source: SourceInfo }
        return try decodeDocumentInfo(doc, as: Source.self).source
    }

    private func decodeDocumentInfo<T: Decodable>(_ doc: Int, as type: T.Type) throws -> T {
        let r = try documentRecord(doc)
        let frame = try bytes(.documentInfo, r.info.offset, r.info.length)
        guard let json = try textStore.decompress(frame, limit: 64 << 20), let info = try? JSONDecoder().decode(T.self, from: Data(json))
        else {
            throw IndexError.corrupted(path: path, part: IndexFormat.Section.documentInfo.name, detail: "document \(doc) info unreadable")
        }
        return info
    }
}
