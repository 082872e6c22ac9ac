import Foundation
import Index
import TestSupport
import Testing

import Ingestion
@testable import Query

/// The labelled fields of a saved 政务公开 page give issuer, number and date where no catalog does,
/// and through them the region the filters use.
@Suite struct OpeningFieldsTests {
    @Test func fieldsOnTheirLineOrTheNext() {
        let f = OpeningFields(lines: [
            "天津政务网", "名 称 ：", "市工业和信息化局关于印发实施细则的通知", "发 布 机 构 ：", "天津市工业和信息化局", "发文字号：津工信电力〔2021〕3号",
            "成 文 日 期 ：", "发 文 日 期 ：", "2021年1月5日"
        ])
        #expect(f == OpeningFields(issuer: "天津市工业和信息化局", number: "津工信电力〔2021〕3号", date: "2021年1月5日"))
        // A label whose value is missing does not take the next label as its value.
        #expect(OpeningFields(lines: ["成文日期：", "发文日期：", "2021年1月5日"]).date == "2021年1月5日")
        #expect(OpeningFields(lines: ["推进数据要素市场化配置改革：总体要求"]) == OpeningFields())
        // A table of fields: label and value in neighbouring cells.
        let table = OpeningFields(lines: ["发布机构： | 浙江省人民政府办公厅 | 成文日期： | 2022年03月08日", "发文字号： | 浙政办发〔2022〕12号"])
        #expect(table == OpeningFields(issuer: "浙江省人民政府办公厅", number: "浙政办发〔2022〕12号", date: "2022年03月08日"))
        // A page printed to PDF runs a table row's fields together, a label even wrapped mid-word.
        let printed = OpeningFields(lines: [
            "索引号：003255001/202306-00021信息分类：政府文件", "发布机构：合肥市人民政府办公室主题分类：商贸、海关、旅游\\对外经贸合作成文日\n期：2023-06-15发文字号：合政办〔2023〕12号"
        ])
        #expect(printed == OpeningFields(issuer: "合肥市人民政府办公室", number: "合政办〔2023〕12号", date: "2023-06-15"))
    }

    /// A document number of its own line names the issuer's province; one cited in a sentence does not.
    @Test func onlyADocumentNumberLineNamesTheRegion() {
        #expect(Regions.isDocumentNumberLine("川府发〔2021〕12号") && Regions.isDocumentNumberLine("京经信发 〔2022〕 87号"))
        #expect(!Regions.isDocumentNumberLine("根据《上海市数据条例》（沪府发〔2021〕15号）要求，现就有关事项通知如下"))
        #expect(Regions.infer(title: "关于进一步加强数据安全管理的通知", issuer: nil, opening: ["按照（沪府发〔2021〕15号）要求"]) == nil)
        #expect(IssueDate.infer(title: "关于进一步加强数据安全管理的通知", opening: ["按照（沪府发〔2021〕15号）要求"]) == nil)
        #expect(Regions.infer(title: "关于进一步加强数据安全管理的通知", issuer: nil, opening: ["浙政办发〔2022〕12号"]) == "浙江省")
    }

    /// A county-level city numbers its documents with its own code: 青政办发 is 青州市's (山东), not
    /// 青海省's; 都府办发 is 都江堰市's. Its region is its place when the tables list it, else unknown.
    @Test func aLocalOrgansOwnCodeIsNotAProvince() {
        let title = "青州市人民政府办公厅关于印发青州市跨境电子商务发展三年行动计划的通知"
        #expect(Regions.infer(title: title, issuer: nil, opening: ["青政办发〔2023〕5号"]) == nil)
        #expect(Regions.infer(title: "关于印发跨境电子商务发展三年行动计划的通知", issuer: "青州市人民政府办公厅", opening: ["青政办发〔2023〕5号"]) == nil)
        #expect(
            Regions.infer(title: "关于印发跨境电子商务发展三年行动计划的通知", issuer: nil, opening: ["青州市人民政府办公厅文件", "青政办发〔2023〕5号"]) == nil)
        #expect(Regions.infer(title: "都江堰市发展和改革局关于做好2024年度项目申报工作的通知", issuer: nil, opening: ["都发改发〔2024〕3号"]) == nil)
        // Listed places and provincial organs as before.
        #expect(Regions.infer(title: "关于印发跨境电子商务发展三年行动计划的通知", issuer: nil, opening: ["青岛市人民政府办公厅", "青政办发〔2023〕5号"]) == "青岛市")
        #expect(Regions.infer(title: "关于印发跨境电子商务发展三年行动计划的通知", issuer: nil, opening: ["青政办发〔2023〕5号"]) == "青海省")
        // An addressee line is not an issuer.
        #expect(Regions.infer(title: "关于进一步加强数据安全管理的通知", issuer: nil, opening: ["各设区市人民政府，省政府各部门：", "浙政办发〔2022〕12号"]) == "浙江省")
    }

    /// The Tianjin notice of the development set, saved from its site without a catalog entry:
    /// its page says 发布机构 天津市工业和信息化局 and 发文字号 津工信电力〔2021〕3号, and its date line
    /// after 特此通知。 says 2021年2月2日 (read in the file).
    @Test func savedPageGetsItsRegionAndIssuer() throws {
        guard let dev = Support.corpusDev else { return }  // the development set is not beside this clone
        let file = dev.appendingPathComponent("tianjin_spring_festival_demand_response_rules_2021.txt")
        let dir = try Support.temporaryDirectory("opening-fields")
        defer { Support.remove(dir) }
        _ = try IndexBuilder.build(sources: [file], into: dir, threads: 1)
        let facts = try #require(try DocumentFacts.load(try IndexReader(directory: dir)).first)
        #expect(facts.issuer == "天津市工业和信息化局")
        #expect(facts.number == "津工信电力〔2021〕3号")
        #expect(facts.region == "天津市" && facts.regionInferred)
        #expect(facts.date == "2021-02-02" && facts.dateInferred)
    }

    /// `html` saved as page.html and indexed: its document's facts and every passage's text.
    /// A notice's document number on a line of its own under the organ (GB/T 9704), spaced as
    /// typeset: the number, without its spaces.
    @Test func theDocumentNumberOnItsOwnLine() throws {
        let text = """
            某市人民政府办公室文件

            某府办发 〔2023〕 7号

            某市人民政府办公室关于印发某市促进跨境电商发展若干措施的通知

            各区县人民政府，市政府各部门：

            现将《某市促进跨境电商发展若干措施》印发给你们，请认真贯彻执行。

            某市人民政府办公室
            2023年4月3日
            """
        let (facts, _) = try Self.indexed(page: text, name: "notice.txt")
        #expect(facts.number == "某府办发〔2023〕7号")
        #expect(facts.issuer == "某市人民政府办公室" && facts.date == "2023-04-03")
    }

    /// A regulation published by decree: its number is the decree's, as cited (上海市人民政府令 over
    /// （第19号） → 上海市人民政府令第19号; the president's order on one line with a Chinese numeral).
    /// A heading 公布令 over a number, or a sentence citing a decree, gives none; a number line's
    /// 签发人 is not part of the number.
    @Test(
        arguments: [
            ("某市人民政府令\n\n（第19号）\n\n《某市数据条例实施办法》已经市政府常务会议通过，现予公布。", "某市人民政府令第19号"),
            ("中华人民共和国主席令 第六号\n\n《中华人民共和国某某法》已由全国人民代表大会常务委员会通过，现予公布。", "中华人民共和国主席令第六号"),
            ("某部令\n\n2019年第1号\n\n《某某管理办法》已经部务会议审议通过，现予公布。", "某部令2019年第1号"),
            ("公布令\n\n（第19号）\n\n本办法自公布之日起施行。", nil),
            ("某市人民政府文件\n\n某府发〔2021〕5号　　　　签发人：王五\n\n各区县人民政府：\n\n现将办法印发给你们。", "某府发〔2021〕5号"),
            ("根据某市人民政府令第19号，制定本细则。\n\n本细则自公布之日起施行。", nil)
        ] as [(String, String?)])
    func aDecreeNumber(_ text: String, _ number: String?) throws {
        let (facts, _) = try Self.indexed(page: "某某管理办法\n\n" + text, name: "decree.txt")
        #expect(facts.number == number)
    }

    static func indexed(page html: String, name: String = "page.html") throws -> (facts: DocumentFacts, texts: [String]) {
        let dir = try Support.temporaryDirectory("fields-page")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent(name)
        try Support.write(html, to: file)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"), threads: 1)
        let reader = try IndexReader(directory: dir.appendingPathComponent("index"))
        let facts = try #require(try DocumentFacts.load(reader).first)
        return (facts, try (0..<reader.passageCount).map { try reader.passage($0).text })
    }

    /// A notice issuing two documents (GB/T 9704: the organ on its own line, the title wrapped at
    /// 和《…》, an attachment list of two items, the signature, the date line): the notice's own
    /// title is the document's (neither issued one is), and its date is the date line.
    @Test func aNoticeIssuingTwoDocuments() throws {
        let text = """
            青城市人民政府办公厅
            关于印发《青城市促进跨境电商高质量发展实施方案》
            和《青城市跨境电商重点任务分工》的通知

            青府办发〔2024〕15号

            各区（市）县人民政府，市政府各部门，有关单位：
            　　《青城市促进跨境电商高质量发展实施方案》和《青城市跨境电商重点任务分工》已经市政府同意，现印发给你们，请认真贯彻落实。

            附件：1. 青城市促进跨境电商高质量发展实施方案
            　　　2. 青城市跨境电商重点任务分工

            青城市人民政府办公厅
            2024年5月20日

            附件1

            青城市促进跨境电商高质量发展实施方案

            一、总体要求

            推动跨境电商高质量发展，到2026年，全市跨境电商交易额突破500亿元。

            附件2

            青城市跨境电商重点任务分工

            一、培育市场主体

            支持跨境电商龙头企业在我市设立区域总部，牵头单位为市商务局。

            """
        let dir = try Support.temporaryDirectory("two-documents")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("notice.txt")
        try Support.write(text, to: file)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"), threads: 1)
        let facts = try #require(try DocumentFacts.load(try IndexReader(directory: dir.appendingPathComponent("index"))).first)
        #expect(facts.title == "青城市人民政府办公厅关于印发《青城市促进跨境电商高质量发展实施方案》和《青城市跨境电商重点任务分工》的通知")
        #expect(facts.date == "2024-05-20" && facts.issuer == "青城市人民政府办公厅", "\(facts.date ?? "-") \(facts.issuer ?? "-")")
    }

    /// A gov.cn page's 信息公开 table stands above the article block, outside it: its fields are
    /// still read (the table was dropped with the page chrome).
    @Test func fieldsAboveTheArticleBlockAreRead() throws {
        let html = """
            <html><head><meta charset="utf-8"><title>某市关于促进消费的若干措施_某市人民政府</title></head><body>
            <div class="nav"><a href="/">首页</a> &gt; <a href="/zc">政策文件</a></div>
            <table class="xxgk"><tr><td>索引号：</td><td>11510100MB1234567X/2024-00123</td><td>发布机构：</td><td>某市人民政府办公厅</td></tr>
            <tr><td>发文字号：</td><td>川办发〔2024〕15号</td><td>成文日期：</td><td>2024年03月18日</td></tr></table>
            <div class="article"><h2>某市关于促进消费的若干措施</h2>
            <p>一、扩大汽车消费</p><p>对购买新能源汽车的个人给予3000元补贴，补贴资金由市级财政承担，鼓励汽车企业开展促销活动。</p>
            <p>二、促进餐饮消费</p><p>支持餐饮企业开展促销活动，对符合条件的企业给予一次性奖励，鼓励夜间经济发展。</p></div>
            <div class="footer">网站标识码：5101000001 蜀ICP备0000000号</div></body></html>
            """
        let (facts, texts) = try Self.indexed(page: html)
        #expect(facts.issuer == "某市人民政府办公厅" && facts.number == "川办发〔2024〕15号")
        #expect(facts.date == "2024-03-18" && facts.region == "四川省", "\(facts.date ?? "-") \(facts.region ?? "-")")
        #expect(facts.title == "某市关于促进消费的若干措施")
        // The fields come once, before the article, and the article once.
        #expect(texts.filter { $0.contains("某市人民政府办公厅") }.count == 1, "\(texts)")
        #expect(texts.filter { $0.contains("对购买新能源汽车的个人给予3000元补贴") }.count == 1, "\(texts)")
    }

    /// The fields as list items above the article, the date as the page prints it (2024-03-15).
    @Test func fieldsAsListItemsWithAnISODate() throws {
        let html = """
            <html><head><meta charset="utf-8"><title>湖南省商务厅关于推进跨境电商发展的意见</title></head><body>
            <div class="nav">首页 政务公开</div><ul><li>发布机构：湖南省商务厅</li><li>成文日期：2024-03-15</li></ul>
            <div id="zoom"><h1>湖南省商务厅关于推进跨境电商发展的意见</h1><p>为推动跨境电商发展，现提出以下意见。一、总体要求。坚持以习近平新时代中国特色社会主义思想为指导，推动跨境电商高质量发展，打造内陆开放高地。</p></div>
            </body></html>
            """
        let facts = try Self.indexed(page: html).facts
        #expect(facts.issuer == "湖南省商务厅" && facts.date == "2024-03-15", "\(facts.issuer ?? "-") \(facts.date ?? "-")")
    }

    /// The same fields in a layout table that also holds the article (old sites lay pages out in
    /// tables): the article is read once, the fields once.
    @Test func aLayoutTableAroundTheArticleIsNotReadTwice() throws {
        let html = """
            <html><head><meta charset="utf-8"><title>某市关于促进消费的若干措施</title></head><body><table><tr><td>
            <table><tr><td>发布机构：</td><td>某市人民政府办公厅</td></tr></table>
            <div class="article"><p>一、扩大汽车消费</p><p>对购买新能源汽车的个人给予3000元补贴，补贴资金由市级财政承担，鼓励汽车企业开展促销活动。</p>
            <p>二、促进餐饮消费</p><p>支持餐饮企业开展促销活动，对符合条件的企业给予一次性奖励，鼓励夜间经济发展。</p></div>
            </td></tr></table></body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "page.html")
        let texts = d.passages.map(\.text)
        #expect(texts.filter { $0.contains("某市人民政府办公厅") }.count == 1, "\(texts)")
        #expect(texts.filter { $0.contains("对购买新能源汽车的个人给予3000元补贴") }.count == 1, "\(texts)")
    }

    /// A saved page's source line names the organ that published it (the issuer when the title,
    /// cover and signature name none), and only an organ (新华社 is a source, not an issuer).
    @Test func theSourceLinesOrgan() {
        #expect(OpeningFields(lines: ["2024-08-16 来源：云南省商务厅"]).source == "云南省商务厅")
        #expect(OpeningFields(lines: ["发布时间：2024-08-16 来源：新华社"]).source == nil)
        // Counters after the source (浏览次数, 字体) end its value; 发布时间 is the page's date.
        let line = OpeningFields(lines: ["发布时间：2023-08-15 10:30  来源：贵州省商务厅  浏览次数：1826  字体：[大 中 小]"])
        #expect(line.source == "贵州省商务厅" && line.issuer == nil)
        #expect(line.published == "2023-08-15" && line.date == nil)
    }

    /// A notice saved from its site: the organ its title and signature name is the issuer, and
    /// its signed date the date, not the page's 来源 (an office of it) or 发布时间 (days later).
    @Test func theDocumentsOwnOrganAndDateComeBeforeThePages() throws {
        let text = """
            杭州市人民政府关于推动跨境电子商务高质量发展的实施意见

            发布时间：2024-05-20 10:30  来源：杭州市人民政府办公厅  浏览次数：1826

            各区、县（市）人民政府，市政府各部门、各直属单位：

            为推动我市跨境电子商务高质量发展，现提出如下实施意见。

            本实施意见自2024年6月20日起施行。

            杭州市人民政府
            2024年5月16日
            """
        let (facts, _) = try Self.indexed(page: text, name: "page.txt")
        #expect(facts.issuer == "杭州市人民政府", "\(facts.issuer ?? "-")")
        #expect(facts.date == "2024-05-16", "\(facts.date ?? "-")")
        let bare = text.replacingOccurrences(of: "杭州市人民政府关于", with: "关于").replacingOccurrences(of: "杭州市人民政府\n2024年5月16日", with: "")
        let (page, _) = try Self.indexed(page: bare, name: "page.txt")
        #expect(page.issuer == "杭州市人民政府办公厅" && page.date == "2024-05-20", "\(page.issuer ?? "-") \(page.date ?? "-")")
    }
}
