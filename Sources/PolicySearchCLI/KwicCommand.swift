import Analysis
import ArgumentParser
import Foundation
import Query
import Research

struct KwicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kwic",
        abstract: "Keyword in context: every occurrence of a query on one line, the matches aligned.",
        discussion: """
            One line per occurrence (the counting definition of README, "Counting"): passage id and source line, \
            the left context, the match, the right context, within the passage, aligned in display columns (CJK \
            characters take two). --sort left orders by the text just before the match, read backwards, as \
            concordancers do. Example: policy-search kwic 海外仓 --sort left
            """)

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The query (the query language of search), e.g. 海外仓 or 跨境电商 OR 跨境电子商务.", valueName: "query"))
    var query: [String] = []

    @Option(help: "Display columns of context on each side (default: what fits the terminal for text, 30 otherwise).")
    var width: Int?

    @Option(help: "Order: doc (catalog order, then position), left (left context read backwards) or right.")
    var sort: KwicSort = .doc

    @Option(
        name: .customLong("format"),
        help: "Output format: text, csv or json (see README for the JSON contract) (default: from --out's extension, else text).")
    var formatOption: KwicFormat?

    /// The format asked for, or the one --out's extension names.
    var format: KwicFormat { get throws { try OutputFormat.choose(formatOption, default: .text, out: out) } }

    @OptionGroup var documents: DocumentsOption
    var docs: String? { documents.spec }

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var location: IndexOptions

    @OptionGroup var synonymOptions: SynonymOptions

    @OptionGroup var failEmpty: FailEmptyOption

    enum KwicFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json }
    enum KwicSort: String, ExpressibleByArgument, CaseIterable { case doc, left, right }

    func validate() throws {
        if let width, width < 1 || width > 1000 { throw ValidationError("--width must be between 1 and 1000 columns") }
        _ = try ResearchQuery.text(query)
        _ = try format
    }

    func run() throws {
        let text = try ResearchQuery.text(query)
        let searcher = Searcher(reader: try location.open())
        searcher.synonyms = try synonymOptions.table(for: searcher.reader)
        let scope = try DocumentScope(searcher: searcher, spec: docs)
        DocumentsOption.printNotes(scope.notes)
        let terminal = out == nil ? Terminal.standardOutput : Terminal(color: false, width: 80)
        let concordance = try ResearchQuery.pointing(text) {
            try Concordance(
                query: text, searcher: searcher, scope: scope, width: width ?? (try format == .text ? 200 : 30),
                order: Concordance.Order(rawValue: sort.rawValue) ?? .doc)
        }
        let rendered: String
        switch try format {
        case .csv: rendered = ConcordanceCSV.render(concordance)
        case .json: rendered = try JSON.encode(ConcordanceJSON(concordance)) + "\n"
        case .text: rendered = KwicText(terminal: terminal, width: width).render(concordance)
        }
        // Text output prints the notes above the lines; an export's notes go to standard error, as
        // report's do, so that a synonym added or a part that counts 0 is never hidden.
        if try format != .text {
            for note in concordance.notes { FileHandle.standardError.write("note: \(Terminal.printable(note))\n") }
        }
        try ResearchOutput.write(
            rendered, to: out, summary: counted(concordance.lines.count, "occurrence"),
            protecting: .init(reader: searcher.reader, files: synonymOptions.files))
        try failEmpty.check(found: concordance.lines.count)
    }
}

/// A concordance for a terminal: `FILE#N:LINE  left [match] right`, the references padded to one
/// width and the left contexts right-aligned, so every match starts in the same display column.
struct KwicText {
    let terminal: Terminal
    /// Context columns per side; nil fits the lines to the terminal's width.
    let width: Int?

    func render(_ c: Concordance) -> String {
        var out = c.notes.flatMap { Terminal.wrap("note: " + Terminal.printable($0), columns: terminal.width) }.map {
            terminal.dim($0) + "\n"
        }
        .joined()
        let documents = Set(c.lines.map(\.documentName)).count
        out +=
            terminal.dim(
                "\(c.lines.count) occurrence\(c.lines.count == 1 ? "" : "s") of “\(Terminal.printable(c.query))” in \(c.passages) passage\(c.passages == 1 ? "" : "s") of \(documents) document\(documents == 1 ? "" : "s")"
            ) + "\n"
        guard !c.lines.isEmpty else { return out }
        out += "\n"
        let refs = c.lines.map { "\($0.passageID):\($0.line)" + ($0.page.map { " p.\($0)" } ?? "") }
        let refWidth = refs.map { DisplayWidth.of($0) }.max() ?? 0
        let matches = c.lines.map { Self.flat($0.match) }
        let matchWidth = matches.map { DisplayWidth.of($0) }.max() ?? 0
        let markWidth = terminal.color ? 0 : 2
        let side = width ?? max(8, (terminal.width - refWidth - 2 - matchWidth - markWidth - 2) / 2)
        for (i, line) in c.lines.enumerated() {
            let left = DisplayWidth.suffix(Self.flat(line.left), columns: side)
            let right = DisplayWidth.prefix(Self.flat(line.right), columns: side)
            out +=
                DisplayWidth.pad(refs[i], to: refWidth) + "  " + DisplayWidth.pad(left, to: side, alignRight: true) + " "
            out +=
                terminal.mark(matches[i]) + String(repeating: " ", count: matchWidth - DisplayWidth.of(matches[i])) + " " + right
            out += "\n"
        }
        return out
    }

    /// Line breaks, tabs and other control characters as spaces (one occurrence, one line), then
    /// what else a terminal must not receive (`PlainText`).
    static func flat(_ s: String) -> String {
        PlainText.printable(
            String(
                String.UnicodeScalarView(
                    s.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 })))
    }
}

/// The query of `kwic` and `compare`, as `search` reads it, and its errors pointing at the column.
enum ResearchQuery {
    /// Words joined by spaces, without a first "--"; an unknown --option is an error, not a part.
    static func text(_ words: [String]) throws -> String {
        var words = words
        if let dashes = words.firstIndex(of: "--") {
            for w in words[..<dashes] { try SearchCommand.rejectOption(w) }
            words.remove(at: dashes)
        } else {
            for w in words { try SearchCommand.rejectOption(w) }
        }
        guard !words.isEmpty else { throw ValidationError("Missing expected argument '<query>'") }
        return words.joined(separator: " ")
    }

    /// Runs `body`; a malformed `query` becomes a usage error with a caret under the column.
    static func pointing<T>(_ query: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as QueryError where e.column != nil {
            throw CLIError(SearchCommand.pointing(at: e, in: query))
        }
    }
}
