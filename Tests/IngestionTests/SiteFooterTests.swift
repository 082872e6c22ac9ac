import Foundation
import TestSupport
import Testing

@testable import Ingestion

/// A web site's footer that a saved or printed page keeps after the document (主办单位, 版权所有,
/// ICP备 …) is no part of it: not filed under the last article or appendix, not found by search.
@Suite struct SiteFooterTests {
    static let plan = """
        某市关于促进跨境电商发展的若干措施

        一、支持企业开拓市场

        对跨境电商企业参加境外展会给予补贴。

        二、加强人才培养

        支持高校开设跨境电商专业。
        FOOTER
        """

    static let footer = """

        网站地图
        |
        联系我们
        主办：某市商务局 版权所有©
        编辑部信箱 office@example.gov.cn
        网站标识码：1200000032 某ICP备19003166号
        """

    @Test func aSiteFooterAfterTheLastSectionIsDropped() throws {
        let d = Ingestor.ingest(text: Self.plan.replacingOccurrences(of: "FOOTER", with: Self.footer), name: "plan.txt")
        #expect(!d.passages.contains { $0.text.contains("网站地图") || $0.text.contains("ICP备") || $0.text.contains("联系我们") })
        let last = try #require(d.passages.last)
        #expect(last.text == "支持高校开设跨境电商专业。")
        #expect(last.path == ["二、加强人才培养"])
    }

    /// A page printed from the site: its footer line on every page, between the document's paragraphs.
    @Test func aFooterLineRepeatedOnEveryPageIsDropped() {
        let footer = "版权所有：某市人民政府办公室 某ICP备05070218号"
        let printed =
            Self.plan.replacingOccurrences(of: "FOOTER", with: "")
            .replacingOccurrences(of: "二、加强人才培养", with: footer + "\n\n二、加强人才培养") + "\n" + footer + "\n"
        let d = Ingestor.ingest(text: printed, name: "plan.txt")
        #expect(!d.passages.contains { $0.text.contains("ICP备") }, "\(d.passages.map(\.text))")
        #expect(d.passages.contains { $0.text == "对跨境电商企业参加境外展会给予补贴。" })
    }

    /// One mark in the text is the document's: a rule that cites 版权所有 keeps its sentence.
    @Test func oneCitedMarkIsKept() {
        let cited = "著作权人依法享有版权所有的各项权利。"
        let d = Ingestor.ingest(text: Self.plan.replacingOccurrences(of: "FOOTER", with: cited), name: "plan.txt")
        #expect(d.passages.contains { $0.text == cited })
        // Two marks, but followed by the document's own text: not a footer at the end.
        let body = Self.plan.replacingOccurrences(of: "FOOTER", with: Self.footer + "\n\n三、强化保障\n\n建立工作专班，定期调度推进各项措施落实到位。")
        #expect(Ingestor.ingest(text: body, name: "plan.txt").passages.contains { $0.text.contains("ICP备") })
    }

    /// The development set's saved pages: the Tianjin rules end with 附录3 (line 441, over the page's
    /// 附件： list of files) and then the site's footer twice (lines 444–461); the law printed from
    /// gov.cn ends with 第九十条 and the site's footer (lines 568–570).
    @Test(.enabled(if: Support.corpusDev != nil)) func theDevelopmentSetsSavedPages() throws {
        let dir = try #require(Support.corpusDev)
        let tianjin = try Ingestor.ingest(fileAt: dir.appendingPathComponent("tianjin_spring_festival_demand_response_rules_2021.txt"))
        let appendix = try #require(tianjin.headings.first { $0.label == "附录3" })
        #expect(appendix.title == "效果评估与补贴发放流程图" && appendix.line == 441)
        let law = try Ingestor.ingest(fileAt: dir.appendingPathComponent("administrative_reconsideration_law_2023_pdf_extract.txt"))
        for d in [tianjin, law] {
            #expect(!d.passages.contains { $0.text.contains("ICP备") || $0.text.contains("网站地图") || $0.text.contains("主办") }, "\(d.name)")
        }
        #expect(law.passages.last?.text == "第九十条本法自2024年1月1日起施行。")
    }
}
