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
}

/// A passage as stored: record, text, and its place in the document.
public struct StoredPassage: Equatable, Sendable {
    public var id: Int
    public var record: PassageRecord
    public var text: String
    public var path: [String]
    public var box: String?
}

public struct TermInfo: Equatable, Sendable {
    public var term: UInt32
    public var df: Int
    public var offset: Int
    public var length: Int
    public var total: Int
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

    private let base: UnsafeRawPointer
    private var sections: [IndexFormat.Section: SectionInfo] = [:]
    private var documentInfoCache: [Int: DocumentInfo] = [:]
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
            if fileSize >= 8 || fileSize == 0 { throw IndexError.corrupted(path: path, part: "header", detail: "file is \(fileSize) bytes, too short") }
            throw IndexError.notAnIndex(path: path)
        }
        guard let map = mmap(nil, fileSize, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            throw IndexError.io(path: path, detail: "mmap failed: \(String(cString: strerror(errno)))")
        }
        base = UnsafeRawPointer(map)
        let raw = UnsafeRawBufferPointer(start: base, count: fileSize)
        // From here every stored property is set: a throw runs deinit, which unmaps.
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
        try checkSize(.terms, termCount * IndexFormat.termRecordSize)
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), fileSize) }

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
        func u64() throws -> UInt64 { let lo = try u32(); let hi = try u32(); return UInt64(hi) << 32 | UInt64(lo) }
        let count = try u32()
        var result: [IndexFormat.Section: SectionInfo] = [:]
        for _ in 0..<min(count, 64) {
            let kindRaw = try u32()
            let offset = Int(clamping: try u64())
            let length = Int(clamping: try u64())
            let blocks = Int(try u32())
            guard offset >= IndexFormat.headerSize, offset <= limit, length <= limit - offset,
                  blocks == (length + IndexFormat.blockSize - 1) / IndexFormat.blockSize else {
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
    /// they touch (each block once per reader).
    func bytes(_ section: IndexFormat.Section, _ start: Int, _ count: Int) throws -> UnsafeRawBufferPointer {
        lock.lock()
        defer { lock.unlock() }
        guard var info = sections[section] else { throw IndexError.corrupted(path: path, part: section.name, detail: "missing") }
        guard start >= 0, count >= 0, start <= info.length, count <= info.length - start else {
            throw IndexError.corrupted(path: path, part: section.name, detail: "reference [\(start), +\(count)) outside the section")
        }
        if count > 0 {
            let first = start / IndexFormat.blockSize
            let last = (start + count - 1) / IndexFormat.blockSize
            var changed = false
            for b in first...last where !info.verified[b] {
                let lo = b * IndexFormat.blockSize
                let hi = min(info.length, lo + IndexFormat.blockSize)
                let block = UnsafeRawBufferPointer(start: base + info.offset + lo, count: hi - lo)
                guard CRC32.checksum(block) == info.crcs[b] else {
                    throw IndexError.corrupted(path: path, part: section.name, detail: "checksum mismatch in block \(b)")
                }
                info.verified[b] = true
                changed = true
            }
            if changed { sections[section] = info }
        }
        return UnsafeRawBufferPointer(start: base + info.offset + start, count: count)
    }

    // MARK: Records

    public func passageRecord(_ id: Int) throws -> PassageRecord {
        try passageRaw(id).record
    }

    private func passageRaw(_ id: Int) throws -> (record: PassageRecord, textOffset: Int, textLength: Int, pathOffset: Int, pathLength: Int) {
        guard id >= 0, id < passageCount else { throw IndexError.corrupted(path: path, part: "passage table", detail: "passage \(id) out of range") }
        let r = try bytes(.passages, id * IndexFormat.passageRecordSize, IndexFormat.passageRecordSize)
        let doc = Int(r.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let kindCode = r.loadUnaligned(fromByteOffset: 4, as: UInt8.self)
        guard doc < documentCount, kindCode <= 4 else {
            throw IndexError.corrupted(path: path, part: "passage table", detail: "passage \(id) has an invalid record")
        }
        let kinds: [Passage.Kind] = [.paragraph, .heading, .tableRow, .frontMatter, .footnote]
        let record = PassageRecord(
            document: doc, kind: kinds[Int(kindCode)],
            ordinal: Int(r.loadUnaligned(fromByteOffset: 6, as: UInt16.self)),
            firstLine: Int(r.loadUnaligned(fromByteOffset: 20, as: UInt32.self)),
            lastLine: Int(r.loadUnaligned(fromByteOffset: 24, as: UInt32.self)),
            words: Int(r.loadUnaligned(fromByteOffset: 28, as: UInt32.self)))
        return (record, Int(clamping: r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                Int(r.loadUnaligned(fromByteOffset: 16, as: UInt32.self)),
                Int(r.loadUnaligned(fromByteOffset: 32, as: UInt32.self)),
                Int(r.loadUnaligned(fromByteOffset: 36, as: UInt32.self)))
    }

    public func passage(_ id: Int) throws -> StoredPassage {
        let raw = try passageRaw(id)
        let text = String(decoding: try bytes(.text, raw.textOffset, raw.textLength), as: UTF8.self)
        let pathString = String(decoding: try bytes(.text, raw.pathOffset, raw.pathLength), as: UTF8.self)
        var parts = pathString.split(separator: IndexFormat.pathSeparator, omittingEmptySubsequences: false).map(String.init)
        let box = parts.isEmpty ? "" : parts.removeFirst()
        return StoredPassage(id: id, record: raw.record, text: text, path: parts, box: box.isEmpty ? nil : box)
    }

    /// Passage ids of a document: [first, first + count).
    public func passageRange(ofDocument doc: Int) throws -> Range<Int> {
        let r = try documentRecord(doc)
        return r.first..<(r.first + r.count)
    }

    private func documentRecord(_ doc: Int) throws -> (first: Int, count: Int, infoOffset: Int, infoLength: Int) {
        guard doc >= 0, doc < documentCount else { throw IndexError.corrupted(path: path, part: "document table", detail: "document \(doc) out of range") }
        let r = try bytes(.documents, doc * IndexFormat.documentRecordSize, IndexFormat.documentRecordSize)
        let first = Int(r.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let count = Int(r.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        guard first <= passageCount, count <= passageCount - first else {
            throw IndexError.corrupted(path: path, part: "document table", detail: "document \(doc) passage range invalid")
        }
        return (first, count, Int(clamping: r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), Int(r.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
    }

    public func documentInfo(_ doc: Int) throws -> DocumentInfo {
        lock.lock()
        if let hit = documentInfoCache[doc] { lock.unlock(); return hit }
        lock.unlock()
        let r = try documentRecord(doc)
        let data = Data(try bytes(.documentInfo, r.infoOffset, r.infoLength))
        guard let info = try? JSONDecoder().decode(DocumentInfo.self, from: data) else {
            throw IndexError.corrupted(path: path, part: "document info", detail: "document \(doc) info unreadable")
        }
        lock.lock()
        documentInfoCache[doc] = info
        lock.unlock()
        return info
    }

    // MARK: Terms

    /// Binary search of the term dictionary.
    public func term(_ scalar: UInt32) throws -> TermInfo? {
        var lo = 0, hi = termCount
        while lo < hi {
            let mid = (lo + hi) / 2
            let r = try bytes(.terms, mid * IndexFormat.termRecordSize, IndexFormat.termRecordSize)
            let key = r.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
            if key == scalar {
                let info = TermInfo(term: key, df: Int(r.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
                                    offset: Int(clamping: r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                                    length: Int(r.loadUnaligned(fromByteOffset: 16, as: UInt32.self)),
                                    total: Int(r.loadUnaligned(fromByteOffset: 20, as: UInt32.self)))
                guard info.df <= passageCount else { throw IndexError.corrupted(path: path, part: "term dictionary", detail: "df out of range") }
                return info
            }
            if key < scalar { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    public func termAt(_ index: Int) throws -> TermInfo {
        let r = try bytes(.terms, index * IndexFormat.termRecordSize, IndexFormat.termRecordSize)
        return TermInfo(term: r.loadUnaligned(fromByteOffset: 0, as: UInt32.self),
                        df: Int(r.loadUnaligned(fromByteOffset: 4, as: UInt32.self)),
                        offset: Int(clamping: r.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                        length: Int(r.loadUnaligned(fromByteOffset: 16, as: UInt32.self)),
                        total: Int(r.loadUnaligned(fromByteOffset: 20, as: UInt32.self)))
    }

    /// Decodes a term's postings, validating every value.
    public func postings(_ term: TermInfo) throws -> Postings {
        let raw = try bytes(.postings, term.offset, term.length)
        return try Postings.decode(raw, df: term.df, passageCount: passageCount, path: path)
    }

    // MARK: Verification

    /// Checks every block checksum and the structural invariants (as Lucene's CheckIndex does).
    public func verify() throws {
        for s in IndexFormat.Section.allCases {
            _ = try bytes(s, 0, sections[s]!.length)
        }
        var previousTerm: UInt32? = nil
        for i in 0..<termCount {
            let t = try termAt(i)
            if let p = previousTerm, t.term <= p { throw IndexError.corrupted(path: path, part: "term dictionary", detail: "terms not sorted at \(i)") }
            previousTerm = t.term
            _ = try postings(t)
        }
        var expectedFirst = 0
        for d in 0..<documentCount {
            let r = try documentRecord(d)
            guard r.first == expectedFirst else { throw IndexError.corrupted(path: path, part: "document table", detail: "document \(d) not contiguous") }
            expectedFirst += r.count
            _ = try documentInfo(d)
        }
        guard expectedFirst == passageCount else { throw IndexError.corrupted(path: path, part: "document table", detail: "passages not covered") }
        for p in 0..<passageCount { _ = try passage(p) }
    }
}
