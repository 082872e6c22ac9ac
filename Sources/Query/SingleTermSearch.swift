import Index

extension Searcher {
    /// Top-k for the most common query, one exact term of one or two characters, without reading
    /// its whole postings list: blocks are visited in order of their BM25 upper bound (from the
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
        let cursor = try reader.cursor(info)
        guard cursor.blockCount > 1 else { return nil }

        let n = reader.passageCount, avgdl = reader.averageLength
        let bm25 = options.bm25
        let idf = bm25.idf(documentFrequency: info.df, count: n)
        let maxBoost = options.boosts?.maximum ?? 1
        let bounds = (0..<cursor.blockCount).map { b -> Double in
            let (tf, dl) = cursor.blockBound(b)
            return bm25.termScore(tf: tf, idf: idf, length: dl, averageLength: avgdl) * maxBoost
        }
        let order = bounds.indices.sorted { bounds[$0] != bounds[$1] ? bounds[$0] > bounds[$1] : $0 < $1 }
        let lengths = try reader.lengths()
        var top = TopK<[Boost]>(limit)
        for b in order {
            if top.isFull, bounds[b] < top.threshold { break }
            try cursor.seek(block: b)
            let passages = cursor.blockPassages, tfs = cursor.blockTFs
            for i in passages.indices {
                let p = passages[i]
                let score = bm25.termScore(tf: Int(tfs[i]), idf: idf, length: Int(lengths[Int(p)]), averageLength: avgdl)
                guard BoostRules.mayEnter(top, passage: p, score: score, bound: maxBoost),
                    let boosts = try scorer.boosts(
                        for: Int(p), plan: plan, rules: options.boosts,
                        reaches: { BoostRules.mayEnter(top, passage: p, score: score, bound: $0) })
                else { continue }
                top.insert(.init(passage: p, score: boosts.reduce(score) { $0 * $1.factor }, payload: boosts))
            }
        }
        let idfs = [idf]
        var hits: [Hit] = []
        for (r, e) in top.entries.enumerated() {
            let explanation = try scorer.explain(Int(e.passage), plan: plan, bm25: bm25, idfs: idfs, boosts: e.payload)
            hits.append(try hit(Int(e.passage), rank: r + 1, score: e.score, plan: plan, explanation: explanation))
        }
        return SearchResults(query: plan.query, total: info.df, hits: hits, notes: plan.notes, documents: [])
    }
}
