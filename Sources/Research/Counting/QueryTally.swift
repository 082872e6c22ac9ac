import Query

/// One query counted over the documents of a scope: the only place the research views count, so
/// `compare`, `kwic` and `report` agree with each other and with `search --all`.
///
/// Parts count as written (`Searcher.countingPlan`: a part that occurs nowhere counts 0, never its
/// words). A matching passage is one the whole query selects (`Searcher.matches`); its occurrences are the
/// query's occurrences in it (`Searcher.occurrences`, the product's one counting definition in
/// Sources/Query/Results/Occurrences.swift). A document's count is the sum over its matching
/// passages; its passage count is how many there are.
public struct QueryTally: Sendable {
    /// A matching passage of a selected document.
    public struct Match: Sendable {
        /// Global passage number.
        public var passage: Int
        /// Column of its document in the scope.
        public var column: Int
        /// Original-text spans (Unicode scalar offsets, end exclusive), one per occurrence.
        public var occurrences: [Range<Int>]
    }

    public var query: String
    public var plan: QueryPlan
    /// What the reader should know (a part that occurs nowhere as written, a filter that selects nothing).
    public var notes: [String] { messages.map(\.english) }
    /// The same in both languages (the web pages show the Chinese).
    public var messages: [Message]
    /// Matching passages of the selected documents, ascending.
    public var matches: [Match]
    /// Occurrences per column of the scope.
    public var occurrences: [Int]
    /// Matching passages per column of the scope.
    public var passages: [Int]

    public var totalOccurrences: Int { occurrences.reduce(0, +) }
    public var totalPassages: Int { matches.count }

    /// Plans `query` (the query language, filters included) and counts it in every selected document.
    /// A query with nothing to count (only filters or exclusions) is an error.
    public init(_ query: String, searcher: Searcher, scope: DocumentScope) throws {
        let plan = try searcher.countingPlan(query, within: scope.coversAll ? nil : scope.documents)
        guard !plan.scoringTerms.isEmpty else {
            throw QueryError(
                message: "“\(query)” has no term to count (only filters or exclusions); add a word such as 跨境电商",
                chinese: "“\(query)”没有可统计的检索词（只有筛选或排除）；请加一个词，如 跨境电商")
        }
        self.query = query
        self.plan = plan
        messages = plan.messages
        occurrences = Array(repeating: 0, count: scope.documents.count)
        passages = occurrences
        matches = []
        for p in try searcher.matches(plan) {
            guard let column = scope.column(ofPassage: Int(p)) else { continue }
            let spans = try searcher.occurrences(of: plan, inPassage: Int(p))
            matches.append(Match(passage: Int(p), column: column, occurrences: spans))
            occurrences[column] += spans.count
            passages[column] += 1
        }
    }

    /// The matches of one column, ascending.
    public func matches(inColumn column: Int) -> [Match] { matches.filter { $0.column == column } }
}
