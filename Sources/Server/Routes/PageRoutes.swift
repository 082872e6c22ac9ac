import Foundation
import Hummingbird
import Research

/// The pages. Each renders the value its CLI command computes (and its API endpoint returns).
struct PageRoutes: Sendable {
    let context: RouteContext

    func register(on router: Router<some RequestContext>) {
        router.get("/") { request, _ in
            let state = try SearchState(try context.parameters(request), limits: context.limits)
            return try SearchPage.render(state, context.store.current(), limits: context.limits)
        }
        router.get("/help") { _, _ in Responses.html(PageRenderer.shared.render(["formQuery": ""], "page")) }
        router.get("/documents") { _, _ in DocumentsPage.render(context.store.current()) }
        router.get("/doc/:name") { request, requestContext in
            let raw = requestContext.parameters.get("name") ?? ""
            guard let name = raw.removingPercentEncoding else {
                throw ServerError.badRequest("the document name is not valid URL encoding")
            }
            let p = try context.parameters(request)
            let q = try p.text("q", max: context.limits.maxQueryLength)
            return try DocumentPage.render(name: name, query: q, exact: try p.bool("exact"), context.store.current(), context: context)
        }
        router.get("/show") { request, _ in
            let p = try context.parameters(request)
            guard let id = try p.text("id", max: 1000) else { throw ServerError.badRequest("id is required: a passage id FILE#N") }
            let n = try p.int("context", default: 2, in: 0...context.limits.maxContext)
            let q = try p.text("q", max: context.limits.maxQueryLength)
            return try ShowPage.render(
                reference: id, context: n, query: q, exact: try p.bool("exact"), context.store.current(), context: context)
        }
        router.get("/similar") { request, _ in
            let p = try context.parameters(request)
            let found = try await ReuseRequests.similar(p, context.store.current(), context: context)
            let report = ReuseReport(similarTo: found.query, pairs: found.pairs, threshold: found.threshold)
            return ReusePage.render(
                report, isReuse: false, min: found.threshold, docs: nil, downloads: [],
                apiURL: "/api/similar?" + (request.uri.query ?? ""))
        }
        router.get("/reuse") { request, _ in
            let (report, p) = try await reuseReport(request)
            // ?format= as the other research pages take it: a file, or a refusal that names the formats.
            if let format = try p.text("format", max: 10), format != "html" { return try reuseDownload(report, format: format) }
            let query = reuseQuery(p)
            let downloads = ["md", "html", "json"].map {
                ReusePage.Download(label: $0.uppercased(), url: "/reuse/download?" + QueryParameters.encode(query + [("format", $0)]))
            }
            return ReusePage.render(
                report.report, isReuse: true, min: report.threshold, docs: try p.text("docs", max: 500), downloads: downloads,
                apiURL: "/api/reuse?" + QueryParameters.encode(query))
        }
        router.get("/reuse/download") { request, _ in
            let (r, p) = try await reuseReport(request)
            return try reuseDownload(r, format: try p.text("format", max: 10) ?? "html")
        }
        ResearchViews.registerPages(on: router, context: context)
    }

    /// The reuse report as a file in `format`.
    func reuseDownload(_ r: (report: ReuseReport, groups: [DocumentPair], threshold: Double), format: String) throws -> Response {
        switch format {
        case "md": return Responses.download(ReuseMarkdown.render(r.report), type: "text/markdown; charset=utf-8", fileName: "reuse.md")
        case "json":
            let json = String(decoding: try JSONShapes.encode(ReuseJSON(r.groups, threshold: r.threshold)), as: UTF8.self)
            return Responses.download(json + "\n", type: "application/json; charset=utf-8", fileName: "reuse.json")
        case "html":
            // The CLI's self-contained report: its one inline stylesheet is allowed, no script is.
            return Responses.download(
                ReuseHTML.render(r.report), type: "text/html; charset=utf-8", fileName: "reuse.html",
                contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'")
        case let other:
            throw ServerError.badRequest("format must be md, html or json, not “\(other)”", chinese: "格式只能是 md、html 或 json，不是“\(other)”")
        }
    }

    /// `reuse`'s report for the request's `min`, `docs`, `minLength`, `includeHeadings`.
    func reuseReport(_ request: Request) async throws -> (
        (report: ReuseReport, groups: [DocumentPair], threshold: Double), QueryParameters
    ) {
        let p = try context.parameters(request)
        let generation = context.store.current()
        let threshold = try context.threshold(p, default: 0.5)
        let found = try await ReuseRequests.documentPairs(
            generation, filter: try context.passageFilter(p, in: generation), threshold: threshold, limits: context.limits)
        return ((ReuseReport(documentPairs: found.pairs, threshold: threshold, compared: found.compared), found.pairs, threshold), p)
    }

    func reuseQuery(_ p: QueryParameters) -> [(String, String?)] {
        ["min", "docs", "minLength", "includeHeadings"].map { ($0, p.string($0)) }
    }
}
