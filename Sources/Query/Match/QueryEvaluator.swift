import Index

/// The passages a plan matches, as set algebra over ascending passage ids: AND intersects (from
/// the smallest set) and subtracts its negated items; OR unites; a NOT outside an AND is the
/// complement within all passages; NEAR keeps the passages where both parts occur and stand
/// within the distance (checked on the passage's normalized text, the text the index was built
/// from). The result equals a grep of the normalized passages for the same expression.
struct QueryEvaluator {
    let plan: QueryPlan
    let passageCount: Int
    let texts: PassageTexts

    func evaluate() throws -> [Int32] { try evaluate(plan.root) }

    private func evaluate(_ node: QueryPlan.Node) throws -> [Int32] {
        switch node {
        case .term(let t): return plan.terms[t].matches.passages
        case .near(let distance, let a, let b):
            let both = SortedSet.intersection(plan.terms[a].matches.passages, plan.terms[b].matches.passages)
            return try both.filter { p in
                let text = try texts.get(Int(p)).normalized.scalars
                return !Proximity.nearSpans(plan.terms[a].variants, plan.terms[b].variants, distance: distance, in: text).isEmpty
            }
        case .documents(let ranges):
            return ranges.flatMap { $0.map { Int32($0) } }
        case .or(let items):
            return SortedSet.union(try items.map { try evaluate($0) })
        case .not(let inner):
            return SortedSet.subtracting(Array(0..<Int32(passageCount)), try evaluate(inner))
        case .and(let items):
            var wanted: [[Int32]] = []
            var unwanted: [[Int32]] = []
            for item in items {
                if case .not(let inner) = item { unwanted.append(try evaluate(inner)) } else { wanted.append(try evaluate(item)) }
            }
            var result = wanted.isEmpty ? Array(0..<Int32(passageCount)) : wanted.min { $0.count < $1.count }!
            for w in wanted { result = SortedSet.intersection(result, w) }
            for u in unwanted { result = SortedSet.subtracting(result, u) }
            return result
        }
    }
}

/// NEAR on normalized text.
public enum Proximity {
    /// The occurrences (normalized offsets) of `a` and of `b` that have an occurrence of the other
    /// within `distance` characters: the gap between the end of one and the start of the other is
    /// at most `distance` (0 when adjacent; overlapping occurrences are near). Occurrences follow
    /// the counting definition (`Occurrences.starts`). Empty when the passage does not qualify.
    public static func nearSpans(_ a: [[UInt32]], _ b: [[UInt32]], distance: Int, in text: [UInt32]) -> [Range<Int>] {
        let sa = Occurrences.spans(of: a, in: text)
        let sb = Occurrences.spans(of: b, in: text)
        let nearA = sa.filter { hasNeighbour($0, in: sb, distance: distance) }
        guard !nearA.isEmpty else { return [] }
        let nearB = sb.filter { hasNeighbour($0, in: sa, distance: distance) }
        return nearA + nearB
    }

    /// Whether a span of `spans` (ascending and non-overlapping, so their ends ascend too) stands
    /// within `distance` of `x`: found by binary search, so a passage with thousands of matches of
    /// both parts costs n log n, not n².
    static func hasNeighbour(_ x: Range<Int>, in spans: [Range<Int>], distance: Int) -> Bool {
        // The first span that does not end more than `distance` before x starts…
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].upperBound < x.lowerBound - distance { lo = mid + 1 } else { hi = mid }
        }
        // …is near when it does not start more than `distance` after x ends.
        return lo < spans.count && spans[lo].lowerBound <= x.upperBound + distance
    }
}

/// Operations on ascending arrays of passage ids.
public enum SortedSet {
    /// How many ids the two arrays share, without building the intersection.
    public static func intersectionCount(_ a: [Int32], _ b: [Int32]) -> Int {
        var i = 0, j = 0, c = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                c += 1
                i += 1
                j += 1
            }
        }
        return c
    }

    /// Written in place into an array sized for the shorter input (appending cost as much as the
    /// merge itself: `跨境电商 海外仓` intersects 4,800 and 1,300 passages).
    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                [Int32](unsafeUninitializedCapacity: min(a.count, b.count)) { r, written in
                    var i = 0, j = 0, n = 0
                    while i < a.count, j < b.count {
                        let x = a[i], y = b[j]
                        if x < y {
                            i &+= 1
                        } else if x > y {
                            j &+= 1
                        } else {
                            r[n] = x
                            n &+= 1
                            i &+= 1
                            j &+= 1
                        }
                    }
                    written = n
                }
            }
        }
    }

    static func subtracting(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                [Int32](unsafeUninitializedCapacity: a.count) { r, written in
                    var j = 0, n = 0
                    for x in a {
                        while j < b.count, b[j] < x { j &+= 1 }
                        if j < b.count, b[j] == x { continue }
                        r[n] = x
                        n &+= 1
                    }
                    written = n
                }
            }
        }
    }

    static func union(_ lists: [[Int32]]) -> [Int32] {
        if lists.count == 1 { return lists[0] }
        var r = lists.flatMap { $0 }
        r.sort()
        var out: [Int32] = []
        out.reserveCapacity(r.count)
        for x in r where out.last != x { out.append(x) }
        return out
    }
}
