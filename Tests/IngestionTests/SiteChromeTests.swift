import Foundation
import TestSupport
import Testing

@testable import Ingestion

/// A web site's footer that a saved or printed page keeps after the document (主办单位, 版权所有,
/// ICP备 …) is no part of it: not filed under the last article or appendix, not found by search.
@Suite struct SiteChromeTests {
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

    /// A 政策解读 page saved as text: the site's name, menu, breadcrumb and search box above the
    /// headline, its buttons, link list and footer below the last answer; the source line under
    /// the headline is a line of its own (the lead paragraph after it is a passage of its own).
    static let savedPage = """
        某省商务厅
        首页 | 机构概况 | 政务公开 | 政务服务 | 互动交流
        请输入关键词 搜索
        首页 > 政务公开 > 政策解读

        《某省促进外贸稳规模优结构若干措施》政策解读

        发布时间：2023-08-15 10:30  来源：某省商务厅  浏览次数：1826  字体：[大 中 小]

            近日，省人民政府办公厅印发《某省促进外贸稳规模优结构若干措施》。现就有关内容解读如下。

        一、问：《若干措施》出台的背景是什么？
            答：今年以来，外需收缩压力加大，我省外贸发展面临订单减少等困难。
        （责任编辑：王芳）

        【打印本页】【关闭窗口】

        相关链接：
        商务部 | 海关总署 | 某省人民政府

        主办单位：某省商务厅  承办单位：某省商务厅信息中心
        版权所有：某省商务厅  某ICP备05001234号-1
        网站地图 | 联系我们 | 使用帮助
        """

    @Test func aSavedPagesHeaderAndFooterAreNoPartOfIt() throws {
        let d = Ingestor.ingest(text: Self.savedPage, name: "page.txt")
        #expect(d.title == "《某省促进外贸稳规模优结构若干措施》政策解读")
        for chrome in ["机构概况", "请输入关键词", "首页", "打印本页", "相关链接", "海关总署", "责任编辑", "ICP备", "网站地图"] {
            #expect(!d.passages.contains { $0.text.contains(chrome) }, "\(chrome)")
        }
        let lead = try #require(d.passages.first { $0.text.hasPrefix("近日") })
        #expect(lead.firstLine == 10)
        #expect(d.passages.last?.text.hasPrefix("答：今年以来") == true)
    }

    /// A rule on how a site's footer must read quotes the footer's words in its sentences and
    /// numbered items: all of it is the document's, to its last line.
    @Test func aRuleAboutFootersKeepsItsItems() {
        let text = """
            某市政府网站页脚标注规范

            政府网站页脚应当依次标注以下内容：
            1．主办单位。统一标注为“主办单位：×××”，不得使用简称。
            2．版权声明。统一标注为“版权所有：×××”。
            3．ICP备案编号。标注格式为“某ICP备××××号”，并链接至备案管理系统。
            4．网站标识码。标注为“网站标识码：××××”。
            """
        let d = Ingestor.ingest(text: text, name: "rule.txt")
        for item in ["1．主办单位", "2．版权声明", "3．ICP备案编号", "4．网站标识码"] {
            #expect(d.passages.contains { $0.text.hasPrefix(item) }, "\(item)")
        }
    }

    /// A footer spaced with full-width spaces (read as rows), and a printout's sponsor line on
    /// every page, are the site's too.
    @Test func footerRowsAndARepeatedSponsorLine() {
        let sponsor = "主办单位：某市人民政府办公厅　承办：某市数据资源管理局"
        let body = Self.plan.replacingOccurrences(of: "FOOTER", with: "")
            .replacingOccurrences(of: "二、加强人才培养", with: sponsor + "\n\n二、加强人才培养")
        let text = body + "\n" + sponsor + "\n版权所有：某市人民政府　某ICP备05001234号　某公网安备33010302000231号\n商务部　|　某省人民政府　|　中国（某省）自由贸易试验区\n"
        let d = Ingestor.ingest(text: text, name: "plan.txt")
        for chrome in ["主办单位", "ICP备", "自由贸易试验区"] {
            #expect(!d.passages.contains { $0.text.contains(chrome) }, "\(chrome): \(d.passages.map(\.text))")
        }
        #expect(d.passages.contains { $0.text == "支持高校开设跨境电商专业。" })
    }

    /// Buttons are told from a bracketed label: 【专栏2】 is the document's.
    @Test func buttonsAreNoBoxLabel() {
        #expect(SiteChrome.isButtonRow("【打印本页】【关闭窗口】") && SiteChrome.isButtonRow("[大 中 小]"))
        #expect(!SiteChrome.isButtonRow("【专栏2】") && !SiteChrome.isButtonRow("【附件1】"))
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
