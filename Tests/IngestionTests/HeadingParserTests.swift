import Foundation
import Testing
@testable import Ingestion

/// The shape of one numbered line (`HeadingParser.parse` / `shape` / `parseBox`), on strings taken from
/// or modelled on the bundled plans. Whether a shape becomes a heading in context is checked at the end.
@Suite struct HeadingParserTests {
    static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var style: NumberingStyle
        var number: Int
        var label: String
        var rest: String
        var testDescription: String { line }
    }

    static let numbered: [Case] = [
        Case(line: "第五章 加快发展开放型经济", style: .chapter, number: 5, label: "第五章", rest: "加快发展开放型经济"),
        Case(line: "第十一章 加强党对商务工作的领导", style: .chapter, number: 11, label: "第十一章", rest: "加强党对商务工作的领导"),
        Case(line: "第一篇 奋力开启商务高质量发展新征程", style: .part, number: 1, label: "第一篇", rest: "奋力开启商务高质量发展新征程"),
        Case(line: "第二节 发展形势", style: .section, number: 2, label: "第二节", rest: "发展形势"),
        Case(line: "一、发展背景", style: .chineseComma, number: 1, label: "一、", rest: "发展背景"),
        Case(line: "三．主要任务", style: .chineseDot, number: 3, label: "三．", rest: "主要任务"),
        Case(line: "十二. 保障措施", style: .chineseDot, number: 12, label: "十二.", rest: "保障措施"),
        Case(line: "（一）指导思想", style: .chineseParen, number: 1, label: "（一）", rest: "指导思想"),
        Case(line: "(二) 存在问题", style: .chineseParen, number: 2, label: "(二)", rest: "存在问题"),
        Case(line: "1.做大优势产业贸易规模。", style: .arabicDot, number: 1, label: "1.", rest: "做大优势产业贸易规模。"),
        Case(line: "12.开展国家级经济技术开发区和高新区创新提升行动。", style: .arabicDot, number: 12, label: "12.", rest: "开展国家级经济技术开发区和高新区创新提升行动。"),
        Case(line: "2.2035年远景目标展望", style: .arabicDot, number: 2, label: "2.", rest: "2035年远景目标展望"),
        Case(line: "（1）开展试点", style: .arabicParen, number: 1, label: "（1）", rest: "开展试点"),
        Case(line: "第一百零一条 本条例自公布之日起施行。", style: .article, number: 101, label: "第一百零一条", rest: "本条例自公布之日起施行。"),
        Case(line: "第一千二百六十条 本法自2021年1月1日起施行。", style: .article, number: 1260, label: "第一千二百六十条", rest: "本法自2021年1月1日起施行。"),
        Case(line: "第一千零五条 自然人享有生命权。", style: .article, number: 1005, label: "第一千零五条", rest: "自然人享有生命权。")
    ]

    @Test(arguments: numbered)
    func parsesNumbering(_ c: Case) throws {
        let n = try #require(HeadingParser.parse(Self.scalars(c.line)))
        #expect(n.style == c.style)
        #expect(n.number == c.number)
        #expect(n.label.string == c.label)
        #expect(n.rest.string == c.rest)
    }

    /// Numbers, years and enumerations in running text are not numbering.
    @Test(arguments: [
        "2.08万亿元", "2025年", "2020 年省委、省政府首次召开全省", "1.39万亿元增至 2020年的 2.08万亿元",
        "3.5万亿元左右", "一是加强统筹协调", "8个协同改革先行区建设取得阶段性成效。",
        "第3页", "规划期至 2025年，展望到 2035年。"
    ])
    func notNumbering(_ line: String) {
        #expect(HeadingParser.parse(Self.scalars(line)) == nil)
    }

    @Test func chapterIsStandalone() throws {
        let n = try #require(HeadingParser.parse(Self.scalars("第五章 加快发展开放型经济")))
        #expect(HeadingParser.shape(of: n) == .standalone(title: Self.scalars("加快发展开放型经济")))
    }

    @Test func parenthesisedTitlesAreStandalone() throws {
        let a = try #require(HeadingParser.parse(Self.scalars("（一）指导思想")))
        #expect(HeadingParser.shape(of: a) == .standalone(title: Self.scalars("指导思想")))
        let b = try #require(HeadingParser.parse(Self.scalars("(二) 存在问题")))
        #expect(HeadingParser.shape(of: b) == .standalone(title: Self.scalars("存在问题")))
    }

    /// A whole line that is one sentence ending in 。 is a title; the 。 is not part of it.
    @Test func sentenceLineIsStandaloneWithoutFullStop() throws {
        let n = try #require(HeadingParser.parse(Self.scalars("1.做大优势产业贸易规模。")))
        #expect(HeadingParser.shape(of: n) == .standalone(title: Self.scalars("做大优势产业贸易规模")))
    }

    @Test func leadSentenceIsRunIn() throws {
        let n = try #require(HeadingParser.parse(Self.scalars("（一）加强组织领导。各地要把建设贸易强省摆在突出位置，建立工作机制。")))
        #expect(n.style == .chineseParen)
        #expect(HeadingParser.shape(of: n) == .runIn(title: Self.scalars("加强组织领导")))
        let m = try #require(HeadingParser.parse(Self.scalars("1. 极核功能进一步增强。“十三五”期间，成都服务业产业规模持续增长。")))
        #expect(HeadingParser.shape(of: m) == .runIn(title: Self.scalars("极核功能进一步增强")))
    }

    @Test(arguments: [
        "1.开展试点；", "（2）完善县乡村三级物流配送体系；", "3.支持企业开展跨境电商业务，",
        // One whole sentence with a clause: an item of a list, not a heading.
        "1.完善居家适老化改造补贴政策，对特殊困难老年人家庭给予补助。", "2.推广“家庭养老床位”，提供专业照护服务。"
    ])
    func listItemsAreItems(_ line: String) throws {
        let n = try #require(HeadingParser.parse(Self.scalars(line)))
        #expect(HeadingParser.shape(of: n) == .item)
    }

    @Test func yearTitledItemIsArabicDot() throws {
        let n = try #require(HeadingParser.parse(Self.scalars("2.2035年远景目标展望")))
        #expect(n.style == .arabicDot)
        #expect(n.number == 2)
        #expect(HeadingParser.shape(of: n) == .standalone(title: Self.scalars("2035年远景目标展望")))
    }

    @Test func boxTitle() throws {
        let box = try #require(HeadingParser.parseBox(Self.scalars("专栏 12 促进外贸发展重点平台")))
        #expect(box.number.string == "12")
        #expect(box.title.string == "促进外贸发展重点平台")
        let tight = try #require(HeadingParser.parseBox(Self.scalars("专栏8 国家农村电子商务示范县建设专项")))
        #expect(tight.number.string == "8")
        #expect(tight.title.string == "国家农村电子商务示范县建设专项")
        let chinese = try #require(HeadingParser.parseBox(Self.scalars("专栏四：会展提升工程")))
        #expect(chinese.number.string == "四")
        #expect(chinese.title.string == "会展提升工程")
        // A sentence that mentions a box is not its title.
        #expect(HeadingParser.parseBox(Self.scalars("专栏1所列项目按计划推进。")) == nil)
        #expect(HeadingParser.parseBox(Self.scalars("专栏建设")) == nil)
        // A box of a group, a bracketed label, and an unnumbered box set apart from its title.
        let group = try #require(HeadingParser.parseBox(Self.scalars("专栏3-1 外贸新业态培育工程")))
        #expect(group.number.string == "3-1" && group.title.string == "外贸新业态培育工程")
        let bracketed = try #require(HeadingParser.parseBox(Self.scalars("【专栏2】数字贸易重点平台")))
        #expect(bracketed.number.string == "2" && bracketed.title.string == "数字贸易重点平台")
        let unnumbered = try #require(HeadingParser.parseBox(Self.scalars("专栏　数字贸易重点平台")))
        #expect(unnumbered.number.isEmpty && unnumbered.title.string == "数字贸易重点平台")
        #expect(HeadingParser.parseBox(Self.scalars("专栏：重点项目")).map { $0.title.string } == "重点项目")
        #expect(HeadingParser.parseBox(Self.scalars("专栏 ")) == nil)
        // A year opens an unnumbered box's title; it is no box number.
        let yearly = try #require(HeadingParser.parseBox(Self.scalars("专栏　2024年重点境外展会")))
        #expect(yearly.number.isEmpty && yearly.title.string == "2024年重点境外展会")
    }

    @Test func boxDisplay() {
        let h = Heading(kind: .box, style: nil, depth: 4, label: "专栏 12", title: "促进外贸发展重点平台", line: 440)
        #expect(h.display == "专栏 12 促进外贸发展重点平台")
        let chapter = Heading(kind: .numbered, style: .chapter, depth: 2, label: "第五章", title: "加快发展开放型经济", line: 365)
        #expect(chapter.display == "第五章 加快发展开放型经济")
        let paren = Heading(kind: .numbered, style: .chineseParen, depth: 2, label: "（一）", title: "指导思想", line: 10)
        #expect(paren.display == "（一）指导思想")
    }

    /// In context: an item ending in ；, a decimal and an enumeration 一是 never become headings, and
    /// numbering continues across ranks.
    @Test func shapesInContext() {
        let text = """
            一、总体要求
            （一）指导思想
            以习近平新时代中国特色社会主义思想为指导。
            （二）主要目标
            2.08万亿元的社会消费品零售总额是基础。
            二、重点任务
            1.做大优势产业贸易规模。
            1.开展试点；
            2.推广经验；
            一是加强统筹协调。
            2.培育壮大外贸主体。持续实施重点外贸企业培育工程。
            """
        let doc = Ingestor.ingest(text: text, name: "shapes.txt")
        let outline = doc.headings.map { "\($0.depth)|\($0.label)|\($0.title)|\($0.line)" }
        #expect(
            outline == [
                "1|一、|总体要求|1",
                "2|（一）|指导思想|2",
                "2|（二）|主要目标|4",
                "1|二、|重点任务|6",
                "2|1.|做大优势产业贸易规模|7",
                "2|2.|培育壮大外贸主体|11"
            ])
        let items = doc.passages.filter { $0.text.hasPrefix("1.开展试点") || $0.text.hasPrefix("2.推广经验") }
        #expect(items.count == 2)
        #expect(items.allSatisfy { $0.kind == .paragraph && $0.path == ["二、重点任务", "1.做大优势产业贸易规模"] })
    }
}
