/// Positional intersection of bigram postings: the passages where bigram lists occur at fixed
/// relative offsets, with the number of such alignments. Lives beside the cursor so its inner
/// loop compiles together with the cursor's methods (one module, inlined, no reference counting).
public enum PhraseIntersection {
    /// - Parameters:
    ///   - driver: the rarest list; its passages are the candidates.
    ///   - driverOffset: the driver bigram's offset in the phrase.
    ///   - others: the other lists with their offsets in the phrase.
    /// - Returns: passages where every list has a position at `start + offset` for a common
    ///   `start`, and how many such starts each passage has.
    public static func run(driver: PostingsCursor, driverOffset: Int32,
                           others: [(cursor: PostingsCursor, offset: Int32)]) throws -> (passages: [Int32], counts: [Int32]) {
        var passages: [Int32] = []
        var counts: [Int32] = []
        let cursors = ContiguousArray(others.map(\.cursor))
        let offsets = ContiguousArray(others.map(\.offset))
        outer: while let p = driver.passage {
            for k in 0..<cursors.count {
                let c = cursors[k]
                try c.advance(to: p)
                guard let q = c.passage else { break outer }
                if q != p {
                    try driver.advance(to: q)
                    continue outer
                }
            }
            var count: Int32 = 0
            for pos in try driver.positions() {
                let start = pos - driverOffset
                guard start >= 0 else { continue }
                var aligned = true
                for k in 0..<cursors.count where try !cursors[k].hasPosition(start + offsets[k]) {
                    aligned = false
                    break
                }
                if aligned { count += 1 }
            }
            if count > 0 {
                passages.append(p)
                counts.append(count)
            }
            try driver.next()
        }
        return (passages, counts)
    }
}
