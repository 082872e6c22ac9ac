import Analysis
import ArgumentParser
import Foundation
import Query
import Research

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare how documents treat a subject: counts, sections, best passages and stated quantities per document.",
        discussion: """
            Each argument is one query (the query language of search; quote a query of several words). Per document, \
            in catalog order: occurrences, matching passages, the sections that mention it, the best passages (BM25), \
            and the sentences that state a number with a unit next to it (1200亿元, 50%, 20个 …). Then side by side: \
            one row per top-level chapter that mentions it, chapters with similar titles on one row. Several queries \
            start with a query × document table of counts. Example: policy-search compare 跨境电商 海外仓 --docs region:四川
            """)

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("One or more queries, each one argument, e.g. 跨境电商 海外仓 '电商 -跨境'.", valueName: "query"))
    var arguments: [String] = []

    @OptionGroup var documents: DocumentsOption
    var docs: String? { documents.spec }

    @Option(
        name: .customLong("format"),
        help: "Output format: text, md, html or json (see README for the JSON contract) (default: from --out's extension, else text).")
    var formatOption: CompareFormat?

    /// The format asked for, or the one --out's extension names.
    var format: CompareFormat { get throws { try OutputFormat.choose(formatOption, default: .text, out: out) } }

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @Option(help: "Best passages quoted per document.")
    var best: Int = 3

    @OptionGroup var location: IndexOptions

    @OptionGroup var synonymOptions: SynonymOptions

    @OptionGroup var failEmpty: FailEmptyOption

    enum CompareFormat: String, ExpressibleByArgument, CaseIterable { case text, md, html, json }

    /// The queries: every argument but a first "--"; an unknown --option is an error, not a query.
    var queries: [String] {
        get throws {
            var words = arguments
            if let dashes = words.firstIndex(of: "--") {
                for w in words[..<dashes] { try SearchCommand.rejectOption(w) }
                words.remove(at: dashes)
            } else {
                for w in words { try SearchCommand.rejectOption(w) }
            }
            return words
        }
    }

    func validate() throws {
        guard !(try queries).isEmpty else { throw ValidationError("Missing expected argument '<query>'") }
        guard best >= 0 else { throw ValidationError("--best must be 0 or more") }
        _ = try format
    }

    func run() throws {
        let queries = try self.queries
        for q in queries {
            if q.hasPrefix("-") {
                throw CLIError("“\(q)” only excludes; each argument of compare is one query, so quote a query of several parts: '电商 -跨境'")
            }
            _ = try ResearchQuery.pointing(q) { try QueryParser.parse(q) }
        }
        let searcher = Searcher(reader: try location.open())
        searcher.synonyms = try synonymOptions.table(for: searcher.reader)
        let scope = try DocumentScope(searcher: searcher, spec: docs)
        DocumentsOption.printNotes(scope.notes)
        let comparison = try Comparison(queries: queries, searcher: searcher, scope: scope, bestPerDocument: best)
        let rendered: String
        switch try format {
        case .json: rendered = try JSON.encode(ComparisonJSON(comparison)) + "\n"
        case .md: rendered = ComparisonMarkdown.render(comparison)
        case .html: rendered = ComparisonHTML.render(comparison)
        case .text: rendered = CompareText(terminal: out == nil ? .standardOutput : Terminal(color: false, width: 80)).render(comparison)
        }
        try ResearchOutput.write(
            rendered, to: out, summary: "comparison of \(queries.count) quer\(queries.count == 1 ? "y" : "ies")",
            protecting: .init(reader: searcher.reader, files: synonymOptions.files))
        try failEmpty.check(found: comparison.entries.reduce(0) { $0 + $1.occurrences })
    }
}

/// A `Comparison` for a terminal: the documents numbered [1]…[n] once, the counts table, then per
/// query each document's counts, sections (the first few), best passages and stated quantities,
/// and the side-by-side rows; every line fitted to the terminal's width.
struct CompareText {
    let terminal: Terminal
    /// Sections listed per document in text (md, html and json list all).
    let sectionsShown = 6

    private var width: Int { terminal.width }

    func render(_ c: Comparison) -> String {
        var lines: [String] = [terminal.bold("Documents")]
        for (i, d) in c.documents.enumerated() {
            let meta = d.name + (d.region.map { " · " + $0 } ?? "")
            let head = "[\(i + 1)] " + Terminal.printable(d.title)
            if DisplayWidth.of(head) + 2 + DisplayWidth.of(meta) <= width {
                lines.append(head + terminal.dim("  " + meta))
            } else {
                // A title is never cut to make room: the file name goes on the next line.
                lines += Terminal.wrap(head, columns: width)
                lines.append(terminal.dim("    " + meta))
            }
        }
        lines += [""] + counts(c)
        for e in c.entries { lines += entry(e, c) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Query × document: occurrences (passages).
    func counts(_ c: Comparison) -> [String] {
        let cells = c.entries.map { e in e.columns.map { "\($0.occurrences) (\($0.passages))" } + ["\(e.occurrences) (\(e.passages))"] }
        let heads = c.documents.indices.map { "[\($0 + 1)]" } + ["total"]
        let widths = heads.indices.map { k in ([heads[k]] + cells.map { $0[k] }).map { DisplayWidth.of($0) }.max() ?? 0 }
        let queryWidth = min(
            24,
            (["occurrences (passages)"] + c.entries.map { Terminal.printable($0.query) }).map { DisplayWidth.of($0) }.max() ?? 0)
        func row(_ first: String, _ values: [String]) -> String {
            DisplayWidth.pad(Terminal.elideMiddle(first, columns: queryWidth), to: queryWidth)
                + zip(values, widths).map { "  " + DisplayWidth.pad($0, to: $1, alignRight: true) }.joined()
        }
        return [terminal.dim(row("occurrences (passages)", heads))]
            + c.entries.indices.map { row(Terminal.printable(c.entries[$0].query), cells[$0]) }
    }

    func entry(_ e: Comparison.Entry, _ c: Comparison) -> [String] {
        let query = Terminal.printable(e.query)
        var lines = ["", terminal.bold("══ \(query) ══ \(counted(e.occurrences, "occurrence")) in \(counted(e.passages, "passage"))")]
        lines += e.notes.flatMap { Terminal.wrap("note: " + Terminal.printable($0), columns: width).map(terminal.dim) }
        for (i, col) in e.columns.enumerated() {
            lines.append("")
            let head = "[\(i + 1)] \(counted(col.occurrences, "occurrence")) in \(counted(col.passages, "passage")) · "
            lines.append(terminal.bold(head) + fit(c.documents[i].title, reserve: DisplayWidth.of(head)))
            guard col.passages > 0 else { continue }
            lines.append("  Sections")
            for s in col.sections.prefix(sectionsShown) {
                let count = DisplayWidth.pad(String(s.occurrences), to: 4, alignRight: true) + "  "
                lines.append("  " + count + Terminal.path(s.path.isEmpty ? [Comparison.noChapter] : s.path, columns: width - 8))
            }
            if col.sections.count > sectionsShown {
                lines.append(terminal.dim("        … \(col.sections.count - sectionsShown) more sections"))
            }
            if !col.best.isEmpty { lines.append("  Best passages") }
            for (k, q) in col.best.enumerated() {
                lines.append(
                    "  \(k + 1). " + terminal.dim(q.id + "  line \(q.passage.record.firstLine)" + String(format: "  %.3f", q.score ?? 0)))
                if !q.fullPath.isEmpty { lines.append("     " + Terminal.path(q.fullPath, columns: width - 5)) }
                lines += terminal.snippet(q.text, highlights: q.highlights, columns: width - 5).map { "     " + $0 }
            }
            if !col.targets.isEmpty { lines.append("  Stated quantities") }
            for t in col.targets {
                lines.append("   " + terminal.dim(t.passageID + "  line \(t.line)"))
                lines += terminal.snippet(t.sentence, highlights: t.quantities, columns: width - 5, lines: 3).map { "     " + $0 }
            }
        }
        if !e.rows.isEmpty {
            let title = "Side by side: chapters that mention “\(query)” (similar chapters on one row)"
            lines += ["", terminal.bold(fit(title, reserve: 0))]
        }
        for (r, row) in e.rows.enumerated() {
            var first = true
            for (i, cell) in row.enumerated() {
                guard let cell else { continue }
                let label = (first ? DisplayWidth.pad(String(r + 1), to: 3, alignRight: true) : "   ") + " [\(i + 1)] "
                first = false
                let tail = "  \(cell.occurrences) in \(cell.passages)"
                lines.append(label + fit(cell.chapter, reserve: DisplayWidth.of(label + tail)) + terminal.dim(tail))
                lines += terminal.snippet(cell.best.text, highlights: cell.best.highlights, columns: width - 9, lines: 1).map {
                    "         " + $0
                }
                for t in cell.targets.prefix(2) {
                    lines += terminal.snippet(t.sentence, highlights: t.quantities, columns: width - 11, lines: 1).map {
                        "         ◆ " + $0
                    }
                }
            }
        }
        return lines
    }

    /// `s` cut to the width left after `reserve` columns.
    private func fit(_ s: String, reserve: Int) -> String {
        Terminal.elideMiddle(s, columns: max(10, width - reserve))
    }
}
