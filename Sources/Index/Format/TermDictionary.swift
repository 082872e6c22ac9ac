/// A term as the dictionary holds it: key, document frequency, and where its postings lie.
public struct TermInfo: Equatable, Sendable {
    public var key: UInt64
    public var df: Int
    public var offset: Int
    public var length: Int
    public var isUnigram: Bool { TermKey.isUnigram(key) }
}

/// The sorted term dictionary: key → (df, postings offset, postings length), written and read here.
///
/// Terms are grouped in blocks of `blockSize`. The `terms` section holds per block 24 B: first key
/// u64 · entries offset u32 · entries length u32 · postings offset of the block's first term u64.
/// The `termEntries` section holds per term: varint key delta (0 for a block's first term) ·
/// varint df · varint postings length. A lookup binary-searches the block table and decodes at most
/// one block: a few hundred nanoseconds, and a dictionary a few bytes per term.
enum TermDictionary {
    static let blockSize = 64

    /// One block's entry in the `terms` section.
    struct Block: Equatable {
        static let size = 24

        var firstKey: UInt64
        var entries: ByteSpan
        var postingsOffset: Int

        func encode(into out: inout ByteBuffer) {
            out.append(firstKey)
            out.append(UInt32(entries.offset))
            out.append(UInt32(entries.length))
            out.append(UInt64(postingsOffset))
        }

        static func decode(_ bytes: UnsafeRawBufferPointer) throws -> Block {
            var r = ByteReader(bytes)
            let key = try r.u64()
            let entries = ByteSpan(offset: Int(try r.u32()), length: Int(try r.u32()))
            return Block(firstKey: key, entries: entries, postingsOffset: Int(clamping: try r.u64()))
        }
    }

    static func blockCount(terms: Int) -> Int { (terms + blockSize - 1) / blockSize }

    /// Both sections, from terms sorted by key.
    static func encode(_ terms: [(key: UInt64, df: UInt32, length: UInt32)]) -> (table: [UInt8], entries: [UInt8]) {
        var table = ByteBuffer()
        var entries = ByteBuffer()
        var postingsOffset = 0
        for start in stride(from: 0, to: terms.count, by: blockSize) {
            let block = terms[start..<min(terms.count, start + blockSize)]
            let entriesStart = entries.count
            var previous = block.first!.key
            for t in block {
                entries.appendVarint(t.key - previous)
                entries.appendVarint(t.df)
                entries.appendVarint(t.length)
                previous = t.key
            }
            Block(
                firstKey: block.first!.key, entries: ByteSpan(offset: entriesStart, length: entries.count - entriesStart),
                postingsOffset: postingsOffset
            ).encode(into: &table)
            postingsOffset += block.reduce(0) { $0 + Int($1.length) }
        }
        return (table.bytes, entries.bytes)
    }

    /// Calls `body` for each of the `count` terms of a block, in order, until it returns false.
    /// Values come from disk: they are checked (keys ascending, df within 1…passages) and the
    /// arithmetic on them cannot trap.
    static func forEachTerm(
        in block: Block, entries: UnsafeRawBufferPointer, count: Int, passages: Int, _ body: (TermInfo) throws -> Bool
    ) throws {
        var r = ByteReader(entries)
        var key = block.firstKey
        var offset = block.postingsOffset
        for i in 0..<count {
            let delta = try r.varint()
            guard i == 0 ? delta == 0 : delta > 0 else { throw MalformedRecord(detail: "keys out of order") }
            let (next, keyOverflow) = key.addingReportingOverflow(delta)
            let df = Int(clamping: try r.varint())
            let length = Int(clamping: try r.varint())
            let (end, offsetOverflow) = offset.addingReportingOverflow(length)
            guard !keyOverflow, !offsetOverflow, df >= 1, df <= passages else { throw MalformedRecord(detail: "bad entry \(i)") }
            key = next
            let term = TermInfo(key: key, df: df, offset: offset, length: length)
            offset = end
            if try !body(term) { return }
        }
    }

    /// How many blocks start at or below `key` (their first keys ascend): a binary search.
    private static func blocksNotAbove(_ key: UInt64, blocks: Int, firstKey: (Int) throws -> UInt64) throws -> Int {
        var lo = 0, hi = blocks
        while lo < hi {
            let mid = (lo + hi) / 2
            if try firstKey(mid) <= key { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Calls `body` for each term from the first whose key is ≥ `key`, in order, until it returns
    /// false: a binary search over the blocks' first keys, then a scan from that block on.
    static func forEachTerm(
        from key: UInt64, blocks: Int, firstKey: (Int) throws -> UInt64, scan: (Int, (TermInfo) throws -> Bool) throws -> Void,
        _ body: (TermInfo) throws -> Bool
    ) throws {
        var more = true
        var b = max(0, try blocksNotAbove(key, blocks: blocks, firstKey: firstKey) - 1)
        try withoutActuallyEscaping(body) { body in
            while more, b < blocks {
                try scan(b) { t in
                    guard t.key >= key else { return true }
                    more = try body(t)
                    return more
                }
                b += 1
            }
        }
    }

    /// The term with `key`: only the last block whose first key is not above it can hold it, so
    /// one block is scanned (`block` gives its table entry, entries and term count), directly
    /// rather than through `forEachTerm(from:)`'s closures (a lookup cost 13,000 instructions).
    static func find(
        _ key: UInt64, blocks: Int, firstKey: (Int) throws -> UInt64,
        block: (Int) throws -> (Block, UnsafeRawBufferPointer, count: Int), passages: Int
    ) throws -> TermInfo? {
        let n = try blocksNotAbove(key, blocks: blocks, firstKey: firstKey)
        guard n > 0 else { return nil }
        let (table, entries, count) = try block(n - 1)
        var found: TermInfo? = nil
        try forEachTerm(in: table, entries: entries, count: count, passages: passages) { t in
            if t.key == key { found = t }
            return t.key < key
        }
        return found
    }
}
