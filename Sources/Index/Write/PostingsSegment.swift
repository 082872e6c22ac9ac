/// The postings of one chunk of documents, encoded (`PostingsFormat`) with the chunk's own passage
/// ids: compact enough to keep every chunk's until the end, when `PostingsMerger` joins them.
struct PostingsSegment: Sendable {
    /// Term keys, ascending; for each its df and the end of its list in `bytes`.
    var keys: [UInt64] = []
    var dfs: [UInt32] = []
    var ends: [Int] = []
    /// The lists, then `BitPacking.padding` zero bytes.
    var bytes: [UInt8] = []
    /// Passages in the chunk (its ids are 0..<passages).
    var passages = 0

    var count: Int { keys.count }

    init() {}

    /// Encodes an accumulator's terms in key order, releasing each list once encoded.
    init(_ accumulator: PostingsAccumulator, lengths: [UInt32]) {
        passages = lengths.count
        let ids = (0..<accumulator.count).sorted { accumulator.key($0) < accumulator.key($1) }
        var out = ByteBuffer()
        keys.reserveCapacity(ids.count)
        lengths.withUnsafeBufferPointer { lengths in
            for id in ids {
                let key = accumulator.key(id), t = accumulator.term(id)
                PostingsFormat.encode(
                    passages: t.passages.buffer, tfs: t.tfs.buffer, positions: t.positions.buffer, positional: !TermKey.isUnigram(key),
                    lengths: lengths, into: &out)
                accumulator.freeTerm(id)
                keys.append(key)
                dfs.append(UInt32(t.passages.count))
                ends.append(out.count)
            }
        }
        out.append([UInt8](repeating: 0, count: BitPacking.padding))
        bytes = out.bytes
    }

    /// List `i`'s bytes followed by padding, for `PostingsFormat.decodeList`.
    func withList<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<(ends[i] + BitPacking.padding)])) }
    }
}
