/// `compare --format md`: the counts table (several queries), then per query each document's
/// counts, sections, best passages and stated quantities, and the side-by-side table of chapters.
public enum ComparisonMarkdown {
    public static func render(_ c: Comparison) -> String {
        var out = "# Comparison: " + c.entries.map { Markdown.escape($0.query) }.joined(separator: " · ") + "\n\n"
        for note in c.documentNotes { out += "> note: \(Markdown.escape(note.english))\n\n" }
        let names = c.documents.map { Markdown.escape($0.title) }
        if c.entries.count > 1 {
            out += "Occurrences (matching passages) per query and document:\n\n"
            out +=
                Markdown.table(
                    header: ["Query"] + names + ["Total"],
                    rows: c.entries.map { e in
                        [Markdown.escape(e.query)] + e.columns.map { "\($0.occurrences) (\($0.passages))" } + [
                            "\(e.occurrences) (\(e.passages))"
                        ]
                    }, numeric: Set(1...(names.count + 1))) + "\n"
        }
        for e in c.entries { out += entry(e, c) }
        return out
    }

    static func entry(_ e: Comparison.Entry, _ c: Comparison) -> String {
        var out = "## \(Markdown.escape(e.query))\n\n"
        for note in e.notes { out += "> \(Markdown.escape(note))\n\n" }
        out += "\(counted(e.occurrences, "occurrence")) in \(counted(e.passages, "passage")).\n\n"
        for (i, col) in e.columns.enumerated() {
            let d = c.documents[i]
            out += "### \(Markdown.escape(d.title))\n\n`\(d.name)`" + (d.region.map { " · " + Markdown.escape($0) } ?? "")
            out += " — \(counted(col.occurrences, "occurrence")) in \(counted(col.passages, "passage"))\n\n"
            guard col.passages > 0 else { continue }
            out += "Sections:\n\n"
            for s in col.sections {
                out += "- \(Markdown.escape(s.path.isEmpty ? Comparison.noChapter : s.path.joined(separator: " › "))) — \(s.occurrences)"
                out += s.passages > 1 ? " in \(s.passages) passages\n" : "\n"
            }
            out += "\nBest passages:\n\n"
            for (k, q) in col.best.enumerated() {
                out += "\(k + 1). `\(q.id)` line \(q.passage.record.firstLine)"
                if !q.fullPath.isEmpty { out += " — " + Markdown.escape(q.fullPath.joined(separator: " › ")) }
                out += "\n\n   > " + Markdown.marked(q.text, q.highlights) + "\n\n"
            }
            if !col.targets.isEmpty {
                out += "Stated quantities:\n\n"
                for t in col.targets { out += "- `\(t.passageID)` " + Markdown.marked(t.sentence, t.quantities) + "\n" }
                out += "\n"
            }
        }
        if !e.rows.isEmpty {
            out += "### Side by side: chapters that mention it\n\n"
            out += Markdown.table(
                header: c.documents.map { Markdown.escape($0.title) },
                rows: e.rows.map { row in row.map { $0.map(cell) ?? "" } })
            out += "\n"
        }
        return out
    }

    static func cell(_ x: Comparison.ChapterCell) -> String {
        let excerpt = Excerpt(x.best.text, highlights: x.best.highlights, limit: 80)
        var s = "**\(Markdown.escape(x.chapter))** — \(counted(x.occurrences, "occurrence")) in \(counted(x.passages, "passage"))<br>"
        s += Markdown.marked(excerpt.text, excerpt.highlights) + " `\(x.best.id)`"
        for t in x.targets { s += "<br>◆ " + Markdown.marked(t.sentence, t.quantities) }
        return s
    }
}
