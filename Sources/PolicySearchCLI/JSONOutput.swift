import Foundation
import Query

/// The JSON contract of `search --json` (field order as documented in README).
struct SearchJSON: Encodable {
    struct HitJSON: Encodable {
        var rank: Int
        var score: Double
        var doc: String
        var title: String
        var path: [String]
        var box: String?
        var passage: String
        var line: Int
        var text: String
        var highlights: [[Int]]
        var explain: Explanation?

        enum CodingKeys: String, CodingKey { case rank, score, doc, title, path, box, passage, line, text, highlights, explain }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(score, forKey: .score)
            try c.encode(doc, forKey: .doc)
            try c.encode(title, forKey: .title)
            try c.encode(path, forKey: .path)
            try c.encode(box, forKey: .box)  // null when not in a box
            try c.encode(passage, forKey: .passage)
            try c.encode(line, forKey: .line)
            try c.encode(text, forKey: .text)
            try c.encode(highlights, forKey: .highlights)
            try c.encodeIfPresent(explain, forKey: .explain)
        }
    }
    var query: String
    var total: Int
    var notes: [String]
    var hits: [HitJSON]

    init(_ r: SearchResults, explain: Bool) {
        query = r.query
        total = r.total
        notes = r.notes
        hits = r.hits.map { h in
            HitJSON(
                rank: h.rank, score: h.score, doc: h.document.name, title: h.document.title, path: h.passage.path,
                box: h.passage.box, passage: h.passageID,
                line: h.passage.record.firstLine, text: h.passage.text,
                highlights: h.highlights.map { [$0.lowerBound, $0.upperBound] }, explain: explain ? h.explanation : nil)
        }
    }
}

enum JSON {
    static func print<T: Encodable>(_ value: T) throws {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try e.encode(value)
        Swift.print(String(decoding: data, as: UTF8.self))
    }
}
