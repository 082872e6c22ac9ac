import Foundation
import TestSupport
import Testing

@testable import Ingestion

/// A hand-edited catalog.json: one bad entry or field costs only itself, named; a file that is not
/// a JSON object is refused.
@Suite struct CatalogTests {
    static func load(_ json: String) throws -> Catalog {
        let dir = try Support.temporaryDirectory("catalog")
        defer { Support.remove(dir) }
        try Support.write(json, to: dir.appendingPathComponent(Catalog.fileName))
        return try Catalog.load(directory: dir)
    }

    @Test func badFieldsAndEntriesAreLeftOutAndNamed() throws {
        let c = try Self.load(
            """
            {"a.txt": {"title": "成都市“十四五”电子商务发展规划", "date": 2021, "region": ["四川"], "titel": "x", "issuer": true},
             "b.txt": "oops",
             "c.txt": {"title": "重庆市商务发展规划", "region": null},
             "d.txt": {"date": "not a date", "region": 5},
             "e.txt": {"date": "2021-12", "region": "四川省"}}
            """)
        #expect(c.metadata(for: "a.txt") == DocumentMetadata(title: "成都市“十四五”电子商务发展规划", date: "2021"))
        #expect(c.metadata(for: "b.txt") == nil)
        #expect(c.metadata(for: "c.txt") == DocumentMetadata(title: "重庆市商务发展规划"))
        #expect(c.metadata(for: "d.txt") == DocumentMetadata())
        #expect(c.metadata(for: "e.txt") == DocumentMetadata(date: "2021-12", region: "四川省"))
        #expect(c.problems.count == 6, "\(c.problems)")
        #expect(c.problems.contains { $0.contains("“d.txt”") && $0.contains("not a date") })
        for (needle, count) in [("“region”", 2), ("“titel”", 1), ("“issuer”", 1), ("“b.txt”", 1)] {
            #expect(c.problems.filter { $0.contains(needle) }.count == count, "\(needle): \(c.problems)")
        }
    }

    @Test func aFileThatIsNotAnObjectIsRefused() throws {
        #expect(throws: CatalogError.self) { try Self.load("[1, 2]") }
        #expect(throws: CatalogError.self) { try Self.load("{\"a.txt\": {\"title\": ") }
        #expect(try Self.load("{}").entries.isEmpty)
    }

    /// The bundled catalog is clean.
    @Test func bundledCatalogHasNoProblems() throws {
        let c = try Catalog.load(directory: Support.corpus)
        #expect(c.problems.isEmpty, "\(c.problems)")
        #expect(c.entries.count == 5)
    }
}
