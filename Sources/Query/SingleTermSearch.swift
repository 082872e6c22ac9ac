import Index

extension Searcher {
    /// Top-k for the most common query, one exact term of one or two characters, without reading
    /// its whole postings list: blocks are visited in order of their BM25 upper bound (from the
    /// block's largest tf and shortest passage, × the largest boost), and the search stops when
    /// the next block's bound is below the k-th score (block-max). `total` is the term's df, which
    /// the dictionary holds exactly. Returns nil when the query is not of this shape.
    func searchSingleTerm(_ query: String, _ parsed: ParsedQuery, options: SearchOptions) throws -> SearchResults? {
        // Block bounds assume BM25's score grows with tf and falls with length: k1 ≥ 0, 0 ≤ b ≤ 1.
        guard let limit = options.limit, !options.rankDocuments, parsed.clauses.count == 1, parsed.clauses[0].count == 1,
            options.bm25.k1 >= 0, (0...1).contains(options.bm25.b),
            parsed.excluded.isEmpty, parsed.documentFilters.isEmpty
        else { return nil }
        let part = parsed.clauses[0][0]
        let scalars = normalizer.fold(part.text)
        guard let key = PhraseMatcher.directKey(scalars), let info = try reader.term(key) else { return nil }
        let cursor = try reader.cursor(info)
        guard cursor.blockCount > 1 else { return nil }

        let n = reader.passageCount, avgdl = reader.averageLength
        let idf = options.bm25.idf(documentFrequency: info.df, count: n)
        let bounds = (0..<cursor.blockCount).map { b -> Double in
            let (tf, dl) = cursor.blockBound(b)
            return options.bm25.termScore(tf: tf, idf: idf, length: dl, averageLength: avgdl) * Self.sectionBoostFactor
        }
        let order = bounds.indices.sorted { bounds[$0] != bounds[$1] ? bounds[$0] > bounds[$1] : $0 < $1 }
        let lengths = try reader.lengths()
        let term = Term(text: part.text, scalars: scalars, matches: PhraseMatches())
        var cache: [Int: [Int]] = [:]
        var top = TopK<(bm25: Double, tf: Int, boosts: [Boost])>(limit)
        for b in order {
            if top.isFull, bounds[b] < top.threshold { break }
            try cursor.seek(block: b)
            let passages = cursor.blockPassages, tfs = cursor.blockTFs
            for i in passages.indices {
                let p = passages[i]
                let tf = Int(tfs[i])
                let bm25 = options.bm25.termScore(tf: tf, idf: idf, length: Int(lengths[Int(p)]), averageLength: avgdl)
                guard bm25 * Self.sectionBoostFactor >= top.threshold else { continue }
                let boosts = try self.boosts(for: Int(p), terms: [term], matched: { _ in true }, cache: &cache)
                top.insert(.init(passage: p, score: boosts.reduce(bm25) { $0 * $1.factor }, payload: (bm25, tf, boosts)))
            }
        }
        var hits: [Hit] = []
        for (r, e) in top.entries.enumerated() {
            let dl = Int(lengths[Int(e.passage)])
            let explanation = Explanation(
                N: n, avgdl: avgdl, dl: dl, k1: options.bm25.k1, b: options.bm25.b,
                terms: [.init(part: part.text, tf: e.payload.tf, df: info.df, idf: idf, score: e.payload.bm25)],
                bm25: e.payload.bm25, boosts: e.payload.boosts, score: e.score)
            hits.append(try hit(e.passage, rank: r + 1, score: e.score, terms: [term], explanation: explanation))
        }
        return SearchResults(query: query, total: info.df, hits: hits, notes: [], documents: [])
    }
}
