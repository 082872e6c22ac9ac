/// Encodes one term's postings.
///
/// Layout: if the term has more than one block, a skip table first: per block, the block's last
/// passage id u32 and the end of the block u32 (byte offset from the end of the skip table). Then
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
    func encode(into out: inout ByteBuffer, positional: Bool) {
        let n = passages.count
        let blocks = (n + Self.blockSize - 1) / Self.blockSize
        var body = ByteBuffer()
        var skips: [(UInt32, UInt32)] = []
        var previous: Int64 = -1
        var p = 0
        for b in 0..<blocks {
            let lo = b * Self.blockSize, hi = min(n, lo + Self.blockSize)
            for i in lo..<hi {
                body.appendVarint(UInt32(Int64(passages[i]) - previous))
                previous = Int64(passages[i])
                body.appendVarint(tfs[i])
                if positional {
                    var last: UInt32 = 0
                    for k in 0..<Int(tfs[i]) {
                        let pos = positions[p + k]
                        body.appendVarint(pos - last)
                        last = pos
                    }
                    p += Int(tfs[i])
                }
            }
            skips.append((passages[hi - 1], UInt32(body.count)))
        }
        if blocks > 1 {
            for (last, end) in skips { out.append(last); out.append(end) }
        }
        out.append(body.bytes)
    }
}
