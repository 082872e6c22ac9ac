import Index

/// The passages where a normalized character string occurs, with the number of occurrences (tf),
/// in passage order.
public struct PhraseMatches: Sendable {
    public var passages: [Int32] = []
    public var tfs: [Int32] = []

    public var count: Int { passages.count }

    /// Passages in any of `lists`, ascending (tfs summed; callers that need exact counts recount).
    static func union(_ lists: [PhraseMatches]) -> PhraseMatches {
        var tf: [Int32: Int32] = [:]
        for l in lists { for (p, t) in zip(l.passages, l.tfs) { tf[p, default: 0] += t } }
        let passages = tf.keys.sorted()
        return PhraseMatches(passages: passages, tfs: passages.map { tf[$0]! })
    }

    public func index(of passage: Int32) -> Int? {
        var lo = 0, hi = passages.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if passages[mid] < passage { lo = mid + 1 } else { hi = mid }
        }
        return lo < passages.count && passages[lo] == passage ? lo : nil
    }
}

/// Exact substring matching over the index's character terms.
///
/// One character: its unigram postings. Two: its bigram postings. Longer: bigrams at offsets
/// 0, 2, 4, … and L−2 cover every character; the rarest drives, the others are advanced to its
/// passages through their skip tables and checked at their offsets. The result is exactly the
/// passages whose normalized text contains the string, with exact occurrence counts.
public enum PhraseMatcher {
    public static func match(_ phrase: [UInt32], in reader: IndexReader) throws -> PhraseMatches {
        if phrase.isEmpty { return PhraseMatches() }
        if let key = directKey(phrase) { return try all(key, reader) }
        return try intersect(phrase, reader)
    }

    /// The one term whose postings are exactly the phrase's matches: its unigram (one character)
    /// or bigram (two); nil for longer phrases, which need an intersection.
    static func directKey(_ phrase: [UInt32]) -> UInt64? {
        switch phrase.count {
        case 1: return TermKey.unigram(phrase[0])
        case 2: return TermKey.bigram(phrase[0], phrase[1])
        default: return nil
        }
    }

    private static func all(_ key: UInt64, _ reader: IndexReader) throws -> PhraseMatches {
        guard let t = try reader.term(key) else { return PhraseMatches() }
        let c = try reader.cursor(t)
        var m = PhraseMatches()
        m.passages.reserveCapacity(t.df)
        m.tfs.reserveCapacity(t.df)
        while let p = c.passage {
            m.passages.append(p)
            m.tfs.append(Int32(c.tf))
            try c.next()
        }
        return m
    }

    private static func intersect(_ phrase: [UInt32], _ reader: IndexReader) throws -> PhraseMatches {
        var offsets = Array(stride(from: 0, to: phrase.count - 1, by: 2))
        if offsets.last != phrase.count - 2 { offsets.append(phrase.count - 2) }
        var cursors: [PostingsCursor] = []
        var dfs: [Int] = []
        for o in offsets {
            guard let t = try reader.term(TermKey.bigram(phrase[o], phrase[o + 1])) else { return PhraseMatches() }
            cursors.append(try reader.cursor(t))
            dfs.append(t.df)
        }
        let d = dfs.indices.min { dfs[$0] < dfs[$1] }!
        let others = offsets.indices.filter { $0 != d }.map { (cursor: cursors[$0], offset: Int32(offsets[$0])) }
        let r = try PhraseIntersection.run(driver: cursors[d], driverOffset: Int32(offsets[d]), others: others)
        return PhraseMatches(passages: r.passages, tfs: r.counts)
    }
}
