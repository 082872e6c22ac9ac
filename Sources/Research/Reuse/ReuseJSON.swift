import Foundation

/// The JSON contract of `reuse --format json` (and of `similar --json`, `check-draft --json`):
/// `{"pairs": [{"similarity", "containment", "a": {"doc","title","passage","path","box","line","text"},
/// "b": {…}, "spans": [[a_start, a_end, b_start, b_end], …]}]}`, spans in code-point offsets of each
/// `text`, end exclusive. Fields of text outside the index (`--text`) are null.
public struct PairJSON: Encodable, Sendable {
    public struct Side: Encodable, Sendable {
        @NullWhenAbsent var doc: String?
        @NullWhenAbsent var title: String?
        @NullWhenAbsent var passage: String?
        var path: [String]
        @NullWhenAbsent var box: String?
        @NullWhenAbsent var line: Int?
        @NullWhenAbsent var page: Int?
        var text: String

        public init(_ p: ReusePassage) {
            doc = p.doc
            title = p.title
            passage = p.passage
            path = p.path
            box = p.box
            line = p.line
            page = p.page
            text = p.text
        }
    }

    var similarity: Double
    var containment: Double
    /// Share of the draft passage found (`check-draft` only).
    var found: Double?
    /// Share of the draft passage found in all its pairs together, when only together they hold
    /// `--min` of it (`check-draft` only).
    var together: Double?
    var a: Side
    var b: Side
    var spans: [[Int]]

    public init(_ p: ReusePair, together: Double? = nil) {
        self.together = together.map { ($0 * 10_000).rounded() / 10_000 }
        similarity = (p.similarity * 10_000).rounded() / 10_000
        containment = (p.containment * 10_000).rounded() / 10_000
        found = p.found.map { ($0 * 10_000).rounded() / 10_000 }
        a = Side(p.a)
        b = Side(p.b)
        spans = p.alignment.spans.map { [$0.a.lowerBound, $0.a.upperBound, $0.b.lowerBound, $0.b.upperBound] }
    }
}

/// `reuse --format json`: the pairs, strongest document pair first, plus one summary per document pair.
public struct ReuseJSON: Encodable, Sendable {
    public struct DocumentPairJSON: Encodable, Sendable {
        var a: String
        var b: String
        var pairs: Int
        var aPassages: Int
        var aMatched: Int
        var aShare: Double
        var bPassages: Int
        var bMatched: Int
        var bShare: Double
    }

    var threshold: Double
    var pairs: [PairJSON]
    var documents: [DocumentPairJSON]

    public init(_ groups: [DocumentPair], threshold: Double) {
        self.threshold = threshold
        pairs = groups.flatMap { $0.pairs.map { PairJSON($0) } }
        documents = groups.map {
            DocumentPairJSON(
                a: $0.a.name, b: $0.b.name, pairs: $0.pairs.count, aPassages: $0.aPassages, aMatched: $0.aMatched,
                aShare: ($0.aShare * 10_000).rounded() / 10_000, bPassages: $0.bPassages, bMatched: $0.bMatched,
                bShare: ($0.bShare * 10_000).rounded() / 10_000)
        }
    }

    /// Pretty-printed, keys sorted, as every JSON output of the tool.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }
}
