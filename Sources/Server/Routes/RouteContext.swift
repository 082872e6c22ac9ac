import Foundation
import Hummingbird
import Index
import Logging
import Query
import Research

/// What every route needs: the index store, the limits, the log.
struct RouteContext: Sendable {
    let store: IndexStore
    let limits: ServerLimits
    let logger: Logger

    func parameters(_ request: Request) throws -> QueryParameters {
        try QueryParameters(query: request.uri.query)
    }

    /// `FILE#N` → the global passage number, or a 404 naming the id.
    func passage(_ reference: String, in generation: IndexGeneration) throws -> Int {
        guard let id = try PassageReference.resolve(reference, in: generation.reader) else {
            throw ServerError.notFound(
                "no passage “\(reference)” in the index; ids look like FILE#N, as search results show them",
                chinese: "索引中没有段落“\(reference)”（段落编号形如 文件名#N，见检索结果）")
        }
        return id
    }

    /// A document by file name, or a 404.
    func document(_ name: String, in generation: IndexGeneration) throws -> DocumentFacts {
        guard let d = generation.document(named: name) else {
            throw ServerError.notFound(
                "no document “\(name)” in the index (they are listed at /api/documents, and on the page /documents)",
                chinese: "索引中没有文档“\(name)”（见文档列表）")
        }
        return d
    }

    /// `reuse`/`similar`/`check-draft`'s comparison options (`--docs`, `--min-length`,
    /// `--include-headings`) from URL parameters.
    func passageFilter(_ p: QueryParameters, in generation: IndexGeneration) throws -> PassageFilter {
        let minLength = try p.int("minLength", default: PassageFilter.defaultMinLength, in: 0...10_000)
        let documents = try p.text("docs", max: 500).map { spec in try generation.withSearcher { try $0.documents(matching: spec) } }
        return PassageFilter(minLength: minLength, includeHeadings: try p.bool("includeHeadings"), documents: documents)
    }

    /// `--min`: a similarity in [limits.minSimilarity, 1].
    func threshold(_ p: QueryParameters, default value: Double) throws -> Double {
        let lowest = limits.minSimilarity
        return try p.double(
            "min", default: value, where: { $0 >= lowest && $0 <= 1 },
            expected: "a number from \(lowest) to 1 (the server's bound; the CLI goes lower), e.g. 0.5",
            expectedInChinese: "\(lowest) 到 1 之间的数，如 0.5（网页版的下限；命令行可以更低）")
    }
}
