import Index

/// The passages where a normalized character string occurs, with the number of occurrences (tf),
/// in passage order.
public struct PhraseMatches: Sendable {
    public var passages: [Int32] = []
    public var tfs: [Int32] = []

    public var count: Int { passages.count }

    /// Passages in any of `lists`, ascending (tfs summed; callers that need exact counts recount).
    /// The lists are ascending: merged pairwise, linear in their lengths (a synonym group's forms
    /// are unioned on every search of the group).
    static func union(_ lists: [PhraseMatches]) -> PhraseMatches {
        lists.reduce(PhraseMatches()) { merge($0, $1) }
    }

    private static func merge(_ a: PhraseMatches, _ b: PhraseMatches) -> PhraseMatches {
        if a.passages.isEmpty { return b }
        if b.passages.isEmpty { return a }
        var out = PhraseMatches()
        out.passages.reserveCapacity(a.count + b.count)
        out.tfs.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            let pa = i < a.count ? a.passages[i] : Int32.max, pb = j < b.count ? b.passages[j] : Int32.max
            if pa <= pb {
                out.passages.append(pa)
                out.tfs.append(a.tfs[i] &+ (pa == pb ? b.tfs[j] : 0))
                if pa == pb { j += 1 }
                i += 1
            } else {
                out.passages.append(pb)
                out.tfs.append(b.tfs[j])
                j += 1
            }
        }
        return out
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
/// One character: its unigram postings. Two: its bigram postings. Longer: bigrams that together
/// hold every character (the cheapest such set, `cover`) are checked at their offsets; the rarest
/// bigram drives, the others are advanced to its passages through their skip tables. The result
/// is exactly the passages whose normalized text contains the string, with exact occurrence counts.
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
            m.tfs.append(contentsOf: try c.blockTFs)
        }
        return m
    }

    /// The bigram offsets to check (offset o holds characters o and o + 1): every character in
    /// one of them, at the least estimated cost. Checking a list costs a block decoded per
    /// candidate until its blocks run out, and a position lookup per candidate; the driver's list
    /// is walked anyway. The junction bigrams of a phrase (设国, 际消 in 建设国际消费) are mostly far
    /// rarer than its words' (建设, 国际): a cover of them decodes far fewer blocks than the fixed
    /// cover 0, 2, 4, …. Dynamic programming over the offsets: a valid set holds the first and the
    /// last and never misses two in a row.
    static func cover(dfs: [Int], driver: Int) -> [Int] {
        let candidates = Double(dfs[driver])
        func cost(_ o: Int) -> Double {
            o == driver
                ? 0 : min(Double((dfs[o] + PostingsCursor.blockSize - 1) / PostingsCursor.blockSize), candidates) + 0.05 * candidates
        }
        // best[o]: the cheapest valid set for the characters up to o + 1 that holds o, and its previous offset.
        var best: [(cost: Double, previous: Int)] = []
        for o in dfs.indices {
            var entry = (cost: cost(o), previous: -1)
            if o >= 1 {
                let back = o >= 2 && best[o - 2].cost < best[o - 1].cost ? o - 2 : o - 1
                entry = (entry.cost + best[back].cost, back)
            }
            best.append(entry)
        }
        var chosen: [Int] = []
        var o = dfs.count - 1
        while o >= 0 {
            chosen.append(o)
            o = best[o].previous
        }
        return chosen.reversed()
    }

    private static func intersect(_ phrase: [UInt32], _ reader: IndexReader) throws -> PhraseMatches {
        // Every bigram of the phrase (an occurrence has them all at their offsets).
        var bigrams: [(offset: Int, term: TermInfo)] = []
        for o in 0..<(phrase.count - 1) {
            guard let t = try reader.term(TermKey.bigram(phrase[o], phrase[o + 1])) else { return PhraseMatches() }
            bigrams.append((o, t))
        }
        // Driving: the rarest bigram anywhere in the phrase (快发 drives 加快发展, 动跨 drives
        // 推动跨境电商). Checked: a set of bigrams that together hold every character (`cover`).
        let d = bigrams.indices.min { bigrams[$0].term.df < bigrams[$1].term.df }!
        let cover = Self.cover(dfs: bigrams.map(\.term.df), driver: d)
        // The rarer lists first: they reject a candidate soonest.
        let checked = cover.filter { $0 != d }.sorted { bigrams[$0].term.df < bigrams[$1].term.df }
        let others = try checked.map { (cursor: try reader.cursor(bigrams[$0].term), offset: Int32(bigrams[$0].offset)) }
        let r = try PhraseIntersection.run(
            driver: try reader.cursor(bigrams[d].term), driverOffset: Int32(bigrams[d].offset), others: others)
        return PhraseMatches(passages: r.passages, tfs: r.counts)
    }
}
