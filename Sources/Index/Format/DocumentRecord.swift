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

    var firstPassage: Int
    var passageCount: Int
    var name: ByteSpan
    var title: ByteSpan
    var info: ByteSpan

    var passages: Range<Int> { firstPassage..<(firstPassage + passageCount) }

    func encode(into out: inout ByteBuffer) {
        out.append(UInt32(firstPassage))
        out.append(UInt32(passageCount))
        out.append(UInt32(name.offset))
        out.append(UInt32(name.length))
        out.append(UInt32(title.offset))
        out.append(UInt32(title.length))
        out.append(UInt64(info.offset))
        out.append(UInt32(info.length))
        out.append(UInt32(0))
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> DocumentRecord {
        var r = ByteReader(bytes)
        let first = Int(try r.u32()), count = Int(try r.u32())
        let name = ByteSpan(offset: Int(try r.u32()), length: Int(try r.u32()))
        let title = ByteSpan(offset: Int(try r.u32()), length: Int(try r.u32()))
        let info = ByteSpan(offset: Int(clamping: try r.u64()), length: Int(try r.u32()))
        return DocumentRecord(firstPassage: first, passageCount: count, name: name, title: title, info: info)
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

    static func encode(_ span: ByteSpan, into out: inout ByteBuffer) {
        out.append(UInt32(span.offset))
        out.append(UInt32(span.length))
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> ByteSpan {
        var r = ByteReader(bytes)
        return ByteSpan(offset: Int(try r.u32()), length: Int(try r.u32()))
    }
}
