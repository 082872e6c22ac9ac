import Foundation
import Hummingbird
import Index
import Query
import Research

/// A passage with its neighbours and full provenance: `show FILE#N --json`'s value, rendered.
enum ShowPage {
    struct View {
        var formQuery: String
        var passageID: String
        var title: String
        var documentURL: String
        var apiURL: String
        var similarURL: String
        var items: [Item]
        var hasWider: Bool
        var widerURL: String
    }

    struct Item {
        var current: Bool
        var crumbs: [Crumb]
        var hasBox: Bool
        var box: String
        /// Escaped by `HTML.marked`.
        var textHTML: String
        var url: String
        var passage: String
        var line: Int
        var hasPage: Bool
        var pageNumber: String
    }

    static func render(
        reference: String, context n: Int, query: String?, exact: Bool, _ generation: IndexGeneration, context: RouteContext
    ) throws
        -> Response
    {
        let id = try context.passage(reference, in: generation)
        let reader = generation.reader
        let shown = try PassageContextJSON(reader, reference: reference, passage: id, context: n)
        let window = try PassageContextJSON.window(reader, passage: id, context: n)
        let document = try reader.passageRecord(id).document
        let headings = try reader.documentInfo(document).headings
        let first = generation.facts[document].passages.lowerBound
        let marks = try query.map { try generation.marks($0, exact: exact, passages: Array(window)) } ?? window.map { _ in [] }
        let items = zip(window, shown.passages).enumerated().map { i, pair -> Item in
            let (k, item) = pair
            let p = item.passage
            let trail = Breadcrumbs.crumbs(
                document: p.doc, path: p.path, box: p.box, line: p.line, headings: headings, passageNumber: k - first + 1)
            return Item(
                current: item.current, crumbs: trail.path, hasBox: p.box != nil, box: p.box ?? "", textHTML: HTML.marked(p.text, marks[i]),
                url: Links.passage(p.passage, query: query, exact: exact), passage: p.passage, line: p.line, hasPage: p.page != nil,
                pageNumber: PassageRecord.pages(p.page, p.lastPage) ?? "")
        }
        let current = shown.passages.first { $0.current }?.passage
        let view = View(
            formQuery: query ?? "", passageID: reference, title: current?.title ?? "",
            documentURL: Links.passage(current?.passage ?? reference, query: query, exact: exact),
            apiURL: "/api/passage?" + QueryParameters.encode([("id", reference), ("context", "\(n)")]),
            similarURL: Links.similar(current?.passage ?? reference), items: items, hasWider: n < context.limits.maxContext,
            widerURL: Links.show(reference, query: query, exact: exact, context: min(n + 5, context.limits.maxContext)))
        return Responses.html(PageRenderer.shared.render(view, "show"))
    }
}
