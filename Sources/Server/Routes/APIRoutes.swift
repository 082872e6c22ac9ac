import Foundation
import Hummingbird
import Index
import Query
import Research

/// The JSON API (docs/openapi.yaml). Each endpoint runs what its CLI command runs and answers with
/// that command's `--json` shape (Research/Output/JSONShapes.swift).
struct APIRoutes: Sendable {
    let context: RouteContext

    func register(on router: Router<some RequestContext>) {
        router.get("/api/search") { request, _ in try search(request) }
        router.get("/api/passage") { request, _ in try passage(request) }
        router.get("/api/outline") { request, _ in try outline(request) }
        router.get("/api/documents") { _, _ in try Responses.json(DocumentsJSON(context.store.current().facts)) }
        router.get("/api/stats") { _, _ in
            try Responses.json(try StatsJSON(context.store.current().reader, directory: context.store.directory))
        }
        router.get("/api/reuse") { request, _ in try await reuse(request) }
        router.get("/api/similar") { request, _ in try await similar(request) }
        ResearchViews.registerAPI(on: router, context: context)
    }

    /// `search --json [--explain] [--documents] [--limit N] [--exact] [--plain]`; `offset` skips the
    /// first hits (ranks stay those of the whole ranking).
    func search(_ request: Request) throws -> Response {
        let p = try context.parameters(request)
        let state = try SearchState(p, limits: context.limits)
        guard !state.isEmpty else {
            throw ServerError.badRequest("q is required: a query such as 跨境电商, or a filter parameter such as region=四川")
        }
        let max = context.limits.maxResults
        let limit = try p.int("limit", default: 10, in: 0...max)
        let offset = try p.int("offset", default: 0, in: 0...max)
        guard offset + limit <= max else { throw ServerError.badRequest("offset + limit must be at most \(max)") }
        let k1 = try p.double(
            "k1", default: BM25.standard.k1, where: { $0 >= 0 && $0 <= BM25.maxK1 }, expected: "a number from 0 to \(Int(BM25.maxK1))")
        let b = try p.double("b", default: BM25.standard.b, where: { $0 >= 0 && $0 <= 1 }, expected: "a number from 0 to 1")
        let explain = try p.bool("explain")
        let options = SearchOptions(
            limit: offset + limit, bm25: try BM25(k1: k1, b: b), rankDocuments: try p.bool("documents"),
            boosts: try p.bool("plain") ? nil : .standard, explain: explain)
        let json = try context.store.current().withSearcher(exact: state.exact) { s in
            SearchJSON(try s.search(state.query, options: options), explain: explain, documents: options.rankDocuments, offset: offset)
        }
        return Responses.bytes(json.compactJSON(), type: Responses.jsonType, cache: "no-store")
    }

    /// `show FILE#N --json [--context N]`.
    func passage(_ request: Request) throws -> Response {
        let p = try context.parameters(request)
        guard let reference = try p.text("id", max: 1000) else { throw ServerError.badRequest("id is required: a passage id FILE#N") }
        let n = try p.int("context", default: 2, in: 0...context.limits.maxContext)
        let generation = context.store.current()
        let id = try context.passage(reference, in: generation)
        return try Responses.json(try PassageContextJSON(generation.reader, reference: reference, passage: id, context: n))
    }

    /// `outline --json` of a document of the index.
    func outline(_ request: Request) throws -> Response {
        let p = try context.parameters(request)
        guard let name = try p.text("doc", max: 1000) else { throw ServerError.badRequest("doc is required: a document's file name") }
        let generation = context.store.current()
        let d = try context.document(name, in: generation)
        return try Responses.json(try OutlineJSON(generation.reader, document: d.index))
    }

    /// `reuse --format json [--min X] [--docs SPEC] [--min-length N] [--include-headings]`.
    func reuse(_ request: Request) async throws -> Response {
        let p = try context.parameters(request)
        let generation = context.store.current()
        let threshold = try context.threshold(p, default: 0.5)
        let groups = try await ReuseRequests.documentPairs(
            generation, filter: try context.passageFilter(p, in: generation), threshold: threshold, limits: context.limits)
        return try Responses.json(ReuseJSON(groups.pairs, threshold: threshold))
    }

    /// `similar FILE#N --json` or `similar --text … --json`, with `--min`, `--limit` and the comparison options.
    func similar(_ request: Request) async throws -> Response {
        let p = try context.parameters(request)
        let generation = context.store.current()
        let found = try await ReuseRequests.similar(p, generation, context: context)
        return try Responses.json(SimilarJSON(query: found.query, threshold: found.threshold, pairs: found.pairs))
    }
}
