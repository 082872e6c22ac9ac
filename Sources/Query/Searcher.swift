import Analysis
import Foundation
import Index

public struct SearchOptions: Sendable {
    /// Hits to return; nil returns all.
    public var limit: Int?
    public var bm25: BM25
    /// Also rank documents by their best passage.
    public var rankDocuments: Bool
    /// The adjustments beyond BM25; nil ranks by plain BM25 (`--plain`).
    public var boosts: BoostRules?
    /// Also say how each hit's score was computed (`Hit.explanation`; `--explain`, the web page):
    /// spelling it out costs a twentieth of a small query, so it is done when asked.
    public var explain: Bool
    /// Search a word of four or more characters that occurs nowhere as its ICU words (the
    /// search's fallback). The research views rank with it off, as they count (`countingPlan`):
    /// a passage they quote is one they count.
    public var wordFallback: Bool

    public init(
        limit: Int? = 10, bm25: BM25 = .standard, rankDocuments: Bool = false, boosts: BoostRules? = .standard, explain: Bool = false,
        wordFallback: Bool = true
    ) {
        self.limit = limit
        self.bm25 = bm25
        self.rankDocuments = rankDocuments
        self.boosts = boosts
        self.explain = explain
        self.wordFallback = wordFallback
    }
}

/// Runs queries against an index, in steps that the research views and the server reuse:
/// `plan` (parse, match every part exactly, resolve filters) → `matches` (the passages the
/// expression selects) → score (BM25 + boosts, `Scorer`) → top-k (`TopK`) → hits (text,
/// provenance, `occurrences` as highlights). `search` runs them on a plan whose 1–2 character
/// terms are left unread, with two shortcuts that walk postings lists instead of reading them
/// whole: a single short term (`searchSingleTerm`) and a conjunction driven by a rare part
/// (`conjunction`); otherwise it reads them (`materialize`) and takes the steps above.
///
/// One `Searcher` per thread (it caches stored passages and their normalized texts, heading paths,
/// lead sentences and document summaries, all bounded); the `IndexReader` underneath may be shared.
public final class Searcher {
    public let reader: IndexReader
    let normalizer = Normalizer()
    let texts: PassageTexts
    let scorer: Scorer
    private var analyzer: Analyzer?
    private var facts: [DocumentFacts]?
    /// By document id (an array read per hit shown, not a hash), made on first use.
    private var summaries: [(summary: DocumentSummary, firstPassage: Int)?] = []
    /// Synonym groups that plain (unquoted) parts expand to; nil searches every part exactly as typed.
    public var synonyms: SynonymTable?

    public init(reader: IndexReader) {
        self.reader = reader
        texts = PassageTexts(reader: reader, normalizer: normalizer)
        scorer = Scorer(reader: reader, normalizer: normalizer)
    }

    // MARK: Steps

    /// What filters and the research views know of each document (read once).
    public func documents() throws -> [DocumentFacts] {
        if let facts { return facts }
        let loaded = try DocumentFacts.load(reader)
        facts = loaded
        return loaded
    }

    /// Parses a query and matches each part against the index.
    public func plan(_ query: String) throws -> QueryPlan {
        try plan(query, QueryParser.parse(query))
    }

    public func plan(_ query: String, _ expression: QueryExpression) throws -> QueryPlan {
        try plan(query, expression, deferringDirectTerms: false)
    }

    /// A plan for counting: a plain part that occurs nowhere stays a part that counts 0 (with a
    /// note naming its words), where `search` would search its words instead. `within`: the
    /// documents a research view covers (`--docs`), when not all: its filters select among them
    /// and their notes count them (a filter that leaves out undated documents counts those of the
    /// view, not of the index).
    public func countingPlan(_ query: String, within scope: [DocumentFacts]? = nil) throws -> QueryPlan {
        try plan(query, QueryParser.parse(query), deferringDirectTerms: false, wordFallback: false, scope: scope)
    }

    /// `search`'s own plan: terms of one or two characters are left unread (`Term.deferred`) for
    /// the steps that walk their postings lists; `materialize` reads them for the others.
    func plan(
        _ query: String, _ expression: QueryExpression, deferringDirectTerms: Bool, wordFallback: Bool = true, scope: [DocumentFacts]? = nil
    ) throws -> QueryPlan {
        var planner = QueryPlanner(
            reader: reader, normalizer: normalizer, texts: texts, documents: { [self] in try scope ?? documents() }, synonyms: synonyms
        ) { [self] in
            if let analyzer { return analyzer }
            let made = try Analyzer()
            analyzer = made
            return made
        }
        planner.deferDirectTerms = deferringDirectTerms
        planner.wordFallback = wordFallback
        planner.scoped = scope != nil
        return try planner.plan(query, expression)
    }

    /// The plan with every deferred term's matches read.
    func materialize(_ plan: QueryPlan) throws -> QueryPlan {
        var plan = plan
        for t in plan.terms.indices where plan.terms[t].deferred {
            plan.terms[t].matches = try PhraseMatcher.match(plan.terms[t].scalars, in: reader)
            (plan.terms[t].deferred, plan.terms[t].dfOverride) = (false, nil)
        }
        return plan
    }

    /// The passages the plan matches, ascending.
    public func matches(_ plan: QueryPlan) throws -> [Int32] {
        try QueryEvaluator(plan: plan, passageCount: reader.passageCount, texts: texts).evaluate()
    }

    /// The plan's occurrences in a passage: original-text spans (scalar offsets), one per occurrence.
    public func occurrences(of plan: QueryPlan, inPassage passage: Int) throws -> [Range<Int>] {
        plan.occurrences(in: try texts.get(passage).normalized)
    }

    /// The same, each with the form it matched (a synonym's form where the group expanded).
    public func labeledOccurrences(of plan: QueryPlan, inPassage passage: Int) throws -> [(span: Range<Int>, form: String)] {
        plan.labeledOccurrences(in: try texts.get(passage).normalized)
    }

    // MARK: Search

    public func search(_ query: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let deferred = try plan(query, QueryParser.parse(query), deferringDirectTerms: true, wordFallback: options.wordFallback)
        scorer.startQuery()
        if let fast = try searchSingleTerm(deferred, options: options) { return fast }
        if let conjunction = try conjunction(deferred) {
            return try results(conjunction.plan, passages: conjunction.passages, options: options, holdsEveryTerm: true)
        }
        let plan = try materialize(deferred)
        return try results(plan, passages: try matches(plan), options: options, holdsEveryTerm: plan.matchesHoldEveryTerm)
    }

    /// Scores and ranks the passages a plan selects, and makes the hits shown. `holdsEveryTerm`:
    /// every passage holds every wanted term (a conjunction), so boosts need not look them up.
    private func results(_ plan: QueryPlan, passages: [Int32], options: SearchOptions, holdsEveryTerm: Bool = false) throws
        -> SearchResults
    {
        let idfs = scorer.idfs(plan, bm25: options.bm25)
        let bm25 = try scorer.bm25(passages, plan: plan, bm25: options.bm25, idfs: idfs)
        let ranked = try rank(passages, bm25: bm25, plan: plan, options: options, holdsEveryTerm: holdsEveryTerm)
        let documents = options.rankDocuments ? try rankDocuments(ranked) : []
        let shown = ranked.prefix(options.limit ?? Int.max)
        var hits: [Hit] = []
        hits.reserveCapacity(shown.count)
        for (rank, entry) in shown.enumerated() {
            let explanation =
                options.explain
                ? try scorer.explain(
                    Int(entry.passage), plan: plan, bm25: options.bm25, idfs: idfs, boosts: entry.payload.boosts.boosts(in: plan)) : nil
            hits.append(try hit(Int(entry.passage), rank: rank + 1, score: entry.score, plan: plan, explanation: explanation))
        }
        var results = SearchResults(query: plan.query, total: passages.count, hits: hits, messages: plan.messages, documents: documents)
        if passages.isEmpty { results.suggestions = try suggestions(for: plan) }
        return results
    }

    typealias Ranked = TopK<(index: Int, boosts: BoostMatch)>.Entry

    /// Final scores (BM25 × boosts) in ranking order: all of them when every hit or the document
    /// ranking is wanted; otherwise the best k, computing boosts (which read the passage record
    /// and path) only for the best k by BM25 and for passages whose BM25 × the largest boost could
    /// still reach the k-th final score.
    private func rank(_ passages: [Int32], bm25: [Double], plan: QueryPlan, options: SearchOptions, holdsEveryTerm: Bool) throws
        -> [Ranked]
    {
        let ranking = try scorer.ranking()
        func entry(_ i: Int) throws -> Ranked {
            let boosts = try scorer.boosts(
                for: Int(passages[i]), score: bm25[i], plan: plan, rules: options.boosts, holdsEveryTerm: holdsEveryTerm, in: ranking
            ) { _ in true }!
            return Ranked(passage: passages[i], score: boosts.apply(to: bm25[i]), payload: (i, boosts))
        }
        let maxBoost = options.boosts?.maximum ?? 1
        guard let limit = options.limit, !options.rankDocuments else {
            return try passages.indices.map(entry).sorted(by: TopK.precedes)
        }
        var byBM25 = TopK<Int>(limit)
        var lowest = byBM25.bar  // what a candidate must beat, read once per insertion
        for i in passages.indices where lowest.admits(passages[i], bm25[i]) {
            byBM25.insert(.init(passage: passages[i], score: bm25[i], payload: i))
            lowest = byBM25.bar
        }
        var top = TopK<(index: Int, boosts: BoostMatch)>(limit)
        var seen = [Bool](repeating: false, count: passages.count)
        for e in byBM25.entries {
            seen[e.payload] = true
            top.insert(try entry(e.payload))
        }
        // The rest only where the largest boost could lift them in; their text only where the
        // boosts their record and path allow could (ties with a lower id win: `TopK.admits`).
        var bar = top.bar
        for i in passages.indices where !seen[i] && BoostRules.mayEnter(bar, passage: passages[i], score: bm25[i], bound: maxBoost) {
            let p = passages[i], score = bm25[i], current = bar
            guard
                let boosts = try scorer.boosts(
                    for: Int(p), score: score, plan: plan, rules: options.boosts, holdsEveryTerm: holdsEveryTerm, in: ranking,
                    reaches: { current.admits(p, $0) })
            else { continue }
            top.insert(Ranked(passage: p, score: boosts.apply(to: score), payload: (i, boosts)))
            bar = top.bar
        }
        return top.entries
    }

    /// Documents by their best passage (MaxP), with how many of their passages match.
    private func rankDocuments(_ ranked: [Ranked]) throws -> [DocumentHit] {
        var best: [Int: (score: Double, rank: Int, count: Int, passage: Int)] = [:]
        for (r, entry) in ranked.enumerated() {
            let d = try reader.passageRecord(Int(entry.passage)).document
            if let b = best[d] {
                best[d] = (b.score, b.rank, b.count + 1, b.passage)
            } else {
                best[d] = (entry.score, r, 1, Int(entry.passage))
            }
        }
        return try best.sorted { $0.value.rank < $1.value.rank }.map { d, b in
            let summary = try reader.documentSummary(d)
            return DocumentHit(
                document: summary, bestScore: b.score, passages: b.count,
                bestPassageID: try PassageReference.format(reader, passage: b.passage, document: summary))
        }
    }

    /// A hit shown: its passage, document and occurrences come from caches kept across searches
    /// (the shown passages of one query are mostly those of the next, and share few documents).
    func hit(_ p: Int, rank: Int, score: Double, plan: QueryPlan, explanation: Explanation?) throws -> Hit {
        let (stored, normalized) = try texts.entry(p)
        let document = try summary(stored.record.document)
        let occurrences = plan.labeledOccurrences(in: normalized)
        return Hit(
            rank: rank, score: score, document: document.summary, passage: stored,
            passageID: PassageReference.format(name: document.summary.name, passage: p, firstPassage: document.firstPassage),
            highlights: occurrences.map(\.span), matched: occurrences.map(\.form), explanation: explanation)
    }

    /// A document's summary and first passage (for `PassageReference` ids), read once.
    private func summary(_ d: Int) throws -> (summary: DocumentSummary, firstPassage: Int) {
        if summaries.isEmpty { summaries = Array(repeating: nil, count: reader.documentCount) }
        let kept = summaries.indices.contains(d)  // a record's document is checked in range; the reader refuses others
        if kept, let known = summaries[d] { return known }
        let entry = (try reader.documentSummary(d), try reader.passageRange(ofDocument: d).lowerBound)
        if kept { summaries[d] = entry }
        return entry
    }
}
