/// Walks one term's postings (format in `PostingsWriter`) block by block, skipping blocks whose last
/// passage is below a target without decoding them. Every value read is validated: a damaged list
/// throws `IndexError.corrupted`, it never reads out of bounds or returns an out-of-range id.
public struct PostingsCursor {
    private let raw: UnsafeRawBufferPointer
    private let df: Int
    private let positional: Bool
    private let passageCount: Int
    private let path: String
    private let blocks: Int
    private let bodyStart: Int

    /// Decoded current block.
    private var block = -1
    private var passages: [Int32] = []
    private var tfs: [Int32] = []
    private var positionStarts: [Int32] = []
    private var positions: [Int32] = []
    private var index = 0

    init(raw: UnsafeRawBufferPointer, df: Int, positional: Bool, passageCount: Int, path: String) throws {
        self.raw = raw
        self.df = df
        self.positional = positional
        self.passageCount = passageCount
        self.path = path
        blocks = (df + PostingsWriter.blockSize - 1) / PostingsWriter.blockSize
        bodyStart = blocks > 1 ? blocks * Self.skipEntrySize : 0
        guard df > 0, bodyStart <= raw.count else { throw corrupted("postings shorter than their skip table") }
        passages.reserveCapacity(PostingsWriter.blockSize)
        tfs.reserveCapacity(PostingsWriter.blockSize)
        try load(0)
    }

    private func corrupted(_ detail: String) -> IndexError { .corrupted(path: path, part: "postings", detail: detail) }

    /// The current passage, or nil when the list is exhausted.
    public var passage: Int32? { index < passages.count ? passages[index] : nil }
    public var tf: Int { Int(tfs[index]) }

    /// Positions of the current posting (bigrams only), by index: no slice, no reference counting
    /// in the phrase matcher's inner loop.
    public var positionRange: Range<Int> { Int(positionStarts[index])..<Int(positionStarts[index + 1]) }
    public func position(_ i: Int) -> Int32 { positions[i] }

    /// Whether the current posting has position `v` (binary search).
    public func hasPosition(_ v: Int32) -> Bool {
        var lo = Int(positionStarts[index]), hi = Int(positionStarts[index + 1])
        while lo < hi {
            let mid = (lo + hi) >> 1
            if positions[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < Int(positionStarts[index + 1]) && positions[lo] == v
    }

    // MARK: Blocks, for top-k by block upper bounds

    public var blockCount: Int { blocks }

    /// The largest tf and the smallest passage length in block `b`: with them BM25 gives an upper
    /// bound of any score in the block. Single-block lists have no skip table: (max, 0).
    public func blockBound(_ b: Int) -> (maxTF: Int, minLength: Int) {
        guard blocks > 1 else { return (Int(Int32.max), 0) }
        return (Int(raw.loadUnaligned(fromByteOffset: b * Self.skipEntrySize + 8, as: UInt32.self)),
                Int(raw.loadUnaligned(fromByteOffset: b * Self.skipEntrySize + 12, as: UInt32.self)))
    }

    /// Decodes block `b`; the cursor then walks it (and later blocks) with `next()`.
    public mutating func seek(block b: Int) throws {
        guard b >= 0, b < blocks else { throw corrupted("block \(b) out of range") }
        try load(b)
    }

    /// Passages and tfs of the decoded block.
    public var blockPassages: [Int32] { passages }
    public var blockTFs: [Int32] { tfs }

    public mutating func next() throws {
        index += 1
        if index >= passages.count, block + 1 < blocks { try load(block + 1) }
    }

    /// Moves to the first posting whose passage ≥ target.
    public mutating func advance(to target: Int32) throws {
        if let p = passage, p >= target { return }
        if index < passages.count, let last = passages.last, last >= target {
            // Within the current block.
            while passages[index] < target { index += 1 }
            return
        }
        // Find the first later block whose last passage ≥ target.
        var b = block + 1
        while b < blocks {
            if try lastPassage(of: b) >= target { break }
            b += 1
        }
        guard b < blocks else { index = passages.count; block = blocks; return }
        try load(b)
        while index < passages.count, passages[index] < target { index += 1 }
    }

    static let skipEntrySize = 16

    private func skipEntry(_ b: Int) -> (last: Int32, end: Int) {
        let last = raw.loadUnaligned(fromByteOffset: b * Self.skipEntrySize, as: UInt32.self)
        let end = raw.loadUnaligned(fromByteOffset: b * Self.skipEntrySize + 4, as: UInt32.self)
        return (Int32(truncatingIfNeeded: last), Int(end))
    }

    private func lastPassage(of b: Int) throws -> Int32 {
        if blocks == 1 { return Int32.max }
        let l = skipEntry(b).last
        guard l >= 0, Int(l) < passageCount else { throw corrupted("skip entry out of range") }
        return l
    }

    private mutating func load(_ b: Int) throws {
        let start = bodyStart + (b == 0 ? 0 : skipEntry(b - 1).end)
        let end = blocks == 1 ? raw.count : bodyStart + skipEntry(b).end
        guard start <= end, end <= raw.count else { throw corrupted("block bounds invalid") }
        var previous: Int64 = b == 0 ? -1 : Int64(skipEntry(b - 1).last)
        let count = min(PostingsWriter.blockSize, df - b * PostingsWriter.blockSize)
        passages.removeAll(keepingCapacity: true)
        tfs.removeAll(keepingCapacity: true)
        positionStarts.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        positionStarts.append(0)
        var cursor = start
        let limit = end
        let base = raw.baseAddress!
        @inline(__always) func varint() throws -> UInt32 {
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
        for _ in 0..<count {
            let delta = try varint()
            let p = previous + Int64(delta)
            guard delta > 0, p < passageCount else { throw corrupted("passage id out of order or range") }
            previous = p
            let tf = try varint()
            guard tf > 0, tf < 1 << 24 else { throw corrupted("bad term frequency") }
            passages.append(Int32(p))
            tfs.append(Int32(tf))
            if positional {
                var pos: Int64 = 0
                for k in 0..<Int(tf) {
                    let d = try varint()
                    guard k == 0 || d > 0 else { throw corrupted("positions out of order") }
                    pos += Int64(d)
                    guard pos <= Int32.max else { throw corrupted("position out of range") }
                    positions.append(Int32(pos))
                }
                positionStarts.append(Int32(positions.count))
            }
        }
        guard cursor == end else { throw corrupted("block length mismatch") }
        if blocks > 1, let last = passages.last, last != skipEntry(b).last { throw corrupted("skip entry disagrees with block") }
        block = b
        index = 0
    }
}
