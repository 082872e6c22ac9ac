import Foundation
import Testing

@testable import Ingestion

/// A 专栏 whose frame the document draws ends where the frame does: a rule typed under it
/// (━━━━, ────, ====), or the end of the one-cell table a web page sets it in. The paragraph
/// after it is the body's again.
@Suite struct FramedBoxTests {
    static let plan = """
        某市“十四五”商务发展规划

        一、完善社区商业网点

        推进便民生活圈建设。

        RULE
        专栏2　消费提质扩容工程
        1.商圈提升行动。推动重点商圈改造提升。
        2.老字号振兴行动。认定市级老字号20家。
        RULE

        加快补齐农村商业设施短板，推进县域商业体系建设。

        二、推动外贸高质量发展

        培育外贸新业态。
        """

    @Test(arguments: ["━━━━━━━━━━━━━━━━━━━━", "────────────", "==========", "＝＝＝＝＝＝"])
    func aRuleUnderTheBoxClosesIt(_ rule: String) {
        let d = Ingestor.ingest(text: Self.plan.replacingOccurrences(of: "RULE", with: rule), name: "plan.txt")
        #expect(d.passages.first { $0.text.hasPrefix("2.老字号振兴") }?.box == "专栏 2 消费提质扩容工程")
        let after = d.passages.first { $0.text.hasPrefix("加快补齐农村商业设施") }
        #expect(after != nil && after?.box == nil && after?.path == ["一、完善社区商业网点"])
        // The rule above the box's title closes nothing (no box is open), and is no passage.
        #expect(!d.passages.contains { $0.text.contains(rule.prefix(3)) })
        // A box of one line is closed by its rule too.
        let oneLine = Self.plan.replacingOccurrences(of: "RULE", with: rule).replacingOccurrences(of: "2.老字号振兴行动。认定市级老字号20家。\n", with: "")
        let single = Ingestor.ingest(text: oneLine, name: "plan.txt")
        #expect(single.passages.first { $0.text.hasPrefix("加快补齐农村商业设施") }?.box == nil)
    }

    /// A box's items that read as short titles (1.合肥国际陆港扩能工程。 / 2.…) are its items, not
    /// headings that would end the box and take the body after it.
    @Test func shortTitledItemsStayInTheirBox() {
        let text = """
            合肥市“十四五”现代物流业发展规划

            第一章 重点任务

            第一节 建设国家物流枢纽
            推进陆港型、空港型国家物流枢纽建设。

            专栏3 物流枢纽重点工程
            1.合肥国际陆港扩能工程。
            2.新桥机场航空物流园。
            ───────────────
            加强各类枢纽之间的协同联动，构建“通道+枢纽+网络”物流运行体系。

            第二节 发展冷链物流
            加快建设冷链物流骨干网络。
            """
        let d = Ingestor.ingest(text: text, name: "plan.txt")
        #expect(d.headings.map(\.display) == ["第一章 重点任务", "第一节 建设国家物流枢纽", "专栏 3 物流枢纽重点工程", "第二节 发展冷链物流"])
        #expect(d.passages.first { $0.text.hasPrefix("2.新桥机场") }?.box == "专栏 3 物流枢纽重点工程")
        let after = d.passages.first { $0.text.hasPrefix("加强各类枢纽") }
        #expect(after?.box == nil && after?.path == ["第一章 重点任务", "第一节 建设国家物流枢纽"])
    }

    /// A box framed by one rule (━━━ under its title and under its content) ends at that rule's
    /// second drawing, not at a rule of another kind that separates its groups (────).
    @Test func aRuleBetweenTheBoxsGroupsKeepsItOpen() {
        let text = """
            某市文化旅游发展“十四五”规划

            第一章 重点任务

            一、建设文旅项目

            （一）推进重大项目建设。全市实施文旅项目50个。

            专栏1　文旅重点工程
            ━━━━━━━━━━━━━━━━━━━━
            一、景区提升工程
            1.提升5A级景区2个。
            2.新创4A级景区5个。
            ────────────────
            二、文旅融合工程
            1.建设文创园区3个。
            2.打造夜间文旅消费集聚区10个。
            ━━━━━━━━━━━━━━━━━━━━

            （二）完善公共服务。建设旅游厕所100座。
            """
        let d = Ingestor.ingest(text: text, name: "plan.txt")
        #expect(d.headings.map(\.display) == ["第一章 重点任务", "一、建设文旅项目", "（一）推进重大项目建设", "专栏 1 文旅重点工程", "（二）完善公共服务"])
        #expect(d.passages.first { $0.text.hasPrefix("2.打造夜间") }?.box == "专栏 1 文旅重点工程")
        let after = d.passages.first { $0.text.hasPrefix("（二）完善公共服务") }
        #expect(after?.box == nil && after?.path == ["第一章 重点任务", "一、建设文旅项目", "（二）完善公共服务"])
    }

    /// The same box set one row per line: the table's end, not each row's, ends it.
    @Test func aOneColumnTableOfAWebPageIsOneFrame() throws {
        let rows = ["专栏2　消费提质扩容工程", "1.商圈提升行动。推动重点商圈改造提升。", "2.夜间经济行动。打造夜间消费集聚区5个。", "3.老字号振兴行动。认定市级老字号20家。"]
            .map { "<tr><td>\($0)</td></tr>" }.joined()
        let html = """
            <html><head><title>某市商务发展规划</title></head><body>
            <h1>某市“十四五”商务发展规划</h1>
            <p>一、完善社区商业网点</p>
            <p>推进便民生活圈建设。</p>
            <table border="1">\(rows)</table>
            <p>加快补齐农村商业设施短板，推进县域商业体系建设。</p>
            </body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "plan.html")
        #expect(d.passages.first { $0.text.hasPrefix("3.老字号振兴") }?.box == "专栏 2 消费提质扩容工程")
        #expect(d.passages.first { $0.text.hasPrefix("加快补齐农村商业设施") }?.box == nil)
    }

    @Test func aOneCellTableOfAWebPageClosesItsBox() throws {
        let html = """
            <html><head><title>某市商务发展规划</title></head><body>
            <h1>某市“十四五”商务发展规划</h1>
            <p>一、完善社区商业网点</p>
            <p>推进便民生活圈建设。</p>
            <table border="1"><tr><td><p>专栏2　消费提质扩容工程</p><p>1.商圈提升行动。推动重点商圈改造提升。</p>
            <p>2.老字号振兴行动。认定市级老字号20家。</p></td></tr></table>
            <p>加快补齐农村商业设施短板，推进县域商业体系建设。</p>
            <p>二、推动外贸高质量发展</p>
            <p>培育外贸新业态。</p>
            </body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "plan.html")
        #expect(d.passages.first { $0.text.hasPrefix("2.老字号振兴") }?.box == "专栏 2 消费提质扩容工程")
        let after = d.passages.first { $0.text.hasPrefix("加快补齐农村商业设施") }
        #expect(after != nil && after?.box == nil && after?.path == ["一、完善社区商业网点"])
    }
}
