import ArgumentParser
import Foundation
import Ingestion
import Research

struct CheckDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-draft",
        abstract: "Check a draft against the index: which of its passages already stand in indexed documents, and where.",
        discussion: """
            The draft (any format `index` reads) is split into passages like an indexed document; each \
            passage is reported with the indexed passages that hold at least --min of its text, or, when \
            none does alone, with those that together do (a paragraph stitched from copied clauses), \
            shown as [-only in the draft-]{+only in the indexed passage+}.
            """)

    @Argument(help: "The draft file.")
    var file: String

    @Option(help: "Smallest share of a draft passage's text found in an indexed passage, in (0, 1].")
    var min: Double = 0.5

    @Option(name: .customLong("format"), help: "Output format: text, md, html or json (default: from --out's extension, else text).")
    var formatOption: ReportFormat?

    /// The format asked for, or the one --out's extension names.
    var format: ReportFormat { get throws { try OutputFormat.choose(formatOption, default: .text, out: out) } }

    @Option(help: ArgumentHelp("Write the report to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @OptionGroup var comparison: ComparisonOptions

    @OptionGroup var location: IndexOptions

    func validate() throws {
        try ComparisonOptions.validate(threshold: min)
        _ = try format
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let draft: Document
        do {
            draft = try Ingestor.ingest(fileAt: url, catalog: (try? Catalog.load(directory: url.deletingLastPathComponent())) ?? Catalog())
        } catch let e as IngestionError {
            throw ValidationError(e.description)
        }
        let reader = try location.open()
        // A draft that is itself indexed would be found in itself, passage by passage.
        let target = ResearchOutput.Inputs.resolved(file)
        let own = (0..<reader.documentCount).first { d in
            (try? reader.documentSource(d).path).map(ResearchOutput.Inputs.resolved) == target
        }
        if let own {
            FileHandle.standardError.write("note: \(file) is itself indexed (\(try reader.documentSummary(own).name)); it is left out\n")
        }
        let passages = try comparison.finder(reader).check(draft: draft, threshold: min, indexedAs: own)
        let report = ReuseReport(draft: draft.name, passages: passages, threshold: min)
        try format.emit(
            report,
            json: {
                struct Out: Encodable {
                    var draft: String
                    var threshold: Double
                    var passages: Int
                    var matched: Int
                    var pairs: [PairJSON]
                }
                return try ReuseJSON.encode(
                    Out(
                        draft: draft.name, threshold: min, passages: passages.count, matched: passages.filter { !$0.matches.isEmpty }.count,
                        pairs: passages.flatMap { d in d.matches.map { PairJSON($0, together: d.together) } }))
            }, to: out, protecting: .init(reader: reader, files: [file]))
    }
}
