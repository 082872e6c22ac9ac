import Index
import Query

/// A passage as the research views quote it: text, provenance (document, `FILE#N`, heading path,
/// 专栏, source line and page) and the query's occurrences in it, with its BM25 score when ranked.
public struct QuotedPassage: Sendable {
    public var id: String
    public var passage: StoredPassage
    public var documentName: String
    public var documentTitle: String
    /// Original-text spans (Unicode scalar offsets into `passage.text`), one per occurrence.
    public var highlights: [Range<Int>]
    /// BM25 × boosts, as `search` ranks it; nil when the passage was not ranked.
    public var score: Double?

    public var text: String { passage.text }
    /// Heading path with the 专栏 title, if any, as its last element.
    public var fullPath: [String] { passage.path + (passage.box.map { [$0] } ?? []) }

    public init(hit: Hit) {
        id = hit.passageID
        passage = hit.passage
        documentName = hit.document.name
        documentTitle = hit.document.title
        highlights = hit.highlights
        score = hit.score
    }

    /// A matching passage read from the index (unranked).
    public init(reader: IndexReader, match: QueryTally.Match, document: DocumentFacts) throws {
        id = try PassageReference.format(reader, passage: match.passage)
        passage = try reader.passage(match.passage)
        documentName = document.name
        documentTitle = document.title
        highlights = match.occurrences
        score = nil
    }
}

/// BM25 ranking of a query's passages inside a scope, through `Searcher.search` (the product's one
/// ranking), without the word fallback: the passages ranked are those `QueryTally` counts.
enum Ranking {
    /// The hits of `query` in the scope's documents, best first, with each hit's column. Every
    /// matching passage when `limit` is nil.
    static func hits(_ query: String, searcher: Searcher, scope: DocumentScope, limit: Int?) throws -> [(hit: Hit, column: Int)] {
        // Over the whole index, the search's own top-k is the scope's; otherwise rank all, then keep the scope's.
        let results = try searcher.search(query, options: SearchOptions(limit: scope.coversAll ? limit : nil, wordFallback: false))
        var out: [(hit: Hit, column: Int)] = []
        for h in results.hits {
            guard let c = scope.column(ofPassage: h.passage.id) else { continue }
            out.append((h, c))
            if let limit, out.count == limit { break }
        }
        return out
    }
}
