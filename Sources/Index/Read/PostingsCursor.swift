/// Walks one term's postings (format in `PostingsFormat`) block by block, skipping blocks whose
/// last passage is below a target without decoding them, and decoding a posting's positions only
/// when asked (an intersection needs them for few of the postings it passes). Every value read is
/// validated: a damaged list throws `IndexError.corrupted`; it never reads out of bounds or returns
/// an out-of-range id. A class: cursors are used in place, never copied.
public final class PostingsCursor {
    /// Holds the mapping `raw` points into, so the cursor stays valid after its reader is released.
    private let storage: IndexStorage
    private let raw: UnsafeRawBufferPointer
    private let df: Int
    private let positional: Bool
    private let passageCount: Int
    private let path: String
    private let blocks: Int
    private let bodyStart: Int

    /// Decoded current block: passages and tfs; positions are read lazily from `positionsStart`.
    private var block = -1
    private var count = 0
    private var index = 0
    private var blockEnd = 0
    /// Byte offset of the positions of posting `positionsOf` in the current block.
    private var positionsCursor = 0
    private var positionsOf = 0
    /// Posting whose positions are decoded in `positionBuffer`, or −1.
    private var decodedFor = -1
    private var decodedCount = 0

    /// Fixed storage reused across blocks: no allocation or reference counting per posting.
    private let passages = UnsafeMutablePointer<Int32>.allocate(capacity: PostingsFormat.blockSize)
    private let tfs = UnsafeMutablePointer<Int32>.allocate(capacity: PostingsFormat.blockSize)
    private var positionBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
    private var positionCapacity = 64

    deinit {
        passages.deallocate()
        tfs.deallocate()
        positionBuffer.deallocate()
    }

    private func reservePositions(_ n: Int) {
        guard n > positionCapacity else { return }
        positionBuffer.deallocate()
        positionCapacity = max(n, positionCapacity * 2)
        positionBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: positionCapacity)
    }

    /// - Parameter raw: the term's postings, inside `storage`.
    init(storage: IndexStorage, raw: UnsafeRawBufferPointer, df: Int, positional: Bool, passageCount: Int, path: String) throws {
        self.storage = storage
        self.raw = raw
        self.df = df
        self.positional = positional
        self.passageCount = passageCount
        self.path = path
        blocks = (df + PostingsFormat.blockSize - 1) / PostingsFormat.blockSize
        bodyStart = blocks > 1 ? blocks * PostingsFormat.SkipEntry.size : 0
        guard df > 0, bodyStart <= raw.count else { throw corrupted("postings shorter than their skip table") }
        try load(0)
    }

    private func corrupted(_ detail: String) -> IndexError { .corrupted(path: path, part: "postings", detail: detail) }

    /// The current passage, or nil when the list is exhausted.
    public var passage: Int32? { index < count ? passages[index] : nil }
    public var tf: Int { Int(tfs[index]) }

    public func next() throws {
        index += 1
        if index >= count, block + 1 < blocks { try load(block + 1) }
    }

    /// Moves to the first posting whose passage ≥ target.
    public func advance(to target: Int32) throws {
        if index < count, passages[index] >= target { return }
        if count > 0, passages[count - 1] >= target {
            while passages[index] < target { index += 1 }
            return
        }
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
        while index < count, passages[index] < target { index += 1 }
    }

    // MARK: Positions

    /// Whether the current posting has position `v` (bigrams only).
    public func hasPosition(_ v: Int32) throws -> Bool {
        try decodePositions()
        var lo = 0, hi = decodedCount
        let p = positionBuffer
        while lo < hi {
            let mid = (lo + hi) >> 1
            if p[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < decodedCount && p[lo] == v
    }

    /// Positions of the current posting (bigrams only).
    public func positions() throws -> UnsafeBufferPointer<Int32> {
        try decodePositions()
        return UnsafeBufferPointer(start: positionBuffer, count: decodedCount)
    }

    private func decodePositions() throws {
        guard decodedFor != index else { return }
        guard positional, index < count, index >= positionsOf else { throw corrupted("positions requested out of order") }
        // Skip the positions of the postings in between: count varint terminators.
        let base = raw.baseAddress!
        while positionsOf < index {
            var remaining = Int(tfs[positionsOf])
            while remaining > 0 {
                guard positionsCursor < blockEnd else { throw corrupted("positions truncated") }
                if base.load(fromByteOffset: positionsCursor, as: UInt8.self) < 0x80 { remaining -= 1 }
                positionsCursor += 1
            }
            positionsOf += 1
        }
        let tf = Int(tfs[index])
        reservePositions(tf)
        var pos: Int64 = 0
        for k in 0..<tf {
            let d = try varint(&positionsCursor, blockEnd)
            guard k == 0 || d > 0 else { throw corrupted("positions out of order") }
            pos += Int64(d)
            // Positions count characters of one passage (files are capped far below 2^30), and
            // callers add phrase offsets to them: anything larger is damage.
            guard pos < PostingsFormat.maxValue else { throw corrupted("position out of range") }
            positionBuffer[k] = Int32(pos)
        }
        positionsOf = index + 1
        decodedFor = index
        decodedCount = tf
    }

    // MARK: Blocks

    public var blockCount: Int { blocks }

    /// The largest tf and the smallest passage length in block `b`: with them BM25 gives an upper
    /// bound of any score in the block. Single-block lists have no skip table: (max, 0).
    public func blockBound(_ b: Int) -> (maxTF: Int, minLength: Int) {
        guard blocks > 1 else { return (Int(Int32.max), 0) }
        let e = PostingsFormat.SkipEntry.decode(raw, block: b)
        return (Int(e.maxTF), Int(e.minLength))
    }

    /// Decodes block `b`; the cursor then walks it (and later blocks) with `next()`.
    public func seek(block b: Int) throws {
        guard b >= 0, b < blocks else { throw corrupted("block \(b) out of range") }
        try load(b)
    }

    /// Passages and tfs of the decoded block.
    public var blockPassages: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: passages, count: count) }
    public var blockTFs: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: tfs, count: count) }

    /// Decodes every position of the current block, to check its structure (`IndexReader.verify`).
    public func validateBlock() throws {
        guard positional else { return }
        let saved = index
        for i in 0..<count {
            index = i
            try decodePositions()
        }
        guard positionsCursor == blockEnd else { throw corrupted("block length mismatch") }
        index = saved
    }

    private func skipEntry(_ b: Int) -> (last: Int32, end: Int) {
        let e = PostingsFormat.SkipEntry.decode(raw, block: b)
        return (Int32(truncatingIfNeeded: e.lastPassage), Int(e.end))
    }

    private func lastPassage(of b: Int) throws -> Int32 {
        if blocks == 1 { return Int32.max }
        let l = skipEntry(b).last
        guard l >= 0, Int(l) < passageCount else { throw corrupted("skip entry out of range") }
        return l
    }

    @inline(__always)
    private func varint(_ cursor: inout Int, _ limit: Int) throws -> UInt32 {
        let base = raw.baseAddress!
        var result: UInt32 = 0
        var shift: UInt32 = 0
        while true {
            guard cursor < limit, shift < 35 else { throw corrupted("truncated varint") }
            let byte = base.load(fromByteOffset: cursor, as: UInt8.self)
            cursor += 1
            result |= UInt32(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    private func load(_ b: Int) throws {
        let start = bodyStart + (b == 0 ? 0 : skipEntry(b - 1).end)
        let end = blocks == 1 ? raw.count : bodyStart + skipEntry(b).end
        guard start <= end, end <= raw.count else { throw corrupted("block bounds invalid") }
        // Blocks may be loaded out of order (block-max search): validate the previous block's entry.
        var previous: Int64 = b == 0 ? -1 : Int64(try lastPassage(of: b - 1))
        let n = min(PostingsFormat.blockSize, df - b * PostingsFormat.blockSize)
        var cursor = start
        for i in 0..<n {
            let delta = try varint(&cursor, end)
            let p = previous + Int64(delta)
            guard delta > 0, p >= 0, p < passageCount else { throw corrupted("passage id out of order or range") }
            previous = p
            let tf = try varint(&cursor, end)
            guard tf > 0, tf < PostingsFormat.maxValue else { throw corrupted("bad term frequency") }
            passages[i] = Int32(p)
            tfs[i] = Int32(tf)
        }
        if !positional, cursor != end { throw corrupted("block length mismatch") }
        if blocks > 1, Int64(skipEntry(b).last) != previous { throw corrupted("skip entry disagrees with block") }
        block = b
        count = n
        index = 0
        blockEnd = end
        positionsCursor = cursor
        positionsOf = 0
        decodedFor = -1
        decodedCount = 0
    }
}
