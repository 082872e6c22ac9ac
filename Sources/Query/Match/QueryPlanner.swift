import Analysis
import Index
import Ingestion

/// Turns a parsed query into a `QueryPlan` for one index (see there).
struct QueryPlanner {
    let reader: IndexReader
    let normalizer: Normalizer
    let texts: PassageTexts
    let documents: [DocumentFacts]
    var makeAnalyzer: () throws -> Analyzer

    private var terms: [QueryPlan.Term] = []
    private var notes: [String] = []

    init(
        reader: IndexReader, normalizer: Normalizer, texts: PassageTexts, documents: [DocumentFacts],
        makeAnalyzer: @escaping () throws -> Analyzer
    ) {
        self.reader = reader
        self.normalizer = normalizer
        self.texts = texts
        self.documents = documents
        self.makeAnalyzer = makeAnalyzer
    }

    mutating func plan(_ query: String, _ expression: QueryExpression) throws -> QueryPlan {
        terms = []
        notes = []
        let root = try node(expression, positive: true)
        return QueryPlan(query: query, expression: expression, root: root, terms: terms, notes: notes)
    }

    private mutating func node(_ e: QueryExpression, positive: Bool) throws -> QueryPlan.Node {
        switch e {
        case .term(let part):
            let t = try term(part, positive: positive)
            if positive, !part.quoted, t.matches.count == 0, let words = try fallback(part, t.scalars) {
                notes.append(
                    "No exact match for “\(part.text)”; searched its words \(words.map { "“\($0.text)”" }.joined(separator: " + ")) instead (quote it to require the exact phrase)"
                )
                return .and(try words.map { .term(add(try term($0, positive: true))) })
            }
            return .term(add(t))
        case .near(let distance, let a, let b):
            return .near(distance: distance, add(try term(a, positive: positive)), add(try term(b, positive: positive)))
        case .filter(let f):
            let selected = documents.filter { f.selects($0, normalizer: normalizer) }
            if selected.isEmpty { notes.append("\(f) matches no document") }
            return .documents(selected.map(\.passages))
        case .and(let items): return .and(try items.map { try node($0, positive: positive) })
        case .or(let items): return .or(try items.map { try node($0, positive: positive) })
        case .not(let inner): return .not(try node(inner, positive: !positive))
        }
    }

    private mutating func add(_ t: QueryPlan.Term) -> Int {
        terms.append(t)
        return terms.count - 1
    }

    /// Cleans and normalizes a part as documents are, then matches it exactly.
    private func term(_ part: QueryPart, positive: Bool) throws -> QueryPlan.Term {
        let scalars = normalizer.fold(TypedText.clean(part.text))
        guard !scalars.isEmpty, !scalars.allSatisfy({ $0 == 0x20 }) else {
            throw QueryError(message: "“\(part.text)” has nothing to search for after normalization", column: part.column)
        }
        var matches = try PhraseMatcher.match(scalars, in: reader)
        if Occurrences.canOverlap(scalars) {
            // The index counts overlapping occurrences (哈哈 twice in 哈哈哈); the definition does not.
            for (i, p) in matches.passages.enumerated() {
                matches.tfs[i] = Int32(Occurrences.starts(of: scalars, in: try texts.get(Int(p)).normalized.scalars).count)
            }
        }
        return QueryPlan.Term(part: part, scalars: scalars, matches: matches, positive: positive)
    }

    /// A long run of Chinese with no exact match is split into ICU words (ANDed).
    private func fallback(_ part: QueryPart, _ scalars: [UInt32]) throws -> [QueryPart]? {
        guard scalars.filter({ $0 >= 0x3400 }).count >= 4 else { return nil }
        let words = try makeAnalyzer().queryWords(TypedText.clean(part.text)).filter {
            !normalizer.fold($0).allSatisfy { $0 == 0x20 }
        }
        guard words.count >= 2 else { return nil }
        return words.map { QueryPart(text: $0, quoted: true, column: part.column) }
    }
}
