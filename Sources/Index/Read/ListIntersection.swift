/// The passages every wanted list holds and no excluded list holds, with each wanted list's tf
/// there: a conjunction walked in step (`蒲江县 发展`, `港 -的`). The first wanted list drives (the
/// caller puts the rarest first); the others are advanced to its passage through their skip
/// tables, and one that lands beyond it moves the driver up to where it landed (leapfrog), so a
/// long list is decoded only in the blocks the rarer ones reach, and tfs only where all agree.
/// Lives beside the cursor, as `PhraseIntersection` does, so the loop compiles with its methods.
public enum ListIntersection {
    /// - Returns: the passages, ascending, and `tfs[k]`: wanted list k's tf in each of them.
    public static func run(wanted: [PostingsCursor], excluded: [PostingsCursor]) throws -> (passages: [Int32], tfs: [[Int32]]) {
        guard let driver = wanted.first else { return ([], []) }
        // The other cursors unmanaged (the arrays keep them alive): a class reference read out of
        // an array, or bound out of an optional, in the loop is retained and released each time,
        // which cost more than the walk itself (成都 重庆: a quarter of the query).
        if wanted.count == 2 && excluded.isEmpty { return try walkPair(driver, wanted[1]) }
        let others = ContiguousArray(wanted.dropFirst().map { Unmanaged.passUnretained($0) })
        let unwanted = ContiguousArray(excluded.map { Unmanaged.passUnretained($0) })
        let (passages, flat) = try withExtendedLifetime((wanted, excluded)) {
            try walk(driver: driver, others: others, excluded: unwanted)
        }
        // Each list's tfs out of the rows, by pointer (closures over the flat array cost several
        // times the walk's own appending).
        let n = wanted.count, m = passages.count
        let tfs = flat.withUnsafeBufferPointer { rows in
            (0..<n).map { k in
                [Int32](unsafeUninitializedCapacity: m) { column, initialized in
                    for i in 0..<m { column[i] = rows[i &* n &+ k] }
                    initialized = m
                }
            }
        }
        return (passages, tfs)
    }

    /// The walk of two lists (`成都 重庆`), most conjunctions: both blocks' passages and positions
    /// in registers, the cursors called only to change blocks and read tfs. Cursor state read and
    /// written at every step cost a third of the general walk's instructions.
    /// The matches and their tfs are written to one buffer sized for the shorter list (at most
    /// that many match): appending to three arrays cost a third of the loop.
    private static func walkPair(_ a: PostingsCursor, _ b: PostingsCursor) throws -> (passages: [Int32], tfs: [[Int32]]) {
        let capacity = min(a.postingCount, b.postingCount)
        let out = UnsafeMutablePointer<Int32>.allocate(capacity: 3 * capacity)
        defer { out.deallocate() }
        let (tfsA, tfsB) = (out + capacity, out + 2 * capacity)
        var m = 0
        var (pa, na, ia) = a.decoded
        var (pb, nb, ib) = b.decoded
        while ia < na, ib < nb {
            let p = pa[ia]
            if pb[nb &- 1] < p {
                // b's block ends below p: the cursor skips to the block holding it.
                b.move(to: ib)
                try b.advance(to: p)
                (pb, nb, ib) = b.decoded
                continue
            }
            while pb[ib] < p { ib &+= 1 }
            let q = pb[ib]
            if q == p {
                a.move(to: ia)
                b.move(to: ib)
                // Each list's passages ascend (the decoder adds gap + 1), so a passage matches once.
                precondition(m < capacity)
                out[m] = p
                tfsA[m] = Int32(try a.tf)
                tfsB[m] = Int32(try b.tf)
                m &+= 1
                ia &+= 1
                if ia == na {
                    try a.next()
                    (pa, na, ia) = a.decoded
                }
                continue
            }
            if pa[na &- 1] < q {
                a.move(to: ia)
                try a.advance(to: q)
                (pa, na, ia) = a.decoded
            } else {
                while pa[ia] < q { ia &+= 1 }
            }
        }
        func array(_ p: UnsafeMutablePointer<Int32>) -> [Int32] { Array(UnsafeBufferPointer(start: p, count: m)) }
        return (array(out), [array(tfsA), array(tfsB)])
    }

    /// The walk; tfs row-major: those of passage i at i × (others + 1) ..< (i + 1) × (others + 1).
    private static func walk(
        driver: PostingsCursor, others: ContiguousArray<Unmanaged<PostingsCursor>>, excluded: ContiguousArray<Unmanaged<PostingsCursor>>
    ) throws -> (passages: [Int32], flat: [Int32]) {
        var passages: [Int32] = []
        var flat: [Int32] = []
        var target: Int32 = 0
        walk: while true {
            try driver.advance(to: target)
            guard let p = driver.passage else { break }
            for k in 0..<others.count {
                let q = try others[k]._withUnsafeGuaranteedRef { c in
                    try c.advance(to: p)
                    return c.passage
                }
                guard let q else { break walk }
                if q != p {
                    target = q
                    continue walk
                }
            }
            target = p &+ 1
            for k in 0..<excluded.count {
                let holds = try excluded[k]._withUnsafeGuaranteedRef { c in
                    try c.advance(to: p)
                    return c.passage == p
                }
                if holds { continue walk }
            }
            passages.append(p)
            flat.append(Int32(try driver.tf))
            for k in 0..<others.count { flat.append(Int32(try others[k]._withUnsafeGuaranteedRef { try $0.tf })) }
        }
        return (passages, flat)
    }
}
