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
