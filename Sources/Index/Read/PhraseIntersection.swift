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
    public static func run(
        driver: PostingsCursor, driverOffset: Int32,
        others: [(cursor: PostingsCursor, offset: Int32)]
    ) throws -> (passages: [Int32], counts: [Int32]) {
        // The first other list in a local (phrases of 3 characters have only it); the rest unmanaged
        // (`others` keeps them alive): a class reference read out of an array in the loop would
        // be retained and released on every access, two of each per candidate.
        guard let first = others.first else { return ([], []) }
        let firstCursor = first.cursor, firstOffset = first.offset
        let rest = ContiguousArray(others.dropFirst().map { Unmanaged.passUnretained($0.cursor) })
        let restOffsets = ContiguousArray(others.dropFirst().map(\.offset))
        return try withExtendedLifetime(others) {
            try run(
                driver: driver, driverOffset: driverOffset, first: firstCursor, firstOffset: firstOffset, rest: rest,
                restOffsets: restOffsets)
        }
    }

    private static func run(
        driver: PostingsCursor, driverOffset: Int32, first firstCursor: PostingsCursor, firstOffset: Int32,
        rest: ContiguousArray<Unmanaged<PostingsCursor>>, restOffsets: ContiguousArray<Int32>
    ) throws -> (passages: [Int32], counts: [Int32]) {
        // The matches and their counts in one buffer sized for the driver's list (each of its
        // passages matches at most once): appending to two arrays cost a tenth of the walk.
        let capacity = driver.postingCount
        let out = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * capacity)
        defer { out.deallocate() }
        var m = 0
        // One position probe per other list, reused from passage to passage (no allocation).
        let probes = UnsafeMutablePointer<PostingsCursor.PositionProbe>.allocate(capacity: max(rest.count, 1))
        defer { probes.deallocate() }
        outer: while let p = driver.passage {
            try firstCursor.advance(to: p)
            guard let q0 = firstCursor.passage else { break }
            if q0 != p {
                try driver.advance(to: q0)
                continue
            }
            for k in 0..<rest.count {
                guard
                    let q = try rest[k]._withUnsafeGuaranteedRef({ c in
                        try c.advance(to: p)
                        return c.passage
                    })
                else { break outer }
                if q != p {
                    try driver.advance(to: q)
                    continue outer
                }
            }
            // Phrase starts ascend with the driver's positions, so each probe only steps forward.
            var firstProbe = try firstCursor.positionProbe()
            for k in 0..<rest.count { (probes + k).initialize(to: try rest[k]._withUnsafeGuaranteedRef { try $0.positionProbe() }) }
            var count: Int32 = 0
            var positions = try driver.positionProbe()
            var pos: Int32 = -1
            while let next = positions.nextPosition() {
                guard next > pos else { throw driver.outOfOrder() }
                pos = next
                let start = pos - driverOffset
                guard start >= 0, firstProbe.has(start + firstOffset) else { continue }
                var aligned = true
                for k in 0..<rest.count where !probes[k].has(start + restOffsets[k]) {
                    aligned = false
                    break
                }
                if aligned { count += 1 }
            }
            if count > 0 {
                precondition(m < capacity)
                out[m] = p
                out[capacity &+ m] = count
                m &+= 1
            }
            try driver.next()
        }
        return (Array(UnsafeBufferPointer(start: out, count: m)), Array(UnsafeBufferPointer(start: out + capacity, count: m)))
    }
}
