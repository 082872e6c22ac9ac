import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// A government page saved from a browser (Fixtures/sichuan-trade-power-page.html: GB2312, site
/// header, navigation, breadcrumb, a sidebar of related links, share and print links, footer,
/// scripts and styles around the article) yields only the article's text, with its structure.
@Suite struct HTMLReaderTests {
    static let page = Support.root.appendingPathComponent("Tests/IngestionTests/Fixtures/sichuan-trade-power-page.html")

    static func document() throws -> Document { try Ingestor.ingest(fileAt: page) }

    @Test func onlyTheMainTextIsKept() throws {
        let d = try Self.document()
        #expect(d.format == "html")
        #expect(d.encoding == "GB18030")
        let all = d.passages.map(\.text).joined(separator: "\n")
        for clutter in [
            "首页", "政务公开", "当前位置", "相关链接", "稳外贸稳外资", "分享到", "打印本页", "版权所有", "ICP", "网站地图", "欢迎访问", "_hmt",
            "font-family", "无障碍", "请输入关键字", "浏览次数", "字体"
        ] {
            #expect(!all.contains(clutter), "\(clutter) leaked into the passages")
        }
        // The page's h1 above the article is its first passage (searchable, as a text file's title
        // line is), then its dated source line without the page's counters (the date is read from
        // it), then every paragraph of the article, in order.
        #expect(d.passages.first?.text == "关于加快建设贸易强省的实施意见（征求意见稿）")
        #expect(d.passages.dropFirst().first?.text == "发布时间：2023-06-12 10:30来源：对外贸易处")
        #expect(d.passages.dropFirst(2).first?.text.hasPrefix("为深入贯彻习近平总书记来川视察作出的") == true)
        #expect(d.passages.last?.text.hasSuffix("无需其他格式。") == true)
    }

    @Test func titleFromTheH1NotTheSiteTitle() throws {
        let d = try Self.document()
        #expect(d.title == "关于加快建设贸易强省的实施意见（征求意见稿）")
    }

    @Test func outlineFromTheArticle() throws {
        let d = try Self.document()
        #expect(
            d.headings.map(\.display) == [
                "一、总体要求", "（一）指导思想", "（二）主要目标", "二、强化产业主体支撑，稳住外贸基本盘", "1.做大优势产业贸易规模",
                "2.培育壮大多层次、全链条的外贸主体队伍", "三、优化外贸结构，构建更加协调均衡的贸易格局", "3.全力扩大进口规模"
            ])
    }

    @Test func tablesAreRowsAndEntitiesAreDecodedAndMarkupInTextIsText() throws {
        let d = try Self.document()
        let rows = d.passages.filter { $0.kind == .tableRow }.map(\.text)
        #expect(rows == ["指标 | 2022年 | 2027年目标", "货物贸易（万亿元） | 1.0 | 1.2", "服务贸易（亿元） | 1200 | >1600"])
        let last = try #require(d.passages.last)
        #expect(last.text.contains("“<script>alert('贸易强省')</script>意见”"))
        #expect(d.passages.contains { $0.text.contains("“构筑向西开放战略高地和参与国际竞争新基地”") })
    }

    /// A box's items set in one table cell, broken by <br> (as gov.cn pages set a 专栏), are the
    /// items' own passages; a row of several cells stays one row.
    @Test func aOneCellRowWithBreaksIsItsLines() throws {
        let html = """
            <html><head><title>某市数字经济实施方案</title></head><body><div class="content">
            <p>一、重点任务</p><p>加快建设新型基础设施，推动数字经济高质量发展，打造数字经济发展高地。</p>
            <table><tr><td>专栏1 重点工程</td></tr>
            <tr><td>1.算力基础设施工程。建设成都智算中心二期。<br>2.千兆光网工程。新增10G-PON端口5万个。</td></tr>
            <tr><td>指标</td><td>2025年<br>目标</td></tr></table></div></body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "page.html")
        let texts = d.passages.map(\.text)
        #expect(texts.contains("1.算力基础设施工程。建设成都智算中心二期。"), "\(texts)")
        #expect(texts.contains("2.千兆光网工程。新增10G-PON端口5万个。"), "\(texts)")
        #expect(texts.contains("指标 | 2025年 目标") || texts.contains("指标 | 2025年目标"), "\(texts)")
    }

    @Test func inlineElementsDoNotBreakLinesAndBlocksDo() throws {
        let html = """
            <html><head><title>某市关于促进消费的若干措施 - 某市人民政府门户网站</title></head><body>
            <div class="main"><p>一、<span>扩大</span><b>汽车</b>消费</p><p>对购买新能源汽车的个人给予<font color=red>3000元</font>补贴，<br>补贴资金由市级财政承担。</p>
            <h2>二、促进餐饮消费</h2><p>支持餐饮企业开展促销活动，对符合条件的企业给予一次性奖励，鼓励夜间经济发展。</p></div>
            <div id="footer">主办：某市人民政府办公室</div></body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "page.htm")
        #expect(d.title == "某市关于促进消费的若干措施")
        #expect(d.headings.map(\.display) == ["一、扩大汽车消费", "二、促进餐饮消费"])
        #expect(d.passages.map(\.text).contains("对购买新能源汽车的个人给予3000元补贴，补贴资金由市级财政承担。"))
        #expect(!d.passages.contains { $0.text.contains("主办") })
    }

    /// An ordered list's items carry the numbers a browser draws (start, value, type, none), so an
    /// article numbered with <ol> has the same outline as one that types its numbers.
    @Test func orderedListItemsKeepTheirNumbers() throws {
        let html = """
            <html><body><div class="content"><h1>关于加快发展跨境电商的实施意见</h1>
            <p>为加快发展跨境电子商务，推动外贸高质量发展，结合本市实际，现提出如下实施意见。</p>
            <h2>一、主要任务</h2>
            <ol><li>建设海外仓。支持企业在重点市场建设海外仓，完善跨境物流服务体系和售后网络。</li>
            <li>培育市场主体。引进培育一批跨境电商龙头企业，支持传统外贸企业开展跨境电商业务。</li></ol>
            <ol start="3"><li>优化监管服务。推进跨境电商综合试验区建设，提升通关便利化水平。</li></ol>
            <ol><li value="4">强化人才支撑。支持高校开设跨境电商相关专业，培养复合型人才队伍。</li></ol>
            <ol style="list-style-type: none"><li>不编号的有序列表项，浏览器不显示序号，这里也不应加上。</li></ol>
            <ol type="i"><li>第一项罗马数字编号的列表内容，用于检验小写罗马数字。</li><li>第二项罗马数字编号的列表内容。</li></ol>
            </div></body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "ol.html")
        #expect(d.headings.map(\.display) == ["一、主要任务", "1.建设海外仓", "2.培育市场主体", "3.优化监管服务", "4.强化人才支撑"])
        let texts = d.passages.map(\.text)
        #expect(texts.contains { $0.hasPrefix("不编号的有序列表项") })
        #expect(texts.contains { $0.hasPrefix("i.") && $0.contains("第一项罗马数字") })
        #expect(texts.contains { $0.hasPrefix("ii.") && $0.contains("第二项罗马数字") })
    }

    /// A frameset holds no text of its own, and a page that only redirects none at all: each is
    /// refused with where its text is, not indexed as a "no frames" notice or called empty.
    @Test func framesetsAndRedirectsSayWhereTheTextIs() throws {
        let frameset = """
            <html><head><title>合肥市人民政府信息公开</title></head><frameset rows="120,*">
            <frame src="top.html" name="top"><frame src="main.html" name="main">
            <noframes><body>您的浏览器不支持框架。</body></noframes></frameset></html>
            """
        do {
            _ = try Ingestor.ingest(bytes: Array(frameset.utf8), name: "frames.html")
            Issue.record("a frameset was indexed")
        } catch let e as IngestionError {
            #expect(e.reason.contains("frameset") && e.reason.contains("top.html, main.html"), "\(e.reason)")
        }
        let redirect = """
            <html><head><meta charset="utf-8"><title>跳转中</title>
            <meta http-equiv="refresh" content="0;url=https://www.hefei.gov.cn/public/1741/108946221.html">
            </head><body></body></html>
            """
        do {
            _ = try Ingestor.ingest(bytes: Array(redirect.utf8), name: "redirect.html")
            Issue.record("a redirect page was indexed")
        } catch let e as IngestionError {
            #expect(e.reason.contains("redirects to https://www.hefei.gov.cn/public/1741/108946221.html"), "\(e.reason)")
        }
    }

    /// A portal's 信息公开 table keeps its 索引号 row (analysts cite it), and the attachment list it
    /// prints after the article, outside the article's block, is read with the article.
    @Test func indexNumberRowAndAttachmentListAfterTheArticle() throws {
        let html = """
            <html><body><div class="nav"><a href="/">首页</a></div>
            <table class="info"><tr><td>索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td>003255001/202306-00021</td><td>信息分类：</td><td>政府文件</td></tr>
            <tr><td>发布机构：</td><td>合肥市人民政府办公室</td><td>成文日期：</td><td>2023-06-15</td></tr></table>
            <div class="article"><div class="art-con" id="zoom">
            <p>各县（市）、区人民政府，市政府各部门：《合肥市促进跨境电子商务高质量发展若干措施》已经市政府同意，现印发给你们，请认真贯彻执行。</p>
            <p>一、总体目标</p><p>到2025年，全市跨境电商进出口额突破500亿元，培育跨境电商龙头企业30家，建设公共海外仓20个。</p>
            </div>
            <div class="fujian"><p>附件：</p><p><a href="/files/a1.docx">附件1.合肥市跨境电商龙头企业认定办法.docx</a></p>
            <p><a href="/files/a2.pdf">附件2.公共海外仓申报指南.pdf</a></p></div></div>
            <div class="footer">网站标识码：3401000001 主办单位：合肥市人民政府办公室</div></body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "page.html")
        let texts = d.passages.map(\.text)
        #expect(texts.contains { $0.contains("索引号") && $0.contains("003255001/202306-00021") }, "\(texts)")
        #expect(texts.contains { $0.contains("附件1.合肥市跨境电商龙头企业认定办法.docx") }, "\(texts)")
        #expect(texts.contains { $0.contains("附件2.公共海外仓申报指南.pdf") })
        #expect(!texts.contains { $0.contains("网站标识码") })
    }

    /// A news page's dated source line set between the title and the text block, outside it
    /// (`<div class="meta">2025-03-05 来源：…`): kept as the document's opening line, where the date
    /// is read from; a site header's line without 来源 is not.
    @Test(arguments: ["2025-03-05 来源：江州市商务局", "发布时间：2025-03-05 09:12　来源：江州市商务局", "发布日期：2025年03月05日　来源：江州市商务局"])
    func theSourceLineAboveTheTextBlock(_ meta: String) throws {
        let html = """
            <html><body><header><nav><a href="/">首页</a></nav><div class="today">2026年12月2日 星期三</div></header>
            <article><h1>《江州市促进跨境电子商务高质量发展若干措施》政策解读</h1>
            <div class="meta">\(meta) <span>浏览次数：<script>document.write(1024)</script></span></div>
            <div class="TRS_Editor"><p>近日，江州市人民政府办公室印发《江州市促进跨境电子商务高质量发展若干措施》。现就有关内容解读如下。</p>
            <p>一、《措施》出台的背景是什么？</p><p>近年来，我市跨境电商发展迅速，2024年全市跨境电商进出口额达到286亿元，同比增长31.5%。</p>
            <p>二、《措施》的主要内容有哪些？</p><p>《措施》共四个部分、六条具体措施，支持建设公共海外仓，推广9710、9810监管模式。</p></div></article>
            </body></html>
            """
        let d = try Ingestor.ingest(bytes: Array(html.utf8), name: "page.html")
        let compact = meta.filter { !$0.isWhitespace }
        #expect(
            d.passages.prefix(3).contains { $0.text.filter { !$0.isWhitespace }.hasPrefix(compact) }, "\(d.passages.prefix(3).map(\.text))")
        #expect(!d.passages.contains { $0.text.contains("星期三") })
    }
}
