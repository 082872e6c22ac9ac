/// A span of bytes inside a section (the strings section for names, titles and paths).
struct ByteSpan: Equatable {
    var offset: Int
    var length: Int

    var end: Int { offset + length }
}

/// A document's fixed-size entry in the documents section.
///
///     40 B: first passage u32 · passage count u32 · name offset u32 · name length u32 ·
///           title offset u32 · title length u32 · info offset u64 · info length u32 · reserved u32
///
/// Name and title point into the strings section; info is the document's `DocumentInfo` JSON
/// (metadata, source, outline), a zstd frame (with the text store's dictionary) in the
/// documentInfo section, decoded only when a command needs it.
struct DocumentRecord: Equatable {
    static let size = 40

    var firstPassage, passageCount: Int
    var name, title, info: ByteSpan

    var passages: Range<Int> { firstPassage..<(firstPassage + passageCount) }

    func encode(into out: inout ByteBuffer) {
        out.append(u32: firstPassage, passageCount, name.offset, name.length, title.offset, title.length)
        out.append(u64: info.offset)
        out.append(u32: info.length, 0)
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> DocumentRecord {
        var r = ByteReader(bytes)
        let f = try r.u32s(6)
        let info = ByteSpan(offset: try r.u64s(1)[0], length: try r.u32s(1)[0])
        return DocumentRecord(
            firstPassage: f[0], passageCount: f[1], name: ByteSpan(offset: f[2], length: f[3]),
            title: ByteSpan(offset: f[4], length: f[5]), info: info)
    }
}

/// A heading path's entry in the paths section: where its text lies in the strings section.
///
///     8 B: offset u32 · length u32
///
/// The text is the 专栏 box (empty when none), then each heading, joined by U+001F.
enum PathRecord {
    static let size = 8
    static let separator: UInt8 = 0x1F

    static func encode(_ span: ByteSpan, into out: inout ByteBuffer) { out.append(u32: span.offset, span.length) }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> ByteSpan {
        var r = ByteReader(bytes)
        let f = try r.u32s(2)
        return ByteSpan(offset: f[0], length: f[1])
    }
}
