import Foundation
import Index
import TestSupport
import Testing

@testable import Query

/// Dates from what documents print, when the catalog gives none.
@Suite struct IssueDateTests {
    @Test func dateLinesAndDocumentNumbers() {
        #expect(IssueDate.dateLine("2021年12月21日") == "2021-12-21")
        #expect(IssueDate.dateLine("  2022年5月6日 ") == "2022-05-06")
        #expect(IssueDate.dateLine("二〇二一年十一月十二日") == "2021-11-12")
        #expect(IssueDate.dateLine("二○二四年三月六日") == "2024-03-06")  // the zero typed as a white circle
        #expect(IssueDate.dateLine("二〇二二年十月二十日") == "2022-10-20")
        #expect(IssueDate.dateLine("到2025年，服务业增加值达到1.7万亿元。") == nil)
        #expect(IssueDate.dateLine("2021年13月1日") == nil)
        #expect(IssueDate.documentNumberYear("（京经信发〔2022〕87号）") == "2022")
        #expect(IssueDate.documentNumberYear("津工信电力[2021]3号") == "2021")
        #expect(IssueDate.documentNumberYear("〔第二章〕") == nil)
        // A date line wins over a document number.
        #expect(IssueDate.infer(title: "关于…的通知（川府发〔2020〕5号）", opening: ["各市（州）人民政府：", "2021年1月4日"]) == "2021-01-04")
    }

    /// Laws and regulations print how they were adopted and revised under their title; speeches
    /// and reports their date and occasion; saved news pages a dated source line.
    @Test func notesSubtitlesAndSourceLines() {
        let note =
            "（1999年4月29日第九届全国人民代表大会常务委员会第九次会议通过 根据2009年8月27日第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正 2023年9月1日第十四届全国人民代表大会常务委员会第五次会议修订）"
        #expect(IssueDate.noteDate(note) == "2023-09-01")
        #expect(IssueDate.noteDate("(2019年8月6日上海市人民政府令第19号公布)") == "2019-08-06")
        // A regulation's note names when it takes effect after when it was published: the latter dates it.
        let regulation = "（2024年3月15日青城市人民政府第12次常务会议通过　2024年4月1日青城市人民政府令第88号公布　自2024年6月1日起施行）"
        #expect(IssueDate.noteDate(regulation) == "2024-04-01")
        // The same note wrapped over lines and joined: its spaces are gone, its dates are not.
        #expect(IssueDate.noteDate(regulation.filter { $0 != "　" }) == "2024-04-01")
        #expect(IssueDate.noteDate("（自2024年6月1日起施行）") == "2024-06-01")
        // A numbered heading or an aside that is no adoption note.
        #expect(IssueDate.noteDate("（一）2024年3月1日前完成摸底。") == nil)
        #expect(IssueDate.noteDate("（2024年3月1日）") == nil)
        #expect(IssueDate.dateLine("（2024年3月1日）") == "2024-03-01")
        #expect(IssueDate.subtitleDate("——2025年1月15日在某某市第十七届人民代表大会第五次会议上") == "2025-01-15")
        #expect(IssueDate.subtitleDate("——以2025年为重点") == nil)
        #expect(IssueDate.sourceLineDate("2023-09-01 21:50来源：新华社") == "2023-09-01")
        #expect(IssueDate.sourceLineDate("发布时间：2024年03月08日　来源：市商务局") == "2024-03-08")
        #expect(IssueDate.sourceLineDate("到2025年，服务业增加值达到1.7万亿元。") == nil)
        #expect(IssueDate.dates(in: "12023-09-01 与 2021年12月3日、2022-13-01") == ["2021-12-03"])
        // A page's labelled 成文日期 as the page prints it, ahead of anything in the text.
        #expect(IssueDate.infer(title: "通知", field: "2024-03-15", opening: ["2021年1月4日"]) == "2024-03-15")
        #expect(IssueDate.infer(title: "通知", field: "2024/3/15", opening: []) == "2024-03-15")
        #expect(IssueDate.infer(title: "通知", field: "2024年03月15日", opening: []) == "2024-03-15")
        #expect(IssueDate.infer(title: "通知", field: "见正文", opening: ["2021年1月4日"]) == "2021-01-04")
        #expect(IssueDate.dates(in: "2023.9.1 和 2023.13.1") == ["2023-09-01"])
        let opening = ["政府工作报告", "——2025年1月15日在某某市第十七届人民代表大会第五次会议上", "某某市市长 张三"]
        #expect(IssueDate.infer(title: "政府工作报告", opening: opening) == "2025-01-15")
    }

    /// The development set's law (a printed web page's text) dates from its revision, 2023年9月1日.
    @Test func developmentSetLawDatesFromItsRevision() throws {
        try Self.indexedAlone("administrative_reconsideration_law_2023_pdf_extract.txt") { _, facts in
            #expect(facts.date == "2023-09-01" && facts.dateInferred, "\(String(describing: facts.date))")
        }
    }

    /// A development-set file indexed on its own (no catalog beside it): its searcher and facts.
    /// Nothing runs when the development set is not beside this clone.
    static func indexedAlone(_ name: String, _ body: (Searcher, DocumentFacts) throws -> Void) throws {
        guard let dev = Support.corpusDev else { return }
        let dir = try Support.temporaryDirectory("issue-date-\(name.prefix(10))")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: dev.appendingPathComponent(name), to: file)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        try body(searcher, try #require(try searcher.documents().first))
    }

    /// The development set's Beijing notice prints 京经信发〔2022〕87号: without a catalog, year:2022 finds it.
    @Test func developmentSetDocumentsGetADate() throws {
        try Self.indexedAlone("beijing_data_zone_guiding_opinions_2022.txt") { searcher, facts throws in
            #expect(facts.date?.hasPrefix("2022") == true, "\(String(describing: facts.date))")
            #expect(facts.dateInferred)
            #expect(facts.region == "北京市")
            #expect(try searcher.search("数据 year:2022").total > 0)
        }
    }

    /// The development set's Tianjin notice (a saved page, one fragment a line) prints its date
    /// line after 特此通知。, past its first passages of page furniture: 2021年2月2日, not the year
    /// of 津工信电力〔2021〕3号. A date: filter written in Chinese compares as its dashed form.
    @Test func developmentSetNoticeDatesFromTheLineAfterItsClosingFormula() throws {
        try Self.indexedAlone("tianjin_spring_festival_demand_response_rules_2021.txt") { searcher, facts throws in
            #expect(facts.date == "2021-02-02", "\(String(describing: facts.date))")
            let all = try searcher.search("需求响应").total
            for filter in ["date:2021-02", "date:2021年", "date:2021年2月", "date:2021年2月2日"] {
                #expect(try searcher.search("需求响应 \(filter)").total == all, "\(filter)")
            }
        }
    }

    /// A document issued alone (an 意见 with its signature and date at the end, GB/T 9704) dates
    /// from that closing line, before its document number's year; a body sentence with a date in it
    /// is no date line.
    @Test func theClosingDateLineOfADocumentIssuedAlone() throws {
        let body = (1...12).map { "（\($0)）加快推进重点任务第\($0)项，完善政策措施，强化要素保障，确保取得实效。" }
        let text =
            (["某省人民政府办公厅关于推进养老服务发展的实施意见", "", "川办发〔2024〕15号", "", "各市（州）人民政府："] + body
            + ["本意见自2024年6月1日起施行。", "", "某省人民政府办公厅", "", "2024年5月10日"]).joined(separator: "\n")
        let dir = try Support.temporaryDirectory("closing-date")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("yijian.txt")
        try Support.write(text + "\n", to: file)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        let facts = try #require(try searcher.documents().first)
        #expect(facts.date == "2024-05-10" && facts.dateInferred, "\(String(describing: facts.date))")
        #expect(try searcher.search("养老 date:2024-05").total > 0 || searcher.search("推进 date:2024-05").total > 0)
    }

    /// A notice whose attachments follow its signature and date: the date line before them, also
    /// when a 版记 (抄送：…, …印发) closes the file after the attachments.
    @Test(arguments: [false, true])
    func theDateLineBeforeTheAttachments(record: Bool) throws {
        let body = (1...16).map { "（\($0)）申报企业应当符合第\($0)项条件，按要求提交申报材料，确保材料真实有效。" }
        let text =
            (["某省商务厅关于组织申报省级外贸转型升级基地的通知", "", "各设区市商务局："] + body
            + [
                "", "附件：1.申报表", "2.推荐汇总表", "", "某省商务厅", "", "2023年5月10日", "", "附件1", "", "省级外贸转型升级基地申报表", "",
                "申报单位（盖章）：", "填报日期：2023年  月  日", "", "附件2", "", "推荐汇总表", "", "推荐单位（盖章）：",
                "序号\t企业名称\t2022年出口额\t主导产品"
            ] + (1...8).map { "\($0)\t某某企业\($0)\t\($0 * 100)万美元\t机电产品" }
            + (record ? ["", "抄送：省人民政府办公厅，省财政厅。", "", "某省商务厅办公室　　　　　　2023年5月12日印发"] : [])).joined(separator: "\n")
        let dir = try Support.temporaryDirectory("attachments-date")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("notice.txt")
        try Support.write(text + "\n", to: file)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let facts = try #require(try Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index"))).documents().first)
        #expect(facts.date == "2023-05-10", "\(String(describing: facts.date))")
    }

    /// A regulation's amending 决定 with its adoption note under the title, paragraphs set apart by
    /// blank lines: the note is a passage of its own (not joined to the paragraph after it) and
    /// dates the document by its publication.
    @Test func anAmendingDecisionDatesFromItsNote() throws {
        let text = [
            "某市人民政府关于修改《某市公共数据资源管理办法》的决定",
            "（2025年9月2日某市人民政府第88次常务会议审议通过，2025年9月16日某市人民政府令第171号公布，自公布之日起施行）",
            "市人民政府决定对《某市公共数据资源管理办法》作如下修改：",
            "一、将第五条第二款修改为：“市大数据发展局是本市公共数据资源主管部门，负责统筹、指导、协调和监督全市公共数据资源管理工作。”",
            "二、删去第二十条。",
            "本决定自公布之日起施行。《某市公共数据资源管理办法》根据本决定作相应修改，重新公布。"
        ].joined(separator: "\n\n")
        let dir = try Support.temporaryDirectory("decision-date")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("jueding.txt")
        try Support.write(text + "\n", to: file)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let reader = try IndexReader(directory: dir.appendingPathComponent("index"))
        #expect(try reader.passage(1).text.hasSuffix("自公布之日起施行）"))
        let facts = try #require(try Searcher(reader: reader).documents().first)
        #expect(facts.date == "2025-09-16", "\(String(describing: facts.date))")
    }
}
