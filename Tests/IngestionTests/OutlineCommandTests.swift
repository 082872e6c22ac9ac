import Foundation
import Testing
import TestSupport

/// `policy-search outline` on every format: the JSON names the format and gives each heading's page
/// (null for unpaged formats); the text form shows p. N.
@Suite struct OutlineCommandTests {
    static let fixtures = Support.root.appendingPathComponent("Tests/IngestionTests/Fixtures")

    static func outline(_ url: URL) throws -> [String: Any] {
        let out = try Support.run(["outline", "--json", url.path])
        #expect(out.status == 0, "\(out.stderr)")
        return try #require(Support.json(out))
    }

    static func flatten(_ nodes: [[String: Any]]) -> [[String: Any]] {
        nodes.flatMap { [$0] + flatten(($0["children"] as? [[String: Any]]) ?? []) }
    }

    @Test func pdfOutlineHasPagesAndFormat() throws {
        let json = try Self.outline(Self.fixtures.appendingPathComponent("sichuan-trade-power-opinions-draft.pdf"))
        #expect(json["format"] as? String == "pdf")
        let headings = Self.flatten(try #require(json["headings"] as? [[String: Any]]))
        #expect(headings.count == 34)  // as the gold outline of the text: 8 一、, 2 （一）, 24 numbered items
        #expect(headings.allSatisfy { ($0["page"] as? Int).map { $0 >= 1 } == true })
        // Read off the PDF: 一、总体要求 opens page 1; 五、实施开放平台提升行动 is on page 3.
        #expect(headings.first?["label"] as? String == "一、" && headings.first?["page"] as? Int == 1)
        let five = try #require(headings.first { $0["label"] as? String == "五、" })
        #expect(five["page"] as? Int == 3)
    }

    @Test(arguments: [("sichuan-trade-power-opinions-draft.docx", "docx"), ("sichuan-trade-power-page.html", "html")])
    func unpagedFormatsHaveNullPages(_ file: String, _ format: String) throws {
        let json = try Self.outline(Self.fixtures.appendingPathComponent(file))
        #expect(json["format"] as? String == format)
        let headings = Self.flatten(try #require(json["headings"] as? [[String: Any]]))
        #expect(!headings.isEmpty)
        #expect(headings.allSatisfy { $0["page"] is NSNull })
    }

    @Test func textOutlineShowsPagesAndScannedPDFIsAnError() throws {
        let out = try Support.run(["outline", Self.fixtures.appendingPathComponent("sichuan-trade-power-opinions-draft.pdf").path])
        #expect(out.stdout.contains("一、总体要求  p. 1, line"))
        let scanned = try Support.run(["outline", Self.fixtures.appendingPathComponent("scanned.pdf").path])
        #expect(scanned.status != 0)
        #expect(scanned.stderr.contains("scanned PDF"))
    }
}
