import Ingestion

/// A passage's record.
public struct PassageRecord: Equatable, Sendable {
    public var document: Int
    public var kind: Passage.Kind
    public var ordinal: Int
    public var firstLine: Int
    public var lastLine: Int
    /// BM25 length (dl): the letters and digits of the normalized text (`NormalizedText.length`).
    public var length: Int
    /// Id of the passage's heading path (shared by the passages of a section).
    public var pathID: Int
    /// 1-based pages of the first and last character (PDF); nil for unpaged sources.
    public var firstPage: Int?
    public var lastPage: Int?

    /// "6", or "6–7" for a passage that runs onto the next page (a citation needs both); nil unpaged.
    public var pages: String? { Self.pages(firstPage, lastPage) }

    /// The same for any first and last page.
    public static func pages(_ first: Int?, _ last: Int?) -> String? {
        guard let first else { return nil }
        guard let last, last > first else { return "\(first)" }
        return "\(first)–\(last)"
    }

    /// "p. 6" or "pp. 6–7", as the command line prints it.
    public var pageLabel: String? {
        pages.map { (lastPage ?? 0) > (firstPage ?? 0) ? "pp. " + $0 : "p. " + $0 }
    }
}

/// The passages section: every passage's record, bit-packed at one record width so that a
/// passage is found by its id (record i starts at bit i × the record width).
///
///     field count u8 (8) · width u8 per field · records packed · `BitPacking.padding` zero bytes
///
/// Fields, in order: document · kind (index in `kinds`) · ordinal · first line · last line − first
/// line · path id · first page (0: unpaged) · last page − first page. Each field's width is the bits
/// its largest value needs in this index, so a record takes about 8 bytes. Lengths (BM25 dl) are in
/// the lengths section; the text is in the text store.
struct PassageTable {
    /// Kind codes: a kind's code is its index here (append new kinds at the end, and to `kind(_:)`).
    static let kinds: [Passage.Kind] = [.paragraph, .heading, .tableRow, .frontMatter, .footnote]
    static let fieldCount = 8

    let widths: [Int]
    /// Bit offset of each field within a record, and the record's width.
    let fieldOffsets: [Int]
    let recordWidth: Int
    /// Where the document, the kind and the path id lie in a record (read per ranking candidate).
    let documentWidth: Int
    let kindField: (offset: Int, width: Int)
    let pathField: (offset: Int, width: Int)
    let count: Int
    /// Bytes before the first record.
    let headerSize = 1 + fieldCount

    private static func fields(_ p: PassageRecord) -> [UInt32] {
        let firstPage = UInt32(p.firstPage ?? 0)
        return [
            UInt32(p.document), UInt32(kinds.firstIndex(of: p.kind)!), UInt32(min(p.ordinal, Int(UInt32.max))),
            UInt32(p.firstLine), UInt32(max(0, p.lastLine - p.firstLine)), UInt32(p.pathID), firstPage,
            UInt32(p.lastPage ?? 0) &- firstPage
        ]
    }

    static func encode(_ records: [PassageRecord], into out: inout ByteBuffer) {
        let rows = records.map(fields)
        var widths = [Int](repeating: 0, count: fieldCount)
        for row in rows { for f in 0..<fieldCount { widths[f] = max(widths[f], BitPacking.width(row[f])) } }
        out.append(UInt8(fieldCount))
        for w in widths { out.append(UInt8(w)) }
        var packer = BitPacker()
        for row in rows { for f in 0..<fieldCount { packer.append(row[f], width: widths[f], into: &out) } }
        packer.flush(into: &out)
        out.append([UInt8](repeating: 0, count: BitPacking.padding))
    }

    /// The table of `count` records in a section of `length` bytes starting with `header`.
    init(header: UnsafeRawBufferPointer, length: Int, count: Int) throws {
        var r = ByteReader(header)
        guard Int(try r.u8()) == Self.fieldCount else { throw MalformedRecord(detail: "unknown record layout") }
        var widths: [Int] = []
        for _ in 0..<Self.fieldCount { widths.append(Int(try r.u8())) }
        guard widths.allSatisfy({ $0 <= BitPacking.maxWidth }) else { throw MalformedRecord(detail: "bad field width") }
        self.widths = widths
        fieldOffsets = widths.indices.map { widths[..<$0].reduce(0, +) }
        recordWidth = widths.reduce(0, +)
        (documentWidth, kindField, pathField) = (widths[0], (fieldOffsets[1], widths[1]), (fieldOffsets[5], widths[5]))
        self.count = count
        guard length == headerSize + BitPacking.byteCount(count, width: recordWidth) + BitPacking.padding else {
            throw MalformedRecord(detail: "length \(length) does not hold \(count) records")
        }
    }

    /// The bytes of the section record `id` is read from (with the padding a read needs).
    func byteRange(_ id: Int) -> Range<Int> {
        let first = headerSize + (id * recordWidth) >> 3
        return first..<(headerSize + ((id + 1) * recordWidth + 7) >> 3 + BitPacking.padding)
    }

    /// Only the kind and path of record `id` (what ranking reads of every candidate), and its
    /// document for the caller's range check: three fields unpacked instead of eight. The kind is
    /// checked here; the caller checks the path and document ranges.
    /// Inlined into the ranking loop and not throwing: nil for an unknown kind, which the caller
    /// reports (the call, the error path and the kinds' lazy global were half its cost).
    @inline(__always)
    func kindAndPath(_ id: Int, section: UnsafeRawPointer) -> (kind: Passage.Kind, pathID: Int, document: Int)? {
        let base = section + headerSize
        let bit = id &* recordWidth
        let code = Int(BitPacking.get(base, bit: bit &+ kindField.offset, width: kindField.width))
        guard let kind = Self.kind(code) else { return nil }
        let path = Int(BitPacking.get(base, bit: bit &+ pathField.offset, width: pathField.width))
        let document = Int(BitPacking.get(base, bit: bit, width: documentWidth))
        return (kind, path, document)
    }

    /// The kind of a code, as `kinds` lists them.
    @inline(__always)
    static func kind(_ code: Int) -> Passage.Kind? {
        switch code {
        case 0: .paragraph
        case 1: .heading
        case 2: .tableRow
        case 3: .frontMatter
        case 4: .footnote
        default: nil
        }
    }

    /// Record `id` from `section` (the section's start; `byteRange(id)` readable), with `length`
    /// from the lengths section. The caller checks document and path ranges; the kind is checked here.
    func decode(_ id: Int, section: UnsafeRawPointer, length: Int) throws -> PassageRecord {
        let base = section + headerSize
        let bit = id * recordWidth
        // Top-k reads a record per candidate: the layout is read without bounds checks (both
        // arrays hold `fieldCount` entries, checked when the table was made).
        return try widths.withUnsafeBufferPointer { w in
            try fieldOffsets.withUnsafeBufferPointer { o in
                func field(_ f: Int) -> Int { w[f] == 0 ? 0 : Int(BitPacking.get(base, bit: bit &+ o[f], width: w[f])) }
                let kind = field(1)
                guard kind < Self.kinds.count else { throw MalformedRecord(detail: "passage \(id) has an unknown kind") }
                let firstPage = field(6) == 0 ? nil : field(6)
                return PassageRecord(
                    document: field(0), kind: Self.kinds[kind], ordinal: field(2), firstLine: field(3), lastLine: field(3) + field(4),
                    length: length, pathID: field(5), firstPage: firstPage, lastPage: firstPage.map { $0 + field(7) })
            }
        }
    }
}

/// Appends values of varying widths to one bit stream (a record's fields).
struct BitPacker {
    private var acc: UInt64 = 0
    private var bits = 0

    mutating func append(_ value: UInt32, width: Int, into out: inout ByteBuffer) {
        guard width > 0 else { return }
        acc |= UInt64(value) << UInt64(bits)
        bits += width
        while bits >= 8 {
            out.bytes.append(UInt8(truncatingIfNeeded: acc))
            acc >>= 8
            bits -= 8
        }
    }

    mutating func flush(into out: inout ByteBuffer) {
        if bits > 0 { out.bytes.append(UInt8(truncatingIfNeeded: acc)) }
        acc = 0
        bits = 0
    }
}

/// The lengths section: every passage's BM25 length (letters and digits), dense and bit-packed, so scoring
/// reads no records.
///
///     width u8 · lengths packed · `BitPacking.padding` zero bytes
enum LengthsCodec {
    static func encode(_ lengths: [UInt32], into out: inout ByteBuffer) {
        let width = BitPacking.width(lengths.max() ?? 0)
        out.append(UInt8(width))
        BitPacking.pack(lengths, width: width, into: &out)
        out.append([UInt8](repeating: 0, count: BitPacking.padding))
    }

    /// The packed array of `count` lengths in `section`, its size checked.
    static func decode(_ section: UnsafeRawBufferPointer, count: Int) throws -> PackedArray {
        guard let width = section.first.map(Int.init),
            let array = PackedArray(section, offset: 1, count: count, width: width),
            section.count == 1 + array.byteCount + BitPacking.padding
        else { throw MalformedRecord(detail: "length \(section.count) does not hold \(count) lengths") }
        return array
    }
}
