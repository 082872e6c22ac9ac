/// `report --format json`: every row with its count per document, notes, and the lines not counted.
///
///     {"per": int|null, "documents": [{"doc", "title", "header", "characters"}],
///      "rows": [{"line", "query", "label", "notes", "occurrences", "passages", "rate",
///                "counts": [{"doc", "occurrences", "passages", "rate"}]}],
///      "errors": [{"line", "text", "message"}]}
public struct TermReportJSON: Encodable, Sendable {
    struct Document: Encodable {
        var doc: String
        var title: String
        var header: String
        var characters: Int
    }

    struct Count: Encodable {
        var doc: String
        var occurrences: Int
        var passages: Int
        var rate: Double?

        enum CodingKeys: String, CodingKey { case doc, occurrences, passages, rate }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(doc, forKey: .doc)
            try c.encode(occurrences, forKey: .occurrences)
            try c.encode(passages, forKey: .passages)
            try c.encode(rate, forKey: .rate)
        }
    }

    struct Row: Encodable {
        var line: Int
        var query: String
        var label: String?
        var notes: [String]
        var occurrences: Int
        var passages: Int
        var rate: Double?
        var counts: [Count]

        enum CodingKeys: String, CodingKey { case line, query, label, notes, occurrences, passages, rate, counts }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(line, forKey: .line)
            try c.encode(query, forKey: .query)
            try c.encode(label, forKey: .label)
            try c.encode(notes, forKey: .notes)
            try c.encode(occurrences, forKey: .occurrences)
            try c.encode(passages, forKey: .passages)
            try c.encode(rate, forKey: .rate)
            try c.encode(counts, forKey: .counts)
        }
    }

    struct Problem: Encodable {
        var line: Int
        var text: String
        var message: String
    }

    var per: Int?
    var documents: [Document]
    var rows: [Row]
    var errors: [Problem]

    public init(_ report: TermReport) {
        per = report.per
        documents = report.columns.map {
            Document(doc: $0.document.name, title: $0.document.title, header: $0.header, characters: $0.characters)
        }
        rows = report.rows.map { row in
            Row(
                line: row.entry.line, query: row.entry.query, label: row.entry.label, notes: row.notes, occurrences: row.totalOccurrences,
                passages: row.totalPassages, rate: report.rate(row.totalOccurrences, characters: report.totalCharacters).map(Self.round),
                counts: report.columns.indices.map { c in
                    Count(
                        doc: report.columns[c].document.name, occurrences: row.occurrences[c], passages: row.passages[c],
                        rate: report.rate(row.occurrences[c], characters: report.columns[c].characters).map(Self.round))
                })
        }
        errors = report.problems.map { Problem(line: $0.line, text: $0.text, message: $0.message) }
    }

    enum CodingKeys: String, CodingKey { case per, documents, rows, errors }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(per, forKey: .per)
        try c.encode(documents, forKey: .documents)
        try c.encode(rows, forKey: .rows)
        try c.encode(errors, forKey: .errors)
    }

    static func round(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
