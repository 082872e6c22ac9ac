/// The meta section: the index's counts and what it was built from.
///
///     64 B: passages u32 · documents u32 · terms u32 · unigram terms u32 · total length u64
///           (BM25 avgdl = total / passages) · sources fingerprint u64 · text blocks u32 ·
///           end pairs u32 (terms that mark a passage's last character, `TermKey.end`) · zero padding
struct IndexMeta: Equatable {
    static let size = 64

    var passages, documents, terms: Int
    /// Terms that are single characters, and terms that are end pairs (`TermKey.end`); the rest
    /// are character pairs.
    var characters, endPairs: Int
    /// BM25 lengths of all passages (letters and digits); `SourceScanner.fingerprint` of the sources at build time.
    var totalLength, fingerprint: UInt64
    /// Blocks in the text store (`TextStore`).
    var textBlocks: Int

    func encode(into out: inout ByteBuffer) {
        let start = out.count
        out.append(u32: passages, documents, terms, characters)
        out.append(totalLength)
        out.append(fingerprint)
        out.append(u32: textBlocks, endPairs)
        out.appendZeros(Self.size - (out.count - start))
    }

    static func decode(_ bytes: UnsafeRawBufferPointer) throws -> IndexMeta {
        guard bytes.count == size else { throw MalformedRecord(detail: "length \(bytes.count), expected \(size)") }
        var r = ByteReader(bytes)
        let counts = try r.u32s(4)
        let sums = (length: try r.u64(), fingerprint: try r.u64())
        let store = try r.u32s(2)
        return IndexMeta(
            passages: counts[0], documents: counts[1], terms: counts[2], characters: counts[3], endPairs: store[1],
            totalLength: sums.length, fingerprint: sums.fingerprint, textBlocks: store[0])
    }
}
