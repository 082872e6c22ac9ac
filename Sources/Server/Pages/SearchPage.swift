import Analysis
import Foundation
import Hummingbird
import Index
import Query
import Research

/// The search page: the CLI's search (`Searcher.search`, the same `SearchResults`), rendered as
/// cards with breadcrumbs and highlighted snippets, with facets and paging. Its URL is its state.
enum SearchPage {
    struct View {
        var formQuery: String
        var exact = false
        var pageTitle: String
        var isHome = false
        var documentCount = 0
        var passageCount = 0
        var hasError = false
        var errorMessage = ""
        var hasErrorPointer = false
        var errorQuery = ""
        var errorPointer = ""
        var hasResults = false
        var total = 0
        var engineQuery = ""
        var hasHits = false
        var firstRank = 1
        var lastRank = 0
        var apiURL = ""
        var notes: [String] = []
        var hasSuggestions = false
        var suggestions: [SuggestionView] = []
        var hasActiveFilters = false
        var activeFilters: [ActiveFilter] = []
        var facetGroups: [FacetGroupView] = []
        var hits: [HitView] = []
        var hasPager = false
        /// More matches than the server lists (`ServerLimits.maxResults`).
        var capped = false
        var shownLimit = 0
        var hasPrevious = false
        var previousURL = ""
        var page = 1
        var pages = 1
        var hasNext = false
        var nextURL = ""
    }

    /// A string the index holds, near a part that matched nothing, as a search of its own.
    struct SuggestionView {
        var text: String
        var passages: Int
        var url: String
    }

    struct ActiveFilter {
        var label: String
        var removeURL: String
    }

    struct Term {
        var part: String
        var tf: Int
        var df: Int
        var idf: String
        var termScore: String
    }

    struct BoostView {
        var factor: String
        var reason: String
    }

    struct HitView {
        var rank: Int
        var title: String
        var documentURL: String
        var crumbs: [Crumb]
        var hasBox: Bool
        var box: String
        /// Escaped by `HTML.marked`.
        var snippetHTML: String
        var passage: String
        var passageURL: String
        var contextURL: String
        var similarURL: String
        var line: Int
        var hasPage: Bool
        var pageNumber: String
        var score: String
        var bm25: String
        var boosts: [BoostView]
        var terms: [Term]
        var N: Int
        var avgdl: String
        var dl: Int
        var k1: String
        var b: String
    }

    static func render(_ state: SearchState, _ generation: IndexGeneration, limits: ServerLimits) throws -> Response {
        do {
            return Responses.html(PageRenderer.shared.render(try view(state, generation, limits: limits), "search"))
        } catch let e as QueryError {
            var v = View(formQuery: state.q, pageTitle: "查询有误 — 政策检索")
            v.hasError = true
            v.errorMessage = e.chinese ?? e.message
            if let column = e.column {
                let query = state.query
                let before = String(String.UnicodeScalarView(query.unicodeScalars.prefix(column - 1)))
                v.hasErrorPointer = true
                v.errorQuery = query
                v.errorPointer = String(repeating: " ", count: DisplayWidth.of(before)) + "^"
            }
            return Responses.html(PageRenderer.shared.render(v, "search"), status: .badRequest)
        }
    }

    static func view(_ state: SearchState, _ generation: IndexGeneration, limits: ServerLimits) throws -> View {
        var v = View(formQuery: state.q, pageTitle: state.isEmpty ? "政策检索 policy-search" : "\(state.query) — 政策检索")
        v.exact = state.exact
        guard !state.isEmpty else {
            v.isHome = true
            v.documentCount = generation.reader.documentCount
            v.passageCount = generation.reader.passageCount
            return v
        }
        let size = SearchState.pageSize
        let offset = (state.page - 1) * size
        let (results, matches) = try generation.withSearcher(exact: state.exact) { s in
            (try s.search(state.query, options: SearchOptions(limit: offset + size, explain: true)), try s.matches(try s.plan(state.query)))
        }
        let last = max(1, (min(results.total, limits.maxResults) + size - 1) / size)
        guard state.page <= last else {
            throw ServerError.badRequest(
                "page must be from 1 to \(last) for this query (\(results.total) passages, \(size) a page), not \(state.page)",
                chinese: "这个查询只有 \(last) 页（\(results.total) 段，每页 \(size) 段），没有第 \(state.page) 页")
        }
        v.hasResults = true
        v.total = results.total
        v.engineQuery = results.query
        v.notes = results.messages.map(\.chinese)
        if results.total == 0 {
            // Each link's count is that of the search it runs (the other parts and filters kept),
            // not of the word alone.
            v.suggestions = try results.suggestions.map { s in
                var next = state
                if let r = state.q.range(of: s.part) { next.q.replaceSubrange(r, with: s.query) }
                let passages = try generation.withSearcher(exact: state.exact) { try $0.matches(try $0.plan(next.query)).count }
                return SuggestionView(text: s.query, passages: passages, url: Links.search(next.on(page: 1)))
            }.filter { $0.passages > 0 }
            v.hasSuggestions = !v.suggestions.isEmpty
        }
        v.apiURL = Links.apiSearch(state)
        v.activeFilters = state.filters.map {
            ActiveFilter(label: SearchState.filterText($0), removeURL: Links.search(state.with($0.field, nil)))
        }
        v.hasActiveFilters = !v.activeFilters.isEmpty
        v.facetGroups = Facets.groups(state, matches: matches, in: generation)
        v.hits = try results.hits.dropFirst(offset).map { try hit($0, query: state.query, exact: state.exact, generation) }
        v.hasHits = !v.hits.isEmpty
        v.firstRank = offset + 1
        v.lastRank = offset + v.hits.count
        v.page = state.page
        v.pages = max(1, min((results.total + size - 1) / size, limits.maxResults / size))
        v.hasPager = v.pages > 1
        // Pages stop at the server's result limit: say so, rather than let the last pages vanish.
        v.capped = results.total > limits.maxResults
        v.shownLimit = limits.maxResults
        v.hasPrevious = state.page > 1
        v.previousURL = Links.search(state.on(page: state.page - 1))
        v.hasNext = state.page < v.pages
        v.nextURL = Links.search(state.on(page: state.page + 1))
        return v
    }

    static func hit(_ h: Hit, query: String, exact: Bool, _ generation: IndexGeneration) throws -> HitView {
        let info = try generation.reader.documentInfo(h.document.index)
        let number = h.passage.id - generation.facts[h.document.index].passages.lowerBound + 1
        let trail = Breadcrumbs.crumbs(
            document: h.document.name, path: h.passage.path, box: h.passage.box, line: h.passage.record.firstLine,
            headings: info.headings, passageNumber: number)
        let snippet = Snippet.window(h.passage.text, h.highlights)
        // The page spells out every score: it searches with `explain`.
        guard let e = h.explanation else { preconditionFailure("search page hit without an explanation") }
        return HitView(
            rank: h.rank, title: h.document.title, documentURL: Links.document(h.document.name, query: query, exact: exact),
            crumbs: trail.path,
            hasBox: trail.box != nil, box: h.passage.box ?? "", snippetHTML: HTML.marked(snippet.text, snippet.marks),
            passage: h.passageID, passageURL: Links.passage(h.passageID, query: query, exact: exact),
            contextURL: Links.show(h.passageID, query: query, exact: exact),
            similarURL: Links.similar(h.passageID), line: h.passage.record.firstLine, hasPage: h.passage.record.firstPage != nil,
            pageNumber: h.passage.record.pages ?? "", score: format(h.score), bm25: format(e.bm25),
            boosts: e.boosts.map { BoostView(factor: format($0.factor, digits: 2), reason: $0.reason) },
            terms: e.terms.map { Term(part: $0.part, tf: $0.tf, df: $0.df, idf: format($0.idf), termScore: format($0.score)) },
            N: e.N, avgdl: format(e.avgdl, digits: 2), dl: e.dl, k1: format(e.k1, digits: 2), b: format(e.b, digits: 2))
    }

    static func format(_ x: Double, digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
}
