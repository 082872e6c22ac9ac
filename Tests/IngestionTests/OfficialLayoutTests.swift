import Foundation
import Testing
@testable import Ingestion

/// Layouts of official documents (GB/T 9704) that the corpora lack, each written here as such a
/// document prints it: a decree (政府令) before the rules it publishes, 专栏 items numbered （1）,
/// the closing 版记, and a PDF made from a Markdown file whose contents page lost its leaders.
@Suite struct OfficialLayoutTests {
    /// Lines as a PDF reader gives them, built as ingestion builds a PDF.
    static func pdf(_ lines: [SourceLine], evidence: [String] = [], name: String = "plan.pdf") -> Document {
        Ingestor.build(SourceDocument(format: .pdf, lines: lines, titleEvidence: evidence), name: name, metadata: nil, encoding: "UTF-8")
    }

    /// A decree's header is every decree's (成都市人民政府令 （第215号）): the title is the rules'.
    @Test func aDecreeIsTitledByTheRulesItPublishes() {
        let text = """
            成都市人民政府令

            （第215号）

            《成都市跨境电子商务综合试验区管理办法》已经2024年1月18日市政府第52次常务会议通过，现予公布，自2024年3月1日起施行。

            市长　王凤朝
            2024年1月25日

            成都市跨境电子商务综合试验区管理办法

            第一章　总则

            第一条　为了推进跨境电子商务综合试验区建设，制定本办法。

            第二条　本办法适用于本市行政区域内跨境电子商务活动。
            """
        let d = Ingestor.ingest(text: text, name: "decree.txt")
        #expect(d.title == "成都市跨境电子商务综合试验区管理办法")
        #expect(d.headings.map(\.display).contains("第一章 总则"))
        // A decree that does not print the rules' title again is titled by its 公布 sentence.
        let bare = Ingestor.ingest(
            text:
                "重庆市人民政府令\n\n第368号\n\n《重庆市跨境电子商务发展促进办法》已经2024年5月6日市政府第50次常务会议通过，现予公布，自2024年7月1日起施行。\n\n市长　胡衡华\n2024年5月20日\n\n第一章　总则\n\n第一条　为了促进跨境电子商务发展，制定本办法。\n",
            name: "decree2.txt")
        #expect(bare.title == "重庆市跨境电子商务发展促进办法")
        // A notice about a decree is no decree header: its title stays its own.
        #expect(!TitleBlock.isDecreeHeader("关于贯彻落实国务院令的通知"))
        #expect(TitleBlock.isDecreeHeader("中华人民共和国国务院令（第732号）"))
    }

    /// After 1.发展数据贸易 (a numbered paragraph), a 专栏's items numbered （1） (a label, a colon,
    /// its content) are the box's items, not headings that close it; the heading after them does
    /// close it. The box is its section's, （一）拓展数字贸易业态, not the paragraph's it follows.
    @Test func boxItemsNumberedInParenthesesStayInTheBox() {
        let text = """
            四川省数字贸易高质量发展行动计划

            一、重点任务

            （一）拓展数字贸易业态

            1.发展数据贸易。探索数据跨境流动安全管理机制。

            专栏2　数字贸易新业态培育重点

            （1）数字文化：游戏出海、网络文学、数字影视。

            （2）数字医疗：远程诊疗、医药研发外包。

            （二）完善数字贸易基础设施

            1.建设国际通信设施。推进国际互联网数据专用通道扩容。
            """
        let d = Ingestor.ingest(text: text, name: "plan.txt")
        let items = d.passages.filter { $0.text.hasPrefix("（1）") || $0.text.hasPrefix("（2）") }
        #expect(items.count == 2)
        #expect(items.map(\.box) == ["专栏 2 数字贸易新业态培育重点", "专栏 2 数字贸易新业态培育重点"])
        #expect(items.map { $0.path.last } == ["（一）拓展数字贸易业态", "（一）拓展数字贸易业态"])
        #expect(!d.headings.map(\.display).contains { $0.hasPrefix("（1）") })
        let after = d.passages.first { $0.text.hasPrefix("1.建设国际通信设施") }
        #expect(after != nil && after?.box == nil && after?.path == ["一、重点任务", "（二）完善数字贸易基础设施", "1.建设国际通信设施"])
    }

    /// The 版记 (抄送 and the printing office and date) closes the document: it belongs to neither
    /// the attachment above it nor the last section.
    @Test func theClosingRecordIsItsOwnPart() {
        let text = """
            重庆市跨境电商高质量发展行动方案

            一、工作目标

            到2027年，全市跨境电商交易额突破1000亿元。

            二、保障措施

            （一）加强组织领导。市商务委牵头建立工作专班。

            附件：重庆市跨境电商发展主要指标

            序号\t指标\t单位\t2027年
            1\t跨境电商交易额\t亿元\t1000

            抄送：市委各部门，市人大常委会办公厅，市政协办公厅。
            重庆市人民政府办公厅                    2024年3月6日印发
            """
        let d = Ingestor.ingest(text: text, name: "notice.txt")
        let copyTo = d.passages.first { $0.text.hasPrefix("抄送") }
        #expect(copyTo?.path == ["版记"] && copyTo?.box == nil)
        let row = d.passages.first { $0.text.contains("跨境电商交易额") && $0.kind == .tableRow }
        #expect(row?.path.first?.hasPrefix("附件") == true)
        let spaced = Ingestor.ingest(text: "某市工作方案\n\n一、工作目标\n\n到2027年建成示范区。\n\n分送　市统计局，成都海关。\n", name: "n2.txt")
        #expect(spaced.passages.first { $0.text.hasPrefix("分送") }?.path == ["版记"])
        // 印发 in a title or a sentence is not the record.
        let body = d.passages.first { $0.text.hasPrefix("（一）加强组织领导") }
        #expect(body?.path.first == "二、保障措施")
    }

    /// A plan's one attachment noted at the end of its body (附件：X) and then set as GB/T 9704 sets
    /// it (附件 on its own line over the title): the note stays in the body, the attachment opens once.
    @Test func aNotedAttachmentOpensWhereItIsSet() {
        let text = """
            某省低空经济发展行动计划

            一、发展目标

            到2026年，低空经济规模达到800亿元。

            二、保障措施

            （一）加强组织领导。建立省级工作专班。

            附件：某省低空经济重点项目清单（2024—2026年）

            附件

            某省低空经济重点项目清单（2024—2026年）

            序号	项目名称	建设地点
            1	通用机场建设	合肥市
            """
        let d = Ingestor.ingest(text: text, name: "plan.txt")
        let attachments = d.headings.filter { $0.kind == .document && $0.label.hasPrefix("附件") }
        #expect(attachments.map(\.line) == [13])
        let note = d.passages.first { $0.text.hasPrefix("附件：") }
        #expect(note?.path.first == "二、保障措施")
        let row = d.passages.first { $0.text.contains("通用机场建设") }
        #expect(row?.path.first?.hasPrefix("附件") == true)
    }

    /// An attachment's label on its own line over a title that opens with a year: the heading's
    /// text keeps them apart, so 附件1 and 2024年 make no 12024.
    @Test func anAttachmentLabelAndATitleOpeningWithAYearStayApart() {
        let text = "某省商务厅关于做好2024年外贸工作的通知\n\n一、工作目标\n\n稳住外贸基本盘。\n\n附件1\n\n2024年全省外贸进出口目标分解表\n\n序号\t地区\t目标\n1\t南昌市\t1200\n"
        let d = Ingestor.ingest(text: text, name: "notice.txt")
        let heading = d.passages.first { $0.kind == .heading && $0.text.hasPrefix("附件1") }
        #expect(heading?.text == "附件1 2024年全省外贸进出口目标分解表", "\(String(describing: heading?.text))")
    }

    /// A joint notice's first page in PDF: the issuers' mark (their names one above the other, the
    /// largest text of the page) is no title; the title block under the document number is, and the
    /// addressees wrapped after it are a passage of their own.
    @Test func aJointIssuerMarkIsNoTitle() {
        let raw = [
            "江州市经济和信息化局", "江州市财政局", "江经信发〔2025〕31号", "江州市经济和信息化局 江州市财政局", "关于组织开展2025年度中小企业数字化转型试点申报工作的通知",
            "各区（县）经济和信息化主管部门、财政局，江州经开区、高新区管委", "会：", "为加快推动我市中小企业数字化转型，现就有关事项通知如下。", "一、申报对象",
            "在本市行政区域内依法注册的中小企业。"
        ]
        let lines = raw.enumerated().map { SourceLine(text: $1, line: $0 + 1, page: 1) }
        let d = Self.pdf(lines, evidence: ["江州市经济和信息化局江州市财政局"], name: "notice.pdf")
        #expect(d.title == "江州市经济和信息化局 江州市财政局关于组织开展2025年度中小企业数字化转型试点申报工作的通知")
        #expect(d.passages.contains { $0.text == "各区（县）经济和信息化主管部门、财政局，江州经开区、高新区管委会：" })
    }

    /// A 专栏 drawn inset in a PDF (a frame or a table cell): where its lines start says nothing of
    /// paragraphs, so an item wrapped at the box's edge is one passage, found by a phrase across
    /// the wrap, even where extraction marks the wrapped line indented.
    @Test func itemsWrappedInsideAnInsetBoxAreJoined() {
        let raw: [(String, Bool)] = [
            ("某市会展经济三年行动方案", true), ("一、总体目标", true), ("到2027年，全市会展业综合实力显著增强，举办展览面积达到500万平方米，引进和培育", true),
            ("品牌展会50个，会展业直接收入突破80亿元，带动相关产业收入超过600亿元，把本市建设成", false), ("为中部地区会展中心城市。", false),
            ("专栏1 会展场馆提升工程", false), ("1.国际会展中心扩容。推进国际会展中心二期建设，新增室内展览面积10万平方米，", false),
            ("配套建设会议中心、酒店和停车场，2026年底前建成投入使用，形成会、展、商、旅一体", false), ("化的会展综合体。", true),
            ("2.专业场馆建设。支持各区县结合产业特色建设专业展馆，鼓励利用闲置", false), ("厂房改造建设中小型展览场馆，形成“一核多点”的会展场馆布局。", true),
            ("二、重点任务", true), ("（一）培育品牌展会。支持国际工程机械展览会做大做强，提升国际化、专业化、品牌化水平，力争", true),
            ("3个以上展会获得国际展览业协会认证。", false)
        ]
        let lines = raw.enumerated().map { SourceLine(text: $1.0, line: $0 + 1, page: 1, indented: $1.1) }
        let d = Self.pdf(lines)
        #expect(d.passages.contains { $0.text.contains("旅一体化的会展综合体。") && $0.box == "专栏 1 会展场馆提升工程" })
        #expect(d.passages.contains { $0.text.contains("利用闲置厂房") })
    }

    /// A plan's title the page wrapped inside its bracket (…实施方案（2025— / 2027 年）) is one title; a
    /// body sentence ending in a 文种 after the first numbered heading (…每半年通报) is none.
    @Test func aTitleWrappedInsideItsBracket() {
        let raw = [
            "遂宁市推进跨境电商和海外仓协同发展实施方案（2025—", "2027 年）", "遂宁市商务局", "2025 年 9 月", "为推动跨境电商和海外仓协同发展，结合遂宁实际，制定本方案。",
            "一、发展目标", "到2027年，全市跨境电商交易规模力争达到30亿元。", "二、保障措施", "市商务局会同市财政局、遂宁海关等部门建立工作推进机制，每半年通报",
            "一次工作进展。"
        ]
        let lines = raw.enumerated().map { SourceLine(text: $1, line: $0 + 1, page: 1) }
        let d = Self.pdf(lines)
        #expect(d.title == "遂宁市推进跨境电商和海外仓协同发展实施方案（2025—2027年）")
    }

    /// A PDF printed from a Markdown file: its text keeps the `#` marks, and its contents page set
    /// the last entries without leaders (第九章 加快推动数字商务发展 ( 47 )). The body's headings are
    /// the outline, not the contents entries.
    @Test func markdownMarksAndUnleaderedEntriesInAPDF() {
        let raw = [
            "重庆市商务发展“十四五”规划", "# 目 录", "第一篇 奋力开启商务高质量发展新征程..... ( 6 )", "第一章 发展基础.....( 7 )",
            "第一节 发展成就 ..... ( 7 )", "第二章 总体思路 ..... ( 10 )", "第九章 加快推动数字商务发展 ( 47 )", "第一节 高质量发展电子商务 ( 47 )",
            "第十章 打造国际一流商务环境 ( 49 )", "## 第一篇 奋力开启商务高质量发展新征程", "“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年。",
            "## 第一章 发展基础", "### 第一节 发展成就", "全市外贸整体规模进一步扩大，货物进出口总额超过2.6万亿元。", "## 第二章 总体思路",
            "坚持稳中求进工作总基调。"
        ]
        let lines = raw.enumerated().map { SourceLine(text: $1, line: $0 + 1, page: $0 < 9 ? 1 : 2) }
        let d = Self.pdf(lines)
        #expect(d.headings.map(\.display) == ["第一篇 奋力开启商务高质量发展新征程", "第一章 发展基础", "第一节 发展成就", "第二章 总体思路"])
        #expect(d.headings.map(\.line) == [10, 12, 13, 15])
        let hit = d.passages.first { $0.text.contains("2.6万亿元") }
        #expect(hit?.path == ["第一篇 奋力开启商务高质量发展新征程", "第一章 发展基础", "第一节 发展成就"])
        // # before anything but a Chinese heading is content (C# 语言, #1; the space beside 语 goes,
        // as every space beside CJK does).
        #expect(LineCleaner.clean("C# 语言", line: 1, markup: false).text == "C#语言")
        #expect(LineCleaner.clean("#1 试点", line: 1, markup: false).text == "#1试点")
    }

    /// Headings that a narrow page wrapped (pdftotext -raw of the trade draft printed 18 characters
    /// wide): the tail 盘 is part of its heading, not a passage, and so is 动 of a run-in heading's
    /// lead (…提质行 / 动。加快推进…); paragraphs wrapped beside them stay paragraphs.
    @Test func aHeadingWrappedByLayoutIsOneHeading() {
        let raw = [
            "关于加快建设贸易强省的实施意见", "一、总体要求", "（一）主要目标", "到2027年，全省外贸规模迈上新台阶，", "货物贸易达到1.2万亿元、在全国的位次保持",
            "稳定，力争服务贸易规模超1600亿元、保持", "中西部第一。", "二、强化产业主体支撑，稳住外贸基本", "盘", "1.做大优势产业贸易规模。",
            "发挥电子信息产业集群成链优势。多渠", "道稳定集成电路、智能终端、新型显示等优", "势产业订单，确保到2027年电子信息产业年",
            "度进出口规模超6500亿元。", "2.开展海关特殊监管区域赋能提质行", "动。加快推进综合保税区综合改革，支持综", "保区依托区位优势和产业基础错位发展。"
        ]
        let lines = raw.enumerated().map { SourceLine(text: $1, line: $0 + 1, page: 1) }
        let d = Self.pdf(lines, name: "draft.pdf")
        #expect(
            d.headings.map(\.display) == [
                "一、总体要求", "（一）主要目标", "二、强化产业主体支撑，稳住外贸基本盘", "1.做大优势产业贸易规模", "2.开展海关特殊监管区域赋能提质行动"
            ])
        #expect(!d.passages.contains { $0.text == "盘" })
        let p = d.passages.first { $0.text.hasPrefix("发挥电子信息") }
        #expect(p?.text.hasSuffix("度进出口规模超6500亿元。") == true)
        #expect(p?.path == ["二、强化产业主体支撑，稳住外贸基本盘", "1.做大优势产业贸易规模"])
        // A run-in heading wrapped after its lead's last character: its passage is the whole item.
        let item = d.passages.first { $0.text.hasPrefix("2.开展") }
        #expect(item?.text == "2.开展海关特殊监管区域赋能提质行动。加快推进综合保税区综合改革，支持综保区依托区位优势和产业基础错位发展。")
    }

    /// What follows a full-width heading without ending it: a date, a signature, a bracketed note,
    /// a list of short lines, a paragraph's first line cut at the margin. And the title that wraps
    /// onto a nearly full line, which ends where its block ends.
    @Test func aFullWidthHeadingKeepsWhatFollowsApart() {
        let raw = [
            "泸州市跨境电商发展工作要点", "为推动全市跨境电商高质量发展，加快建设", "开放型经济，结合我市实际，制定本要点。", "一、加快建设跨境电商综合试验区核心区块",
            "2024年3月1日", "二、培育壮大跨境电商经营主体和服务企业", "跨境电商", "海外仓", "边境仓", "三、强化产业主体支撑，稳住外贸基本盘",
            "支持企业扩大出口，培育外贸龙头企业，推动", "加工贸易梯度转移，巩固外贸基本盘。", "四、全面加强跨境电商发展的组织领导工作", "宜宾市商务局",
            "五、全面提升贸易服务和安全保障能力，营造", "国际一流的营商环境", "", "六、优化跨境电商发展环境全面提升服务水平", "（此件公开发布）"
        ]
        let lines = raw.enumerated().map { SourceLine(text: $1, line: $0 + 1, page: 1) }
        let d = Self.pdf(lines)
        #expect(
            d.headings.map(\.display) == [
                "一、加快建设跨境电商综合试验区核心区块", "二、培育壮大跨境电商经营主体和服务企业", "三、强化产业主体支撑，稳住外贸基本盘",
                "四、全面加强跨境电商发展的组织领导工作", "五、全面提升贸易服务和安全保障能力，营造国际一流的营商环境", "六、优化跨境电商发展环境全面提升服务水平"
            ])
        #expect(d.passages.contains { $0.text.hasPrefix("支持企业扩大出口") })
    }

    /// 印发 in a notice's title issues a document only when it names one (《…》, or a name ending in
    /// its 文种); a notice about issuing keeps its own title.
    @Test func aTitleAboutIssuingIssuesNothing() {
        #expect(TitleBlock.issuedTitle(in: "关于进一步规范公文印发和抄送工作的通知") == nil)
        #expect(TitleBlock.issuedTitle(in: "关于做好政策文件印发后解读工作的通知") == nil)
        #expect(TitleBlock.issuedTitle(in: "关于印发成都市电子商务发展规划的通知") == "成都市电子商务发展规划")
        #expect(TitleBlock.issuedTitle(in: "关于印发《成都市“十四五”电子商务发展规划》的通知") == "成都市“十四五”电子商务发展规划")
        let d = Ingestor.ingest(text: "关于进一步规范公文印发和抄送工作的通知\n\n各区（市）县商务主管部门：\n\n为规范公文处理，现就有关事项通知如下。\n", name: "n.txt")
        #expect(d.title == "关于进一步规范公文印发和抄送工作的通知")
    }

    /// A contents page printed narrow (pdftotext -raw of the Chongqing plan on a 90 mm page): page
    /// numbers wrap after their bracket, with or without leaders (…消费活力潜力.....( / 14),
    /// …赋能商务发展 ( / 49)). The contents end where the body starts, not at the first such entry.
    @Test func contentsWhosePageNumbersWrapped() {
        let raw = [
            "重庆市商务发展“十四五”规划", "目录", "第一章发展基础.....(7)", "第一节发展成就.....(7)", "第二节激发各领域消费活力潜力.....(", "14)",
            "第二章加快推动数字商务发展(47)", "第一节高质量发展电子商务(47)", "第二节 数字化智能化赋能商务发展 (", "49)", "第三章打造国际一流商务环境(49)",
            "第一章 发展基础", "“十四五”时期，我市发展环境和条件都有新的深刻复杂变化。", "第一节 发展成就", "全市外贸整体规模进一步扩大。"
        ]
        let lines = raw.enumerated().map { SourceLine(text: $1, line: $0 + 1, page: $0 < 11 ? 1 : 2) }
        let d = Self.pdf(lines)
        #expect(d.headings.map(\.display) == ["第一章 发展基础", "第一节 发展成就"])
        #expect(d.headings.map(\.line) == [12, 14])
    }
}
