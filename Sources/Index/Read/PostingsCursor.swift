/// Walks one term's postings (format in `PostingsFormat`) block by block, skipping blocks whose
/// last passage is below a target without decoding them, and decoding a posting's positions only
/// when asked (an intersection needs them for few of the postings it passes). Every value read is
/// validated: a damaged list throws `IndexError.corrupted`; it never reads out of bounds or returns
/// an out-of-range id. (The order of a posting's positions is checked where they are read in full,
/// `positions()`, `PositionProbe.nextPosition` and `verify`; a probe's `has` steps through them in
/// place.) A class: cursors are used in place, never copied.
///
/// A character without a list of its own is walked the same way over its merged postings
/// (`IndexReader.mergedCursor`), in blocks of the same size with their bounds computed; so is a
/// phrase's decoded match list (`IndexReader.cursor(passages:tfs:)`), whose blocks have no bounds.
public final class PostingsCursor {
    /// Holds the mapping `raw` points into, so the cursor stays valid after its reader is released.
    private let storage: IndexStorage
    /// The term's list followed by `BitPacking.padding` readable bytes (empty when merged).
    private let raw: UnsafeRawBufferPointer
    private let length: Int
    private let df: Int
    private let positional: Bool
    private let passageCount: Int
    private let path: String
    private let blocks: Int
    private let skip: PostingsFormat.SkipTable?
    private let bodyStart: Int
    /// Merged postings, and each block's largest tf and shortest length.
    private let merged: Merged?

    /// Postings decoded elsewhere (ascending, non-empty, checked by the maker), with each block's
    /// largest tf and shortest passage when `lengths` are given (without them a block's bound is
    /// unknown: `blockBound` answers the largest). Immutable: the reader keeps a character's
    /// merged postings, bounds included, for every later cursor. A class, so that the hot paths'
    /// `if let merged` retains one reference, not four arrays.
    final class Merged: Sendable {
        let passages: [Int32], tfs: [Int32], maxTF: [Int], minLength: [Int]

        init(passages: [Int32], tfs: [Int32], lengths: IndexReader.Lengths?) {
            var maxTF: [Int] = [], minLength: [Int] = []
            if let lengths {
                for lo in stride(from: 0, to: passages.count, by: PostingsFormat.blockSize) {
                    let block = lo..<min(passages.count, lo + PostingsFormat.blockSize)
                    maxTF.append(Int(tfs[block].max()!))
                    minLength.append(block.reduce(Int.max) { min($0, Int(lengths[Int(passages[$1])])) })
                }
            }
            (self.passages, self.tfs, self.maxTF, self.minLength) = (passages, tfs, maxTF, minLength)
        }
    }

    /// The decoded block: passages; tfs decoded on first use (`tfsStart` ≥ 0 until then),
    /// positions stay packed until asked for.
    private var block = -1
    private var tfsStart = -1
    /// The packed tfs' layout, read on the first tf asked for in the block (`packedTF`).
    private var tfLayout: PatchedPacking.Layout?
    /// The first of its exceptions not below the last tf read in place (`PatchedPacking.value`).
    private var tfException = 0
    /// Whether `tfLayout` is read and bounds its values below `maxValue` (all but damaged
    /// blocks): `tf` then reads them inline, without the call and the check.
    private var tfInline = false
    private var blockEnd = 0
    private var count = 0
    private var index = 0
    private var current = PostingsFormat.Block()
    /// Posting whose positions are in `positionBuffer`, or −1.
    private var decodedFor = -1
    private var decodedCount = 0
    /// The last posting whose positions' start was asked for, and that start (`positionStart`).
    private var startIndex = 0
    private var startValue: Int32 = 0

    /// Fixed storage reused across blocks: no allocation or reference counting per posting.
    private let passages = UnsafeMutablePointer<Int32>.allocate(capacity: PostingsFormat.blockSize)
    private let tfs = UnsafeMutablePointer<Int32>.allocate(capacity: PostingsFormat.blockSize)
    private let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: PostingsFormat.blockSize)
    private var positionBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
    private var positionCapacity = 64

    deinit {
        passages.deallocate()
        tfs.deallocate()
        scratch.deallocate()
        positionBuffer.deallocate()
    }

    /// - Parameter raw: the term's postings inside `storage`, followed by `BitPacking.padding`
    ///   readable bytes.
    init(storage: IndexStorage, raw: UnsafeRawBufferPointer, df: Int, positional: Bool, passageCount: Int, path: String) throws {
        (self.storage, self.raw, self.df, self.positional) = (storage, raw, df, positional)
        (self.passageCount, self.path) = (passageCount, path)
        length = raw.count - BitPacking.padding
        blocks = (df + PostingsFormat.blockSize - 1) / PostingsFormat.blockSize
        guard df > 0, length >= 0 else { throw IndexError.corrupted(path: path, part: "postings", detail: "empty postings list") }
        do {
            skip = blocks > 1 ? try PostingsFormat.SkipTable(raw, blocks: blocks, positional: positional) : nil
        } catch let e as MalformedRecord {
            throw IndexError.corrupted(path: path, part: "postings", detail: e.detail)
        }
        bodyStart = skip?.size ?? 0
        merged = nil
        guard bodyStart <= length else { throw corrupted("postings shorter than their skip table") }
        try load(0)
    }

    /// A cursor over postings already decoded (`Merged`).
    init(storage: IndexStorage, merged: Merged, passageCount: Int, path: String) throws {
        self.storage = storage
        raw = UnsafeRawBufferPointer(start: nil, count: 0)
        length = 0
        df = merged.passages.count
        positional = false
        self.passageCount = passageCount
        self.path = path
        blocks = (df + PostingsFormat.blockSize - 1) / PostingsFormat.blockSize
        skip = nil
        bodyStart = 0
        self.merged = merged
        guard df > 0 else { throw corrupted("empty postings list") }
        try load(0)
    }

    /// The error for a posting whose positions do not ascend.
    func outOfOrder() -> IndexError { corrupted("positions out of order") }

    private func corrupted(_ detail: String) -> IndexError { .corrupted(path: path, part: "postings", detail: detail) }

    private func reservePositions(_ n: Int) {
        guard n > positionCapacity else { return }
        positionBuffer.deallocate()
        positionCapacity = max(n, positionCapacity * 2)
        positionBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: positionCapacity)
    }

    /// The current passage, or nil when the list is exhausted.
    public var passage: Int32? { index < count ? passages[index] : nil }
    public var tf: Int {
        @inline(__always) get throws {
            if tfsStart < 0 { return Int(tfs[index]) }
            if tfInline {
                return Int(PatchedPacking.value(raw, in: tfLayout.unsafelyUnwrapped, index: index, exception: &tfException)) &+ 1
            }
            return try packedTF()
        }
    }

    /// The current posting's tf while the block's tfs are still packed, read in place: an
    /// intersection wants one tf in the blocks it matches in, not all 128.
    @inline(never)
    private func packedTF() throws -> Int {
        let v: UInt32
        do {
            if tfLayout == nil {
                let l = try PatchedPacking.Layout(raw, at: tfsStart, end: blockEnd, count: count)
                tfLayout = l
                // Below 2^30 (`maxValue`) whatever the bits: read inline from now on.
                tfInline = l.width + l.highWidth < 30
            }
            v = PatchedPacking.value(raw, in: tfLayout!, index: index, exception: &tfException)
        } catch let e as MalformedRecord {
            throw corrupted(e.detail)
        }
        guard v < UInt32(PostingsFormat.maxValue) else { throw corrupted("bad term frequency") }
        return Int(v) &+ 1
    }

    /// The decoded block's passages, how many, and the current posting: a loop that walks two
    /// lists in step keeps them in registers (`ListIntersection.walkPair`) and hands its position
    /// back with `move(to:)` before reading a tf or leaving the block.
    var decoded: (passages: UnsafeMutablePointer<Int32>, count: Int, index: Int) { (passages, count, index) }

    /// Moves to posting `i` of the decoded block (at most `count`: exhausted within it).
    @inline(__always)
    func move(to i: Int) { index = i }

    @inline(__always)
    public func next() throws {
        index &+= 1
        if index >= count, block + 1 < blocks { try load(block + 1) }
    }

    /// Moves to the first posting whose passage ≥ target. The target is mostly in the decoded
    /// block (an intersection's candidates are dense): that check is inlined into the caller's
    /// loop, the step to a later block is not.
    @inline(__always)
    public func advance(to target: Int32) throws {
        if index < count, passages[index] >= target { return }
        if count > 0, passages[count - 1] >= target {
            while passages[index] < target { index &+= 1 }
            return
        }
        try advanceBlocks(to: target)
    }

    /// `advance(to:)` past the decoded block: skips whole blocks by their last passage.
    @inline(never)
    private func advanceBlocks(to target: Int32) throws {
        var b = block + 1
        while b < blocks {
            if try lastPassage(of: b) >= target { break }
            b += 1
        }
        guard b < blocks else {
            index = count
            block = blocks
            return
        }
        try load(b)
        index = lowerBound(target)
    }

    /// The first posting of the decoded block whose passage ≥ `target`, which its last passage
    /// is: a binary search whose steps compile to conditional moves (a block just entered is
    /// searched from its start, where the target may lie anywhere; a scan cost a step per posting
    /// passed). The answer stays within `first ..< first + length`, so one candidate is left.
    private func lowerBound(_ target: Int32) -> Int {
        var first = 0, length = count
        while length > 1 {
            let half = length &>> 1
            first = passages[first &+ half &- 1] < target ? first &+ half : first
            length &-= half
        }
        return first
    }

    // MARK: Positions

    /// The current posting's positions, packed in place, to be probed in ascending order (an
    /// intersection checks a list at ascending phrase starts): a probe steps forward instead of
    /// searching again, so a posting costs its tf at most. Internal: it points into the mapping
    /// the cursor keeps alive, valid while the cursor stays on the posting.
    struct PositionProbe {
        let base: UnsafeRawPointer
        let width: Int
        var next: Int
        let end: Int

        /// The next position, or nil after the last: the driver of an intersection reads each of its
        /// positions once, in place. The caller checks that each follows the one before, as
        /// `positions()` does (`outOfOrder` is the error to throw).
        mutating func nextPosition() -> Int32? {
            guard next < end else { return nil }
            defer { next += 1 }
            return Int32(truncatingIfNeeded: BitPacking.get(base, next, width: width))
        }

        /// Whether the posting has position `v`; `v` must not be below an earlier probe's.
        mutating func has(_ v: Int32) -> Bool {
            while next < end {
                let x = Int32(truncatingIfNeeded: BitPacking.get(base, next, width: width))
                if x >= v { return x == v }
                next += 1
            }
            return false
        }
    }

    /// A probe of the current posting's positions (bigrams only). Valid until the cursor moves.
    @inline(__always)
    func positionProbe() throws -> PositionProbe {
        guard positional, index < count else { throw corrupted("positions requested of a list without them") }
        if tfsStart >= 0 { try decodeBlockTFs() }
        let first = positionStart()
        return PositionProbe(
            base: raw.baseAddress! + current.positionsStart, width: current.positionWidth, next: first, end: first + Int(tfs[index]))
    }

    /// Positions of the current posting (bigrams only).
    public func positions() throws -> UnsafeBufferPointer<Int32> {
        try decodePositions()
        return UnsafeBufferPointer(start: positionBuffer, count: decodedCount)
    }

    /// Unpacks the current posting's positions: they start at the sum of the tfs before it.
    private func decodePositions() throws {
        guard decodedFor != index else { return }
        guard positional, index < count else { throw corrupted("positions requested of a list without them") }
        try decodeTFs()
        let tf = Int(tfs[index])
        reservePositions(tf)
        let first = positionStart()
        let base = raw.baseAddress! + current.positionsStart
        let width = current.positionWidth
        var previous: Int32 = -1
        for k in 0..<tf {
            let v = Int32(truncatingIfNeeded: width == 0 ? 0 : BitPacking.get(base, first + k, width: width))
            guard v > previous else { throw corrupted("positions out of order") }
            positionBuffer[k] = v
            previous = v
        }
        decodedFor = index
        decodedCount = tf
    }

    /// Where the current posting's positions start in its block: the sum of the tfs before it,
    /// added from the last posting asked about (a cursor moves forward; the sum restarts when a
    /// block is loaded). The tfs must be decoded. Summing only what is asked for (a vectorized
    /// sum) replaces a running sum over every block, most of which only one posting is probed in.
    @inline(__always)
    private func positionStart() -> Int {
        if index < startIndex { (startIndex, startValue) = (0, 0) }
        var sum = startValue
        for k in startIndex..<index { sum &+= tfs[k] }
        (startIndex, startValue) = (index, sum)
        return Int(sum)
    }

    // MARK: Blocks

    public var blockCount: Int { blocks }

    /// The postings in the list (its df).
    var postingCount: Int { df }

    /// A pair's context as its skip table records it; `unknown` for a list of one block, a
    /// character's, or decoded postings.
    public var pairContext: PairContext { skip?.context ?? .unknown }

    /// Postings per block (the last block may hold fewer): block `b` holds postings
    /// `b * blockSize ..< (b + 1) * blockSize` of the list.
    public static var blockSize: Int { PostingsFormat.blockSize }

    /// The largest tf and the smallest passage length in block `b`: with them BM25 gives an upper
    /// bound of any score in the block. Single-block lists have no skip table, and a decoded list
    /// without lengths no bounds: (max, 0).
    public func blockBound(_ b: Int) -> (maxTF: Int, minLength: Int) {
        guard blocks > 1, b >= 0, b < blocks else { return (Int(Int32.max), 0) }
        if let merged { return merged.maxTF.isEmpty ? (Int(Int32.max), 0) : (merged.maxTF[b], merged.minLength[b]) }
        return (Int(skip!.maxTF[b]), Int(skip!.minLength[b]))
    }

    /// Decodes block `b`; the cursor then walks it (and later blocks) with `next()`.
    public func seek(block b: Int) throws {
        guard b >= 0, b < blocks else { throw corrupted("block \(b) out of range") }
        try load(b)
    }

    /// Passages and tfs of the decoded block.
    public var blockPassages: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: passages, count: count) }
    public var blockTFs: UnsafeBufferPointer<Int32> {
        get throws {
            try decodeTFs()
            return UnsafeBufferPointer(start: tfs, count: count)
        }
    }

    /// Decodes every position of the current block, to check its structure (`IndexReader.verify`).
    public func validateBlock() throws {
        try decodeTFs()
        guard positional else { return }
        let saved = index
        for i in 0..<count {
            index = i
            try decodePositions()
        }
        index = saved
    }

    @inline(__always)
    private func lastPassage(of b: Int) throws -> Int32 {
        if let merged { return merged.passages[min(df, (b + 1) * PostingsFormat.blockSize) - 1] }
        guard let skip else { return Int32.max }
        let l = skip.last[b]
        guard l < passageCount else { throw corrupted("skip entry out of range") }
        return Int32(l)
    }

    @inline(never)
    private func load(_ b: Int) throws {
        if let merged {
            let lo = b * PostingsFormat.blockSize, n = min(PostingsFormat.blockSize, df - lo)
            merged.passages.withUnsafeBufferPointer { passages.update(from: $0.baseAddress! + lo, count: n) }
            merged.tfs.withUnsafeBufferPointer { tfs.update(from: $0.baseAddress! + lo, count: n) }
            (block, count, index, decodedFor, decodedCount, tfsStart) = (b, n, 0, -1, 0, -1)
            (tfLayout, tfException, tfInline) = (nil, 0, false)
            (startIndex, startValue) = (0, 0)
            return
        }
        let start = bodyStart + (b == 0 ? 0 : Int(skip!.end[b - 1]))
        let end = skip.map { bodyStart + Int($0.end[b]) } ?? length
        guard end <= length else { throw corrupted("block bounds invalid") }
        // Blocks may be loaded out of order (block-max search): the previous block's entry is
        // checked, unless that block is the one decoded (and checked against it) now.
        let previous: Int64 =
            b == 0 ? -1 : b == block &+ 1 && count > 0 ? Int64(passages[count &- 1]) : Int64(try lastPassage(of: b - 1))
        let n = min(PostingsFormat.blockSize, df - b * PostingsFormat.blockSize)
        let tfsAt: Int
        do {
            tfsAt = try PostingsFormat.decodePassages(
                raw, start: start, end: end, count: n, previous: previous, passageCount: passageCount, passages: passages, scratch: scratch)
        } catch let e as MalformedRecord {
            throw corrupted(e.detail)
        }
        if let skip, Int64(skip.last[b]) != Int64(passages[n - 1]) { throw corrupted("skip entry disagrees with block") }
        block = b
        count = n
        index = 0
        decodedFor = -1
        decodedCount = 0
        (startIndex, startValue) = (0, 0)
        (tfsStart, blockEnd, tfLayout, tfException, tfInline) = (tfsAt, end, nil, 0, false)
    }

    /// Decodes the current block's tfs (and where its positions lie) once: an intersection
    /// stepping past a block to reach its target needs only its passages.
    @inline(__always)
    private func decodeTFs() throws {
        if tfsStart >= 0 { try decodeBlockTFs() }
    }

    /// `decodeTFs` proper, out of line: once per block, not in every caller's loop.
    @inline(never)
    private func decodeBlockTFs() throws {
        do {
            current = try PostingsFormat.decodeTFs(
                raw, at: tfsStart, end: blockEnd, count: count, positional: positional, tfs: tfs, scratch: scratch)
        } catch let e as MalformedRecord {
            throw corrupted(e.detail)
        }
        (tfsStart, tfInline) = (-1, false)
    }
}
