import Foundation
import Index
import Ingestion
import TestSupport
import Testing

@testable import Query

/// The issuing organ read from a title, where no catalog or labelled field gives one; titles as
/// official documents print them (and the development set's notices, read by eye).
@Suite struct IssuerNameTests {
    @Test(arguments: [
        ("北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知", "北京市经济和信息化局"),
        ("国务院办公厅关于加快发展外贸新业态新模式的意见", "国务院办公厅"),
        ("四川省人民政府关于印发四川省“十四五”商务发展规划的通知", "四川省人民政府"),
        ("中国人民银行 农业农村部印发《关于加强金融服务农村改革 推进乡村全面振兴的意见》", "中国人民银行 农业农村部"),
        ("成都市发展和改革委员会转发国家发展改革委关于…的通知", "成都市发展和改革委员会")
    ])
    func organBeforeWhatItIssues(_ title: String, _ issuer: String) {
        #expect(IssuerName.infer(fromTitle: title) == issuer)
    }

    /// Joint issuers that cleaning ran together are listed apart; one organ with its office, or a
    /// national organ's local office, stays whole.
    @Test(arguments: [
        ("中国人民银行农业农村部", "中国人民银行、农业农村部"),
        ("中共中央办公厅国务院办公厅", "中共中央办公厅、国务院办公厅"),
        ("中共四川省委四川省人民政府", "中共四川省委、四川省人民政府"),
        ("四川省人民政府办公厅", "四川省人民政府办公厅"),
        ("国家税务总局四川省税务局", "国家税务总局四川省税务局"),
        ("国家发展和改革委员会", "国家发展和改革委员会"),
        ("全国人民代表大会常务委员会", "全国人民代表大会常务委员会"),
        ("成都市服务业发展领导小组办公室", "成都市服务业发展领导小组办公室"),
        ("中国人民银行 农业农村部", "中国人民银行、农业农村部")
    ])
    func jointIssuersListedApart(_ joined: String, _ listed: String) {
        #expect(OrganNames.listed(joined) == listed)
    }

    /// A title opening with joint issuers gets back the space its source set between them.
    @Test func aTitlesJointIssuersAreSpaced() {
        #expect(
            OrganNames.spacedTitle("云南省商务厅云南省财政厅云南省市场监督管理局关于开展县域商业体系建设的通知")
                == "云南省商务厅 云南省财政厅 云南省市场监督管理局关于开展县域商业体系建设的通知")
        #expect(OrganNames.spacedTitle("四川省人民政府办公厅关于印发…的通知") == "四川省人民政府办公厅关于印发…的通知")
        #expect(OrganNames.spacedTitle("成都市“十四五”服务业发展规划") == "成都市“十四五”服务业发展规划")
    }

    /// A title that starts with its subject names no issuer.
    @Test(arguments: ["关于推进北京市数据专区建设的指导意见", "成都市“十四五”服务业发展规划", "推动跨境电商高质量发展的若干措施关于", "数字经济关于"])
    func subjectFirstNamesNone(_ title: String) {
        #expect(IssuerName.infer(fromTitle: title) == nil)
    }

    /// A plan's cover prints its issuer and month under the title; both are read when nothing else gives them.
    /// A decree names its organ: 上海市人民政府令 over （第19号） (the development set's Lingang
    /// measures), or …人民政府令第88号公布 in a regulation's adoption note.
    @Test func decreeLines() {
        #expect(IssuerName.decreeLine("上海市人民政府令") == "上海市人民政府")
        #expect(
            IssuerName.decreeLine("（2024年3月15日青城市人民政府第12次常务会议通过　2024年4月1日青城市人民政府令第88号公布　自2024年6月1日起施行）")
                == "青城市人民政府")
        #expect(IssuerName.decreeLine("(2019年8月6日上海市人民政府令第19号公布)") == "上海市人民政府")
        #expect(IssuerName.decreeLine("各地要严格执行禁令") == nil)
        #expect(IssuerName.decreeLine("命令") == nil)
        #expect(IssuerName.decreeLine("国务院令 第708号") == "国务院")
        // Cited, not published by it (newcomer trial): the citation names another document's issuer.
        #expect(IssuerName.decreeLine("根据某市人民政府令第19号，制定本细则。") == nil)
        #expect(IssuerName.decreeLine("本办法依据（某市人民政府令第19号）制定。") == nil)
    }

    @Test func coverLines() throws {
        #expect(IssuerName.coverLine("长沙市人民政府") == "长沙市人民政府")
        #expect(IssuerName.coverLine("中共长沙市委　长沙市人民政府") == "中共长沙市委　长沙市人民政府")
        #expect(IssuerName.coverLine("各市州人民政府：") == nil)
        // A signature that a Markdown hard break joined to its date line.
        #expect(IssuerName.coverLine("成都市服务业发展领导小组办公室2021年9月30日") == "成都市服务业发展领导小组办公室")
        #expect(IssuerName.coverLine("到2021年9月30日") == nil)
        #expect(IssuerName.coverLine("加快建设现代化产业体系，推动服务业发展") == nil)
        #expect(IssueDate.monthLine("2021年9月") == "2021-09" && IssueDate.monthLine("2021年12月") == "2021-12")
        #expect(IssueDate.monthLine("2021年13月") == nil && IssueDate.monthLine("到2021年9月") == nil)
        #expect(IssueDate.monthLine("二〇二一年十一月") == "2021-11" && IssueDate.monthLine("二〇二二年三月") == "2022-03")
        #expect(IssueDate.signedLine("江西省商务厅 二〇二一年十一月") == "2021-11")
        // A cover's issuer and date on one line (the date as a PDF spaces it, or not; with or without its day).
        #expect(IssueDate.signedLine("湖南省人民政府办公厅 2021 年 9 月") == "2021-09")
        #expect(IssueDate.signedLine("湖南省人民政府办公厅2021年9月28日") == "2021-09-28")
        #expect(IssueDate.signedLine("到2025年跨境电商交易额2021年9月") == nil && IssueDate.signedLine("加快发展2021年9月") == nil)
        #expect(IssuerName.coverLine("湖南省人民政府办公厅2021年9月") == "湖南省人民政府办公厅")
        let dir = try Support.temporaryDirectory("cover")
        defer { Support.remove(dir) }
        let body = (1...8).map { "（\($0)）加快推进数字经济重点任务第\($0)项，完善政策措施，强化要素保障。" }
        let text = (["长沙市“十四五”数字经济发展规划", "", "长沙市人民政府", "", "2021年9月", "", "一、发展基础"] + body).joined(separator: "\n")
        try Support.write(text + "\n", to: dir.appendingPathComponent("plan.txt"))
        _ = try IndexBuilder.build(sources: [dir.appendingPathComponent("plan.txt")], into: dir.appendingPathComponent("index"))
        let facts = try #require(try Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index"))).documents().first)
        #expect(
            facts.issuer == "长沙市人民政府" && facts.date == "2021-09", "\(String(describing: facts.issuer)) \(String(describing: facts.date))")
    }

    /// Documents of the development set without a catalog: `issuer:` finds the Beijing notice by its organ.
    @Test(.enabled(if: Support.corpusDev != nil, "the development set ../shared/corpus-dev is absent"))
    func developmentSetIssuers() throws {
        let dir = try Support.temporaryDirectory("issuer")
        defer { Support.remove(dir) }
        let file = try #require(Support.corpusDev).appendingPathComponent("beijing_data_zone_guiding_opinions_2022.txt")
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        #expect(try searcher.search("数据专区 issuer:经济和信息化局").total > 0)
        #expect(try searcher.search("数据专区 issuer:人民政府").total == 0)
    }

    /// A document that names its issuer only where it is signed: the organ over the closing date
    /// line (the document's last passages, last first), or joined to it; not an organ named in a
    /// table's cell with no date under it.
    @Test func theSignatureOverTheClosingDate() {
        #expect(IssuerName.signature(closing: ["2025年4月3日", "江州市人民政府", "三、强化保障。"]) == "江州市人民政府")
        #expect(IssuerName.signature(closing: ["江州市人民政府办公室2025年5月8日", "加强组织实施。"]) == "江州市人民政府办公室")
        #expect(IssuerName.signature(closing: ["市商务局", "2 | 建设海外仓 | 市商务局"]) == nil)
        #expect(IssuerName.signature(closing: ["2025年4月3日", "各地要认真贯彻落实。"]) == nil)
    }

    /// A law or regulation names no organ in its title; its adoption note says who passed it.
    @Test func theBodyAnAdoptionNoteNames() {
        let law = "（1999年4月29日第九届全国人民代表大会常务委员会第九次会议通过　2023年9月1日第十四届全国人民代表大会常务委员会第五次会议修订）"
        #expect(IssuerName.adoptionNote(law) == "全国人民代表大会常务委员会")
        let regulation = "（2024年3月18日江州市人民政府第42次常务会议审议通过，2024年4月2日江州市人民政府令第156号公布）"
        #expect(IssuerName.adoptionNote(regulation) == "江州市人民政府")
        #expect(IssuerName.adoptionNote("（一）加强组织领导。各地召开第三次会议部署。") == nil)
    }
}
