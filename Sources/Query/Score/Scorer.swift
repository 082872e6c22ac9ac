import Analysis
import Index

/// Scores matched passages: BM25 over the plan's wanted parts, then the `BoostRules`.
final class Scorer {
    let reader: IndexReader
    let normalizer: Normalizer
    /// Folded heading paths by path id, kept across searches.
    private var foldedPaths: [Int: [UInt32]] = [:]

    init(reader: IndexReader, normalizer: Normalizer) {
        self.reader = reader
        self.normalizer = normalizer
    }

    /// BM25 of each candidate (ascending ids): term by term, each walking its matches in step
    /// with the candidates. The formula is `BM25.termScore`'s, with the length part computed once
    /// per candidate (`termScore` gives the same number: the same operations in the same order).
    func bm25(_ passages: [Int32], plan: QueryPlan, bm25: BM25, idfs: [Double]) throws -> [Double] {
        let lengths = try reader.lengths()
        let avgdl = reader.averageLength
        let k1 = bm25.k1, b = bm25.b
        // k1·(1 − b + b·dl/avgdl), per candidate.
        func norm(_ p: Int32) -> Double { k1 * (1 - b + b * (avgdl > 0 ? Double(lengths[Int(p)]) / avgdl : 1)) }
        let norms = passages.map(norm)
        if let tfs = Self.aligned(passages, plan), !tfs.isEmpty {
            // Every term's matches are the candidates (a conjunction's narrowed plan): tfs read by
            // index, term by term over buffers, the terms added in the same order as below (the
            // first term's score stored, not added to 0: the same number, as every score is > 0).
            return [Double](unsafeUninitializedCapacity: passages.count) { scores, initialized in
                norms.withUnsafeBufferPointer { norms in
                    for k in tfs.indices {
                        let gain = idfs[k]
                        tfs[k].withUnsafeBufferPointer { tfs in
                            for i in 0..<norms.count {
                                let tf = Double(tfs[i])
                                let s = gain * tf * (k1 + 1) / (tf + norms[i])
                                if k == 0 { scores.initializeElement(at: i, to: s) } else { scores[i] += s }
                            }
                        }
                    }
                }
                initialized = passages.count
            }
        }
        var scores = [Double](repeating: 0, count: passages.count)
        for (k, t) in plan.scoringTerms.enumerated() {
            let matches = plan.terms[t].matches
            let gain = idfs[k]
            matches.passages.withUnsafeBufferPointer { ps in
                matches.tfs.withUnsafeBufferPointer { tfs in
                    passages.withUnsafeBufferPointer { candidates in
                        norms.withUnsafeBufferPointer { norms in
                            scores.withUnsafeMutableBufferPointer { scores in
                                var c = 0
                                for i in 0..<candidates.count {
                                    let p = candidates[i]
                                    while c < ps.count, ps[c] < p { c &+= 1 }
                                    guard c < ps.count, ps[c] == p else { continue }
                                    let tf = Double(tfs[c])
                                    scores[i] += gain * tf * (k1 + 1) / (tf + norms[i])
                                }
                            }
                        }
                    }
                }
            }
        }
        return scores
    }

    /// Each scoring term's tfs when its matches are the candidates themselves (the same array),
    /// in `plan.scoringTerms` order; nil otherwise.
    private static func aligned(_ passages: [Int32], _ plan: QueryPlan) -> [[Int32]]? {
        let base = passages.withUnsafeBufferPointer(\.baseAddress)
        guard base != nil else { return nil }
        var tfs: [[Int32]] = []
        for t in plan.scoringTerms {
            let m = plan.terms[t].matches
            guard m.passages.count == passages.count, m.passages.withUnsafeBufferPointer(\.baseAddress) == base else { return nil }
            tfs.append(m.tfs)
        }
        return tfs
    }

    /// The idf of each wanted term, in `plan.scoringTerms` order.
    func idfs(_ plan: QueryPlan, bm25: BM25) -> [Double] {
        plan.scoringTerms.map { bm25.idf(documentFrequency: plan.terms[$0].df, count: reader.passageCount) }
    }

    /// What `boosts` reads for every candidate, taken once per ranking: class references the
    /// caller holds in a local are not retained and released per candidate (they were a quarter
    /// of a 1,300-hit query's time).
    struct Ranking {
        let records: IndexReader.PassageRecords
        fileprivate let mentions: MentionSets
    }

    func ranking() throws -> Ranking {
        let records = try records()
        if !mentionSets.ready { mentionSets.allocate(paths: records.paths) }
        return Ranking(records: records, mentions: mentionSets)
    }

    /// The boosts of a passage with BM25 `score` under `rules` (none when nil: plain BM25), or nil
    /// when no boosted score it can still get passes `reaches`: what is cheap to read — the
    /// record (a heading line's factor is exact) and the cached heading path — narrows them
    /// before the stored text is decompressed for the short-line and lead-sentence rules. Top-k
    /// passes "would this score enter?", asked of the best outcome left, multiplied as `apply`
    /// multiplies it (so a passage that could at best tie the k-th, and loses the tie, stops here).
    /// `reaches` must hold for every score above one it holds for (top-k's `admits` does).
    /// `holdsEveryTerm`: the caller knows the passage holds every wanted term (the single-term
    /// step, whose plan leaves the term's matches unread), so they are not looked up.
    func boosts(
        for passage: Int, score: Double, plan: QueryPlan, rules: BoostRules?, holdsEveryTerm: Bool = false, in ranking: Ranking,
        reaches: (Double) -> Bool
    ) throws -> BoostMatch? {
        guard let rules else { return reaches(score) ? BoostMatch(rules: nil) : nil }
        var match = BoostMatch(rules: rules)
        let record = try ranking.records.rankingFields(passage)
        if record.kind == .heading {
            match.heading = true
            return reaches(rules.apply(score, heading: true)) ? match : nil
        }
        let p = Int32(passage)
        match.section = try sectionTerm(p, path: record.pathID, plan: plan, holdsEveryTerm: holdsEveryTerm, ranking.mentions)
        let section = match.section != nil
        let shortLinePossible = record.kind != .tableRow && record.length <= rules.shortLineLength
        // The best outcome left (entering is monotone in the score): with the lead sentence, without,
        // or as a short line.
        let best = max(
            rules.apply(score, section: section, lead: true), rules.apply(score, section: section),
            shortLinePossible ? rules.apply(score, shortLine: true) : -.infinity)
        guard reaches(best) else { return nil }
        let lead = try self.lead(passage)
        if shortLinePossible, !lead.hasSentence {
            return BoostMatch(rules: rules, shortLine: true)
        }
        if let lead = lead.folded {
            match.lead = plan.terms.indices.first { t in
                Self.matches(plan, t, p, holdsEveryTerm) && Occurrences.occurs(plan.terms[t].variants, in: lead)
            }
        }
        return match
    }

    /// Whether wanted term `t` occurs in the passage. Reads the term in place: copying a `Term` out
    /// of the plan retains each of its arrays, once per candidate.
    private static func matches(_ plan: QueryPlan, _ t: Int, _ passage: Int32, _ holdsEveryTerm: Bool) -> Bool {
        plan.terms[t].positive && (holdsEveryTerm || plan.terms[t].matches.index(of: passage) != nil)
    }

    /// The first wanted term (in query order) that occurs in the passage and that its heading path
    /// names: the path check first, as it is cached per path and most paths name no term.
    private func sectionTerm(_ passage: Int32, path: Int, plan: QueryPlan, holdsEveryTerm: Bool, _ sets: MentionSets) throws -> Int? {
        for t in plan.terms.indices where plan.terms[t].positive {
            if try mentions(path: path, term: t, plan, sets), Self.matches(plan, t, passage, holdsEveryTerm) {
                return t
            }
        }
        return nil
    }

    /// What the short-line and lead-sentence rules read of a passage's text: whether it has a
    /// sentence end, and its lead (up to the first end), normalized, when more text follows.
    private struct Lead {
        var hasSentence: Bool
        var folded: [UInt32]?
    }

    /// Leads by passage, kept across searches (bounded): a passage's lead costs a decompressed
    /// text block, and the same candidates come back in repeated and related queries. Found
    /// through a slot per passage (top-k looks one up per candidate: an array read, not a hash).
    private var leads = PassageSlotCache<Lead>(capacity: 8192)

    /// The stored text up to its first sentence end is all the boosts read: most passages have one
    /// early, and only that lead is normalized (a whole passage is not).
    private func lead(_ passage: Int) throws -> Lead {
        if let hit = leads.get(passage) { return hit }
        let raw = try reader.passage(passage).text.unicodeScalars
        let end = raw.firstIndex { Self.isSentenceEnd($0.value) }
        var lead = Lead(hasSentence: end != nil, folded: nil)
        if let end, raw.index(after: end) != raw.endIndex { lead.folded = normalizer.fold(String(raw[...end])) }
        leads.set(passage, lead, passages: reader.passageCount)
        return lead
    }

    /// 。！？； and their ASCII forms.
    static func isSentenceEnd(_ c: UInt32) -> Bool {
        c == 0x3002 || c == 0x21 || c == 0x3F || c == 0x3B || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B
    }

    /// Everything needed to recompute a hit's score by hand.
    func explain(_ passage: Int, plan: QueryPlan, bm25: BM25, idfs: [Double], boosts: [Boost]) throws -> Explanation {
        let dl = try reader.length(passage)
        var parts: [Explanation.Term] = []
        var sum = 0.0
        for (k, t) in plan.scoringTerms.enumerated() {
            let term = plan.terms[t]
            guard let i = term.matches.index(of: Int32(passage)) else { continue }
            let tf = Int(term.matches.tfs[i])
            let score = bm25.termScore(tf: tf, idf: idfs[k], length: dl, averageLength: reader.averageLength)
            sum += score
            parts.append(
                .init(
                    part: term.part.text, variants: term.isGroup ? term.variantTexts : nil, tf: tf, df: term.df,
                    idf: idfs[k], score: score))
        }
        return Explanation(
            N: reader.passageCount, avgdl: reader.averageLength, dl: dl, k1: bm25.k1, b: bm25.b,
            terms: parts, bm25: sum, boosts: boosts, score: boosts.reduce(sum) { $0 * $1.factor })
    }

    /// Whether a path's headings or box hold one of a term's forms, for the query being ranked
    /// (`startQuery` forgets them): its candidates share few paths. Kept per path as two bit sets
    /// over the plan's first 64 terms (looked up, found), in arrays indexed by path id: a
    /// candidate's check costs an array read, not a hash.
    /// The term's forms are read only when the path is new to the query (copying them out of the
    /// plan for every candidate retained and released them).
    private func mentions(path id: Int, term t: Int, _ plan: QueryPlan, _ sets: MentionSets) throws -> Bool {
        guard t < 64 else { return try pathNames(id, plan.terms[t].variants) }
        let bit = UInt64(1) << UInt64(t)
        if let known = sets.lookup(id, bit) { return known }
        let found = try pathNames(id, plan.terms[t].variants)
        sets.record(id, bit, found)
        return found
    }

    private func pathNames(_ id: Int, _ forms: [[UInt32]]) throws -> Bool {
        Occurrences.occurs(forms, in: try foldedPath(id))
    }

    /// Allocated on first use (`ranking()`), to the index's number of paths.
    private let mentionSets = MentionSets()

    /// Called before ranking a new plan: term indices in the mention sets belong to one plan.
    func startQuery() { mentionSets.clear() }

    /// The records view, made on first use (it checksums the records section once).
    private func records() throws -> IndexReader.PassageRecords {
        if let recordsView { return recordsView }
        let made = try reader.passageRecords()
        recordsView = made
        return made
    }

    private var recordsView: IndexReader.PassageRecords?

    /// A path's headings and box, normalized as queries are; kept across searches.
    private func foldedPath(_ id: Int) throws -> [UInt32] {
        if let hit = foldedPaths[id] { return hit }
        let path = try reader.path(id)
        let folded = normalizer.fold(([path.box ?? ""] + path.headings).joined(separator: "\u{1F}"))
        foldedPaths[id] = folded
        return folded
    }
}

/// Per heading path, two bit sets over a plan's first 64 terms: looked up, and named. Flat
/// arrays indexed by path id (no hashing and no exclusivity checks per candidate); only the paths
/// touched by a query are cleared for the next.
private final class MentionSets {
    private var known = UnsafeMutablePointer<UInt64>.allocate(capacity: 0)
    private var found = UnsafeMutablePointer<UInt64>.allocate(capacity: 0)
    private var touched: [Int32] = []
    private(set) var ready = false

    /// Sized to the index's paths, once.
    func allocate(paths: Int) {
        known.deallocate()
        found.deallocate()
        known = .allocate(capacity: max(paths, 1))
        found = .allocate(capacity: max(paths, 1))
        known.initialize(repeating: 0, count: max(paths, 1))
        found.initialize(repeating: 0, count: max(paths, 1))
        ready = true
    }

    deinit {
        known.deallocate()
        found.deallocate()
    }

    func lookup(_ path: Int, _ bit: UInt64) -> Bool? {
        known[path] & bit == 0 ? nil : found[path] & bit != 0
    }

    func record(_ path: Int, _ bit: UInt64, _ named: Bool) {
        if known[path] == 0 { touched.append(Int32(path)) }
        known[path] |= bit
        if named { found[path] |= bit }
    }

    func clear() {
        for p in touched { (known[Int(p)], found[Int(p)]) = (0, 0) }
        touched.removeAll(keepingCapacity: true)
    }
}
