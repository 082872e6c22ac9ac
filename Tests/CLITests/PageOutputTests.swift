import Foundation
import TestSupport
import Testing

/// Hits from a PDF carry their pages: `p. N` (`pp. N–M` across a break) in text, "page" and "lastPage" in JSON, agreeing with each other
/// (FormatFixtureTests check the pages themselves against pdftotext); plain text has none.
@Suite struct PageOutputTests {
    @Test func pdfHitsCarryTheirPage() throws {
        let (dir, index, built) = try Support.index([Support.fixturePDF], label: "pages")
        defer { Support.remove(dir) }
        #expect(built.status == 0)
        let json = try Support.run(["search", "服务贸易", "--index", index, "--json", "--limit", "3"])
        let hits = try #require(Support.json(json)?["hits"] as? [[String: Any]])
        #expect(!hits.isEmpty)
        let text = try Support.run(["search", "服务贸易", "--index", index, "--limit", "3"])
        for h in hits {
            let page = try #require(h["page"] as? Int, "a PDF hit without a page")
            #expect(page >= 1)
            let last = try #require(h["lastPage"] as? Int)
            let label = last > page ? "pp. \(page)–\(last)" : "p. \(page)"
            #expect(text.stdout.contains("\(h["passage"] as! String)  line \(h["line"] as! Int)  \(label)"))
        }
        // The same search over the plain text has no pages.
        let plain = try Support.run(["search", "服务贸易", "--index", CLITests.index, "--json", "--limit", "1"])
        #expect((Support.json(plain)?["hits"] as? [[String: Any]])?.first?["page"] is NSNull)
    }
}
