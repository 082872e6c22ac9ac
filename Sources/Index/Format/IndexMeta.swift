/// The meta section: the index's counts and what it was built from.
///
///     64 B: passages u32 · documents u32 · terms u32 · unigram terms u32 · total ICU words u64
///           (BM25 avgdl = total / passages) · sources fingerprint u64 · text blocks u32 ·
///           end pairs u32 (terms that mark a passage's last character, `TermKey.end`) · zero padding
struct IndexMeta: Equatable {
    static let size = 64

    var passages: Int
    var documents: Int
    var terms: Int
    /// Terms that are single characters (the rest are character pairs).
    var characters: Int
    var totalWords: UInt64
    /// `SourceScanner.fingerprint` of the sources at build time.
    var fingerprint: UInt64
    /// Blocks in the text store (`TextStore`).
    var textBlocks: Int
    /// Terms that are end pairs (the rest of the non-unigram terms are character pairs).
    var endPairs: Int

    func encode(into out: inout ByteBuffer) {
        let start = out.count
        out.append(UInt32(passages))
        out.append(UInt32(documents))
        out.append(UInt32(terms))
        out.append(UInt32(characters))
        out.append(totalWords)
        out.append(fingerprint)
        out.append(UInt32(textBlocks))
        out.append(UInt32(endPairs))
        while out.count - start < Self.size { out.append(UInt8(0)) }
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> IndexMeta {
        guard bytes.count == size else { throw MalformedRecord(detail: "length \(bytes.count), expected \(size)") }
        var r = ByteReader(bytes)
        let passages = Int(try r.u32()), documents = Int(try r.u32()), terms = Int(try r.u32()), characters = Int(try r.u32())
        let totalWords = try r.u64(), fingerprint = try r.u64()
        return IndexMeta(
            passages: passages, documents: documents, terms: terms, characters: characters, totalWords: totalWords,
            fingerprint: fingerprint, textBlocks: Int(try r.u32()), endPairs: Int(try r.u32()))
    }
}
