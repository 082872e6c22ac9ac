import Ingestion

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

/// The passages section: one fixed-size record per passage, so a passage is found by its id.
///
///     40 B: document u32 · kind u8 · reserved u8 · ordinal u16 · text offset u32 ·
///           text length u32 · first line u32 · last line u32 · ICU words u32 · path id u32 ·
///           first page u32 · last page u32 (pages 1-based; 0 for unpaged sources)
///
/// The text span points into the text section.
enum PassageRecordCodec {
    static let size = 40

    /// Kind codes: a kind's code is its index here (append new kinds at the end).
    static let kinds: [Passage.Kind] = [.paragraph, .heading, .tableRow, .frontMatter, .footnote]

    static func encode(_ p: PassageRecord, text: ByteSpan, into out: inout ByteBuffer) {
        out.append(UInt32(p.document))
        out.append(UInt8(kinds.firstIndex(of: p.kind)!))
        out.append(UInt8(0))
        out.append(UInt16(min(p.ordinal, Int(UInt16.max))))
        out.append(UInt32(text.offset))
        out.append(UInt32(text.length))
        out.append(UInt32(p.firstLine))
        out.append(UInt32(p.lastLine))
        out.append(UInt32(p.words))
        out.append(UInt32(p.pathID))
        out.append(UInt32(p.firstPage ?? 0))
        out.append(UInt32(p.lastPage ?? 0))
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> (record: PassageRecord, text: ByteSpan) {
        var r = ByteReader(bytes)
        let document = Int(try r.u32())
        let kindCode = Int(try r.u8())
        _ = try r.u8()
        guard kindCode < kinds.count else { throw MalformedRecord(detail: "unknown passage kind \(kindCode)") }
        let ordinal = Int(try r.u16())
        let text = ByteSpan(offset: Int(try r.u32()), length: Int(try r.u32()))
        let firstLine = Int(try r.u32()), lastLine = Int(try r.u32())
        let words = Int(try r.u32()), pathID = Int(try r.u32())
        let firstPage = try r.u32(), lastPage = try r.u32()
        let record = PassageRecord(
            document: document, kind: kinds[kindCode], ordinal: ordinal, firstLine: firstLine, lastLine: lastLine,
            words: words, pathID: pathID, firstPage: firstPage == 0 ? nil : Int(firstPage),
            lastPage: lastPage == 0 ? nil : Int(lastPage))
        return (record, text)
    }
}
