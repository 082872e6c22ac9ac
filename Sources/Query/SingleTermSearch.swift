import Index

extension Searcher {
    /// Top-k for the most common query, one exact term of one or two characters, without scoring
    /// all its postings: blocks are visited in order of their BM25 upper bound (from the
    /// block's largest tf and shortest passage, × the largest boost), and the search stops when
    /// the next block's bound is below the k-th score (block-max). `total` is the term's df, which
    /// the dictionary holds exactly. Returns nil when the plan is not of this shape.
    func searchSingleTerm(_ plan: QueryPlan, options: SearchOptions) throws -> SearchResults? {
        guard let limit = options.limit, !options.rankDocuments, let t = plan.singleTerm else { return nil }
        let term = plan.terms[t]
        // Block maxima bound the index's tf, which counts overlapping occurrences; a term whose
        // occurrences can overlap has had its tf recounted, so it takes the general path.
        guard !term.isGroup, !Occurrences.canOverlap(term.scalars), let key = PhraseMatcher.directKey(term.scalars),
            let info = try reader.term(key)
        else { return nil }
        // The planner has decoded the term's postings already (its matches are exactly them): the
        // blocks are read from there, not decoded again (a character without a list of its own
        // would merge its pairs' lists a second time).
        let matches = term.matches
        let size = PostingsCursor.blockSize
        let blocks = (matches.count + size - 1) / size
        guard blocks > 1, matches.count == info.df else { return nil }

        let n = reader.passageCount, avgdl = reader.averageLength
        let bm25 = options.bm25
        let idf = bm25.idf(documentFrequency: info.df, count: n)
        let maxBoost = options.boosts?.maximum ?? 1
        let lengths = try reader.lengths()
        // Each block's largest tf and shortest passage: from the skip table of a term with a list
        // of its own, else computed over the postings.
        let cursor = info.isUnigram && info.length == 0 ? nil : try reader.cursor(info)
        if let cursor, cursor.blockCount != blocks { return nil }
        let bounds = (0..<blocks).map { b -> Double in
            var (tf, dl) = (0, Int.max)
            if let cursor {
                (tf, dl) = cursor.blockBound(b)
            } else {
                for i in b * size..<min(matches.count, (b + 1) * size) {
                    tf = max(tf, Int(matches.tfs[i]))
                    dl = min(dl, Int(lengths[Int(matches.passages[i])]))
                }
            }
            return bm25.termScore(tf: tf, idf: idf, length: dl, averageLength: avgdl) * maxBoost
        }
        let order = bounds.indices.sorted { bounds[$0] != bounds[$1] ? bounds[$0] > bounds[$1] : $0 < $1 }
        var top = TopK<BoostMatch>(limit)
        // A posting whose score × the largest boost is below the k-th final score cannot enter:
        // tested as gain·tf < cut·(tf + norm(dl)), without BM25's divisions (the margin keeps the
        // test conservative; `mayEnter` then decides exactly, ties included).
        let gain = idf * (bm25.k1 + 1) * maxBoost * (1 + 1e-9)
        let (base, slope) = avgdl > 0 ? (bm25.k1 * (1 - bm25.b), bm25.k1 * bm25.b / avgdl) : (bm25.k1, 0)
        var cut = -Double.infinity
        try matches.passages.withUnsafeBufferPointer { passages in
            try matches.tfs.withUnsafeBufferPointer { tfs in
                for b in order {
                    if top.isFull, bounds[b] < top.threshold { break }
                    for i in b * size..<min(passages.count, (b + 1) * size) {
                        let p = passages[i], tf = Int(tfs[i]), dl = Int(lengths[Int(p)])
                        if gain * Double(tf) < cut * (Double(tf) + base + slope * Double(dl)) { continue }
                        let score = bm25.termScore(tf: tf, idf: idf, length: dl, averageLength: avgdl)
                        guard BoostRules.mayEnter(top, passage: p, score: score, bound: maxBoost),
                            let boosts = try scorer.boosts(
                                for: Int(p), plan: plan, rules: options.boosts,
                                reaches: { BoostRules.mayEnter(top, passage: p, score: score, bound: $0) })
                        else { continue }
                        top.insert(.init(passage: p, score: boosts.apply(to: score), payload: boosts))
                        if top.isFull { cut = top.threshold }
                    }
                }
            }
        }
        let idfs = [idf]
        var hits: [Hit] = []
        for (r, e) in top.entries.enumerated() {
            let explanation = try scorer.explain(Int(e.passage), plan: plan, bm25: bm25, idfs: idfs, boosts: e.payload.boosts(in: plan))
            hits.append(try hit(Int(e.passage), rank: r + 1, score: e.score, plan: plan, explanation: explanation))
        }
        return SearchResults(query: plan.query, total: info.df, hits: hits, notes: plan.notes, documents: [])
    }
}
