/// `report --format json`: every row with its count per document, notes, and the lines not counted.
///
///     {"per": int|null, "documents": [{"doc", "title", "header", "characters"}], "notes": [string],
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
        @NullWhenAbsent var rate: Double?
    }

    struct Row: Encodable {
        var line: Int
        var query: String
        @NullWhenAbsent var label: String?
        var notes: [String]
        var occurrences: Int
        var passages: Int
        @NullWhenAbsent var rate: Double?
        var counts: [Count]
    }

    struct Problem: Encodable {
        var line: Int
        var text: String
        var message: String
    }

    @NullWhenAbsent var per: Int?
    var documents: [Document]
    /// Notes on the documents covered (`DocumentScope.notes`); a row's own are in the row.
    var notes: [String]
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
        notes = report.documentNotes.map(\.english)
    }

    static func round(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}
