import Analysis
import ArgumentParser
import Foundation
import Query
import Research

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the passages that contain the query, best first (BM25).",
        discussion: """
            Parts side by side must all occur; A OR B (A | B) takes either and binds tighter; -part or NOT part \
            excludes; ( … ) groups; "…" is an exact phrase; NEAR/N(A, B) wants A and B within N characters; \
            doc: region: issuer: year: date: filter documents (year:2021..2023). Each part matches as an exact \
            substring of the cleaned, normalized text: 电商 finds 跨境电商. Grammar: README, "Query language".
            Examples: policy-search 电商 -跨境 · policy-search '"海外仓"' doc:重庆 -成都 · \
            policy-search 'NEAR/20(跨境电商, 海外仓)' region:四川
            """)

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The query, e.g. 跨境电商, or \"海外仓\" doc:重庆 -成都.", valueName: "query"))
    var query: [String] = []

    @OptionGroup var location: IndexOptions

    @OptionGroup var synonymOptions: SynonymOptions

    @Option(help: "Number of passages to show.")
    var limit: Int = 10

    @Flag(help: "Show every matching passage.")
    var all = false

    @Flag(help: "Print JSON (see README for the contract).")
    var json = false

    @Flag(help: "Show how each score was computed.")
    var explain = false

    @Flag(help: "Also list documents ranked by their best passage.")
    var documents = false

    @Option(help: "BM25 term-frequency saturation k1.")
    var k1: Double = BM25.standard.k1

    @Option(help: "BM25 length normalization b (0…1).")
    var b: Double = BM25.standard.b

    @Flag(help: "Rank by plain BM25, without the boosts for headings, item titles, section and lead-sentence mentions.")
    var plain = false

    @OptionGroup var failEmpty: FailEmptyOption

    /// The query as typed: the words joined by spaces, without the first "--" (which only ends
    /// option parsing). An unknown --option is an error, not a query part.
    func queryText() throws -> String {
        var words = query
        if let dashes = words.firstIndex(of: "--") {
            for w in words[..<dashes] { try Self.rejectOption(w) }
            words.remove(at: dashes)
        } else {
            for w in words { try Self.rejectOption(w) }
        }
        guard !words.isEmpty else { throw ValidationError("Missing expected argument '<query>'") }
        return words.joined(separator: " ")
    }

    static func rejectOption(_ w: String) throws {
        if w.hasPrefix("--"), let c = w.dropFirst(2).first, c.isASCII, c.isLetter {
            throw ValidationError("Unknown option '\(w)' (to search for it, quote it after --: policy-search -- '\"\(w)\"')")
        }
    }

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        do { _ = try BM25(k1: k1, b: b) } catch { throw ValidationError("--\(error)") }
        _ = try queryText()
    }

    func run() throws {
        let text = try queryText()
        let reader = try location.open()
        let searcher = Searcher(reader: reader)
        searcher.synonyms = try synonymOptions.table(for: reader)
        let options = SearchOptions(
            limit: all ? nil : limit, bm25: try BM25(k1: k1, b: b), rankDocuments: documents, boosts: plain ? nil : .standard,
            explain: explain)
        let results: SearchResults
        do { results = try searcher.search(text, options: options) } catch let e as QueryError {
            throw CLIError(Self.pointing(at: e, in: text))
        }
        if json {
            try JSON.print(SearchJSON(results, explain: explain, documents: documents))
        } else {
            SearchPrinter(terminal: .standardOutput, explain: explain).print(results)
        }
        try failEmpty.check(found: results.total)
    }

    /// The error message, then the query with a caret under the column it names (counted in the
    /// query as echoed: a control character shows as one U+FFFD).
    static func pointing(at e: QueryError, in query: String) -> String {
        guard let column = e.column else { return e.message }
        let before = Terminal.printable(String(String.UnicodeScalarView(query.unicodeScalars.prefix(column - 1))))
        return "\(e.message)\n  \(Terminal.printable(query))\n  \(String(repeating: " ", count: DisplayWidth.of(before)))^"
    }
}
