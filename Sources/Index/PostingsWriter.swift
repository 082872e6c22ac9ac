/// Encodes one term's postings.
///
/// Layout: if the term has more than one block, a skip table first: per block 16 B, the block's last
/// passage id u32, the end of the block u32 (byte offset from the end of the skip table), the
/// block's largest tf u32 and its shortest passage length u32 (an upper bound of any BM25 score in
/// the block, so top-k search can leave most blocks of a common term undecoded). Then
/// the blocks, each of up to `blockSize` postings: varint passage delta (from the previous block's
/// last passage, or from −1), varint tf, and for bigrams tf varint position deltas (first from 0).
/// Skips let an intersection jump over the blocks of a long list without decoding them.
struct PostingsWriter {
    static let blockSize = 128

    /// Postings as collected: one entry per passage, in passage order.
    var passages: [UInt32] = []
    var tfs: [UInt32] = []
    /// Positions of all postings, concatenated (bigrams only).
    var positions: [UInt32] = []

    /// Serializes into `out`; returns the byte length written.
    func encode(into out: inout ByteBuffer, positional: Bool, lengths: [UInt32]) {
        let n = passages.count
        let blocks = (n + Self.blockSize - 1) / Self.blockSize
        var body = ByteBuffer()
        var skips: [(UInt32, UInt32, UInt32, UInt32)] = []
        var previous: Int64 = -1
        var p = 0
        for b in 0..<blocks {
            let lo = b * Self.blockSize, hi = min(n, lo + Self.blockSize)
            var maxTF: UInt32 = 0, minLength = UInt32.max
            for i in lo..<hi {
                maxTF = max(maxTF, tfs[i])
                minLength = min(minLength, lengths[Int(passages[i])])
                body.appendVarint(UInt32(Int64(passages[i]) - previous))
                previous = Int64(passages[i])
                body.appendVarint(tfs[i])
            }
            if positional {
                for i in lo..<hi {
                    var last: UInt32 = 0
                    for k in 0..<Int(tfs[i]) {
                        let pos = positions[p + k]
                        body.appendVarint(pos - last)
                        last = pos
                    }
                    p += Int(tfs[i])
                }
            }
            skips.append((passages[hi - 1], UInt32(body.count), maxTF, minLength))
        }
        if blocks > 1 {
            for (last, end, maxTF, minLength) in skips { out.append(last); out.append(end); out.append(maxTF); out.append(minLength) }
        }
        out.append(body.bytes)
    }
}
