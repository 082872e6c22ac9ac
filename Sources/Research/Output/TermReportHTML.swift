import Foundation

/// `report --format html`: one self-contained page (`HTML.page`): the matrix as a heat-map table
/// (occurrences, with matching passages beneath), then each query's best passages with their
/// provenance. Readable when printed: colours print, the header row repeats on every page.
public enum TermReportHTML {
    static let style = """
        td.heat{-webkit-print-color-adjust:exact;print-color-adjust:exact}td small{color:#666;display:block}
        thead{display:table-header-group}tr{break-inside:avoid}.quote{margin:.4rem 0 .8rem 1rem}
        """

    public static func render(_ report: TermReport) -> String {
        var body = "<h1>Term report</h1>\n<p class=\"meta\">\(report.rows.count) queries × \(report.columns.count) documents. "
        body += "Each cell: occurrences of the query in the document, and the passages that contain it.</p>\n"
        body += matrix(report)
        if !report.problems.isEmpty {
            body += "<h2>Lines not counted</h2>\n<ul>"
            body += report.problems.map { "<li>line \($0.line): <code>\(HTML.escape($0.text))</code> — \(HTML.escape($0.message))</li>" }
                .joined()
            body += "</ul>\n"
        }
        let quoted = report.rows.filter { !$0.best.isEmpty }
        if !quoted.isEmpty {
            body += "<h2>Best passages</h2>\n"
            for row in quoted {
                body += "<h3>\(HTML.escape(row.entry.name))</h3>\n"
                if row.entry.label != nil { body += "<p class=\"meta\">\(HTML.escape(row.entry.query))</p>\n" }
                for q in row.best { body += quote(q) }
            }
        }
        return HTML.page(title: "Term report", body: body, style: style)
    }

    static func matrix(_ report: TermReport) -> String {
        let maximum = Double(report.rows.flatMap(\.occurrences).max() ?? 0)
        var s = "<table>\n<thead><tr><th>Query</th>"
        s += report.columns.map { "<th>\(HTML.escape($0.header))</th>" }.joined()
        s += "<th>Total</th>"
        if let per = report.per { s += "<th>per \(per) characters</th>" }
        s += "</tr></thead>\n<tbody>\n"
        for row in report.rows {
            s += "<tr><th scope=\"row\">\(HTML.escape(row.entry.name))"
            for note in row.notes { s += "<small>\(HTML.escape(note))</small>" }
            s += "</th>"
            for (n, p) in zip(row.occurrences, row.passages) {
                s += "<td class=\"num heat\" style=\"\(HTML.heat(Double(n), maximum: maximum))\">\(n)<small>\(p) passages</small></td>"
            }
            s += "<td class=\"num\">\(row.totalOccurrences)<small>\(row.totalPassages) passages</small></td>"
            if report.per != nil {
                let rate = report.rate(row.totalOccurrences, characters: report.totalCharacters).map { String(format: "%.2f", $0) } ?? ""
                s += "<td class=\"num\">\(rate)</td>"
            }
            s += "</tr>\n"
        }
        if report.per != nil {
            s += "<tr><th scope=\"row\">Characters</th>" + report.columns.map { "<td class=\"num\">\($0.characters)</td>" }.joined()
            s += "<td class=\"num\">\(report.totalCharacters)</td><td></td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    /// A passage with its provenance and the query's occurrences marked.
    static func quote(_ q: QuotedPassage) -> String {
        var meta = HTML.escape(q.documentTitle) + " · " + HTML.escape(q.id) + " · line \(q.passage.record.firstLine)"
        if let page = q.passage.record.firstPage { meta += " · page \(page)" }
        if let score = q.score { meta += String(format: " · score %.3f", score) }
        return
            "<div class=\"quote\"><div class=\"meta\">\(meta)</div><div class=\"path\">\(HTML.escape(q.fullPath.joined(separator: " › ")))</div>"
            + "<div>\(HTML.marked(q.text, q.highlights))</div></div>\n"
    }
}

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
