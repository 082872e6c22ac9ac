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

    /// Parts without a heading of their own are listed where they start, as search paths name
    /// them: the issuing notice before the plan's body, the 版记 (抄送：…, …印发) after it.
    @Test func unheadedPartsAreListed() throws {
        let dir = try Support.temporaryDirectory("outline-parts")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("notice.txt")
        try Support.write(
            """
            某市人民政府办公厅关于印发某市跨境电商发展行动方案的通知

            各区县人民政府，市政府各部门：

            现将《某市跨境电商发展行动方案》印发给你们，请认真贯彻执行。

            某市人民政府办公厅
            2024年3月6日

            某市跨境电商发展行动方案

            一、工作目标

            到2027年，全市跨境电商交易额突破1000亿元。

            二、保障措施

            市商务委牵头建立工作专班。

            抄送：市委各部门，市人大常委会办公厅。
            某市人民政府办公厅                    2024年3月6日印发

            """, to: file)
        let out = try Support.run(["outline", file.path])
        #expect(out.status == 0)
        let entries = out.stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(entries.map { String($0.prefix(4)) } == ["发文通知", "一、工作", "二、保障", "版记  "], "\(entries)")
        let json = Self.flatten(try #require(try Self.outline(file)["headings"] as? [[String: Any]]))
        #expect(json.last?["label"] as? String == "版记" && json.last?["line"] as? Int == 20)
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
