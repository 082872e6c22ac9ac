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
/// One character: its unigram postings. Two: its bigram postings. Longer: the rarest bigram drives;
/// the characters it vouches for (its own two, and a neighbour that every occurrence of it has,
/// `PairContext`) need no check, and bigrams that together hold every other character (the
/// cheapest such set, `cover`) are checked at their offsets, advanced to the driver's passages
/// through their skip tables. The result is exactly the passages whose normalized text contains
/// the string, with exact occurrence counts.
public enum PhraseMatcher {
    public static func match(_ phrase: [UInt32], in reader: IndexReader) throws -> PhraseMatches {
        if phrase.isEmpty { return PhraseMatches() }
        if let key = directKey(phrase) {
            guard let t = try reader.term(key) else { return PhraseMatches() }
            return try all(try reader.cursor(t), df: t.df)
        }
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

    /// Every posting of a list, from its first block.
    private static func all(_ c: PostingsCursor, df: Int) throws -> PhraseMatches {
        var m = PhraseMatches()
        m.passages.reserveCapacity(df)
        m.tfs.reserveCapacity(df)
        // Block by block: a whole decoded block is appended at once, not posting by posting.
        for b in 0..<c.blockCount {
            try c.seek(block: b)
            m.passages.append(contentsOf: c.blockPassages)
            m.tfs.append(contentsOf: try c.blockTFs)
        }
        return m
    }

    /// The characters of `phrase` that every occurrence of its pair at offset `driver` vouches
    /// for: the pair's own, and the one before or after it when the pair's context is that
    /// character. Nil when the context is another character: the phrase occurs nowhere.
    static func vouched(_ phrase: [UInt32], driver d: Int, context: PairContext) -> ClosedRange<Int>? {
        var lo = d, hi = d + 1
        if d > 0, let l = context.left {
            guard l == phrase[d - 1] else { return nil }
            lo = d - 1
        }
        if d + 2 < phrase.count, let r = context.right {
            guard r == phrase[d + 2] else { return nil }
            hi = d + 2
        }
        return lo...hi
    }

    /// The bigram offsets to check (offset o holds characters o and o + 1): the driver, and every
    /// character outside `vouched` in one of them, at the least estimated cost. Checking a list
    /// costs a block decoded per candidate until its blocks run out, and a position lookup per
    /// candidate; the driver's list is walked anyway. The junction bigrams of a phrase (设国, 际消
    /// in 建设国际消费) are mostly far rarer than its words' (建设, 国际): a cover of them decodes
    /// far fewer blocks than the fixed cover 0, 2, 4, …. Dynamic programming over the offsets in
    /// order, the state being whether the offset's first character is already held.
    static func cover(dfs: [Int], driver: Int, vouched: ClosedRange<Int>? = nil) -> [Int] {
        let span = vouched ?? driver...(driver + 1)
        let candidates = Double(dfs[driver])
        func cost(_ o: Int) -> Double {
            o == driver
                ? 0 : min(Double((dfs[o] + PostingsCursor.blockSize - 1) / PostingsCursor.blockSize), candidates) + 0.05 * candidates
        }
        // best[o][held]: the cheapest choice among offsets before o, with character o held (offset
        // o − 1 chosen) or not; with whether character o − 1 was, to trace the set back.
        typealias Entry = (cost: Double, held: Bool)
        let none: Entry = (.infinity, false)
        var best = [[Entry]](repeating: [none, none], count: dfs.count + 1)
        best[0][0] = (0, false)
        for o in dfs.indices {
            for held in [false, true] {
                let from = best[o][held ? 1 : 0]
                guard from.cost < .infinity else { continue }
                // Chosen: characters o and o + 1 held.
                let chosen = from.cost + cost(o)
                if chosen < best[o + 1][1].cost { best[o + 1][1] = (chosen, held) }
                // Skipped: allowed when character o is held otherwise and o is not the driver.
                if o != driver, held || span.contains(o), from.cost < best[o + 1][0].cost {
                    best[o + 1][0] = (from.cost, held)
                }
            }
        }
        let last = dfs.count
        var held = !(span.contains(last) && best[last][0].cost < best[last][1].cost)
        var chosen: [Int] = []
        var o = last
        while o > 0 {
            let entry = best[o][held ? 1 : 0]
            if held { chosen.append(o - 1) }
            held = entry.held
            o -= 1
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
        // 推动跨境电商). Checked: bigrams that hold every character it does not vouch for.
        let d = bigrams.indices.min { bigrams[$0].term.df < bigrams[$1].term.df }!
        let driver = try reader.cursor(bigrams[d].term)
        guard let vouched = vouched(phrase, driver: d, context: driver.pairContext) else { return PhraseMatches() }
        let cover = Self.cover(dfs: bigrams.map(\.term.df), driver: d, vouched: vouched)
        // The rarer lists first: they reject a candidate soonest.
        let checked = cover.filter { $0 != d }.sorted { bigrams[$0].term.df < bigrams[$1].term.df }
        // Nothing left to check (数字经济 driven by 字经, always between 数 and 济): the driver's postings.
        if checked.isEmpty { return try all(driver, df: bigrams[d].term.df) }
        let others = try checked.map { (cursor: try reader.cursor(bigrams[$0].term), offset: Int32(bigrams[$0].offset)) }
        let r = try PhraseIntersection.run(driver: driver, driverOffset: Int32(bigrams[d].offset), others: others)
        return PhraseMatches(passages: r.passages, tfs: r.counts)
    }
}
