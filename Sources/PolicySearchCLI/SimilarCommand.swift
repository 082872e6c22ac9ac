import ArgumentParser
import Foundation
import Query
import Research

struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "Show the passages of other documents most similar to a passage (FILE#N) or to --text.",
        discussion: """
            Lists passages whose similarity, or share of the given text they hold, is at least --min, \
            most similar first, with the differences as [-only in the given passage-]{+only in the other+}.
            """)

    @Argument(help: "Passage id as printed by search, e.g. chengdu-ecommerce-14th-fyp.txt#116.")
    var passage: String?

    @Option(help: "Compare this text instead of a passage of the index.")
    var text: String?

    @Option(help: "Smallest similarity or containment reported, in (0, 1].")
    var min: Double = 0.3

    @Option(help: "Number of passages to show.")
    var limit: Int = 10

    @Flag(help: "Print JSON: {query, pairs: [...]} with pairs as in `reuse --format json`.")
    var json = false

    @OptionGroup var comparison: ComparisonOptions

    @OptionGroup var location: IndexOptions

    func validate() throws {
        guard (passage == nil) != (text == nil) else {
            throw ValidationError("give either a passage id (FILE#N) or --text: one of them, not both and not neither")
        }
        try ComparisonOptions.validate(threshold: min)
        guard limit >= 1 else { throw ValidationError("--limit must be 1 or more") }
    }

    /// What a short text cannot find, on standard error: passages are compared as runs of five
    /// letters and digits, and passages under --min-length take no part (a passage as short as the
    /// text, its verbatim source perhaps, is left out even when longer ones are found).
    static func explainShort(_ text: String, minLength: Int) {
        let letters = text.filter { $0.isLetter || $0.isNumber }.count
        guard letters < minLength else { return }
        let why =
            letters < Shingler.defaultSize
            ? "too short to compare: passages are compared as runs of \(Shingler.defaultSize) letters and digits"
            : "passages under --min-length \(minLength) take no part, so only longer passages that contain it can be found"
                + " (--min-length \(Shingler.defaultSize) compares them too)"
        FileHandle.standardError.write("note: the text has \(letters) letters and digits; \(why)\n")
    }

    func run() throws {
        let reader = try location.open()
        let finder = try comparison.finder(reader)
        let pairs: [ReusePair]
        let query: ReusePassage
        do {
            if let passage {
                guard let id = try PassageReference.resolve(passage, in: reader) else {
                    throw ValidationError("no passage \(passage); ids look like FILE#N, as printed by search")
                }
                pairs = try finder.similar(toPassage: id, threshold: min, limit: limit)
                let text = try reader.passage(id).text
                query = pairs.first?.a ?? ReusePassage(id: id, passage: passage, text: text)
            } else {
                pairs = try finder.similar(toText: text ?? "", threshold: min, limit: limit)
                query = ReusePassage(text: text ?? "")
            }
        } catch let e as ReuseError {
            throw ValidationError(e.description)
        }
        Self.explainShort(query.text, minLength: comparison.minLength)
        let report = ReuseReport(similarTo: query, pairs: pairs, threshold: min)
        try (json ? ReportFormat.json : .text).emit(
            report,
            json: { try ReuseJSON.encode(SimilarJSON(query: query, threshold: min, pairs: pairs)) }, to: nil,
            protecting: .init())
    }
}
