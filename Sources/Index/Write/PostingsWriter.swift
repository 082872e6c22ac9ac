/// Encodes one term's postings.
///
/// Layout: if the term has more than one block, a skip table first: per block 16 B, the block's
/// last passage id u32, the end of the block u32 (byte offset from the end of the skip table), the
/// block's largest tf u32 and its shortest passage length u32 (with them BM25 bounds every score in
/// the block, so top-k search can leave most blocks of a common term undecoded). Then the blocks,
/// each of up to `blockSize` postings: for each posting, varint passage delta (from the previous
/// posting, the previous block's last passage, or −1) and varint tf; then, for bigrams, each
/// posting's tf varint position deltas (the first from 0). Positions after the passages let a
/// reader step over them without decoding, by counting varint ends.
enum PostingsWriter {
    static let blockSize = 128

    static func encode(
        passages: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>,
        positions: UnsafeBufferPointer<UInt32>, positional: Bool, lengths: [UInt32],
        into out: inout ByteBuffer
    ) {
        let n = passages.count
        let blocks = (n + blockSize - 1) / blockSize
        var body = ByteBuffer()
        body.bytes.reserveCapacity(n * 3 + positions.count * 2)
        var skips: [(UInt32, UInt32, UInt32, UInt32)] = []
        var previous: Int64 = -1
        var p = 0
        for b in 0..<blocks {
            let lo = b * blockSize, hi = min(n, lo + blockSize)
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
            for (last, end, maxTF, minLength) in skips {
                out.append(last)
                out.append(end)
                out.append(maxTF)
                out.append(minLength)
            }
        }
        out.append(body.bytes)
    }
}
