/// The sorted term dictionary: key → (df, postings offset, postings length).
///
/// Terms are grouped in blocks of `blockSize`. The `terms` section holds per block 24 B: first key
/// u64 · entries offset u32 · entries length u32 · postings offset of the block's first term u64.
/// The `termEntries` section holds per term: varint key delta (0 for a block's first term) ·
/// varint df · varint postings length. A lookup binary-searches the block table and decodes at most
/// one block: a few hundred nanoseconds, and a dictionary a few bytes per term.
public struct TermInfo: Equatable, Sendable {
    public var key: UInt64
    public var df: Int
    public var offset: Int
    public var length: Int
    public var isUnigram: Bool { TermKey.isUnigram(key) }
}

enum TermDictionary {
    static let blockSize = 64
    static let blockRecordSize = 24

    /// Builds both sections from terms sorted by key.
    static func write(_ terms: [(key: UInt64, df: UInt32, length: UInt32)]) -> (table: [UInt8], entries: [UInt8]) {
        var table = ByteBuffer()
        var entries = ByteBuffer()
        var postingsOffset: UInt64 = 0
        var i = 0
        while i < terms.count {
            let end = min(terms.count, i + blockSize)
            let start = entries.count
            table.append(terms[i].key)
            table.append(UInt32(start))
            var previous = terms[i].key
            for t in terms[i..<end] {
                let delta = t.key - previous
                entries.appendVarint64(delta)
                entries.appendVarint(t.df)
                entries.appendVarint(t.length)
                previous = t.key
            }
            table.append(UInt32(entries.count - start))
            table.append(postingsOffset)
            for t in terms[i..<end] { postingsOffset += UInt64(t.length) }
            i = end
        }
        return (table.bytes, entries.bytes)
    }
}

extension ByteBuffer {
    mutating func appendVarint64(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}

/// Reads a varint from `raw` at `cursor` within `limit`, or throws.
@inline(__always)
func readVarint(_ raw: UnsafeRawBufferPointer, _ cursor: inout Int, _ limit: Int, _ error: @autoclosure () -> IndexError) throws -> UInt64 {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
        guard cursor < limit, shift < 64 else { throw error() }
        let byte = raw[cursor]
        cursor += 1
        result |= UInt64(byte & 0x7F) << shift
        if byte < 0x80 { return result }
        shift += 7
    }
}
