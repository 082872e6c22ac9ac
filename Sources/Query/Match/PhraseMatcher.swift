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
        // Block by block: a whole decoded block is appended at once, not posting by posting.
        for b in 0..<c.blockCount {
            try c.seek(block: b)
            m.passages.append(contentsOf: c.blockPassages)
            m.tfs.append(contentsOf: c.blockTFs)
        }
        return m
    }

    private static func intersect(_ phrase: [UInt32], _ reader: IndexReader) throws -> PhraseMatches {
        // Every bigram of the phrase (an occurrence has them all at their offsets).
        var bigrams: [(offset: Int, term: TermInfo)] = []
        for o in 0..<(phrase.count - 1) {
            guard let t = try reader.term(TermKey.bigram(phrase[o], phrase[o + 1])) else { return PhraseMatches() }
            bigrams.append((o, t))
        }
        // Checked: the cover at offsets 0, 2, … and L−2, which together hold every character.
        // Driving: the rarest bigram anywhere in the phrase, which need not be in the cover (快发
        // drives 加快发展, 动跨 drives 推动跨境电商): an extra condition every occurrence meets.
        var cover = Array(stride(from: 0, to: phrase.count - 1, by: 2))
        if cover.last != phrase.count - 2 { cover.append(phrase.count - 2) }
        let d = bigrams.indices.min { bigrams[$0].term.df < bigrams[$1].term.df }!
        // The rarer lists first: they reject a candidate soonest.
        let checked = cover.filter { $0 != d }.sorted { bigrams[$0].term.df < bigrams[$1].term.df }
        let others = try checked.map { (cursor: try reader.cursor(bigrams[$0].term), offset: Int32(bigrams[$0].offset)) }
        let r = try PhraseIntersection.run(
            driver: try reader.cursor(bigrams[d].term), driverOffset: Int32(bigrams[d].offset), others: others)
        return PhraseMatches(passages: r.passages, tfs: r.counts)
    }
}
