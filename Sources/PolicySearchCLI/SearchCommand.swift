import ArgumentParser
import Foundation
import Query

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the passages that contain the query, best first (BM25).",
        discussion: """
            Parts separated by spaces must all occur; A OR B (or A | B) takes either; -part excludes; \
            "…" quotes an exact phrase; doc:NAME keeps documents whose file name or title contains NAME. \
            Each part matches as an exact substring after NFKC and case folding: 电商 finds 跨境电商.
            """)

    @Argument(help: "The query, e.g. 跨境电商 or \"海外仓\" doc:重庆 -成都.")
    var query: [String]

    @OptionGroup var location: IndexOptions

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
    var k1: Double = 1.2

    @Option(help: "BM25 length normalization b (0…1).")
    var b: Double = 0.75

    @Flag(name: .customLong("fail-empty"), help: "Exit with status 1 when nothing matches.")
    var failEmpty = false

    func validate() throws {
        guard limit >= 0 else { throw ValidationError("--limit must be 0 or more") }
        guard k1 >= 0, k1.isFinite else { throw ValidationError("--k1 must be a non-negative number") }
        guard (0...1).contains(b) else { throw ValidationError("--b must be between 0 and 1") }
    }

    func run() throws {
        let reader = try location.open()
        let searcher = Searcher(reader: reader)
        let options = SearchOptions(limit: all ? nil : limit, bm25: BM25(k1: k1, b: b), rankDocuments: documents)
        let results = try searcher.search(query.joined(separator: " "), options: options)
        if json {
            try JSON.print(SearchJSON(results, explain: explain))
        } else {
            printHuman(results)
        }
        if failEmpty && results.total == 0 { throw ExitCode(1) }
    }

    private func printHuman(_ r: SearchResults) {
        let t = Terminal.standardOutput
        for note in r.notes { print(t.dim("note: \(note)")) }
        // Control characters from the shell are shown as �, not sent to the terminal.
        let shown = String(
            String.UnicodeScalarView(r.query.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : $0 }))
        print(
            t.dim(
                "\(r.total) passage\(r.total == 1 ? "" : "s") match “\(shown)”"
                    + (r.hits.count < r.total ? ", showing \(r.hits.count)" : "")))
        if !r.documents.isEmpty {
            print(t.bold("Documents by best passage:"))
            for (i, d) in r.documents.enumerated() {
                print(String(format: "  %d. %.3f  %@ (%d passages)", i + 1, d.bestScore, d.document.title, d.passages))
            }
        }
        for h in r.hits {
            print("")
            let where_ = "\(h.document.name):\(h.passage.record.firstLine)"
            print(t.bold(String(format: "%d. %.3f  ", h.rank, h.score) + h.document.title) + "  " + t.dim(where_ + "  " + h.passageID))
            var path = h.passage.path
            if let box = h.passage.box { path.append(box) }
            if !path.isEmpty { print("   " + path.joined(separator: " › ")) }
            print("   " + t.snippet(h.passage.text, highlights: h.highlights))
            if explain { printExplanation(h.explanation) }
        }
    }

    private func printExplanation(_ e: Explanation) {
        print(String(format: "   explain: N=%d avgdl=%.3f dl=%d k1=%.2f b=%.2f", e.N, e.avgdl, e.dl, e.k1, e.b))
        for term in e.terms {
            print(String(format: "     “%@”: tf=%d df=%d idf=%.4f → %.4f", term.part, term.tf, term.df, term.idf, term.score))
        }
        for boost in e.boosts { print(String(format: "     boost ×%.2f: %@", boost.factor, boost.reason)) }
        print(String(format: "     bm25=%.4f score=%.4f", e.bm25, e.score))
    }
}
