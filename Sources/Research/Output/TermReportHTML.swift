import Foundation

/// `report --format html`: one self-contained page (`HTML.page`): the matrix as a heat-map table
/// (occurrences, with matching passages beneath), then each query's best passages with their
/// provenance. Readable when printed: colours print, the header row repeats on every page. In
/// English for the command, in Chinese on the web app (`PageLanguage`).
public enum TermReportHTML {
    static let style = """
        td.heat{-webkit-print-color-adjust:exact;print-color-adjust:exact}td small{color:#666;display:block;white-space:nowrap}
        thead{display:table-header-group}tr{break-inside:avoid}.quote{margin:.4rem 0 .8rem 1rem}
        """

    public static func render(_ report: TermReport, language: PageLanguage = .english) -> String {
        let words = PageWords.of(language)
        var body =
            "<h1>\(words.termReport)</h1>\n<p class=\"meta\">\(words.queries(report.rows.count)) × \(words.documents(report.columns.count))"
        body += "\(language == .english ? ". " : "。")\(words.eachCell)</p>\n"
        for note in report.documentNotes { body += "<p class=\"meta\">\(HTML.escape(words.noteLabel + words.note(note)))</p>\n" }
        body += matrix(report, words)
        if !report.problems.isEmpty {
            body += "<h2>\(words.linesNotCounted)</h2>\n<ul>"
            body += report.problems.map {
                "<li>\(words.line($0.line)): <code>\(HTML.escape($0.text))</code> — \(HTML.escape(words.problem($0)))</li>"
            }.joined()
            body += "</ul>\n"
        }
        let quoted = report.rows.filter { !$0.best.isEmpty }
        if !quoted.isEmpty {
            body += "<h2>\(words.bestPassages)</h2>\n"
            for row in quoted {
                body += "<h3>\(HTML.escape(row.entry.name))</h3>\n"
                if row.entry.label != nil { body += "<p class=\"meta\">\(HTML.escape(row.entry.query))</p>\n" }
                for q in row.best { body += quote(q, words) }
            }
        }
        return HTML.page(title: words.termReport, body: body, style: style)
    }

    static func matrix(_ report: TermReport, _ words: PageWords) -> String {
        let maximum = Double(report.rows.flatMap(\.occurrences).max() ?? 0)
        var s = "<table>\n<thead><tr><th>\(words.query)</th>"
        s += report.columns.map { "<th>\(HTML.escape($0.header))</th>" }.joined()
        s += "<th>\(words.total)</th>"
        s += "</tr></thead>\n<tbody>\n"
        for row in report.rows {
            s += "<tr><th scope=\"row\">\(HTML.escape(row.entry.name))"
            for note in row.messages { s += "<small>\(HTML.escape(words.note(note)))</small>" }
            s += "</th>"
            func rate(_ n: Int, _ characters: Int) -> String {
                guard let per = report.per, let r = report.rate(n, characters: characters) else { return "" }
                return "<small>" + words.rate(r, per: per) + "</small>"
            }
            for ((n, p), column) in zip(zip(row.occurrences, row.passages), report.columns) {
                s +=
                    "<td class=\"num heat\" style=\"\(HTML.heat(Double(n), maximum: maximum))\">\(n)<small>\(words.passages(p))</small>"
                    + "\(rate(n, column.characters))</td>"
            }
            s += "<td class=\"num\">\(row.totalOccurrences)<small>\(words.passages(row.totalPassages))</small>"
            s += "\(rate(row.totalOccurrences, report.totalCharacters))</td>"
            s += "</tr>\n"
        }
        if report.per != nil {
            s +=
                "<tr><th scope=\"row\">\(words.characters)</th>" + report.columns.map { "<td class=\"num\">\($0.characters)</td>" }.joined()
            s += "<td class=\"num\">\(report.totalCharacters)</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    /// A passage with its provenance and the query's occurrences marked.
    static func quote(_ q: QuotedPassage, _ words: PageWords) -> String {
        var meta = HTML.escape(q.documentTitle) + " · " + HTML.escape(q.id) + " · " + words.line(q.passage.record.firstLine)
        if let page = q.passage.record.firstPage { meta += " · " + words.page(page) }
        if let score = q.score { meta += " · " + words.score(score) }
        return
            "<div class=\"quote\"><div class=\"meta\">\(meta)</div><div class=\"path\">\(HTML.escape(q.fullPath.joined(separator: " › ")))</div>"
            + "<div>\(HTML.marked(q.text, q.highlights))</div></div>\n"
    }
}
