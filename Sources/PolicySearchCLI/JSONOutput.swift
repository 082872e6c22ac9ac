import Foundation
import Index
import Query

/// One passage as every JSON output shows it (search hits, `show`, research views).
struct PassageJSON: Encodable {
    var doc: String
    var title: String
    var path: [String]
    var box: String?
    var passage: String
    var line: Int
    var page: Int?
    var text: String

    init(document: DocumentSummary, passage p: StoredPassage, id: String) {
        doc = document.name
        title = document.title
        path = p.path
        box = p.box
        passage = id
        line = p.record.firstLine
        page = p.record.firstPage
        text = p.text
    }

    enum CodingKeys: String, CodingKey { case doc, title, path, box, passage, line, page, text }

    /// `box` and `page` are written as null when absent, so every hit has the same keys.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(title, forKey: .title)
        try c.encode(path, forKey: .path)
        try c.encode(box, forKey: .box)
        try c.encode(passage, forKey: .passage)
        try c.encode(line, forKey: .line)
        try c.encode(page, forKey: .page)
        try c.encode(text, forKey: .text)
    }
}

/// The JSON contract of `search --json` (README, "JSON").
struct SearchJSON: Encodable {
    struct HitJSON: Encodable {
        var rank: Int
        var score: Double
        var passage: PassageJSON
        var highlights: [[Int]]
        var matched: [String]
        var explain: Explanation?

        enum CodingKeys: String, CodingKey { case rank, score, highlights, matched, explain }

        func encode(to encoder: Encoder) throws {
            try passage.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(score, forKey: .score)
            try c.encode(highlights, forKey: .highlights)
            try c.encode(matched, forKey: .matched)
            try c.encodeIfPresent(explain, forKey: .explain)
        }
    }

    struct DocumentJSON: Encodable {
        var doc: String
        var title: String
        var score: Double
        var passages: Int
        var best: String
    }

    var query: String
    var total: Int
    var notes: [String]
    var hits: [HitJSON]
    var documents: [DocumentJSON]?
    /// Only when nothing matched.
    var suggestions: [Suggestion]?

    init(_ r: SearchResults, explain: Bool, documents: Bool) {
        query = r.query
        total = r.total
        suggestions = r.total == 0 ? r.suggestions : nil
        notes = r.notes
        hits = r.hits.map { h in
            HitJSON(
                rank: h.rank, score: h.score, passage: PassageJSON(document: h.document, passage: h.passage, id: h.passageID),
                highlights: h.highlights.map { [$0.lowerBound, $0.upperBound] }, matched: h.matched,
                explain: explain ? h.explanation : nil)
        }
        self.documents =
            documents
            ? r.documents.map {
                DocumentJSON(
                    doc: $0.document.name, title: $0.document.title, score: $0.bestScore, passages: $0.passages, best: $0.bestPassageID)
            } : nil
    }
}

enum JSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(value), as: UTF8.self)
    }

    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(try encode(value))
    }
}
