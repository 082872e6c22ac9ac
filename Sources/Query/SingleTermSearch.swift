import Index

extension Searcher {
    /// Top-k for the most common query, one exact term of one or two characters, without scoring
    /// all its postings: blocks are visited in order of their BM25 upper bound (from the
    /// block's largest tf and shortest passage, × the largest boost), and the search stops when
    /// the next block's bound is below the k-th score (block-max). `total` is the term's df, which
    /// the dictionary holds exactly. Returns nil when the plan is not of this shape.
    ///
    /// The same with parts excluded (`电商 -跨境`) no longer than the term's list: their passages
    /// become a bit set that postings are checked against, and `total` is the df less the term's
    /// passages the set holds (every block's passages are read for it; tfs only where scored).
    func searchSingleTerm(_ plan: QueryPlan, options: SearchOptions) throws -> SearchResults? {
        guard let limit = options.limit, !options.rankDocuments, let (t, excludedTerms) = plan.singleTermExcluding else { return nil }
        let term = plan.terms[t]
        // Block maxima bound the index's tf, which counts overlapping occurrences: a term whose
        // occurrences can overlap, or a synonym group, is read in full and recounted by the planner
        // (it is never deferred) and takes the general path.
        guard term.deferred, let info = term.entry else { return nil }
        // Only the blocks visited are decoded: the planner left the term's matches unread.
        let cursor = try reader.cursor(info)
        var excluded: PassageSet?
        var total = info.df
        if !excludedTerms.isEmpty {
            guard let set = try excludedPassages(excludedTerms, plan: plan, atMost: info.df) else { return nil }
            total -= try set.count(in: cursor)
            // None left: the general path says so, with its suggestions.
            guard total > 0 else { return nil }
            excluded = set
        }
        let n = reader.passageCount, avgdl = reader.averageLength
        let bm25 = options.bm25
        let idf = bm25.idf(documentFrequency: info.df, count: n)
        let maxBoost = options.boosts?.maximum ?? 1
        let lengths = try reader.lengths()
        let ranking = try scorer.ranking()
        // Each block's largest tf and shortest passage, from the skip table (or, for a character
        // without a list of its own, computed when its pairs' postings were merged); a list of
        // one block has no skip table, and its bound (the largest) has it read in full.
        let bounds = (0..<cursor.blockCount).map { b -> Double in
            let (tf, dl) = cursor.blockBound(b)
            return bm25.termScore(tf: tf, idf: idf, length: dl, averageLength: avgdl) * maxBoost
        }
        let order = bounds.indices.sorted { bounds[$0] != bounds[$1] ? bounds[$0] > bounds[$1] : $0 < $1 }
        var top = TopK<(boosts: BoostMatch, tf: Int32)>(limit)
        // A posting whose score × the largest boost is below the k-th final score cannot enter:
        // tested as gain·tf < cut·(tf + norm(dl)), without BM25's divisions (the margin keeps the
        // test conservative; `mayEnter` then decides exactly, ties included).
        let gain = idf * (bm25.k1 + 1) * maxBoost * (1 + 1e-9)
        let (base, slope) = avgdl > 0 ? (bm25.k1 * (1 - bm25.b), bm25.k1 * bm25.b / avgdl) : (bm25.k1, 0)
        var cut = -Double.infinity
        // The same test as a length per tf (`LengthCut`): most postings of a common term fail it,
        // and an integer compare costs a fraction of the test in doubles.
        var longest = LengthCut(gain: gain, base: base, slope: slope)
        // The block buffers below point into the cursor: it stays alive until the loop ends.
        try withExtendedLifetime(cursor) {
            for b in order {
                if top.isFull, bounds[b] < top.threshold { break }
                try cursor.seek(block: b)
                let passages = cursor.blockPassages, tfs = try cursor.blockTFs
                for i in passages.indices {
                    if let excluded, excluded.contains(passages[i]) { continue }
                    let p = passages[i], tf = Int(tfs[i]), dl = Int(lengths[Int(p)])
                    if tf < LengthCut.tfs ? dl > longest[tf] : gain * Double(tf) < cut * (Double(tf) + base + slope * Double(dl)) {
                        continue
                    }
                    let score = bm25.termScore(tf: tf, idf: idf, length: dl, averageLength: avgdl)
                    let bar = top.bar
                    guard BoostRules.mayEnter(bar, passage: p, score: score, bound: maxBoost),
                        let boosts = try scorer.boosts(
                            for: Int(p), score: score, plan: plan, rules: options.boosts, holdsEveryTerm: true, in: ranking,
                            reaches: { bar.admits(p, $0) })
                    else { continue }
                    top.insert(.init(passage: p, score: boosts.apply(to: score), payload: (boosts: boosts, tf: tfs[i])))
                    if top.isFull, top.threshold != cut {
                        cut = top.threshold
                        longest.update(cut: cut)
                    }
                }
            }
        }
        // The hits' explanations read their tfs from the plan narrowed to them.
        let shown = top.entries.sorted { $0.passage < $1.passage }
        let narrowed = options.explain ? plan.narrowed(to: shown.map { $0.passage }, tfs: [shown.map { $0.payload.tf }]) : plan
        var hits: [Hit] = []
        hits.reserveCapacity(top.entries.count)
        for (r, e) in top.entries.enumerated() {
            let explanation =
                options.explain
                ? try scorer.explain(
                    Int(e.passage), plan: narrowed, bm25: bm25, idfs: [idf], boosts: e.payload.boosts.boosts(in: narrowed)) : nil
            hits.append(try hit(Int(e.passage), rank: r + 1, score: e.score, plan: narrowed, explanation: explanation))
        }
        return SearchResults(query: plan.query, total: total, hits: hits, messages: plan.messages, documents: [])
    }

    /// The passages of the excluded terms as a bit set, or nil when their lists together are
    /// longer than `limit` postings (walking the lists in step costs less than that: `conjunction`).
    private func excludedPassages(_ terms: [Int], plan: QueryPlan, atMost limit: Int) throws -> PassageSet? {
        var set = PassageSet(count: reader.passageCount)
        var read = 0
        for u in terms {
            let term = plan.terms[u]
            if term.deferred {
                guard let info = term.entry else { continue }
                read += info.df
                guard read <= limit else { return nil }
                let c = try reader.cursor(info)
                for b in 0..<c.blockCount {
                    try c.seek(block: b)
                    for p in c.blockPassages { set.insert(p) }
                }
            } else {
                read += term.matches.count
                guard read <= limit else { return nil }
                for p in term.matches.passages { set.insert(p) }
            }
        }
        return set
    }
}

/// Passage ids as bits: the excluded passages a single term's postings are checked against.
struct PassageSet {
    private var words: [UInt64]

    init(count: Int) { words = [UInt64](repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ p: Int32) { words[Int(p) >> 6] |= 1 << UInt64(p & 63) }

    func contains(_ p: Int32) -> Bool { words[Int(p) >> 6] & (1 << UInt64(p & 63)) != 0 }

    /// How many of a list's passages the set holds (every block's passages decoded).
    func count(in cursor: PostingsCursor) throws -> Int {
        var n = 0
        for b in 0..<cursor.blockCount {
            try cursor.seek(block: b)
            for p in cursor.blockPassages where contains(p) { n += 1 }
        }
        return n
    }
}

/// `gain·tf < cut·(tf + base + slope·dl)` (a posting whose score × the largest boost cannot reach
/// the cut) solved for dl, for each tf below `tfs`: the posting fails when its length exceeds
/// the entry. Rounded up and widened by one, so it skips no posting the test in doubles keeps;
/// until there is a cut (or without a length term) no length exceeds an entry.
struct LengthCut {
    static let tfs = 32
    let gain: Double, base: Double, slope: Double
    private var entries = [Int](repeating: Int.max, count: LengthCut.tfs)

    init(gain: Double, base: Double, slope: Double) { (self.gain, self.base, self.slope) = (gain, base, slope) }

    subscript(tf: Int) -> Int { entries.withUnsafeBufferPointer { $0[tf] } }

    mutating func update(cut: Double) {
        for tf in 1..<Self.tfs {
            let x = (gain * Double(tf) / cut - Double(tf) - base) / slope
            entries[tf] = cut > 0 && slope > 0 && x.isFinite && x < 1e15 ? Int(max(x, -1).rounded(.up)) + 1 : Int.max
        }
    }
}
