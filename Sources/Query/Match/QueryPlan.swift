import Analysis
import Index

/// A query resolved against one index: each part matched exactly (its passages and tf), each
/// filter turned into the passages of the documents it selects, the word fallback applied. Every
/// view starts from a plan: `search` scores and ranks it, the research views count it.
public struct QueryPlan: Sendable {
    public indirect enum Node: Sendable {
        /// A part; the index into `terms`.
        case term(Int)
        /// Two parts (indices into `terms`) within `distance` characters of each other.
        case near(distance: Int, Int, Int)
        /// The passages of the documents a filter selected (ascending, disjoint ranges).
        case documents([Range<Int>])
        case and([Node])
        case or([Node])
        case not(Node)
    }

    /// Whether every passage the plan matches holds every wanted term: its root is one term, or an
    /// AND of terms, excluded terms and document filters (ranking then need not look them up).
    var matchesHoldEveryTerm: Bool {
        func plain(_ n: Node) -> Bool {
            switch n {
            case .term, .documents, .not(.term), .not(.documents): true
            default: false
            }
        }
        switch root {
        case .term: return true
        case .and(let items): return items.allSatisfy(plain)
        default: return false
        }
    }

    /// A part matched against the index.
    public struct Term: Sendable {
        public var part: QueryPart
        /// The part cleaned and normalized as documents are: what is searched for.
        public var scalars: [UInt32]
        /// The forms searched: the part's own, then the other forms of its synonym group (one term).
        public var variants: [[UInt32]]
        /// The forms as typed or written in the synonym file, parallel to `variants`.
        public var variantTexts: [String]
        /// Passages containing any form and their tf (its non-overlapping occurrences), ascending.
        /// In the plans `search` makes for itself, a term of one or two characters may be deferred
        /// (not read yet), and the wanted terms narrowed to the passages the query selects
        /// (`narrowed`); `df` stays the whole count.
        public var matches: PhraseMatches
        /// Wanted (under an even number of NOTs): scored and highlighted.
        public var positive: Bool
        /// Passages containing any form (BM25's df), also when `matches` is deferred or narrowed.
        public var df: Int { dfOverride ?? matches.count }
        var dfOverride: Int?
        /// The matches are not read (a direct 1–2 character term, answered from its postings list
        /// by `search`'s single-term and conjunction steps); `Searcher.materialize` reads them.
        var deferred = false
        /// A deferred term's dictionary entry (nil when the index lacks the term): the single-term
        /// and conjunction steps read its postings from it without looking it up again.
        var entry: TermInfo?

        /// Expanded by the synonym table.
        public var isGroup: Bool { variants.count > 1 }

        /// The normalized text, as a string (for notes and explanations).
        public var normalizedText: String { String(scalars: scalars.compactMap(Unicode.Scalar.init)) }
    }

    public var query: String
    public var expression: QueryExpression
    public var root: Node
    public var terms: [Term]
    /// What the engine did that the user should know (the word fallback, a filter that selects nothing).
    public var messages: [Message]
    /// The messages in English.
    public var notes: [String] { messages.map(\.english) }
    /// Wanted parts that matched no passage as typed (before any word fallback), normalized.
    public var unmatched: [(part: QueryPart, scalars: [UInt32])] = []

    /// Indices of the wanted terms: those that score and are highlighted.
    public var scoringTerms: [Int] { terms.indices.filter { terms[$0].positive } }

    /// The same plan with each wanted term's matches narrowed to `passages` (every one of which
    /// holds every wanted term), with `tfs[k]` the tfs of `scoringTerms[k]` there; dfs unchanged.
    /// Unwanted terms are left empty: scoring does not read them.
    func narrowed(to passages: [Int32], tfs: [[Int32]]) -> QueryPlan {
        var plan = self
        for t in plan.terms.indices {
            plan.terms[t].dfOverride = terms[t].df
            plan.terms[t].deferred = false
            plan.terms[t].matches = PhraseMatches()
        }
        for (k, t) in scoringTerms.enumerated() { plan.terms[t].matches = PhraseMatches(passages: passages, tfs: tfs[k]) }
        return plan
    }

    /// The plan is one wanted part and nothing else (the block-max fast path applies).
    public var singleTerm: Int? {
        if case .term(let t) = root, terms[t].positive { return t }
        return nil
    }

    /// The plan is one wanted part and parts excluded from it (`电商 -跨境`), nothing else: the
    /// wanted term and the excluded ones, or nil.
    var singleTermExcluding: (term: Int, excluded: [Int])? {
        if let t = singleTerm { return (t, []) }
        guard case .and(let items) = root else { return nil }
        var wanted: Int?
        var excluded: [Int] = []
        for item in items {
            switch item {
            case .term(let t) where terms[t].positive && (wanted == nil || wanted == t): wanted = t
            case .not(.term(let u)) where !terms[u].positive: excluded.append(u)
            default: return nil
            }
        }
        return wanted.map { ($0, excluded) }
    }
}
