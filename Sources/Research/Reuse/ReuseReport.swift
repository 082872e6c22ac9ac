import Foundation

/// Results of `reuse`, `similar` and `check-draft` in one shape for every output format: a title,
/// notes, and groups of pairs (a document pair, a query, a draft passage), each with its summary.
public struct ReuseReport: Sendable {
    public struct Group: Sendable {
        public var heading: String
        public var summary: [String]
        public var pairs: [ReusePair]
    }

    public var title: String
    public var notes: [String]
    public var groups: [Group]

    public var pairCount: Int { groups.reduce(0) { $0 + $1.pairs.count } }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// FILE#N (line L) for an indexed passage, FILE:L for a draft's, "text" for --text.
    static func name(_ p: ReusePassage) -> String {
        let page = p.page.map { ", p. \($0)" } ?? ""
        if let id = p.passage { return p.line.map { "\(id) (line \($0)\(page))" } ?? id }
        return p.doc.map { "\($0):\(p.line ?? 0)" } ?? "text"
    }

    /// `reuse`: one group per document pair.
    public init(documentPairs: [DocumentPair], threshold: Double, compared: Int) {
        title = "Clause reuse"
        notes = [
            String(
                format: "%d pair(s) in %d document pair(s) at similarity ≥ %.2f; %d passages compared",
                documentPairs.reduce(0) { $0 + $1.pairs.count },
                documentPairs.count, threshold, compared)
        ]
        groups = documentPairs.map { d in
            Group(
                heading: "\(d.a.title) ↔ \(d.b.title)",
                summary: [
                    "A \(d.a.name): \(d.aMatched)/\(d.aPassages) passages, \(Self.percent(d.aShare)) of its text in B",
                    "B \(d.b.name): \(d.bMatched)/\(d.bPassages) passages, \(Self.percent(d.bShare)) of its text in A"
                ],
                pairs: d.pairs)
        }
    }

    /// `similar`: one group, the query.
    public init(similarTo query: ReusePassage, pairs: [ReusePair], threshold: Double) {
        title = "Passages similar to " + Self.name(query)
        notes = [String(format: "%d passage(s) of other documents at similarity or containment ≥ %.2f", pairs.count, threshold)]
        groups = [Group(heading: Self.name(query) + " " + query.text, summary: [], pairs: pairs)]
    }

    /// `check-draft`: one group per draft passage that already stands somewhere.
    public init(draft name: String, passages: [DraftPassage], threshold: Double) {
        title = "Draft check: " + name
        let matched = passages.filter { !$0.matches.isEmpty }
        notes = [
            String(
                format: "%d of %d draft passages already stand in the index (≥ %.0f %% found)", matched.count, passages.count,
                threshold * 100)
        ]
        groups = matched.map { d in
            let alone = (d.matches.first?.found ?? 0) >= threshold - 1e-9
            let summary = d.together.map { t in
                [
                    alone
                        ? String(
                            format: "its other clauses stand in other passages: these %d together hold %.0f %% of it", d.matches.count,
                            t * 100)
                        : String(
                            format: "no one indexed passage holds %.0f %% of it; these %d together hold %.0f %%", threshold * 100,
                            d.matches.count, t * 100)
                ]
            }
            return Group(heading: "\(name):\(d.passage.line ?? 0) " + d.passage.text, summary: summary ?? [], pairs: d.matches)
        }
    }
}
