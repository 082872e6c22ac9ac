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
        // The first two lists and the first excluded one in locals: reading class references out
        // of an array in the loop would retain and release them on every access.
        let second = wanted.count > 1 ? wanted[1] : nil
        let rest = ContiguousArray(wanted.dropFirst(2))
        let firstExcluded = excluded.first
        let otherExcluded = ContiguousArray(excluded.dropFirst())
        var passages: [Int32] = []
        // Row-major: the tfs of passage i are at i × wanted.count ..< (i + 1) × wanted.count.
        var flat: [Int32] = []
        var target: Int32 = 0
        walk: while true {
            try driver.advance(to: target)
            guard let p = driver.passage else { break }
            if let second {
                try second.advance(to: p)
                guard let q = second.passage else { break }
                if q != p {
                    target = q
                    continue
                }
            }
            for k in 0..<rest.count {
                let c = rest[k]
                try c.advance(to: p)
                guard let q = c.passage else { break walk }
                if q != p {
                    target = q
                    continue walk
                }
            }
            target = p &+ 1
            if try holds(firstExcluded, p) { continue }
            for k in 0..<otherExcluded.count where try holds(otherExcluded[k], p) { continue walk }
            passages.append(p)
            flat.append(Int32(try driver.tf))
            if let second { flat.append(Int32(try second.tf)) }
            for k in 0..<rest.count { flat.append(Int32(try rest[k].tf)) }
        }
        let n = wanted.count
        let tfs = (0..<n).map { k in (0..<passages.count).map { flat[$0 * n + k] } }
        return (passages, tfs)
    }

    private static func holds(_ cursor: PostingsCursor?, _ p: Int32) throws -> Bool {
        guard let cursor else { return false }
        try cursor.advance(to: p)
        return cursor.passage == p
    }
}
