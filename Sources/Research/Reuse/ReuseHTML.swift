/// A `ReuseReport` as a self-contained HTML page (`HTML.page`): per pair the two passages side by
/// side with their shared spans marked, and the diff with <del> and <ins>. All text is escaped.
public enum ReuseHTML {
    public static func render(_ report: ReuseReport) -> String {
        var body = "<h1>\(HTML.escape(report.title))</h1>\n"
        for note in report.notes { body += "<p class=\"meta\">\(HTML.escape(note))</p>\n" }
        for group in report.groups {
            body += "<h2>\(HTML.escape(group.heading))</h2>\n"
            if !group.summary.isEmpty { body += "<ul>" + group.summary.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n" }
            for (i, p) in group.pairs.enumerated() { body += pair(p, number: i + 1) }
        }
        return HTML.page(title: report.title, body: body)
    }

    static func pair(_ p: ReusePair, number: Int) -> String {
        var s = "<h3>\(number). \(HTML.escape(p.figuresLine))</h3>\n"
        s += "<table><tr><th>A</th><th>B</th></tr><tr>"
        s += cell(p.a, marks: p.alignment.spans.map(\.a)) + cell(p.b, marks: p.alignment.spans.map(\.b)) + "</tr></table>\n"
        let diff = p.alignment.pieces(p.a.text, p.b.text).map { piece -> String in
            switch piece {
            case .same(let t): HTML.escape(t)
            case .removed(let t): "<del>" + HTML.escape(t) + "</del>"
            case .added(let t): "<ins>" + HTML.escape(t) + "</ins>"
            }
        }
        return s + "<p>" + diff.joined() + "</p>\n"
    }

    static func cell(_ side: ReusePassage, marks: [Range<Int>]) -> String {
        let path = side.path + (side.box.map { [$0] } ?? [])
        var head = HTML.escape(ReuseReport.name(side))
        if let t = side.title { head += " " + HTML.escape(t) }
        return "<td><div class=\"meta\">\(head)</div><div class=\"path\">\(HTML.escape(path.joined(separator: " › ")))</div>"
            + "<div>\(HTML.marked(side.text, marks))</div></td>"
    }
}
