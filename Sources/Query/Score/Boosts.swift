/// The reader-oriented adjustments beyond plain BM25, each a visible multiplicative boost in
/// `--explain`. Measured on the judged set (Tests/QueryTests/Judgments, docs/relevance-judgments.md):
/// what crowds plain BM25's top 10 are short passages with one mention — bare headings, the
/// one-line titles of 专栏 items and list items — while paragraphs under a heading that names the
/// term, or whose lead sentence names it, say what the plan will do.
public struct BoostRules: Sendable, Equatable {
    /// A stand-alone heading line: it only names the topic; its section's paragraphs discuss it.
    public var headingLine = 0.5
    /// A short line without a sentence (at most `shortLineLength` letters and digits, no 。！？；,
    /// not a table row): the title of a box item or list item.
    public var shortLine = 0.5
    public var shortLineLength = 35
    /// A substantive passage whose heading path or 专栏 title names a part matched in it.
    public var sectionMention = 1.5
    /// A passage whose lead sentence (up to its first 。！？ or ；) names a part matched in it, with more after.
    public var leadSentence = 1.25

    public init() {}

    public static let standard = BoostRules()

    /// `score` × the factors of the rules met, one by one in this order: the one definition of a
    /// boosted score (`BoostMatch.apply`, top-k's bounds), which `--explain` multiplies out alike.
    @inline(__always)
    func apply(_ score: Double, heading: Bool = false, shortLine: Bool = false, section: Bool = false, lead: Bool = false) -> Double {
        var s = score
        if heading { s *= headingLine }
        if shortLine { s *= self.shortLine }
        if section { s *= sectionMention }
        if lead { s *= leadSentence }
        return s
    }

    /// The largest product of boosts a passage can get (bounds for top-k).
    public var maximum: Double { max(1, headingLine, shortLine, sectionMention * leadSentence) }

    /// Whether `score` × a boost product of at most `bound` could still enter `top`. The bound is
    /// widened by a few ulps: a score multiplies its factors one by one, which may round above
    /// their product taken at once.
    static func mayEnter(_ bar: TopKBar, passage: Int32, score: Double, bound: Double) -> Bool {
        bar.admits(passage, score * bound * (1 + 1e-12))
    }
}

/// The rules a passage meets, kept compact while top-k compares candidates: a boost's reason is
/// spelled out (`boosts(in:)`) only for the hits shown.
struct BoostMatch {
    let rules: BoostRules?
    var heading = false
    var shortLine = false
    /// The term its heading path names, and the term its lead sentence names.
    var section: Int?
    var lead: Int?

    /// `score` × each boost's factor, in the order `boosts(in:)` lists them (so an explanation
    /// multiplied out by hand gives the same number).
    func apply(to score: Double) -> Double {
        guard let rules else { return score }
        return rules.apply(score, heading: heading, shortLine: shortLine, section: section != nil, lead: lead != nil)
    }

    func boosts(in plan: QueryPlan) -> [Boost] {
        guard let rules else { return [] }
        var boosts: [Boost] = []
        if heading { boosts.append(Boost(factor: rules.headingLine, reason: "heading line: the section's paragraphs carry the content")) }
        if shortLine {
            boosts.append(Boost(factor: rules.shortLine, reason: "short line without a sentence: a box or list item's title"))
        }
        // Concatenated, not interpolated: every hit shown spells its boosts, and interpolation
        // cost several times as much (a tenth of a small query's time).
        if let t = section {
            boosts.append(Boost(factor: rules.sectionMention, reason: "section heading mentions “" + plan.terms[t].part.text + "”"))
        }
        if let t = lead {
            boosts.append(Boost(factor: rules.leadSentence, reason: "lead sentence names “" + plan.terms[t].part.text + "”"))
        }
        return boosts
    }
}
