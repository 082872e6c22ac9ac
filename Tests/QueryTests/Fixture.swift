import Foundation
import Index
import Query
import TestSupport

/// One index of the bundled corpus, built once for the suite, plus an oracle that reads the stored
/// passages without using the engine's matching.
enum Fixture {
    static let corpus = Support.corpus

    static let indexDirectory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-query-tests-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        _ = try! IndexBuilder.build(sources: [corpus], into: dir, rebuild: true)
        return dir
    }()

    static let reader: IndexReader = try! IndexReader(directory: indexDirectory)

    /// The independent grep over the stored passages (TestSupport's `Oracle`).
    static let grep = try! Oracle(reader: reader)

    static func oracle(_ term: String) -> Set<Int> { grep.passages(containing: term) }

    /// With explanations: the tests read the tfs and scores in them.
    static func search(_ q: String, limit: Int? = nil) throws -> SearchResults {
        try Searcher(reader: reader).search(q, options: SearchOptions(limit: limit, explain: true))
    }

    static func ids(_ q: String) throws -> Set<Int> {
        Set(try search(q).hits.map(\.passage.id))
    }

    static func documentName(of passage: Int) -> String {
        try! reader.documentInfo(reader.passageRecord(passage).document).name
    }
}
