import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// Lines that must stay apart although they are wide: a headline before the paragraph under it
/// (across a blank line), a web address before a title. And lines that must join although they
/// are short: a line starting with a mark no line starts with. Expectations from reading the
/// development set and the texts below.
@Suite struct LineJoinTests {
    static func passages(_ text: String) throws -> [String] {
        try Ingestor.ingest(bytes: Array(text.utf8), name: "t.txt").passages.map(\.text)
    }

    @Test func aHeadlineDoesNotRunIntoTheParagraphBelowIt() throws {
        // A release whose lines are whole paragraphs (each ends its sentence).
        let headline = "中国人民银行农业农村部印发《关于加强金融服务农村改革推进乡村全面振兴的意见》"
        let body = "为深入贯彻落实党的二十大精神，落实中央一号文件部署要求，现提出如下意见。"
        let more = (1...5).map { "第\($0)段：加大乡村振兴重点领域的金融资源投入，增强粮食安全金融保障，加大信贷资源倾斜。" }
        let p = try Self.passages(([headline, body] + more).joined(separator: "\n\n") + "\n")
        #expect(p.contains(headline) && p.contains(body), "\(p)")
        // Prose cut by a blank line (a page break in an extraction) still joins: it has clauses.
        let cut = "为深入贯彻落实党的二十大和二十届二中、三中全会精神，落实中央一号文件部署要求，学习运用"
        let joined = try Self.passages(([cut, "千万工程经验，现提出如下意见。"] + more).joined(separator: "\n\n") + "\n")
        #expect(joined.contains(cut + "千万工程经验，现提出如下意见。"), "\(joined)")
    }

    /// A PDF whose paragraphs are indented (GB/T 9704) and whose notice title is centred over three
    /// lines: the last line (年）》的通知) is indented like a paragraph start, yet it closes the 《 and
    /// （ the title left open, so the title stays one passage.
    @Test func aCentredTitleLineThatClosesItsBracketsGoesOn() throws {
        func line(_ t: String, _ n: Int, indented: Bool) -> SourceLine { SourceLine(text: t, line: n, page: 1, indented: indented) }
        var lines = [
            line("湖南省人民政府文件", 1, indented: true), line("湘政发〔2024〕7号", 2, indented: true),
            line("湖南省人民政府关于印发《湖南省推进跨境电商高质量发展三年行动方案（2024—2026", 3, indented: true),
            line("年）》的通知", 4, indented: true), line("各市州人民政府，省政府各厅委、各直属机构：", 5, indented: false)
        ]
        for k in 0..<4 {
            lines.append(line("现将行动方案印发给你们，请认真贯彻执行，推动跨境电商高质量发展第\(k)项重点任务落实到位，", 6 + 2 * k, indented: true))
            lines.append(line("确保取得实效。", 7 + 2 * k, indented: false))
        }
        let d = Ingestor.build(SourceDocument(format: .pdf, lines: lines, paged: true), name: "t.pdf", metadata: nil, encoding: "PDF text")
        let texts = d.passages.map(\.text)
        #expect(texts.contains("湖南省人民政府关于印发《湖南省推进跨境电商高质量发展三年行动方案（2024—2026年）》的通知"), "\(texts)")
        // A paragraph start that opens nothing new still starts a paragraph.
        #expect(texts.filter { $0.hasPrefix("现将行动方案") }.count == 4, "\(texts)")
    }

    @Test func anAddressEndsItsLine() throws {
        let p = try Self.passages(
            "【法宝引证码】CLI.11.1535062\n原文链接：https://www.pkulaw.com/lar/7d920e1816db6cdd81e6141142bae24abdfb.html\n中国（上海）自由贸易试验区临港新片区管理办法\n")
        #expect(p.contains { $0.hasSuffix("abdfb.html") }, "\(p)")
        #expect(p.contains { $0.hasPrefix("中国") && $0.hasSuffix("管理办法") }, "\(p)")
    }

    @Test func noLineStartsWithAClosingMark() throws {
        let p = try Self.passages("一、总体要求\n\n到2025年，基本建成现代流通体系\n，物流成本明显下降。\n")
        #expect(p.contains("到2025年，基本建成现代流通体系，物流成本明显下降。"), "\(p)")
    }

    /// No line starts a sentence with 的: the development set's Tianjin rules (a saved page, one
    /// fragment a line) cut 参与固定补贴价格模式 / 的用户以固定补贴价格进行补贴 at a fragment's end.
    @Test func aLineStartingWithDeContinuesTheOneAbove() throws {
        let p = try Self.passages("（二）用户参与条件\n具备一定负荷响应能力的工商业用户、负荷集\n参与固定补贴价格模式\n的用户以固定补贴价格进行补贴。\n")
        #expect(p.contains { $0.contains("参与固定补贴价格模式的用户以固定补贴价格进行补贴。") }, "\(p)")
    }

    /// The development set's release (pboc_moa…): its headline, the 附件： marker and the attached
    /// document's title are passages of their own, not the start of the paragraph after them.
    @Test(.enabled(if: Support.corpusDev != nil, "the development set ../shared/corpus-dev is absent"))
    func developmentSetHeadlines() throws {
        let dev = try #require(Support.corpusDev)
        let pboc = try Ingestor.ingest(fileAt: dev.appendingPathComponent("pboc_moa_rural_reform_finance_opinions_2025.md")).passages
        #expect(pboc.first?.text == "中国人民银行农业农村部印发《关于加强金融服务农村改革推进乡村全面振兴的意见》")
        #expect(pboc.contains { $0.text == "中国人民银行农业农村部关于加强金融服务农村改革推进乡村全面振兴的意见" })
        let shanghai = try Ingestor.ingest(fileAt: dev.appendingPathComponent("shanghai_lingang_new_area_measures_2019.txt")).passages
        #expect(shanghai.contains { $0.text == "原文链接：https://www.pkulaw.com/lar/7d920e1816db6cdd81e6141142bae24abdfb.html" })
    }

    /// A page dumped on one line (no paragraph breaks) is cut into passages at sentence stops, of
    /// at most `maxPassageLength` characters; nothing is lost or repeated.
    @Test func aLineWithoutBreaksIsCutAtSentences() throws {
        let sentence = "这是一段没有换行的很长的文字，内容关于数据安全与跨境电商的发展。"
        let text = String(repeating: sentence, count: 3000)
        let p = try Self.passages(text + "\n")
        #expect(p.count > 1 && p.allSatisfy { $0.count <= StructureBuilder.maxPassageLength })
        #expect(p.dropLast().allSatisfy { $0.hasSuffix("。") })
        #expect(p.joined() == text)
        // Without any stop or clause mark: cut at the limit.
        let bare = String(repeating: "数据安全", count: 1200)
        let q = try Self.passages(bare + "\n")
        #expect(q.map(\.count) == [2000, 2000, 800] && q.joined() == bare)
    }
}
