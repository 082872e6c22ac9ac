import Foundation

/// `compare --format html`: one self-contained page. Per query a table with one column per
/// document (catalog order): counts, sections, best passages, stated quantities; then the side-by-side
/// table, one row per aligned top-level chapter. All document text is escaped (`HTML`). In English
/// for the command, in Chinese on the web app (`PageLanguage`).
public enum ComparisonHTML {
    static let style = """
        table.compare{table-layout:fixed;width:100%}table.compare td{font-size:.92em}ul.sections{padding-left:1.1rem;margin:0}
        .quote{margin:.3rem 0 .7rem}.target{margin:.2rem 0}.target mark{background:#cde8ff}
        """

    public static func render(_ c: Comparison, language: PageLanguage = .english) -> String {
        let words = PageWords.of(language)
        let title = words.comparison + c.entries.map(\.query).joined(separator: " · ")
        var body = "<h1>\(HTML.escape(title))</h1>\n"
        for note in c.documentNotes { body += "<p class=\"meta\">\(HTML.escape(words.noteLabel + words.note(note)))</p>\n" }
        if c.entries.count > 1 { body += counts(c, words) }
        for e in c.entries { body += entry(e, c, words) }
        return HTML.page(title: title, body: body, style: style)
    }

    static func header(_ c: Comparison, first: String? = nil) -> String {
        var s = "<thead><tr>" + (first.map { "<th>\(HTML.escape($0))</th>" } ?? "")
        s += c.documents.map { d in
            "<th>\(HTML.escape(d.title))<div class=\"meta\">\(HTML.escape(d.name))\(d.region.map { " · " + HTML.escape($0) } ?? "")</div></th>"
        }.joined()
        return s + "</tr></thead>\n"
    }

    static func counts(_ c: Comparison, _ words: PageWords) -> String {
        let maximum = Double(c.entries.flatMap { $0.columns.map(\.occurrences) }.max() ?? 0)
        var s = "<h2>\(words.occurrencesPerQuery)</h2>\n<table>\n" + header(c, first: words.query) + "<tbody>\n"
        for e in c.entries {
            s += "<tr><th scope=\"row\">\(HTML.escape(e.query))</th>"
            s += e.columns.map { col in
                "<td class=\"num\" style=\"\(HTML.heat(Double(col.occurrences), maximum: maximum))\">\(col.occurrences)"
                    + "<div class=\"meta\">\(words.passages(col.passages))</div></td>"
            }.joined()
            s += "</tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    static func entry(_ e: Comparison.Entry, _ c: Comparison, _ words: PageWords) -> String {
        var s = "<h2>\(HTML.escape(e.query))</h2>\n"
        for note in e.messages { s += "<p class=\"meta\">\(HTML.escape(words.note(note)))</p>\n" }
        s += "<p>\(words.occurrences(e.occurrences, inPassages: e.passages))</p>\n<table class=\"compare\">\n" + header(c) + "<tbody>\n"
        s += "<tr>" + e.columns.map { "<td>\(words.occurrences($0.occurrences, inPassages: $0.passages))</td>" }.joined() + "</tr>\n"
        s += "<tr>" + e.columns.map { "<td>\(sections($0.sections))</td>" }.joined() + "</tr>\n"
        s += "<tr>" + e.columns.map { "<td>" + $0.best.map { quote($0, words) }.joined() + "</td>" }.joined() + "</tr>\n"
        s += "<tr>" + e.columns.map { "<td>" + $0.targets.map(target).joined() + "</td>" }.joined() + "</tr>\n"
        s += "</tbody></table>\n"
        guard !e.rows.isEmpty else { return s }
        s += "<h3>\(words.sideBySide)</h3>\n<table class=\"compare\">\n" + header(c) + "<tbody>\n"
        for row in e.rows {
            s += "<tr>" + row.map { $0.map { cell($0, words) } ?? "<td></td>" }.joined() + "</tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    static func sections(_ list: [Comparison.Section]) -> String {
        guard !list.isEmpty else { return "" }
        return "<ul class=\"sections\">"
            + list.map { s in
                "<li>\(HTML.escape(s.path.isEmpty ? Comparison.noChapter : s.path.joined(separator: " › "))) <b>\(s.occurrences)</b></li>"
            }.joined() + "</ul>"
    }

    static func quote(_ q: QuotedPassage, _ words: PageWords) -> String {
        var meta = HTML.escape(q.id) + " · " + words.line(q.passage.record.firstLine)
        if let score = q.score { meta += String(format: " · %.3f", score) }
        return
            "<div class=\"quote\"><div class=\"meta\">\(meta)</div><div class=\"path\">\(HTML.escape(q.fullPath.joined(separator: " › ")))</div>"
            + "<div>\(HTML.marked(q.text, q.highlights))</div></div>"
    }

    static func target(_ t: Comparison.Target) -> String {
        "<div class=\"target\">\(HTML.marked(t.sentence, t.quantities)) <span class=\"meta\">\(HTML.escape(t.passageID))</span></div>"
    }

    static func cell(_ x: Comparison.ChapterCell, _ words: PageWords) -> String {
        let excerpt = Excerpt(x.best.text, highlights: x.best.highlights, limit: 120)
        return
            "<td><b>\(HTML.escape(x.chapter))</b><div class=\"meta\">\(words.occurrences(x.occurrences, inPassages: x.passages)) · "
            + "\(HTML.escape(x.best.id))</div><div>\(HTML.marked(excerpt.text, excerpt.highlights))</div>"
            + x.targets.map(target).joined() + "</td>"
    }
}
