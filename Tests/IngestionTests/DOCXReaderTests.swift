import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// Word's own structure in a .docx: automatic list numbering drawn as Word draws it (一、 （一） 1.),
/// heading styles as heading evidence, tables as rows, footnotes after their paragraph, a Title
/// paragraph as title evidence. The XML is Word's (WordprocessingML), written here by hand.
@Suite struct DOCXReaderTests {
    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

    static let numbering = """
        <w:numbering \(w)>
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>
        </w:numbering>
        """

    static let styles = """
        <w:styles \(w)>
          <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
          <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
          <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
          <w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>
        </w:styles>
        """

    static func paragraph(_ text: String, style: String? = nil, level: Int? = nil, extra: String = "") -> String {
        var ppr = ""
        if let style { ppr += "<w:pStyle w:val=\"\(style)\"/>" }
        if let level { ppr += "<w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"7\"/></w:numPr>" }
        return "<w:p><w:pPr>\(ppr)</w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r>\(extra)</w:p>"
    }

    static let document = """
        <w:document \(w)><w:body>
        \(paragraph("关于加快发展外贸新业态的实施方案", style: "Title"))
        \(paragraph("一、总体要求 ........ 1", style: "TOC1"))
        \(paragraph("总体要求", style: "1", level: 0))
        \(paragraph("指导思想", level: 1))
        \(paragraph("以习近平新时代中国特色社会主义思想为指导。", extra: "<w:r><w:footnoteReference w:id=\"2\"/></w:r>"))
        \(paragraph("主要任务", style: "MyHeading", level: 0))
        \(paragraph("发展跨境电商。支持企业建设海外仓。", level: 2))
        \(paragraph("发展市场采购贸易。", level: 2))
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2025年</w:t></w:r></w:p></w:tc></w:tr>
        <w:tr><w:tc><w:p><w:r><w:t>进出口总额</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1.2万亿元</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><w:t>第一行</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r><w:r><w:delText>删除的字</w:delText></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>
        </w:body></w:document>
        """

    static let footnotes = """
        <w:footnotes \(w)><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:t>—</w:t></w:r></w:p></w:footnote>
        <w:footnote w:id="2"><w:p><w:r><w:t>数据来源：海关统计。</w:t></w:r></w:p></w:footnote></w:footnotes>
        """

    /// A document body (no styles, numbering or footnotes) read and built as ingestion builds it.
    static func ingest(_ document: String, name: String = "plan.docx") -> Document {
        let body = DOCXBody(styles: DOCXStyles(), numbering: DOCXNumbering(), footnotes: [:])
        #expect(parseXML(Data(document.utf8), delegate: body))
        return Ingestor.build(
            SourceDocument(format: .docx, lines: body.lines, titleEvidence: body.titleEvidence()), name: name, metadata: nil,
            encoding: "UTF-8")
    }

    static func body() -> DOCXBody {
        let styles = DOCXStyles()
        _ = parseXML(Data(Self.styles.utf8), delegate: styles)
        let numbering = DOCXNumbering()
        _ = parseXML(Data(Self.numbering.utf8), delegate: numbering)
        let notes = DOCXFootnotes()
        _ = parseXML(Data(Self.footnotes.utf8), delegate: notes)
        let body = DOCXBody(styles: styles, numbering: numbering, footnotes: notes.notes)
        #expect(parseXML(Data(Self.document.utf8), delegate: body))
        return body
    }

    @Test func listNumberingIsDrawnAsWordDrawsIt() {
        let texts = Self.body().lines.map(\.text)
        #expect(
            texts == [
                "关于加快发展外贸新业态的实施方案", "一、总体要求", "（一）指导思想", "以习近平新时代中国特色社会主义思想为指导。", "数据来源：海关统计。",
                "二、主要任务", "1.发展跨境电商。支持企业建设海外仓。", "2.发展市场采购贸易。", "指标 | 2025年", "进出口总额 | 1.2万亿元", "第一行", "第二行"
            ])
    }

    /// w:lvlRestart (ECMA-376 §17.9.10): 0 never restarts the level (items numbered 1–4 straight
    /// through two sections, as plans number them); 1 restarts it at level 1 only, not at level 2.
    @Test(arguments: [("0", ["一、", "1.", "2.", "二、", "3.", "4."]), ("1", ["一、", "1.", "2.", "二、", "1.", "2."])])
    func levelRestartIsFollowed(_ restart: String, _ labels: [String]) {
        let numbering = DOCXNumbering()
        let xml = """
            <w:numbering \(Self.w)><w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/><w:lvlRestart w:val="\(restart)"/></w:lvl>
            </w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>
            """
        _ = parseXML(Data(xml.utf8), delegate: numbering)
        #expect([0, 1, 1, 0, 1, 1].map { numbering.nextLabel(numID: "7", level: $0) } == labels)
    }

    @Test func stylesTablesFootnotesAndBreaksKeepTheirRoles() {
        let lines = Self.body().lines
        #expect(lines[1].role == .heading(level: 1))
        #expect(lines[5].role == .heading(level: 1))  // 我的标题, based on heading 1
        #expect(lines[4].role == .footnote)
        #expect(lines[8].role == .tableRow(cells: ["指标", "2025年"]))
        #expect(lines[10].softBreak && !lines[11].softBreak)
        #expect(Self.body().titleEvidence() == ["关于加快发展外贸新业态的实施方案"])
    }

    /// Word's multi-level list linked to the heading styles: the numbers (第一章, 第一节, 一、) come
    /// with the style, not the paragraph; a style naming only the list takes its level from the
    /// list's w:pStyle.
    @Test func numberingLinkedToHeadingStylesIsDrawn() {
        let styles = DOCXStyles()
        _ = parseXML(
            Data(
                """
                <w:styles \(Self.w)>
                  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
                  <w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="sub"/><w:basedOn w:val="Heading2"/></w:style>
                  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
                </w:styles>
                """.utf8), delegate: styles)
        let numbering = DOCXNumbering()
        _ = parseXML(
            Data(
                """
                <w:numbering \(Self.w)><w:abstractNum w:abstractNumId="4">
                  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading1"/><w:lvlText w:val="第%1章"/></w:lvl>
                  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading2"/><w:lvlText w:val="第%2节"/></w:lvl>
                  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="Heading3"/><w:lvlText w:val="%3、"/></w:lvl>
                </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="4"/></w:num></w:numbering>
                """.utf8), delegate: numbering)
        let body = DOCXBody(styles: styles, numbering: numbering, footnotes: [:])
        let document =
            "<w:document \(Self.w)><w:body>"
            + [
                Self.paragraph("发展基础", style: "Heading1"), Self.paragraph("发展成就", style: "Heading2"),
                Self.paragraph("跨境电商", style: "Heading3"), Self.paragraph("正文。"), Self.paragraph("面临形势", style: "Sub"),
                Self.paragraph("总体要求", style: "Heading1"), Self.paragraph("指导思想", style: "Heading2")
            ].joined() + "</w:body></w:document>"
        #expect(parseXML(Data(document.utf8), delegate: body))
        #expect(body.lines.map(\.text) == ["第一章发展基础", "第一节发展成就", "一、跨境电商", "正文。", "第二节面临形势", "第二章总体要求", "第一节指导思想"])
    }

    /// A 专栏 drawn in Word as a one-cell table: its paragraphs are lines (title, then items), not
    /// one row run together; a table of several columns stays rows.
    @Test func aOneCellTableIsReadAsItsParagraphs() {
        let body = DOCXBody(styles: DOCXStyles(), numbering: DOCXNumbering(), footnotes: [:])
        let cell = ["专栏2 新型基础设施重点工程", "1.5G网络建设工程：新建5G基站1万个。", "2.数据中心集聚工程：新增标准机架2万个。"]
            .map { Self.paragraph($0) }.joined()
        let document =
            "<w:document \(Self.w)><w:body><w:tbl><w:tr><w:tc>\(cell)</w:tc></w:tr></w:tbl>"
            + "<w:tbl><w:tr><w:tc>\(Self.paragraph("指标"))</w:tc><w:tc>\(Self.paragraph("2025年"))</w:tc></w:tr></w:tbl></w:body></w:document>"
        #expect(parseXML(Data(document.utf8), delegate: body))
        #expect(body.lines.map(\.text) == ["专栏2 新型基础设施重点工程", "1.5G网络建设工程：新建5G基站1万个。", "2.数据中心集聚工程：新增标准机架2万个。", "指标 | 2025年"])
        #expect(body.lines[0].role == .text && body.lines[3].role == .tableRow(cells: ["指标", "2025年"]))
    }

    /// A 专栏 drawn as a Word text box (w:txbxContent, as Word and LibreOffice anchor it inside a body
    /// paragraph, with a VML copy in mc:Fallback): the box holds its own paragraphs only, and the
    /// body paragraphs after it are body text again, not the box's.
    @Test(arguments: [false, true])
    func aTextBoxClosesItsBox(endsWithAnEmptyParagraph: Bool) {
        let box = (["专栏1 外贸主体培育重点", "01 支持链主企业出海。", "02 培育一批外贸综合服务企业。"] + (endsWithAnEmptyParagraph ? [" "] : []))
            .map { Self.paragraph($0) }.joined()
        let frame =
            "<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent>\(box)</w:txbxContent></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><w:txbxContent>\(box)</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        let document = """
            <w:document \(Self.w) xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
            \(Self.paragraph("关于推进贸易强省建设的实施意见", style: "Title"))
            \(Self.paragraph("一、强化产业主体支撑"))
            \(Self.paragraph("（一）发挥电子信息产业集群成链优势。多渠道稳定优势产业订单。", extra: frame))
            \(Self.paragraph("（二）提高装备制造国际市场地位。推动装备制造企业开拓国际市场。"))
            \(Self.paragraph("（三）扩大农产品出口。建设出口农产品示范基地。"))
            </w:body></w:document>
            """
        let body = DOCXBody(styles: DOCXStyles(), numbering: DOCXNumbering(), footnotes: [:])
        #expect(parseXML(Data(document.utf8), delegate: body))
        // Once each: the Fallback copy is not read.
        #expect(body.lines.filter { $0.text.hasPrefix("专栏1") }.count == 1)
        #expect(body.lines.filter(\.closesFrame).map(\.text) == [endsWithAnEmptyParagraph ? " " : "02 培育一批外贸综合服务企业。"])
        let source = SourceDocument(format: .docx, lines: body.lines, titleEvidence: body.titleEvidence())
        let d = Ingestor.build(source, name: "draft.docx", metadata: nil, encoding: "UTF-8")
        let boxed = d.passages.filter { $0.box != nil }.map(\.text)
        #expect(boxed == ["专栏1外贸主体培育重点", "01支持链主企业出海。", "02培育一批外贸综合服务企业。"])
        let after = d.passages.first { $0.text.hasPrefix("（二）提高装备制造") }
        #expect(after != nil && after?.box == nil && after?.path.last == "（二）提高装备制造国际市场地位")
    }

    /// A 专栏 drawn as a one-cell table closes where the table's row ends: the body paragraph
    /// after it is body text; a one-cell row holding only the box's title is a caption, and the
    /// indicator table under it stays in the box.
    @Test func aOneCellTableClosesItsBox() {
        let cell = ["专栏2 消费提质扩容工程", "1.商圈提升行动。推动重点商圈改造提升。", "2.老字号振兴行动。认定市级老字号20家。"].map { Self.paragraph($0) }.joined()
        let caption = Self.paragraph("专栏3 主要指标")
        let rows = "<w:tr><w:tc>\(Self.paragraph("指标"))</w:tc><w:tc>\(Self.paragraph("2025年"))</w:tc></w:tr>"
        let document = """
            <w:document \(Self.w)><w:body>
            \(Self.paragraph("某市商务发展规划", style: "Title"))
            \(Self.paragraph("一、完善社区商业网点"))
            <w:tbl><w:tr><w:tc>\(cell)</w:tc></w:tr></w:tbl>
            \(Self.paragraph("加快补齐农村商业设施短板，推进县域商业体系建设。"))
            \(Self.paragraph("二、发展目标"))
            <w:tbl><w:tr><w:tc>\(caption)</w:tc></w:tr>\(rows)</w:tbl>
            </w:body></w:document>
            """
        let d = Self.ingest(document)
        let after = d.passages.first { $0.text.hasPrefix("加快补齐农村商业设施") }
        #expect(after != nil && after?.box == nil && after?.path == ["一、完善社区商业网点"])
        #expect(d.passages.first { $0.text.hasPrefix("2.老字号振兴") }?.box == "专栏 2 消费提质扩容工程")
        #expect(d.passages.first { $0.kind == .tableRow }?.box == "专栏 3 主要指标")
    }

    /// A 专栏 drawn as a one-cell table that holds its indicator table (a table inside the cell):
    /// the inner table's rows are rows of the box, none lost.
    @Test func aTableInsideAOneCellBoxKeepsItsRows() {
        func row(_ cells: [String]) -> String { "<w:tr>" + cells.map { "<w:tc>\(Self.paragraph($0))</w:tc>" }.joined() + "</w:tr>" }
        let inner = "<w:tbl>" + row(["指标", "单位", "2024年", "2027年目标"]) + row(["服务业增加值", "亿元", "3600", "4500"]) + "</w:tbl>"
        let document = """
            <w:document \(Self.w)><w:body>
            \(Self.paragraph("某市服务业扩大开放实施方案", style: "Title"))
            \(Self.paragraph("一、发展目标"))
            <w:tbl><w:tr><w:tc>\(Self.paragraph("专栏1 主要指标"))\(inner)\(Self.paragraph("注：增加值按现价计算。"))</w:tc></w:tr></w:tbl>
            \(Self.paragraph("到2027年，服务业开放水平明显提升。"))
            </w:body></w:document>
            """
        let d = Self.ingest(document)
        let row = d.passages.first { $0.text.contains("3600") }
        #expect(row?.kind == .tableRow && row?.box == "专栏 1 主要指标")
        #expect(row?.text == "服务业增加值 | 亿元 | 3600 | 4500")
        #expect(d.passages.first { $0.text.hasPrefix("注：增加值") }?.box == "专栏 1 主要指标")
        #expect(d.passages.first { $0.text.hasPrefix("到2027年") }?.box == nil)
    }

    /// A notice whose body starts at its title (no front matter before it), the addressees on the
    /// next paragraph with no blank between: the title is a passage of its own, not joined to them.
    @Test func aOneLineTitleIsNotJoinedToTheAddressees() {
        let document = """
            <w:document \(Self.w)><w:body>
            \(Self.paragraph("广西壮族自治区商务厅广西壮族自治区财政厅关于做好2025年外经贸发展专项资金项目申报工作的通知"))
            \(Self.paragraph("各设区市商务局、财政局，自治区各有关单位："))
            \(Self.paragraph("为用好外经贸发展专项资金，现就做好2025年项目申报工作通知如下。"))
            \(Self.paragraph("一、支持方向"))
            \(Self.paragraph("支持外贸企业开拓国际市场。"))
            </w:body></w:document>
            """
        let d = Self.ingest(document, name: "notice.docx")
        #expect(d.passages.contains { $0.text == "各设区市商务局、财政局，自治区各有关单位：" }, "\(d.passages.prefix(3).map(\.text))")
    }

    /// A 专栏 set as a one-column table of several rows (its title, then an item a row) is one
    /// frame: every row is the box's, and the body paragraph after the table is not.
    @Test func aOneColumnTableOfSeveralRowsIsOneFrame() {
        let rows = ["专栏2 消费提质扩容工程", "1.商圈提升行动。推动重点商圈改造提升。", "2.夜间经济行动。打造夜间消费集聚区5个。", "3.老字号振兴行动。认定市级老字号20家。"]
            .map { "<w:tr><w:tc>\(Self.paragraph($0))</w:tc></w:tr>" }.joined()
        let document = """
            <w:document \(Self.w)><w:body>
            \(Self.paragraph("某市商务发展规划", style: "Title"))
            \(Self.paragraph("一、完善社区商业网点"))
            <w:tbl>\(rows)</w:tbl>
            \(Self.paragraph("加快补齐农村商业设施短板，推进县域商业体系建设。"))
            </w:body></w:document>
            """
        let d = Self.ingest(document)
        #expect(d.passages.first { $0.text.hasPrefix("3.老字号振兴") }?.box == "专栏 2 消费提质扩容工程")
        #expect(d.passages.first { $0.text.hasPrefix("加快补齐农村商业设施") }?.box == nil)
    }

    /// A table typed with tabs (or converted from a tab-separated text file: one paragraph per row,
    /// w:tab between cells) is read as rows; a single tab (第一章<tab>总则) is a space.
    @Test func tabSeparatedParagraphsAreRows() {
        func tabbed(_ cells: [String]) -> String {
            "<w:p><w:r>" + cells.map { "<w:t>\($0)</w:t>" }.joined(separator: "<w:tab/>") + "</w:r></w:p>"
        }
        let document =
            "<w:document \(Self.w)><w:body>\(tabbed(["第一章", "总则"]))"
            + "\(tabbed(["序号", "指标", "单位", "2025年"]))\(tabbed(["1", "社会消费品零售总额", "亿元", "1200"]))</w:body></w:document>"
        let body = DOCXBody(styles: DOCXStyles(), numbering: DOCXNumbering(), footnotes: [:])
        #expect(parseXML(Data(document.utf8), delegate: body))
        let d = Ingestor.build(
            SourceDocument(format: .docx, lines: body.lines, titleEvidence: []), name: "t.docx", metadata: nil, encoding: "UTF-8")
        #expect(d.headings.map(\.display) == ["第一章 总则"])
        #expect(d.passages.filter { $0.kind == .tableRow }.map(\.text).count == 2)
    }

    @Test func chineseCounting() {
        #expect(
            [1, 9, 10, 11, 19, 20, 23, 100, 105, 119].map(DOCXNumbering.chinese) == [
                "一", "九", "十", "十一", "十九", "二十", "二十三", "一百", "一百零五", "一百一十九"
            ])
        #expect(DOCXNumbering.format(3, as: "decimalEnclosedCircle") == "③")
        #expect(DOCXNumbering.format(4, as: "upperRoman") == "IV")
    }

    @Test func theStructureOfTheDocumentComesThrough() {
        let source = SourceDocument(
            format: .docx,
            lines: Self.body().lines.enumerated().map { i, l in
                var line = l
                line.line = i + 1
                return line
            }, titleEvidence: Self.body().titleEvidence())
        let d = Ingestor.build(source, name: "plan.docx", metadata: nil, encoding: "UTF-8")
        #expect(d.title == "关于加快发展外贸新业态的实施方案")
        #expect(d.headings.map(\.display) == ["一、总体要求", "（一）指导思想", "二、主要任务", "1.发展跨境电商", "2.发展市场采购贸易"])
        #expect(d.passages.contains { $0.kind == .footnote && $0.text == "数据来源：海关统计。" })
        #expect(d.passages.contains { $0.text == "第一行第二行" })
    }
}
