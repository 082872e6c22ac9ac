import ArgumentParser
import Foundation
import Index
import Query
import Research

struct ReuseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reuse",
        abstract: "Find clauses shared between documents: every pair of passages at or above a similarity.",
        discussion: """
            Similarity is the Jaccard index of the passages' 5-character shingles (letters and digits, \
            normalized); containment is the share of the smaller passage found in the other. Pairs are grouped \
            by document pair, A the earlier document (by date: catalog, else its text); the shared text is aligned and differences \
            shown as [-only in A-]{+only in B+}. Headings and passages under --min-length letters are left out.
            """)

    @OptionGroup var comparison: ComparisonOptions

    @Option(
        help:
            "Smallest similarity reported, in (0, 1]: Jaccard, not containment as `similar` also accepts (a clause copied with a few words changed scores about 0.4)."
    )
    var min: Double = 0.5

    @Option(
        name: .customLong("format"),
        help: "Output format: text, md, html or json (see README for the JSON contract) (default: from --out's extension, else text).")
    var formatOption: ReportFormat?

    /// The format asked for, or the one --out's extension names.
    var format: ReportFormat { get throws { try OutputFormat.choose(formatOption, default: .text, out: out) } }

    @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @Flag(help: "Print shared text whole (text format shortens long shared runs).")
    var full = false

    @OptionGroup var location: IndexOptions

    func validate() throws {
        try ComparisonOptions.validate(threshold: min)
        _ = try format
    }

    func run() throws {
        let reader = try location.open()
        let finder = try comparison.finder(reader)
        let groups = try finder.reuse(threshold: min)
        let report = ReuseReport(documentPairs: groups, threshold: min, compared: finder.comparedPassages)
        try format.emit(
            report, json: { try ReuseJSON.encode(ReuseJSON(groups, threshold: min)) }, to: out, shorten: !full,
            protecting: .init(reader: reader))
    }
}

/// Options shared by `reuse`, `similar` and `check-draft`: which passages take part.
struct ComparisonOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Only these documents: filters (region:四川 -doc:草案) or comma-separated names.", valueName: "SPEC"))
    var docs: String?

    @Option(name: .customLong("min-length"), help: "Leave out passages with fewer letters and digits than this.")
    var minLength: Int = PassageFilter.defaultMinLength

    @Flag(name: .customLong("include-headings"), help: "Compare stand-alone heading lines and table header rows too.")
    var includeHeadings = false

    static func validate(threshold: Double) throws {
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--min must be a number in (0, 1], e.g. 0.5") }
    }

    func validate() throws {
        guard minLength >= 0 else { throw ValidationError("--min-length must be 0 or more") }
    }

    func finder(_ reader: IndexReader) throws -> ClauseReuse {
        let filter = PassageFilter(
            minLength: minLength, includeHeadings: includeHeadings, documents: try docs.map { try Self.documents(matching: $0, in: reader) }
        )
        return try ClauseReuse(reader: reader, filter: filter)
    }

    /// `--docs SPEC`: the query layer's document selection (filters or comma-separated names).
    static func documents(matching spec: String, in reader: IndexReader) throws -> Set<Int> {
        let searcher = Searcher(reader: reader)
        let selected = try searcher.documents(matching: spec)
        DocumentsOption.printNotes(try searcher.selectionNotes(spec))
        return selected
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, json

    /// Renders `report` (or the JSON from `json`) to standard output or to `path`. Text on a terminal
    /// is coloured and fitted to its width; elsewhere it is plain and 80 columns wide.
    func emit(
        _ report: ReuseReport, json: () throws -> String, to path: String?, shorten: Bool = false, protecting inputs: ResearchOutput.Inputs
    ) throws {
        let rendered: String
        switch self {
        case .json: rendered = try json() + "\n"
        case .md: rendered = ReuseMarkdown.render(report)
        case .html: rendered = ReuseHTML.render(report)
        case .text:
            let t = path == nil ? Terminal.standardOutput : Terminal(color: false, width: 80)
            let style = TextStyle(
                bold: { t.bold($0) }, dim: { t.dim($0) }, removed: { t.removed($0) }, added: { t.added($0) }, markerWidth: t.color ? 0 : 4)
            rendered = ReuseText(width: t.width, style: style, shortenSharedBeyond: shorten ? 60 : nil).render(report)
        }
        try ResearchOutput.write(rendered, to: path, summary: counted(report.pairCount, "pair"), protecting: inputs)
    }
}
