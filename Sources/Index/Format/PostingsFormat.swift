/// One term's postings list, written and read here (`PostingsCursor` walks it).
///
/// Layout: if the term has more than one block, a skip table first: per block a `SkipEntry` —
/// the block's last passage id u32, the end of the block u32 (byte offset from the end of the skip
/// table), the block's largest tf u32 and its shortest passage length u32 (with them BM25 bounds
/// every score in the block, so top-k search can leave most blocks of a common term undecoded).
/// Then the blocks, each of up to `blockSize` postings: for each posting, varint passage delta
/// (from the previous posting, the previous block's last passage, or −1) and varint tf; then, for
/// bigrams, each posting's tf varint position deltas (the first from 0). Positions after the
/// passages let a reader step over them without decoding, by counting varint ends.
enum PostingsFormat {
    static let blockSize = 128
    /// Bound on positions and term frequencies (a passage is at most one file, capped at 256 MiB).
    static let maxValue: Int64 = 1 << 30

    struct SkipEntry: Equatable {
        static let size = 16

        var lastPassage: UInt32
        var end: UInt32
        var maxTF: UInt32
        var minLength: UInt32

        func encode(into out: inout ByteBuffer) {
            out.append(lastPassage)
            out.append(end)
            out.append(maxTF)
            out.append(minLength)
        }

        /// Entry `b` of a skip table (the caller checked the table's bounds).
        static func decode(_ list: UnsafeRawBufferPointer, block b: Int) -> SkipEntry {
            let at = b * size
            return SkipEntry(
                lastPassage: list.loadUnaligned(fromByteOffset: at, as: UInt32.self),
                end: list.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self),
                maxTF: list.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self),
                minLength: list.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self))
        }
    }

    static func encode(
        passages: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>,
        positions: UnsafeBufferPointer<UInt32>, positional: Bool, lengths: [UInt32],
        into out: inout ByteBuffer
    ) {
        let n = passages.count
        var body = ByteBuffer()
        body.bytes.reserveCapacity(n * 3 + positions.count * 2)
        var skips: [SkipEntry] = []
        var previous: Int64 = -1
        var p = 0
        for lo in stride(from: 0, to: n, by: blockSize) {
            let hi = min(n, lo + blockSize)
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
                    for pos in positions[p..<(p + Int(tfs[i]))] {
                        body.appendVarint(pos - last)
                        last = pos
                    }
                    p += Int(tfs[i])
                }
            }
            skips.append(SkipEntry(lastPassage: passages[hi - 1], end: UInt32(body.count), maxTF: maxTF, minLength: minLength))
        }
        if skips.count > 1 { for s in skips { s.encode(into: &out) } }
        out.append(body.bytes)
    }
}
