import Foundation
import Index
import TestSupport
import Testing

@testable import Query

/// Traditional queries find Simplified documents and Simplified queries find Traditional ones, with
/// highlights on the original characters.
@Suite struct TraditionalSimplifiedTests {
    @Test func traditionalQueriesFindSimplifiedText() throws {
        #expect(try Fixture.ids("跨境電商") == Fixture.oracle("跨境电商"))
        #expect(try Fixture.ids("\"營商環境\"") == Fixture.oracle("营商环境"))
        #expect(!Fixture.oracle("营商环境").isEmpty)
        let hit = try #require(try Fixture.search("營商環境", limit: 1).hits.first)
        let scalars = Array(hit.passage.text.unicodeScalars)
        #expect(hit.highlights.allSatisfy { String(String.UnicodeScalarView(scalars[$0])) == "营商环境" })
    }

    @Test func simplifiedQueriesFindTraditionalDocuments() throws {
        let dir = try Support.temporaryDirectory("traditional")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("tw-plan.txt")
        try "一、加快發展跨境電子商務\n\n支持企業建設海外倉，推進營商環境優化，提升貿易便利化水準。\n\n顯著提升物流效率。\n"
            .write(to: file, atomically: false, encoding: .utf8)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        for (query, original) in [("海外仓", "海外倉"), ("营商环境", "營商環境"), ("跨境电子商务", "跨境電子商務"), ("显著", "顯著")] {
            let r = try searcher.search(query, options: SearchOptions(limit: nil))
            #expect(r.total == 1, "\(query)")
            let hit = try #require(r.hits.first)
            let scalars = Array(hit.passage.text.unicodeScalars)
            #expect(hit.highlights.map { String(String.UnicodeScalarView(scalars[$0])) } == [original], "\(query)")
        }
    }
}
