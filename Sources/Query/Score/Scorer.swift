import Analysis
import Index

/// Scores matched passages: BM25 over the plan's wanted parts, then the reader-oriented boosts.
///
/// Boosts beyond plain BM25, each visible in `--explain`:
/// - a stand-alone heading line is ×0.5: it only names the topic; its section's paragraphs say
///   something about it, and they are lifted instead;
/// - a passage whose heading path or 专栏 title contains a part matched in it is ×1.25.
final class Scorer {
    static let headingLineBoost = Boost(factor: 0.5, reason: "heading line: the section's paragraphs carry the content")
    static let sectionBoostFactor = 1.25
    /// The largest product of boosts a passage can get (for top-k bounds).
    static let maxBoost = sectionBoostFactor

    let reader: IndexReader
    let normalizer: Normalizer
    /// Folded heading paths by path id, kept across searches.
    private var foldedPaths: [Int: [UInt32]] = [:]

    init(reader: IndexReader, normalizer: Normalizer) {
        self.reader = reader
        self.normalizer = normalizer
    }

    /// BM25 of each candidate (ascending ids), walking each wanted term's matches in step.
    func bm25(_ passages: [Int32], plan: QueryPlan, bm25: BM25, idfs: [Double]) throws -> [Double] {
        let lengths = try reader.lengths()
        let avgdl = reader.averageLength
        let terms = plan.scoringTerms
        var cursors = [Int](repeating: 0, count: terms.count)
        var scores = [Double](repeating: 0, count: passages.count)
        for (i, p) in passages.enumerated() {
            let dl = Int(lengths[Int(p)])
            var sum = 0.0
            for (k, t) in terms.enumerated() {
                let matches = plan.terms[t].matches
                var c = cursors[k]
                matches.passages.withUnsafeBufferPointer { ps in
                    while c < ps.count, ps[c] < p { c += 1 }
                    if c < ps.count, ps[c] == p {
                        sum += bm25.termScore(tf: Int(matches.tfs[c]), idf: idfs[k], length: dl, averageLength: avgdl)
                    }
                }
                cursors[k] = c
            }
            scores[i] = sum
        }
        return scores
    }

    /// The idf of each wanted term, in `plan.scoringTerms` order.
    func idfs(_ plan: QueryPlan, bm25: BM25) -> [Double] {
        plan.scoringTerms.map { bm25.idf(documentFrequency: plan.terms[$0].matches.count, count: reader.passageCount) }
    }

    /// Heading line ×0.5; a heading path that mentions a part matched in the passage ×1.25.
    func boosts(for passage: Int, plan: QueryPlan) throws -> [Boost] {
        let record = try reader.passageRecord(passage)
        if record.kind == .heading { return [Self.headingLineBoost] }
        let context = try foldedPath(record.pathID)
        for t in plan.scoringTerms where plan.terms[t].matches.index(of: Int32(passage)) != nil {
            if !Occurrences.starts(of: plan.terms[t].scalars, in: context).isEmpty {
                return [Boost(factor: Self.sectionBoostFactor, reason: "section heading mentions “\(plan.terms[t].part.text)”")]
            }
        }
        return []
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
            parts.append(.init(part: term.part.text, tf: tf, df: term.matches.count, idf: idfs[k], score: score))
        }
        return Explanation(
            N: reader.passageCount, avgdl: reader.averageLength, dl: dl, k1: bm25.k1, b: bm25.b,
            terms: parts, bm25: sum, boosts: boosts, score: boosts.reduce(sum) { $0 * $1.factor })
    }

    /// A path's headings and box, normalized as queries are; kept across searches.
    private func foldedPath(_ id: Int) throws -> [UInt32] {
        if let hit = foldedPaths[id] { return hit }
        let path = try reader.path(id)
        let folded = normalizer.fold(([path.box ?? ""] + path.headings).joined(separator: "\u{1F}"))
        foldedPaths[id] = folded
        return folded
    }
}
