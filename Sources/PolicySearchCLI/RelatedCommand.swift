import Analysis
import ArgumentParser
import Foundation
import Query
import Research

struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "List the words that co-occur with a query in the same passages, strongest first (log-likelihood).",
        discussion: "Counts are passages: together = passages matching the query that contain the word; passages = passages with the word.")

    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("The query (the search query language).", valueName: "query"))
    var query: [String] = []

    @OptionGroup var location: IndexOptions

    @OptionGroup var synonymOptions: SynonymOptions

    @Option(help: "Words to list.")
    var limit: Int = 20

    @Flag(help: "Print JSON: {query, matched, total, terms: [{word, together, passages, logLikelihood, pmi}]}.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1") }
        guard !query.filter({ $0 != "--" }).isEmpty else { throw ValidationError("Missing expected argument '<query>'") }
    }

    func run() throws {
        let text = query.filter { $0 != "--" }.joined(separator: " ")
        let reader = try location.open()
        let searcher = Searcher(reader: reader)
        searcher.synonyms = try synonymOptions.table(for: reader)
        let related: RelatedTerms
        do { related = try RelatedTerms.compute(text, searcher: searcher, analyzer: try Analyzer(), limit: limit) } catch let e
            as QueryError
        {
            throw CLIError(SearchCommand.pointing(at: e, in: text))
        }
        if json {
            try JSON.print(related)
            return
        }
        let t = Terminal.standardOutput
        guard related.matched > 0 else {
            print("no passage matches “\(Terminal.printable(text))”, so no word is found with it")
            return
        }
        print(t.dim("\(related.matched) of \(related.total) passages match “\(Terminal.printable(text))”; words found with it:"))
        let width = related.terms.map { DisplayWidth.of($0.word) }.max() ?? 4
        print(t.dim(DisplayWidth.pad("word", to: width) + "  together  passages      G²    PMI"))
        for term in related.terms {
            print(
                DisplayWidth.pad(term.word, to: width)
                    + String(format: "  %8d  %8d  %6.1f  %5.2f", term.together, term.passages, term.logLikelihood, term.pmi))
        }
    }
}
