/// One term's postings, decoded: for each passage containing the term, its positions.
public struct Postings: Sendable {
    /// Passage ids, ascending.
    public var passages: [Int32]
    /// positions[starts[i]..<starts[i+1]] are the ascending positions in passages[i].
    public var starts: [Int32]
    public var positions: [Int32]

    public var count: Int { passages.count }

    public func positions(at i: Int) -> ArraySlice<Int32> { positions[Int(starts[i])..<Int(starts[i + 1])] }

    static func decode(_ raw: UnsafeRawBufferPointer, df: Int, passageCount: Int, path: String) throws -> Postings {
        var p = Postings(passages: [], starts: [0], positions: [])
        p.passages.reserveCapacity(df)
        p.starts.reserveCapacity(df + 1)
        p.positions.reserveCapacity(raw.count)
        var cursor = 0
        let n = raw.count
        @inline(__always) func varint() throws -> UInt32 {
            var result: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                guard cursor < n, shift < 35 else {
                    throw IndexError.corrupted(path: path, part: "postings", detail: "truncated varint")
                }
                let b = raw[cursor]
                cursor += 1
                result |= UInt32(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
            }
        }
        var passage: Int64 = -1
        for i in 0..<df {
            let delta = Int64(try varint())
            passage = i == 0 ? delta : passage + delta
            guard passage < passageCount, i == 0 || delta > 0 else {
                throw IndexError.corrupted(path: path, part: "postings", detail: "passage id out of order or range")
            }
            let tf = Int(try varint())
            guard tf > 0, tf <= n else { throw IndexError.corrupted(path: path, part: "postings", detail: "bad term frequency") }
            var pos: Int64 = 0
            for k in 0..<tf {
                let d = Int64(try varint())
                guard k == 0 || d > 0 else { throw IndexError.corrupted(path: path, part: "postings", detail: "positions out of order") }
                pos += d
                guard pos <= Int32.max else { throw IndexError.corrupted(path: path, part: "postings", detail: "position out of range") }
                p.positions.append(Int32(pos))
            }
            p.passages.append(Int32(passage))
            p.starts.append(Int32(p.positions.count))
        }
        guard cursor == n else { throw IndexError.corrupted(path: path, part: "postings", detail: "trailing bytes") }
        return p
    }
}
