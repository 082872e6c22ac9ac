import Analysis
import Foundation
import Query

/// Search results for a terminal of 80–100 columns: per hit, the rank, title and score on one
/// line, then the passage id (the file name, once), source line and page, the heading path with
/// its middle elided when long, and two lines of text around the first highlight.
struct SearchPrinter {
    let terminal: Terminal
    let explain: Bool

    private let indent = "   "

    func print(_ r: SearchResults) {
        let t = terminal
        for note in r.notes {
            for line in Terminal.wrap("note: " + Terminal.printable(note), columns: t.width) { Swift.print(t.dim(line)) }
        }
        let shown = Terminal.printable(r.query)
        let count = "\(r.total) passage\(r.total == 1 ? " matches" : "s match") “\(shown)”"
        for line in Terminal.wrap(count + (r.hits.count < r.total ? ", showing \(r.hits.count)" : ""), columns: t.width) {
            Swift.print(t.dim(line))
        }
        if !r.suggestions.isEmpty {
            let list = r.suggestions.map { "\($0.query) (\($0.passages) passage\($0.passages == 1 ? "" : "s"))" }
            for line in Terminal.wrap("did you mean: " + list.joined(separator: ", ") + "?", columns: t.width) { Swift.print(line) }
        }
        if !r.documents.isEmpty { printDocuments(r.documents) }
        for h in r.hits { printHit(h) }
    }

    private func printDocuments(_ documents: [DocumentHit]) {
        let t = terminal
        Swift.print(t.bold("Documents by best passage:"))
        for (i, d) in documents.enumerated() {
            let tail = String(format: "  %.3f  %d passage%@", d.bestScore, d.passages, d.passages == 1 ? "" : "s")
            let head = String(format: "%3d. ", i + 1)
            let title = Terminal.elideMiddle(d.document.title, columns: t.width - DisplayWidth.of(head + tail))
            Swift.print(head + title + tail)
        }
    }

    private func printHit(_ h: Hit) {
        let t = terminal
        let width = t.width
        Swift.print("")
        let score = String(format: "%.3f", h.score)
        let head = "\(h.rank). "
        let titleRoom = width - DisplayWidth.of(head) - DisplayWidth.of(score) - 2
        let title = Terminal.elideMiddle(h.document.title, columns: titleRoom)
        let gap = String(repeating: " ", count: max(2, width - DisplayWidth.of(head + title) - DisplayWidth.of(score)))
        Swift.print(t.bold(head + title) + gap + t.dim(score))
        var location = h.passageID + "  line \(h.passage.record.firstLine)"
        if let pages = h.passage.record.pageLabel { location += "  " + pages }
        Swift.print(indent + t.dim(Terminal.elideMiddle(location, columns: width - indent.count)))
        var path = h.passage.path
        if let box = h.passage.box { path.append(box) }
        if !path.isEmpty { Swift.print(indent + Terminal.path(path, columns: width - indent.count)) }
        for line in t.snippet(h.passage.text, highlights: h.highlights, columns: width - indent.count) {
            Swift.print(indent + line)
        }
        if explain, let e = h.explanation { printExplanation(e) }
    }

    private func printExplanation(_ e: Explanation) {
        Swift.print(indent + String(format: "explain: N=%d avgdl=%.3f dl=%d k1=%.2f b=%.2f", e.N, e.avgdl, e.dl, e.k1, e.b))
        for term in e.terms {
            Swift.print(
                indent + String(format: "  “%@”: tf=%d df=%d idf=%.4f → %.4f", term.part, term.tf, term.df, term.idf, term.score))
        }
        for boost in e.boosts { Swift.print(indent + String(format: "  boost ×%.2f: %@", boost.factor, boost.reason)) }
        Swift.print(indent + String(format: "  bm25=%.4f score=%.4f", e.bm25, e.score))
    }
}
