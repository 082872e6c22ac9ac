import CBitPacking

/// One term's postings list, written and read here (`PostingsCursor` walks it, the writer's merge
/// decodes per-chunk lists with it).
///
/// Postings come in blocks of `blockSize`; every array is bit-packed at the width its largest
/// value needs (`BitPacking`), so a posting costs a few bits instead of a few bytes.
///
///     [skip table]   only if the list has more than one block:
///                    widths u8 × 4 (last passage, block end, largest tf, shortest length); for
///                    bigrams their `PairContext` (two varints); then the four arrays packed, each starting on a byte: per block its last passage id,
///                    its end (byte offset after the skip table), its largest tf and its shortest
///                    passage length — with those BM25 bounds every score of the block, so top-k
///                    search leaves most blocks of a common term undecoded
///     block × n      passage deltas − 1 (from the previous posting, the previous block's last
///                    passage, or −1; in a full block packed vertically and, as written now,
///                    without exceptions: SSE2 unpacks and sums them four at a time in one
///                    pass) and tf − 1, each a `PatchedPacking` array; for bigrams then
///                    a width u8 and every posting's positions packed in order (absolute: the
///                    index of the bigram's first character in the passage's normalized text,
///                    ascending within a posting)
///
/// Positions are absolute so that a posting's positions are found by the sum of the tfs before
/// it, without decoding the others. The postings section ends with `BitPacking.padding` zero bytes.
enum PostingsFormat {
    static let blockSize = 128
    /// Bound on positions and term frequencies (a passage is at most one file, capped at 256 MiB).
    static let maxValue: Int64 = 1 << 30
    static let skipArrays = 4

    /// Whether a character's own list is written. Without it, its postings are those of its pairs
    /// (end pair included) together, which a reader merges on demand: cheap while they are few,
    /// so only characters whose pairs hold more than a quarter as many postings as the index has
    /// passages keep a list (the most common, `、`, `，`, `的`, which would cost a merge of
    /// thousands of lists); the others save their list, most of the unigrams' bytes.
    static func storesUnigram(pairPostings: Int, passages: Int) -> Bool { pairPostings > passages / 4 }

    /// Encodes one list; `lengths` are the passages' BM25 lengths (for the skip table's bounds).
    static func encode(
        passages: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>, positions: UnsafeBufferPointer<UInt32>,
        positional: Bool, context: PairContext = .unknown, lengths: UnsafeBufferPointer<UInt32>, into out: inout ByteBuffer
    ) {
        let scratch = Scratch()
        encode(
            passages: passages, tfs: tfs, positions: positions, positional: positional, context: context, lengths: lengths,
            scratch: scratch, into: &out)
    }

    /// Buffers an encoder or decoder reuses from list to list (one per thread).
    final class Scratch {
        let values = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * blockSize)
        let passages = UnsafeMutablePointer<Int32>.allocate(capacity: blockSize)
        let tfs = UnsafeMutablePointer<Int32>.allocate(capacity: blockSize)
        var body = ByteBuffer()
        var skip = [[UInt32]](repeating: [], count: skipArrays)

        deinit {
            values.deallocate()
            passages.deallocate()
            tfs.deallocate()
        }
    }

    static func encode(
        passages: UnsafeBufferPointer<UInt32>, tfs: UnsafeBufferPointer<UInt32>, positions: UnsafeBufferPointer<UInt32>,
        positional: Bool, context: PairContext, lengths: UnsafeBufferPointer<UInt32>, scratch: Scratch,
        into out: inout ByteBuffer
    ) {
        let blocks = (passages.count + blockSize - 1) / blockSize
        guard blocks > 1 else {
            encodeBlocks(passages, tfs, positions, positional: positional, lengths: lengths, scratch: scratch, into: &out)
            return
        }
        // Longer lists: the blocks aside, their skip table first.
        scratch.body.bytes.removeAll(keepingCapacity: true)
        for k in 0..<skipArrays { scratch.skip[k].removeAll(keepingCapacity: true) }
        encodeBlocks(passages, tfs, positions, positional: positional, lengths: lengths, scratch: scratch, into: &scratch.body)
        let widths = scratch.skip.map { BitPacking.width($0.max() ?? 0) }
        for w in widths { out.append(UInt8(w)) }
        if positional { context.encode(into: &out) }
        for (a, w) in zip(scratch.skip, widths) {
            a.withUnsafeBufferPointer { BitPacking.pack($0.baseAddress!, count: a.count, width: w, into: &out) }
        }
        out.append(scratch.body.bytes)
    }

    /// The blocks of a list, appended to `body`; with more than one, each block's skip entry to
    /// `scratch.skip`.
    private static func encodeBlocks(
        _ passages: UnsafeBufferPointer<UInt32>, _ tfs: UnsafeBufferPointer<UInt32>, _ positions: UnsafeBufferPointer<UInt32>,
        positional: Bool, lengths: UnsafeBufferPointer<UInt32>, scratch: Scratch, into body: inout ByteBuffer
    ) {
        let n = passages.count
        let start = body.count
        let deltas = scratch.values, tfsMinusOne = scratch.values + blockSize
        var next: UInt32 = 0  // the previous passage + 1: a delta − 1 is the distance from it
        var p = 0
        for lo in stride(from: 0, to: n, by: blockSize) {
            let count = min(blockSize, n - lo)
            var maxTF: UInt32 = 0, minLength = UInt32.max, positionCount = 0
            for k in 0..<count {
                let passage = passages[lo + k], tf = tfs[lo + k]
                deltas[k] = passage &- next
                next = passage &+ 1
                tfsMinusOne[k] = tf &- 1
                maxTF = max(maxTF, tf)
                minLength = min(minLength, lengths[Int(passage)])
                positionCount += Int(tf)
            }
            let blockPositions = positions.baseAddress.map { $0 + p }
            var positionBits: UInt32 = 0
            if positional, let blockPositions { for k in 0..<positionCount { positionBits |= blockPositions[k] } }
            PatchedPacking.pack(deltas, count: count, vertical: count == blockSize, into: &body)
            PatchedPacking.pack(tfsMinusOne, count: count, into: &body)
            if positional, let blockPositions {
                body.append(UInt8(BitPacking.width(positionBits)))
                BitPacking.pack(blockPositions, count: positionCount, width: BitPacking.width(positionBits), into: &body)
                p += positionCount
            }
            if n > blockSize {
                scratch.skip[0].append(passages[lo + count - 1])
                scratch.skip[1].append(UInt32(body.count - start))
                scratch.skip[2].append(maxTF)
                scratch.skip[3].append(minLength)
            }
        }
    }

    /// The skip table of a list with `blocks` > 1 blocks, read in place.
    struct SkipTable {
        let last: PackedArray, end: PackedArray, maxTF: PackedArray, minLength: PackedArray
        /// A bigram's context (`unknown` for a unigram).
        let context: PairContext
        /// Where the blocks start, after the table.
        let size: Int

        /// `list` is the term's bytes followed by `BitPacking.padding` readable bytes.
        init(_ list: UnsafeRawBufferPointer, blocks: Int, positional: Bool) throws {
            let readable = list
            guard readable.count >= skipArrays + BitPacking.padding else { throw MalformedRecord(detail: "skip table truncated") }
            var offset = skipArrays
            if positional {
                var reader = ByteReader(UnsafeRawBufferPointer(rebasing: readable[offset...]))
                context = try PairContext.decode(&reader)
                offset += reader.offset
            } else {
                context = .unknown
            }
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
    /// after passage `previous`: passages into `passages`, tfs into `tfs`. Checks every value:
    /// passages ascending below `passageCount`, tfs and positions below `maxValue`, the block's length.
    static func decodeBlock(
        _ list: UnsafeRawBufferPointer, start: Int, end: Int, count: Int, previous: Int64, positional: Bool,
        passageCount: Int, passages: UnsafeMutablePointer<Int32>, tfs: UnsafeMutablePointer<Int32>,
        scratch: UnsafeMutablePointer<UInt32>
    ) throws -> Block {
        let offset = try decodePassages(
            list, start: start, end: end, count: count, previous: previous, passageCount: passageCount, passages: passages,
            scratch: scratch)
        return try decodeTFs(list, at: offset, end: end, count: count, positional: positional, tfs: tfs, scratch: scratch)
    }

    /// The first half of `decodeBlock`: the passages. Returns where the tfs start. A cursor
    /// stepping through a list to a target passage needs only these for most blocks it decodes.
    static func decodePassages(
        _ list: UnsafeRawBufferPointer, start: Int, end: Int, count: Int, previous: Int64, passageCount: Int,
        passages: UnsafeMutablePointer<Int32>, scratch: UnsafeMutablePointer<UInt32>
    ) throws -> Int {
        guard start >= 0, start <= end, end <= list.count - BitPacking.padding else {
            throw MalformedRecord(detail: "block bounds invalid")
        }
        let vertical = count == blockSize
        guard passageCount <= 1 << 24 else {
            let offset = try PatchedPacking.unpack(list, at: start, end: end, count: count, vertical: vertical, into: scratch)
            var p = previous
            for i in 0..<count {
                p &+= Int64(scratch[i]) &+ 1
                passages[i] = Int32(truncatingIfNeeded: p)
            }
            guard p < passageCount else { throw MalformedRecord(detail: "passage id out of range") }
            return offset
        }
        // Gaps and ids in place, four at a time, in 32 bits: with every gap and
        // `previous` below 2^24, 128 steps stay below 2^32, so the ids ascend without wrapping
        // and the last bounds them all.
        return try passages.withMemoryRebound(to: UInt32.self, capacity: count) { ids in
            if vertical {
                // A full block: its widths bound every gap (a valid one is below 2^24), so one
                // call unpacks, patches and sums without looking at the gaps again.
                let l = try PatchedPacking.Layout(list, at: start, end: end, count: count)
                guard l.width + l.highWidth <= 24 else { throw MalformedRecord(detail: "passage id out of range") }
                let base = list.baseAddress!.assumingMemoryBound(to: UInt8.self)
                let status = ps_decode_ids_vertical128(
                    base + l.low, Int32(l.width), Int32(l.exceptions), base + l.indices, base + l.indices + l.exceptions,
                    Int32(l.highWidth), UInt32(truncatingIfNeeded: previous), ids)
                guard status == 0 else { throw MalformedRecord(detail: "exception out of range") }
                guard ids[count - 1] < passageCount else { throw MalformedRecord(detail: "passage id out of range") }
                return l.end
            }
            let offset = try PatchedPacking.unpack(list, at: start, end: end, count: count, vertical: vertical, into: ids)
            let gaps = BitPacking.idsFromGaps(ids, count: count, previous: previous)
            guard gaps < passageCount, ids[count - 1] < passageCount else {
                throw MalformedRecord(detail: "passage id out of range")
            }
            return offset
        }
    }

    /// The second half of `decodeBlock`, from `offset` (where `decodePassages` stopped): the tfs
    /// and where the positions lie; checks the block's length. A posting's positions start at
    /// the sum of the tfs before it, which the reader adds up for the postings it asks about
    /// (`PostingsCursor.positionStart`): a running sum over the block would be a chain of 128
    /// dependent additions, the tfs and their total are independent ones (vectorized).
    static func decodeTFs(
        _ list: UnsafeRawBufferPointer, at start: Int, end: Int, count: Int, positional: Bool, tfs: UnsafeMutablePointer<Int32>,
        scratch: UnsafeMutablePointer<UInt32>
    ) throws -> Block {
        var offset = try PatchedPacking.unpack(list, at: start, end: end, count: count, into: scratch)
        var largest: UInt32 = 0
        for i in 0..<count { largest |= scratch[i] }
        guard Int64(largest) < maxValue else { throw MalformedRecord(detail: "bad term frequency") }
        var total: Int64 = Int64(count)
        for i in 0..<count { tfs[i] = Int32(truncatingIfNeeded: scratch[i]) &+ 1 }
        if largest < 1 << 23 {
            // Below 2^23 each, 256 values sum below 2^31: added in 32 bits (vectorized), no wrap.
            var sum: UInt32 = 0
            for i in 0..<count { sum &+= scratch[i] }
            total &+= Int64(sum)
        } else {
            for i in 0..<count { total &+= Int64(scratch[i]) }
        }
        var positionWidth = 0
        if positional {
            guard offset < end else { throw MalformedRecord(detail: "block truncated") }
            positionWidth = Int(list[offset])
            offset += 1
            guard positionWidth <= 30, total < maxValue else { throw MalformedRecord(detail: "bad positions") }
        }
        let positionCount = positional ? Int(total) : 0
        let block = Block(count: count, positionsStart: offset, positionWidth: positionWidth, positionCount: positionCount)
        if positional { offset += BitPacking.byteCount(positionCount, width: positionWidth) }
        guard offset == end else { throw MalformedRecord(detail: "block length mismatch") }
        return block
    }
}

extension PostingsFormat {
    /// Decodes a whole list (`list` followed by padding, `df` postings, passage ids below
    /// `passageCount`), appending its postings with `offset` added to each passage id.
    static func decodeList(
        _ list: UnsafeRawBufferPointer, df: Int, positional: Bool, passageCount: Int, offset: UInt32, using buffers: Scratch,
        passages: inout [UInt32], tfs: inout [UInt32], positions: inout [UInt32], skipPositions: Bool = false
    ) throws {
        let blocks = (df + blockSize - 1) / blockSize
        let skip = blocks > 1 ? try SkipTable(list, blocks: blocks, positional: positional) : nil
        let length = list.count - BitPacking.padding
        let (ps, ts, scratch) = (buffers.passages, buffers.tfs, buffers.values)
        var previous: Int64 = -1
        for b in 0..<blocks {
            let start = (skip?.size ?? 0) + (b == 0 ? 0 : Int(skip!.end[b - 1]))
            let end = skip.map { $0.size + Int($0.end[b]) } ?? length
            let n = min(blockSize, df - b * blockSize)
            let block = try decodeBlock(
                list, start: start, end: end, count: n, previous: previous, positional: positional, passageCount: passageCount,
                passages: ps, tfs: ts, scratch: scratch)
            for i in 0..<n { scratch[i] = UInt32(ps[i]) + offset }
            passages.append(contentsOf: UnsafeBufferPointer(start: scratch, count: n))
            for i in 0..<n { scratch[i] = UInt32(ts[i]) }
            tfs.append(contentsOf: UnsafeBufferPointer(start: scratch, count: n))
            previous = Int64(ps[n - 1])
            if positional, !skipPositions {
                let first = positions.count
                positions.append(contentsOf: repeatElement(0, count: block.positionCount))  // then unpacked in place
                positions.withUnsafeMutableBufferPointer {
                    BitPacking.unpack(
                        list.baseAddress! + block.positionsStart, count: block.positionCount, width: block.positionWidth,
                        into: $0.baseAddress! + first)
                }
            }
        }
    }
}
