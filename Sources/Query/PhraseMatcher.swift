import Index

/// Where a normalized character string occurs: for each passage containing it, the positions where
/// an occurrence starts. This is exact substring matching over the character postings: the rarest
/// character drives, every other character is checked at its offset.
public struct PhraseMatches: Sendable {
    public var passages: [Int32] = []
    /// starts[i] are the occurrence starts in passages[i].
    public var starts: [[Int32]] = []

    public var count: Int { passages.count }

    public func index(of passage: Int32) -> Int? {
        var lo = 0, hi = passages.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if passages[mid] < passage { lo = mid + 1 } else { hi = mid }
        }
        return lo < passages.count && passages[lo] == passage ? lo : nil
    }
}

public enum PhraseMatcher {
    public static func match(_ phrase: [UInt32], in reader: IndexReader) throws -> PhraseMatches {
        guard !phrase.isEmpty else { return PhraseMatches() }
        var lists: [UInt32: Postings] = [:]
        for c in Set(phrase) {
            guard let t = try reader.term(c) else { return PhraseMatches() }
            lists[c] = try reader.postings(t)
        }
        // Drive with the character that has the fewest passages.
        let driverChar = lists.min { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key < b.key }!.key
        let driverOffset = phrase.firstIndex(of: driverChar)!
        let driver = lists[driverChar]!
        let others = phrase.enumerated().filter { $0.offset != driverOffset }.map { (offset: $0.offset, list: lists[$0.element]!) }
        var cursors = [Int](repeating: 0, count: others.count)
        var result = PhraseMatches()

        outer: for i in 0..<driver.count {
            let passage = driver.passages[i]
            // Advance every other list to this passage (galloping).
            var rows = [Int](repeating: 0, count: others.count)
            for (k, o) in others.enumerated() {
                let c = gallop(o.list.passages, from: cursors[k], to: passage)
                cursors[k] = c
                guard c < o.list.count, o.list.passages[c] == passage else { continue outer }
                rows[k] = c
            }
            var starts: [Int32] = []
            for p in driver.positions(at: i) {
                let start = p - Int32(driverOffset)
                guard start >= 0 else { continue }
                var ok = true
                for (k, o) in others.enumerated() where !contains(o.list.positions(at: rows[k]), start + Int32(o.offset)) {
                    ok = false
                    break
                }
                if ok { starts.append(start) }
            }
            if !starts.isEmpty {
                result.passages.append(passage)
                result.starts.append(starts)
            }
        }
        return result
    }

    /// First index ≥ from whose value ≥ target.
    static func gallop(_ a: [Int32], from: Int, to target: Int32) -> Int {
        var lo = from
        guard lo < a.count, a[lo] < target else { return lo }
        var step = 1
        var hi = lo + 1
        while hi < a.count, a[hi] < target { lo = hi; step *= 2; hi = lo + step }
        hi = min(hi, a.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func contains(_ a: ArraySlice<Int32>, _ v: Int32) -> Bool {
        var lo = a.startIndex, hi = a.endIndex
        while lo < hi {
            let mid = (lo + hi) / 2
            if a[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < a.endIndex && a[lo] == v
    }
}
