/// The text store: every passage's text, compressed in blocks of consecutive passages of one
/// document (about `blockTarget` bytes before compression), each block one zstd frame made with
/// the index's dictionary (`ZstdCompressor`). A snippet decompresses one small block; the
/// dictionary, trained on the corpus, keeps small blocks compressing almost as well as big ones.
///
///     textDictionary   the zstd dictionary (empty: frames made without one)
///     textBlocks       the frames, one after another
///     textIndex        widths u8 × 2, then packed: each block's first passage, each block's end
///                      (byte offset in textBlocks); `BitPacking.padding` zero bytes. The block
///                      count is in the meta.
///
/// A block decompresses to: a varint byte length per passage, then the passages' UTF-8 texts.
/// Document infos (`DocumentRecord`) are compressed with the same dictionary.
enum TextStore {
    static let blockTarget = 1024
    /// Bound on a block's decompressed size (one passage is at most one file, capped at 256 MiB).
    static let maxBlockSize = 512 << 20

    /// One block's content before compression.
    static func encodeBlock(_ texts: ArraySlice<[UInt8]>) -> [UInt8] {
        var out = ByteBuffer()
        out.bytes.reserveCapacity(texts.reduce(texts.count * 2) { $0 + $1.count })
        for t in texts { out.appendVarint(UInt32(t.count)) }
        for t in texts { out.append(t) }
        return out.bytes
    }

    /// Where each of a block's `count` passages lies in its decompressed `content`.
    static func decodeBlock(_ content: UnsafeRawBufferPointer, count: Int) throws -> [Range<Int>] {
        var r = ByteReader(content)
        var lengths: [Int] = []
        lengths.reserveCapacity(count)
        for _ in 0..<count { lengths.append(Int(clamping: try r.varint())) }
        var spans: [Range<Int>] = []
        spans.reserveCapacity(count)
        var at = r.offset
        for n in lengths {
            guard n <= content.count - at else { throw MalformedRecord(detail: "block shorter than its passages") }
            spans.append(at..<(at + n))
            at += n
        }
        guard at == content.count else { throw MalformedRecord(detail: "block longer than its passages") }
        return spans
    }

    static func encodeIndex(firstPassages: [UInt32], ends: [UInt32], into out: inout ByteBuffer) {
        let wFirst = BitPacking.width(firstPassages.last ?? 0), wEnd = BitPacking.width(ends.last ?? 0)
        out.append(UInt8(wFirst))
        out.append(UInt8(wEnd))
        BitPacking.pack(firstPassages, width: wFirst, into: &out)
        BitPacking.pack(ends, width: wEnd, into: &out)
        out.append([UInt8](repeating: 0, count: BitPacking.padding))
    }

    /// The block index, read in place.
    struct Index {
        let firstPassages: PackedArray
        let ends: PackedArray
        var count: Int { ends.count }

        init(_ section: UnsafeRawBufferPointer, blocks: Int) throws {
            guard section.count >= 2,
                let first = PackedArray(section, offset: 2, count: blocks, width: Int(section[0])),
                let ends = PackedArray(section, offset: 2 + first.byteCount, count: blocks, width: Int(section[1])),
                section.count == 2 + first.byteCount + ends.byteCount + BitPacking.padding
            else { throw MalformedRecord(detail: "length \(section.count) does not hold \(blocks) blocks") }
            firstPassages = first
            self.ends = ends
        }

        /// The block holding `passage`: the last whose first passage is ≤ it.
        func block(of passage: Int) -> Int? {
            var lo = 0, hi = count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(firstPassages[mid]) <= passage { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 ? nil : lo - 1
        }

        /// Block `b`'s byte range in textBlocks and its passages.
        func span(_ b: Int, passages: Int) -> (bytes: Range<Int>, passages: Range<Int>)? {
            let start = b == 0 ? 0 : Int(ends[b - 1]), end = Int(ends[b])
            let first = Int(firstPassages[b]), next = b + 1 < count ? Int(firstPassages[b + 1]) : passages
            guard start <= end, first < next, next <= passages else { return nil }
            return (start..<end, first..<next)
        }
    }
}
