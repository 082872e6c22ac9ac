import Foundation
import Index
import Query
import Research

/// Clause reuse for the API and the pages: the calls `reuse` and `similar` make, run on the
/// research queue (see `ResearchQueue`), with the server's limits.
enum ReuseRequests {
    struct Similar: Sendable {
        var query: ReusePassage
        var threshold: Double
        var pairs: [ReusePair]
    }

    /// `reuse`: every pair at the threshold, grouped by document pair; refused when there are more
    /// pairs than the server aligns for one request.
    static func documentPairs(
        _ generation: IndexGeneration, filter: PassageFilter, threshold: Double, limits: ServerLimits
    ) async throws -> (pairs: [DocumentPair], compared: Int) {
        let limit = limits.maxReusePairs
        return try await generation.research.run(filter) { finder in
            let count = try finder.pairs(threshold: threshold).count
            guard count <= limit else {
                throw ServerError(
                    .unprocessableContent,
                    "\(count) passage pairs reach similarity \(threshold); the server shows at most \(limit). "
                        + "Raise min or narrow docs, or run policy-search reuse on the command line")
            }
            return (try finder.reuse(threshold: threshold), finder.comparedPassages)
        }
    }

    /// `similar`: `id` (a passage FILE#N) or `text`, `min` (default 0.3), `limit` (default 10).
    static func similar(_ p: QueryParameters, _ generation: IndexGeneration, context: RouteContext) async throws -> Similar {
        let threshold = try context.threshold(p, default: 0.3)
        let limit = try p.int("limit", default: 10, in: 1...context.limits.maxResults)
        let filter = try context.passageFilter(p, in: generation)
        let reference = try p.text("id", max: 1000)
        let text = try p.text("text", max: context.limits.maxSimilarText)
        switch (reference, text) {
        case (let reference?, nil):
            let id = try context.passage(reference, in: generation)
            let own = try generation.reader.passage(id).text
            return try await generation.research.run(filter) { finder in
                let pairs = try finder.similar(toPassage: id, threshold: threshold, limit: limit)
                // As `similar FILE#N`: the compared side of the first pair, which has its provenance.
                return Similar(
                    query: pairs.first?.a ?? ReusePassage(id: id, passage: reference, text: own), threshold: threshold, pairs: pairs)
            }
        case (nil, let text?):
            return try await generation.research.run(filter) { finder in
                Similar(
                    query: ReusePassage(text: text), threshold: threshold,
                    pairs: try finder.similar(toText: text, threshold: threshold, limit: limit))
            }
        default:
            throw ServerError.badRequest("give either id (a passage FILE#N) or text: one of them, not both and not neither")
        }
    }
}
