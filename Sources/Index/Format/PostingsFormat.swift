/// One term's postings list, written and read here (`PostingsCursor` walks it, the writer's merge
/// decodes per-chunk lists with it).
///
/// Postings come in blocks of `blockSize`; every array is bit-packed at the width its largest
/// value needs (`BitPacking`), so a posting costs a few bits instead of a few bytes.
///
///     [skip table]   only if the list has more than one block:
///                    widths u8 × 4 (last passage, block end, largest tf, shortest length), then the
///                    four arrays packed, each starting on a byte: per block its last passage id,
///                    its end (byte offset after the skip table), its largest tf and its shortest
///                    passage length — with those BM25 bounds every score of the block, so top-k
///                    search leaves most blocks of a common term undecoded
///     block × n      widths u8: passage delta, tf − 1, and for bigrams position; then packed:
///                    passage deltas − 1 (from the previous posting, the previous block's last
///                    passage, or −1), tf − 1, and for bigrams every posting's positions in order
///                    (absolute: the index of the bigram's first character in the passage's
///                    normalized text, ascending within a posting), each array starting on a byte
///
/// Positions are absolute so that a posting's positions are found by the sum of the tfs before
/// it, without decoding the others. The postings section ends with `BitPacking.padding` zero bytes.
enum PostingsFormat {
    static let blockSize = 128
    /// Bound on positions and term frequencies (a passage is at most one file, capped at 256 MiB).
    static let maxValue: Int64 = 1 << 30
    static let skipArrays = 4

    static func blockHeaderSize(positional: Bool) -> Int { positional ? 3 : 2 }

    /// Encodes one list; `lengths` are the passages' BM25 lengths (for the skip table's bounds).
    static func encode(
        passages: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>, positions: UnsafeBufferPointer<UInt32>,
        positional: Bool, lengths: UnsafeBufferPointer<UInt32>, into out: inout ByteBuffer
    ) {
        let n = passages.count
        var body = ByteBuffer()
        body.bytes.reserveCapacity(n * 2 + positions.count * 2)
        var last: [UInt32] = [], end: [UInt32] = [], maxTF: [UInt32] = [], minLength: [UInt32] = []
        var previous: Int64 = -1
        var p = 0
        for lo in stride(from: 0, to: n, by: blockSize) {
            let hi = min(n, lo + blockSize)
            let block = lo..<hi
            var deltaMax: UInt32 = 0, tfMax: UInt32 = 0, lengthMin = UInt32.max
            for i in block {
                deltaMax |= UInt32(Int64(passages[i]) - previous - 1)
                previous = Int64(passages[i])
                tfMax = max(tfMax, tfs[i])
                lengthMin = min(lengthMin, lengths[Int(passages[i])])
            }
            var before = lo == 0 ? Int64(-1) : Int64(passages[lo - 1])
            let deltas = block.lazy.map { i -> UInt32 in
                defer { before = Int64(passages[i]) }
                return UInt32(Int64(passages[i]) - before - 1)
            }
            let count = block.reduce(0) { $0 + Int(tfs[$1]) }
            let blockPositions = positions[p..<(p + (positional ? count : 0))]
            let positionMax = blockPositions.max() ?? 0
            body.append(UInt8(BitPacking.width(deltaMax)))
            body.append(UInt8(BitPacking.width(tfMax - 1)))
            if positional { body.append(UInt8(BitPacking.width(positionMax))) }
            BitPacking.pack(deltas, width: BitPacking.width(deltaMax), into: &body)
            BitPacking.pack(block.lazy.map { tfs[$0] - 1 }, width: BitPacking.width(tfMax - 1), into: &body)
            if positional {
                BitPacking.pack(blockPositions, width: BitPacking.width(positionMax), into: &body)
                p += count
            }
            last.append(passages[hi - 1])
            end.append(UInt32(body.count))
            maxTF.append(tfMax)
            minLength.append(lengthMin)
        }
        if last.count > 1 {
            let arrays = [last, end, maxTF, minLength]
            let widths = arrays.map { BitPacking.width($0.max() ?? 0) }
            for w in widths { out.append(UInt8(w)) }
            for (a, w) in zip(arrays, widths) { BitPacking.pack(a, width: w, into: &out) }
        }
        out.append(body.bytes)
    }

    /// The skip table of a list with `blocks` > 1 blocks, read in place.
    struct SkipTable {
        let last: PackedArray, end: PackedArray, maxTF: PackedArray, minLength: PackedArray
        /// Where the blocks start, after the table.
        let size: Int

        /// `list` is the term's bytes followed by `BitPacking.padding` readable bytes.
        init(_ list: UnsafeRawBufferPointer, blocks: Int) throws {
            let readable = list
            guard readable.count >= skipArrays + BitPacking.padding else { throw MalformedRecord(detail: "skip table truncated") }
            var offset = skipArrays
            var arrays: [PackedArray] = []
            for k in 0..<skipArrays {
                guard let a = PackedArray(readable, offset: offset, count: blocks, width: Int(readable[k])) else {
                    throw MalformedRecord(detail: "skip table out of bounds")
                }
                arrays.append(a)
                offset += a.byteCount
            }
            (last, end, maxTF, minLength) = (arrays[0], arrays[1], arrays[2], arrays[3])
            size = offset
        }
    }

    /// One decoded block: its postings' passages and tfs, and where its positions lie.
    struct Block {
        var count = 0
        /// Byte offset of the packed positions in the list, and their width.
        var positionsStart = 0
        var positionWidth = 0
        /// Total positions in the block (the sum of its tfs).
        var positionCount = 0
    }

    /// Decodes the block at `start..<end` of `list` (followed by padding) holding `count` postings
    /// after passage `previous`: passages into `passages`, tfs into `tfs`, each posting's first
    /// position index into `positionStarts` (count + 1 entries). Checks every value: passages
    /// ascending below `passageCount`, tfs and positions below `maxValue`, the block's length.
    static func decodeBlock(
        _ list: UnsafeRawBufferPointer, start: Int, end: Int, count: Int, previous: Int64, positional: Bool,
        passageCount: Int, passages: UnsafeMutablePointer<Int32>, tfs: UnsafeMutablePointer<Int32>,
        positionStarts: UnsafeMutablePointer<Int32>, scratch: UnsafeMutablePointer<UInt32>
    ) throws -> Block {
        let header = blockHeaderSize(positional: positional)
        guard start >= 0, start <= end - header, end <= list.count - BitPacking.padding else {
            throw MalformedRecord(detail: "block bounds invalid")
        }
        let base = list.baseAddress! + start
        let deltaWidth = Int(base.load(as: UInt8.self)), tfWidth = Int(base.load(fromByteOffset: 1, as: UInt8.self))
        let positionWidth = positional ? Int(base.load(fromByteOffset: 2, as: UInt8.self)) : 0
        guard deltaWidth <= 31, tfWidth <= 30, positionWidth <= 30 else { throw MalformedRecord(detail: "bad widths") }
        var offset = start + header
        let deltaBytes = BitPacking.byteCount(count, width: deltaWidth), tfBytes = BitPacking.byteCount(count, width: tfWidth)
        guard deltaBytes + tfBytes <= end - offset else { throw MalformedRecord(detail: "block truncated") }
        BitPacking.unpack(list.baseAddress! + offset, count: count, width: deltaWidth, into: scratch)
        var p = previous
        for i in 0..<count {
            p += Int64(scratch[i]) + 1
            passages[i] = Int32(truncatingIfNeeded: p)
        }
        guard p < passageCount else { throw MalformedRecord(detail: "passage id out of range") }
        offset += deltaBytes
        BitPacking.unpack(list.baseAddress! + offset, count: count, width: tfWidth, into: scratch)
        offset += tfBytes
        var total = 0
        for i in 0..<count {
            positionStarts[i] = Int32(truncatingIfNeeded: total)
            tfs[i] = Int32(scratch[i]) + 1
            total += Int(tfs[i])
        }
        positionStarts[count] = Int32(truncatingIfNeeded: total)
        let block = Block(count: count, positionsStart: offset, positionWidth: positionWidth, positionCount: positional ? total : 0)
        if positional {
            guard total < Int(maxValue) else { throw MalformedRecord(detail: "too many positions") }
            offset += BitPacking.byteCount(total, width: positionWidth)
        }
        guard offset == end else { throw MalformedRecord(detail: "block length mismatch") }
        return block
    }
}

extension PostingsFormat {
    /// Decodes a whole list (`list` followed by padding, `df` postings, passage ids below
    /// `passageCount`), appending its postings with `offset` added to each passage id.
    static func decodeList(
        _ list: UnsafeRawBufferPointer, df: Int, positional: Bool, passageCount: Int, offset: UInt32,
        passages: inout [UInt32], tfs: inout [UInt32], positions: inout [UInt32]
    ) throws {
        let blocks = (df + blockSize - 1) / blockSize
        let skip = blocks > 1 ? try SkipTable(list, blocks: blocks) : nil
        let length = list.count - BitPacking.padding
        let ps = UnsafeMutablePointer<Int32>.allocate(capacity: blockSize)
        let ts = UnsafeMutablePointer<Int32>.allocate(capacity: blockSize)
        let starts = UnsafeMutablePointer<Int32>.allocate(capacity: blockSize + 1)
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: blockSize)
        defer {
            for p in [ps, ts, starts] as [UnsafeMutablePointer<Int32>] { p.deallocate() }
            scratch.deallocate()
        }
        var previous: Int64 = -1
        for b in 0..<blocks {
            let start = (skip?.size ?? 0) + (b == 0 ? 0 : Int(skip!.end[b - 1]))
            let end = skip.map { $0.size + Int($0.end[b]) } ?? length
            let n = min(blockSize, df - b * blockSize)
            let block = try decodeBlock(
                list, start: start, end: end, count: n, previous: previous, positional: positional, passageCount: passageCount,
                passages: ps, tfs: ts, positionStarts: starts, scratch: scratch)
            for i in 0..<n {
                passages.append(UInt32(ps[i]) + offset)
                tfs.append(UInt32(ts[i]))
            }
            previous = Int64(ps[n - 1])
            if positional {
                let first = positions.count
                positions.append(contentsOf: repeatElement(0, count: block.positionCount))
                positions.withUnsafeMutableBufferPointer {
                    BitPacking.unpack(
                        list.baseAddress! + block.positionsStart, count: block.positionCount, width: block.positionWidth,
                        into: $0.baseAddress! + first)
                }
            }
        }
    }
}
