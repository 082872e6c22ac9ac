import Foundation
import Index
import Query

/// One index of the bundled corpus, built once for the suite, plus an oracle that reads the stored
/// passages without using the engine's matching.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")

    static let indexDirectory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-query-tests-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        _ = try! IndexBuilder.build(sources: [corpus], into: dir, rebuild: true)
        return dir
    }()

    static let reader: IndexReader = try! IndexReader(directory: indexDirectory)

    /// Every stored passage's text, NFKC + lowercased by Foundation (an independent normalizer).
    static let normalizedPassages: [String] = (0..<reader.passageCount).map {
        try! reader.passage($0).text.precomposedStringWithCompatibilityMapping.lowercased()
    }

    static func oracle(_ term: String) -> Set<Int> {
        let t = term.precomposedStringWithCompatibilityMapping.lowercased()
        return Set(normalizedPassages.indices.filter { normalizedPassages[$0].contains(t) })
    }

    static func search(_ q: String, limit: Int? = nil) throws -> SearchResults {
        try Searcher(reader: reader).search(q, options: SearchOptions(limit: limit))
    }

    static func ids(_ q: String) throws -> Set<Int> {
        Set(try search(q).hits.map(\.passage.id))
    }

    static func documentName(of passage: Int) -> String {
        try! reader.documentInfo(reader.passageRecord(passage).document).name
    }
}
