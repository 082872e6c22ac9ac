import Foundation
import Testing
@testable import Ingestion

/// Ingestion rules on the bundled corpus and on small hand-made inputs: line joining, layout debris,
/// tables of contents, front matter, 专栏 boxes and tables, and that no content is lost.
///
/// Expected values were written by reading the files in corpus/ (line numbers as `cat -n` shows them),
/// not by running the program.
enum Rules {
    static func passages(_ doc: Document, containing s: String) -> [Passage] {
        doc.passages.filter { $0.text.contains(s) }
    }

    static func passage(_ doc: Document, at line: Int) -> Passage? {
        doc.passages.first { $0.firstLine == line }
    }

    /// Runs of at least `minimum` consecutive CJK unified ideographs (U+4E00–U+9FFF).
    static func ideographRuns(_ line: Substring, minimum: Int = 4) -> [String] {
        var runs: [String] = []
        var current = String.UnicodeScalarView()
        func close() {
            if current.count >= minimum { runs.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for s in line.unicodeScalars {
            if (0x4E00...0x9FFF).contains(s.value) { current.append(s) } else { close() }
        }
        close()
        return runs
    }

    /// A line with nothing but whitespace, `#` marks and table rules (|---|, | | |).
    static func isLayoutOnly(_ line: Substring) -> Bool {
        line.unicodeScalars.allSatisfy { $0.properties.isWhitespace || "#|-:".unicodeScalars.contains($0) }
    }

    /// A contents entry as printed in the corpus: a dot leader (第一章 发展基础.....( 7 )), or a last
    /// tab- or |-separated cell that is only a page number (第三节\t…\t( 46 ), | 一、发展背景 | 1 |).
    static func isContentsEntry(_ line: Substring) -> Bool {
        let plain = line.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
        if plain.contains("...") || plain.contains("……") || plain.contains("···") { return true }
        let cells = plain.split(whereSeparator: { $0 == "\t" || $0 == "|" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard cells.count >= 2, let last = cells.last else { return false }
        let digits = last.filter { !"()（） ".contains($0) }
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// 0-based indices of the table of contents: from a 目录 / 目 录 title line through the entries,
    /// blank lines and table rules that follow it.
    static func contentsLines(_ lines: [Substring]) -> Set<Int> {
        var result: Set<Int> = []
        for (i, l) in lines.enumerated() {
            let compact = l.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "#" }
            guard String(String.UnicodeScalarView(compact)) == "目录" else { continue }
            result.insert(i)
            var j = i + 1
            while j < lines.count, isLayoutOnly(lines[j]) || isContentsEntry(lines[j]) {
                result.insert(j)
                j += 1
            }
            break
        }
        return result
    }

    static func lines(_ raw: String) -> [Substring] {
        raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// Runs of ≥ 4 ideographs on the source lines outside the contents page that no passage holds,
    /// as "line: run", and how many runs were checked.
    static func lostRuns(raw: String, passages: [Passage]) -> (checked: Int, missing: [String]) {
        let lines = Rules.lines(raw)
        let contents = Rules.contentsLines(lines)
        // Passages by source line, so most runs are looked up in the passage that claims the line.
        var byLine: [Int: [Int]] = [:]
        for (i, p) in passages.enumerated() where p.firstLine <= p.lastLine {
            for l in p.firstLine...p.lastLine { byLine[l, default: []].append(i) }
        }
        let all = passages.map(\.text).joined(separator: "\n")
        var checked = 0
        var missing: [String] = []
        for (index, line) in lines.enumerated() where !contents.contains(index) {
            for run in Rules.ideographRuns(line) {
                checked += 1
                let local = byLine[index + 1, default: []].contains { passages[$0].text.contains(run) }
                if !local && !all.contains(run) { missing.append("\(index + 1): \(run)") }
            }
        }
        return (checked, missing)
    }
}

// MARK: - Line joining

@Suite struct LineJoiningTests {
    struct Join: Sendable, CustomTestStringConvertible {
        var document: String
        /// The joined text as it must appear in one passage.
        var text: String
        /// First and last source line of that passage.
        var firstLine: Int
        var lastLine: Int
        /// The source lines the joined text itself spans.
        var spans: ClosedRange<Int>
        var testDescription: String { "\(document):\(spans) \(text)" }
    }

    static let joins: [Join] = [
        // A word broken across lines: 跨 | 境电商交易额 (lines 80/82).
        Join(document: "sichuan-commerce-14th-fyp", text: "蓬勃发展，跨境电商交易额达455亿元。", firstLine: 80, lastLine: 86, spans: 80...82),
        // 成都服 | 务业核心城市 (64/66) and 19个国家 | 级电商示范单位 (68/70).
        Join(document: "sichuan-commerce-14th-fyp", text: "成都服务业核心城市和8个区域性服务业中心城市占比达77.6%", firstLine: 54, lastLine: 70, spans: 64...66),
        Join(document: "sichuan-commerce-14th-fyp", text: "19个国家级电商示范单位。", firstLine: 54, lastLine: 70, spans: 68...70),
        // Numbers cut from their unit: 2 | 万亿元 (37/39), 1.21 | 万亿元 (54/56), 159 | 项 (87/89), 6 | 个 (93/95).
        Join(document: "sichuan-commerce-14th-fyp", text: "其中2019年首次突破2万亿元，年均增长8.5%", firstLine: 35, lastLine: 52, spans: 37...39),
        Join(
            document: "sichuan-commerce-14th-fyp", text: "服务业增加值从2015年的1.21万亿元增至2020年的2.55万亿元", firstLine: 54, lastLine: 70, spans: 54...56),
        Join(document: "sichuan-commerce-14th-fyp", text: "中国（四川）自由贸易试验区159项改革试验任务基本实施", firstLine: 87, lastLine: 105, spans: 87...89),
        Join(document: "sichuan-commerce-14th-fyp", text: "综保区由1个增至6个，全国排名从第21位升至第7位", firstLine: 87, lastLine: 105, spans: 93...95),
        // Quoted terms cut inside the quotes: “味美四 | 川” (48/50), 因“促 | 进外贸外资…” (119/121).
        Join(
            document: "sichuan-commerce-14th-fyp", text: "“川货全国行”“惠民购物全川行动”“味美四川”等消费促进活动深入开展。", firstLine: 35, lastLine: 52, spans: 48...50),
        Join(
            document: "sichuan-commerce-14th-fyp", text: "2017年、2018年、2020年因“促进外贸外资稳定增长和优化营商环境成效明显”受到国务院督查激励。", firstLine: 119,
            lastLine: 135, spans: 119...121),
        // Across the page footer — 4 — (line 133): “证照分离” | 改革试点 (129/135).
        Join(
            document: "sichuan-commerce-14th-fyp", text: "实现政务服务“零差评”，“证照分离”改革试点和“多证合一”改革有序推进。", firstLine: 119, lastLine: 135,
            spans: 129...135),
        // One-paragraph-per-line documents: a paragraph split by a blank line or three.
        Join(document: "chongqing-commerce-14th-fyp", text: "积极融入服务新发展格局，促进商务高质量发展", firstLine: 96, lastLine: 98, spans: 96...98),
        Join(document: "chongqing-commerce-14th-fyp", text: "商务经济结构和质量不够优化，外贸中进口占比不高", firstLine: 122, lastLine: 126, spans: 122...126),
        Join(
            document: "chongqing-commerce-14th-fyp", text: "回升向好的势头。同时，我国发展不平衡不充分问题仍然突出。", firstLine: 132, lastLine: 134, spans: 132...134),
        Join(
            document: "chengdu-ecommerce-14th-fyp", text: "这就要求成都在“十四五”期间，高质量建设国家数字经济创新发展试验区核心区", firstLine: 173, lastLine: 175,
            spans: 173...175),
        // Inside a 专栏 item: 品牌体 | 系 (326/328).
        Join(document: "chengdu-ecommerce-14th-fyp", text: "构建“1+N”农产品公共品牌体系。", firstLine: 326, lastLine: 328, spans: 326...328)
    ]

    @Test(arguments: joins)
    func brokenLinesAreJoined(_ j: Join) throws {
        let doc = try CorpusSupport.document(j.document)
        let found = Rules.passages(doc, containing: j.text)
        #expect(found.count == 1, "\(j.text) should be in exactly one passage")
        let p = try #require(found.first)
        #expect(p.kind == .paragraph)
        #expect(p.firstLine == j.firstLine)
        #expect(p.lastLine == j.lastLine)
        #expect(p.firstLine <= j.spans.lowerBound && j.spans.upperBound <= p.lastLine)
    }

    /// Sentence ends and list items are never joined to the next line.
    @Test func sentenceEndsAreNotJoined() throws {
        let doc = try CorpusSupport.document("sichuan-commerce-14th-fyp")
        // Line 70 ends 。 and line 72 starts a new paragraph; line 78 ends 。 before 跨境电商 at 80.
        #expect(Rules.passage(doc, at: 72)?.lastLine == 78)
        #expect(Rules.passage(doc, at: 80) != nil)
        #expect(doc.passages.allSatisfy { !($0.firstLine < 72 && $0.lastLine >= 72) })
        #expect(doc.passages.allSatisfy { !($0.firstLine < 80 && $0.lastLine >= 80) })
    }

    @Test func joinedLatinWordsKeepOneSpaceAndDigitsJoinTight() {
        let text = """
            推动云计算、大数据、人工智能等新技术与实体经济深度融合发展 cloud
            computing 服务。

            服务贸易1212
            .2亿元。
            """
        let doc = Ingestor.ingest(text: text, name: "join.txt")
        #expect(
            doc.passages.map(\.text) == [
                // The space before cloud touches a CJK character (dropped); the one added at the join does not.
                "推动云计算、大数据、人工智能等新技术与实体经济深度融合发展cloud computing服务。",
                "服务贸易1212.2亿元。"
            ])
        #expect(doc.passages.map(\.firstLine) == [1, 4])
        #expect(doc.passages.map(\.lastLine) == [2, 5])
    }

    @Test func joiningSeesThroughPageMarks() {
        let text = """
            推动跨境电商、市场采购、外贸综合服务等贸易新业态蓬勃发展，跨
            - 12 -
            境电商交易额达455亿元，
            －13－
            服务贸易1212.2亿元，
            第 14 页
            排名全国第7。
            第15页共40页
            """
        let doc = Ingestor.ingest(text: text, name: "pages.txt")
        #expect(doc.passages.count == 1)
        #expect(doc.passages.first?.text == "推动跨境电商、市场采购、外贸综合服务等贸易新业态蓬勃发展，跨境电商交易额达455亿元，服务贸易1212.2亿元，排名全国第7。")
        #expect(doc.passages.first?.firstLine == 1)
        #expect(doc.passages.first?.lastLine == 7)
    }
}

// MARK: - Layout debris

@Suite struct CleaningTests {
    static func clean(_ s: String) -> CleanLine { LineCleaner.clean(Substring(s), line: 1) }

    @Test func spacesBesideCJKAreDropped() {
        #expect(Self.clean("点任务。规划期至 2025年，展望到 2035年。").text == "点任务。规划期至2025年，展望到2035年。")
        #expect(Self.clean("开通国际（地区）客货运航线 130 条").text == "开通国际（地区）客货运航线130条")
        #expect(Self.clean("　　推动 ITO(信息技术外包)与制造业融合发展").text == "推动ITO(信息技术外包)与制造业融合发展")
        #expect(Self.clean("重点发展 **B2B** 电商交易平台").text == "重点发展B2B电商交易平台")
        // Spaces between Latin words or numbers are content: kept, collapsed to one.
        #expect(Self.clean("Hello   big  World").text == "Hello big World")
        #expect(Self.clean("2020 2025").text == "2020 2025")
        // Every space separator counts: thin (U+2009), narrow no-break (U+202F), hair, word joiner.
        #expect(Self.clean("跨境\u{2009}电商\u{202F}发展\u{200A}规划\u{2060}纲要").text == "跨境电商发展规划纲要")
        #expect(Self.clean("2020\u{2009}2025").text == "2020 2025")
    }

    @Test func markupIsDropped() {
        #expect(Self.clean("#### 1. 产业规模持续扩大，电商交易额全国领先").text == "1.产业规模持续扩大，电商交易额全国领先")
        #expect(Self.clean("## **二、总体要求**").text == "二、总体要求")
        #expect(Self.clean("<b>六、保障措施</b>").text == "六、保障措施")
        #expect(Self.clean("电子商务交易额<sup>1</sup>平均增速达**28.4%**").text == "电子商务交易额平均增速达28.4%")
        #expect(Self.clean("占比仅 **2.9%**<sup>3</sup>，远低于北京").text == "占比仅2.9%，远低于北京")
        #expect(Self.clean("> 引用的政策原文。").text == "引用的政策原文。")
        #expect(Self.clean("推动发展。\r").text == "推动发展。")
    }

    @Test(arguments: ["— 4 —", "- 12 -", "－3－", " — 27 — ", "第 3 页", "第3页共40页"])
    func pageMarks(_ line: String) {
        let c = Self.clean(line)
        #expect(c.kind == .pageMark)
        #expect(c.scalars.isEmpty)
    }

    @Test(arguments: ["一、总则", "3 外贸新业态进出口占比 % — 10 —", "2025年", "第三节 发展形势", "——市场规模持续壮大。"])
    func notPageMarks(_ line: String) {
        #expect(Self.clean(line).kind != .pageMark)
    }

    @Test(arguments: ["---", "------", "****", "|---------------------------------|----|", "| | | | | |", "", "   "])
    func rulesAndEmptyRowsAreBlank(_ line: String) {
        #expect(Self.clean(line).kind == .blank)
    }

    @Test func tableRows() {
        let md = Self.clean("| 1 | 服务业增加值 | 亿元 | >17600 | 6.0-8.0 |")
        #expect(md.kind == .tableRow)
        #expect(md.cells.map(\.string) == ["1", "服务业增加值", "亿元", ">17600", "6.0-8.0"])
        #expect(md.text == "1 | 服务业增加值 | 亿元 | >17600 | 6.0-8.0")

        let tabs = Self.clean("国内 贸易\t1\t社会消费品零售总额\t亿元\t11787.2\t15500\t预期性")
        #expect(tabs.kind == .tableRow)
        #expect(tabs.text == "国内贸易 | 1 | 社会消费品零售总额 | 亿元 | 11787.2 | 15500 | 预期性")

        // One non-empty cell is a caption or note, not a row.
        let note = Self.clean("备注：带【】为五年累计数。\t\t\t\t\t\t")
        #expect(note.kind == .text)
        #expect(note.text == "备注：带【】为五年累计数。")
        let caption = Self.clean("| 专栏 14 名录 | | |")
        #expect(caption.kind == .text)
        #expect(caption.text == "专栏14名录")
    }

    static let markup = ["<b>", "</b>", "**", "<sup>", "</sup>", "<br"]

    /// No passage of any bundled document carries markup, a heading mark or the page footer.
    @Test(arguments: CorpusSupport.names)
    func noDebrisInPassages(_ name: String) throws {
        let doc = try CorpusSupport.document(name)
        for p in doc.passages {
            for m in Self.markup { #expect(!p.text.contains(m), "\(name):\(p.firstLine) contains \(m)") }
            #expect(!p.text.hasPrefix("#"), "\(name):\(p.firstLine) starts with #")
            #expect(!p.text.hasPrefix(" ") && !p.text.hasSuffix(" "), "\(name):\(p.firstLine) has untrimmed spaces")
            #expect(!p.text.isEmpty)
        }
        for h in doc.headings {
            #expect(!h.title.contains("**") && !h.title.contains("<b>") && !h.label.hasPrefix("#"))
        }
    }

    @Test func pageFooterIsDropped() throws {
        let doc = try CorpusSupport.document("sichuan-commerce-14th-fyp")
        // Line 133 is "— 4 —", the only page footer of the file.
        #expect(doc.passages.allSatisfy { !$0.text.contains("— 4 —") && !$0.text.contains("—4—") })
        #expect(doc.passages.allSatisfy { $0.firstLine != 133 && $0.lastLine != 133 })
    }

    @Test func markupRemovedButContentKept() throws {
        let doc = try CorpusSupport.document("chengdu-ecommerce-14th-fyp")
        // Line 120: 电子商务交易额<sup>1</sup>平均增速达**28.4%**，高于全国**16.8**个百分点 …
        let p = try #require(Rules.passage(doc, at: 120))
        #expect(p.text.hasPrefix("“十三五”时期，成都电子商务整体实现快速发展，电子商务交易额平均增速达28.4%，高于全国16.8个百分点，网上零售额平均增速达29.4%"))
        // Line 215: ## **二、总体要求**
        let h = try #require(Rules.passage(doc, at: 215))
        #expect(h.kind == .heading)
        #expect(h.text == "二、总体要求")
        // Line 52 in the contents: <b>二、总体要求</b> ..... <b>10</b> is not a passage.
        #expect(Rules.passage(doc, at: 52) == nil)
    }
}

// MARK: - Table of contents

@Suite struct TableOfContentsTests {
    struct Contents: Sendable, CustomTestStringConvertible {
        var document: String
        /// Lines of the contents page, its 目录 title through its last entry.
        var lines: ClosedRange<Int>
        /// The first body heading and its line.
        var firstHeading: String
        var firstHeadingLine: Int
        var testDescription: String { document }
    }

    static let cases: [Contents] = [
        Contents(document: "chongqing-commerce-14th-fyp", lines: 25...86, firstHeading: "第一篇 奋力开启商务高质量发展新征程", firstHeadingLine: 94),
        Contents(document: "chengdu-ecommerce-14th-fyp", lines: 29...105, firstHeading: "前言", firstHeadingLine: 107),
        Contents(document: "chengdu-services-14th-fyp", lines: 31...63, firstHeading: "一、发展背景", firstHeadingLine: 69)
    ]

    @Test(arguments: cases)
    func contentsAreSkipped(_ c: Contents) throws {
        let doc = try CorpusSupport.document(c.document)
        for p in doc.passages {
            #expect(!p.text.contains("....."), "\(c.document):\(p.firstLine) is a contents entry")
            #expect(
                !c.lines.overlaps(p.firstLine...p.lastLine), "\(c.document): passage at \(p.firstLine)-\(p.lastLine) overlaps the contents")
        }
        let first = try #require(doc.headings.first)
        #expect(first.display == c.firstHeading)
        #expect(first.line == c.firstHeadingLine)
        #expect(doc.headings.allSatisfy { $0.line > c.lines.upperBound })
    }

    /// The rule the content-preservation test uses finds exactly the contents pages read above.
    @Test(arguments: cases)
    func contentsRuleMatchesReading(_ c: Contents) throws {
        let lines = Rules.lines(try CorpusSupport.raw(c.document))
        let found = Rules.contentsLines(lines)
        #expect(found.min().map { $0 + 1 } == c.lines.lowerBound)
        // The block may run on over trailing blank lines.
        let last = try #require(found.max()) + 1
        #expect(last >= c.lines.upperBound)
        if last > c.lines.upperBound {
            #expect(((c.lines.upperBound + 1)...last).allSatisfy { Rules.isLayoutOnly(lines[$0 - 1]) })
        }
    }

    @Test func documentsWithoutContents() throws {
        for name in ["sichuan-commerce-14th-fyp", "sichuan-trade-power-opinions-draft"] {
            #expect(Rules.contentsLines(Rules.lines(try CorpusSupport.raw(name))).isEmpty)
            // Their first heading is the first chapter / first 一、 of the text.
            let doc = try CorpusSupport.document(name)
            #expect(doc.headings.first?.line == (name == "sichuan-commerce-14th-fyp" ? 15 : 8))
            #expect(doc.passages.allSatisfy { $0.kind != .frontMatter })
        }
    }
}

// MARK: - Front matter

@Suite struct FrontMatterTests {
    @Test func chongqingIssuingNotice() throws {
        let doc = try CorpusSupport.document("chongqing-commerce-14th-fyp")
        let number = try #require(Rules.passages(doc, containing: "渝府办发〔2021〕126号").first)
        #expect(number.kind == .frontMatter)
        #expect(number.path == ["发文通知"])
        #expect(number.box == nil)
        #expect(number.firstLine == 7)
        let body = try #require(Rules.passages(doc, containing: "已经市政府同意,现印发给你们,请认真贯彻执行。").first)
        #expect(body.kind == .frontMatter)
        #expect(body.path == ["发文通知"])
        #expect(body.firstLine == 11)
        // Everything before the contents (line 25) is front matter, nothing after it is.
        for p in doc.passages {
            #expect((p.kind == .frontMatter) == (p.lastLine < 25), "\(p.firstLine): \(p.kind)")
        }
    }

    @Test func chengduServicesApprovalLetter() throws {
        let doc = try CorpusSupport.document("chengdu-services-14th-fyp")
        let number = try #require(Rules.passages(doc, containing: "成府函〔2022〕56号").first)
        #expect(number.kind == .frontMatter)
        #expect(number.path == ["批复"])
        #expect(number.firstLine == 9)
        // The letter's own 一、 二、 items are front matter, not headings.
        let one = try #require(Rules.passages(doc, containing: "一、原则同意《成都市“十四五”服务业发展规划》").first)
        #expect(one.kind == .frontMatter)
        #expect(one.path == ["批复"])
        #expect(one.firstLine == 17)
        let two = try #require(Rules.passages(doc, containing: "二、各区（市）县政府（管委会）、市级相关部门要高度重视服务业发展").first)
        #expect(two.kind == .frontMatter)
        #expect(two.firstLine == 19)
        #expect(doc.headings.allSatisfy { !$0.title.contains("原则同意") && !$0.title.contains("各区（市）县政府") })
        #expect(doc.headings.allSatisfy { $0.line >= 69 })
        let first = try #require(doc.headings.first)
        #expect(first.label == "一、")
        #expect(first.title == "发展背景")
        #expect(first.depth == 1)
        // 特此批复。 and the distribution list close the letter.
        #expect(Rules.passages(doc, containing: "特此批复。").first?.kind == .frontMatter)
        #expect(Rules.passages(doc, containing: "抄送：各区（市）县政府（管委会），市级相关部门。").first?.kind == .frontMatter)
    }

    @Test func chengduEcommerceIssuingNotice() throws {
        let doc = try CorpusSupport.document("chengdu-ecommerce-14th-fyp")
        let number = try #require(Rules.passages(doc, containing: "成服办〔2021〕11号").first)
        #expect(number.kind == .frontMatter)
        #expect(number.path == ["发文通知"])
        #expect(number.firstLine == 5)
        // 前言 after the contents is the body's first heading, an unnumbered part; its text is under it.
        let preface = try #require(Rules.passage(doc, at: 109))
        #expect(preface.kind == .paragraph)
        #expect(preface.path == ["前言"])
    }

    @Test func frontMatterWithoutContents() {
        // A notice with no contents page ends where the title it announces is printed again.
        let text = """
            四川省人民政府办公厅
            川办发〔2023〕1号
            关于印发《四川省外贸发展试点方案》的通知
            各市（州）人民政府：
            现将《四川省外贸发展试点方案》印发给你们，请认真贯彻执行。
            四川省外贸发展试点方案
            一、总体要求
            推动外贸高质量发展，加快建设贸易强省，扩大进口规模，培育外贸新业态新模式，完善外贸服务支持体系。
            """
        let doc = Ingestor.ingest(text: text, name: "notice.txt")
        #expect(doc.title == "四川省外贸发展试点方案")
        let front = doc.passages.filter { $0.kind == .frontMatter }
        #expect(front.first?.firstLine == 1)
        #expect(front.map(\.lastLine).max() == 5)
        #expect(front.allSatisfy { $0.path == ["发文通知"] && $0.box == nil })
        #expect(doc.passages.filter { $0.firstLine >= 6 }.allSatisfy { $0.kind != .frontMatter })
        #expect(doc.headings.map(\.display) == ["一、总体要求"])
        #expect(doc.headings.first?.line == 7)
    }

    /// A notice that forwards a document names it without 《》, its issuer first and a 的 dropped:
    /// the document printed after the notice is found by that name, and titled as printed.
    @Test func aForwardingNoticeNamesItsDocumentInOtherWords() {
        let text = """
            湖北省人民政府办公厅转发省发展改革委关于进一步降低物流成本若干措施的通知

            鄂政办发〔2022〕30号

            各市、州、县人民政府，省政府各部门：
            省发展改革委《关于进一步降低物流成本的若干措施》已经省人民政府同意，现转发给你们，请认真贯彻执行。

            湖北省人民政府办公厅
            2022年6月8日

            关于进一步降低物流成本的若干措施
            省发展改革委

            为深入贯彻落实国家关于降低物流成本的决策部署，提出以下措施。
            一、降低物流制度成本
            （一）完善证照和许可办理程序。
            """
        let doc = Ingestor.ingest(text: text, name: "notice.txt")
        #expect(doc.title == "关于进一步降低物流成本的若干措施")
        #expect(doc.metadata.noticeTitle == "湖北省人民政府办公厅转发省发展改革委关于进一步降低物流成本若干措施的通知")
        #expect(doc.passages.filter { $0.firstLine < 11 }.allSatisfy { $0.kind == .frontMatter && $0.path == ["发文通知"] })
        #expect(doc.headings.first?.display == "一、降低物流制度成本" && doc.headings.first?.depth == 1)
        // The document number is a line of its own, not the end of the title above it.
        let printedTwice = text.replacingOccurrences(
            of: "通知\n\n鄂政办发", with: "通知\n湖北省人民政府办公厅转发省发展改革委关于进一步降低物流成本若干措施的通知\n鄂政办发")
        let number = Ingestor.ingest(text: printedTwice, name: "notice.txt")
        #expect(number.passages.contains { $0.text == "鄂政办发〔2022〕30号" })
    }

    /// The notice's attachment list (附件：…) names the issued document's title; its signature,
    /// date and （此件公开发布） after that list are still the notice's.
    @Test func attachmentListIsTheNotices() {
        let text = """
            广元市人民政府办公室
            关于印发《广元市推动外贸保稳提质实施方案》的通知
            各县（区）人民政府，市级各部门：
            《广元市推动外贸保稳提质实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。
            附件：广元市推动外贸保稳提质实施方案
            广元市人民政府办公室
            2023年5月20日
            （此件公开发布）
            附件
            广元市推动外贸保稳提质实施方案
            一、总体目标
            到2025年，全市外贸进出口总额突破100亿元，外贸主体数量稳步增长，贸易结构持续优化。
            """
        let doc = Ingestor.ingest(text: text, name: "notice.txt")
        #expect(doc.title == "广元市推动外贸保稳提质实施方案")
        let front = doc.passages.filter { $0.kind == .frontMatter }
        #expect(front.map(\.lastLine).max() == 9 && front.allSatisfy { $0.path == ["发文通知"] })
        #expect(doc.passages.first { $0.text.contains("此件公开发布") }?.path == ["发文通知"])
        #expect(doc.headings.map(\.display) == ["一、总体目标"] && doc.headings.first?.depth == 1)
    }
}

// MARK: - 专栏 boxes and tables

@Suite struct BoxAndTableTests {
    @Test func chongqingBox1IsATable() throws {
        let doc = try CorpusSupport.document("chongqing-commerce-14th-fyp")
        let box = "专栏 1 “十四五”商务发展主要指标"
        let heading = try #require(doc.headings.first { $0.kind == .box && $0.line == 168 })
        #expect(heading.display == box)
        #expect(heading.label == "专栏 1")
        // Lines 170–174 and 176–184 are tab-separated rows (175 is blank; 185 is the note).
        let rowLines = Array(170...174) + Array(176...184)
        let rows = doc.passages.filter { $0.kind == .tableRow && (168...186).contains($0.firstLine) }
        #expect(rows.map(\.firstLine) == rowLines)
        for r in rows {
            #expect(r.box == box)
            #expect(r.firstLine == r.lastLine)
            #expect(r.path == ["第一篇 奋力开启商务高质量发展新征程", "第二章 总体思路", "第三节 发展目标"])
        }
        #expect(Rules.passage(doc, at: 170)?.text == "类别 | 序号 | 指标 | 单位 | 2020年 | 2025年 | 指标属性")
        #expect(Rules.passage(doc, at: 171)?.text == "国内贸易 | 1 | 社会消费品零售总额 | 亿元 | 11787.2 | 15500 | 预期性")
        #expect(Rules.passage(doc, at: 172)?.text == "2 | 服务消费占总消费比重 | % | 36.2 | 40 | 预期性")
        #expect(Rules.passage(doc, at: 180)?.text == "开放型经济 | 1 | 货物进出口总额 | 亿元 | 6513.4 | 9000 | 预期性")
        let note = try #require(Rules.passage(doc, at: 185))
        #expect(note.kind == .paragraph)
        #expect(note.text == "备注：带【】为五年累计数。")
        #expect(note.box == box)
        // The next 篇 heading (line 187) leaves the box.
        #expect(Rules.passage(doc, at: 187)?.box == nil)
        #expect(Rules.passage(doc, at: 187)?.kind == .heading)
    }

    @Test func chengduServicesMarkdownTable() throws {
        let doc = try CorpusSupport.document("chengdu-services-14th-fyp")
        let row = try #require(Rules.passage(doc, at: 149))
        #expect(row.kind == .tableRow)
        #expect(row.text == "1 | 服务业增加值 | 亿元 | >17600 | 6.0-8.0")
        #expect(row.lastLine == 149)
        #expect(row.path == ["二、总体要求", "（三）发展目标", "1.奋斗目标"])
        #expect(row.box == nil)
        #expect(Rules.passage(doc, at: 147)?.text == "序号 | 指标 | 单位 | 2025年 | 年均增速")
        #expect(Rules.passage(doc, at: 163)?.text == "12 | 对外投资协议投资总额 | 亿美元(累计) | 100 | ——")
        // Header row 147, data rows 149–155 and 159–171; separators (148, 158) and the empty row (157) are no passages.
        let rows = doc.passages.filter { $0.kind == .tableRow && (147...172).contains($0.firstLine) }
        #expect(rows.map(\.firstLine) == [147] + Array(149...155) + Array(159...171))
    }

    @Test func chengduEcommerceTabTableInBox() throws {
        let doc = try CorpusSupport.document("chengdu-ecommerce-14th-fyp")
        // Line 264: the box title is the one non-empty cell of a tab-separated line.
        let box = "专栏 4 “十四五”期间电子商务发展主要目标"
        #expect(doc.headings.contains { $0.kind == .box && $0.line == 264 && $0.display == box })
        let rows = doc.passages.filter { $0.kind == .tableRow && (264...275).contains($0.firstLine) }
        #expect(rows.map(\.firstLine) == Array(265...274))
        #expect(rows.allSatisfy { $0.box == box })
        #expect(Rules.passage(doc, at: 266)?.text == "规模指标 | 1 | 电子商务交易额（亿元） | 22637.5 | ≥40000")
    }

    @Test func chengduEcommerceBox8Items() throws {
        let doc = try CorpusSupport.document("chengdu-ecommerce-14th-fyp")
        let box = "专栏 8 国家农村电子商务示范县建设专项"
        let heading = try #require(doc.headings.first { $0.line == 320 })
        #expect(heading.kind == .box)
        #expect(heading.display == box)
        let items: [(line: Int, prefix: String)] = [
            (322, "1.蒲江县。充分发挥国家级电子商务进农村综合示范县典型县带头示范作用"),
            (324, "2.都江堰市。大力实施数字农业“新基建”"),
            (326, "3.金堂县。引导邮政快递、电商企业和第三方物流服务商"),
            (330, "4.邛崃市。升级电子商务物流仓储基础配套设施"),
            (332, "5.简阳市。出台行业发展支持政策")
        ]
        for item in items {
            let p = try #require(Rules.passage(doc, at: item.line), "no passage at \(item.line)")
            #expect(p.kind == .paragraph)
            #expect(p.text.hasPrefix(item.prefix))
            #expect(p.box == box)
            #expect(p.path == ["三、重点领域", "（二）提升发展未来潜力领域", "4.农村电商"])
        }
        // Box items are not headings; the plan's own 5.生活服务电商 (line 334) is, and leaves the box.
        #expect(doc.headings.allSatisfy { !$0.title.contains("蒲江县") && !$0.title.contains("简阳市") })
        let next = try #require(Rules.passage(doc, at: 334))
        #expect(next.kind == .heading)
        #expect(next.box == nil)
        #expect(next.path == ["三、重点领域", "（二）提升发展未来潜力领域", "5.生活服务电商"])
    }

    /// Box titles never appear in `path`; box heading passages carry their own box.
    @Test(arguments: CorpusSupport.names)
    func boxesAreNotInPaths(_ name: String) throws {
        let doc = try CorpusSupport.document(name)
        let boxes = Set(doc.headings.filter { $0.kind == .box }.map(\.display))
        for p in doc.passages {
            #expect(p.path.allSatisfy { !boxes.contains($0) && !$0.hasPrefix("专栏") })
            if let b = p.box { #expect(boxes.contains(b)) }
        }
        for h in doc.headings where h.kind == .box {
            let p = try #require(Rules.passage(doc, at: h.line))
            #expect(p.kind == .heading)
            #expect(p.box == h.display)
        }
    }
}

// MARK: - Nothing is lost

@Suite struct ContentPreservationTests {
    /// Every run of four or more ideographs on a body line of the source is found in the passages,
    /// except on contents pages (they repeat the headings). Page footers and rules have no ideographs.
    @Test(arguments: CorpusSupport.names)
    func everyIdeographRunSurvives(_ name: String) throws {
        let raw = try CorpusSupport.raw(name)
        let doc = try CorpusSupport.document(name)
        let result = Rules.lostRuns(raw: raw, passages: doc.passages)
        #expect(result.checked > 300)
        #expect(result.missing.isEmpty, "\(name): \(result.missing.count) runs lost\n\(result.missing.prefix(20).joined(separator: "\n"))")
    }

    /// The check has teeth: without the passage of lines 80–86 the runs of lines 80–86 are reported.
    @Test func lossIsDetected() throws {
        let name = "sichuan-commerce-14th-fyp"
        let doc = try CorpusSupport.document(name)
        let result = Rules.lostRuns(raw: try CorpusSupport.raw(name), passages: doc.passages.filter { $0.firstLine != 80 })
        #expect(result.missing.contains("82: 境电商交易额达"))
        #expect(result.missing.contains("86: 对外承包工程营业额累计分别达到"))
        #expect(result.missing.allSatisfy { ["80", "82", "84", "86"].contains($0.prefix(2)) })
    }

    /// Each source line with text belongs to at most one passage, and passages come in source order.
    @Test(arguments: CorpusSupport.names)
    func passagesAreOrderedAndDisjoint(_ name: String) throws {
        let doc = try CorpusSupport.document(name)
        let lineCount = Rules.lines(try CorpusSupport.raw(name)).count
        #expect(doc.passages.allSatisfy { $0.firstLine >= 1 && $0.firstLine <= $0.lastLine && $0.lastLine <= lineCount })
        // A footnote that interrupted a paragraph follows it and lies inside its line range.
        let body = doc.passages.filter { $0.kind != .footnote }
        for (a, b) in zip(body, body.dropFirst()) {
            #expect(a.lastLine < b.firstLine, "\(name): \(a.firstLine)-\(a.lastLine) then \(b.firstLine)-\(b.lastLine)")
        }
        #expect(doc.passages.allSatisfy { $0.ordinal >= 1 })
    }
}

/// Regressions found by review.
@Suite struct IngestionRegressionTests {
    @Test func markdownRulesOfStarsAndUnderscoresAreNotPassages() {
        let doc = Ingestor.ingest(text: "第一章 总则\n推动发展。\n***\n扩大进口。\n___\n", name: "rules.txt")
        #expect(doc.passages.map(\.text) == ["第一章总则", "推动发展。", "扩大进口。"])
    }

    @Test func ordinalsRestartWhereTheBodyStarts() throws {
        let doc = try CorpusSupport.document("chongqing-commerce-14th-fyp")
        let firstBody = try #require(doc.passages.first { $0.kind != .frontMatter })
        #expect(firstBody.ordinal == 1)
    }
}

/// Paragraphs that PDF extraction wrapped narrower than the rest of the document, or cut inside a
/// quote, or interrupted with a footnote, are joined (gold read from the files' line numbers).
@Suite struct NarrowWrapAndFootnoteTests {
    @Test(arguments: [
        ("chongqing-commerce-14th-fyp", "开放领域知识产权保护、竞争中立规则、进出口产品标准", 373, 380),
        ("chongqing-commerce-14th-fyp", "拓展中欧班列（成渝）号功能", 382, 391),
        ("chongqing-commerce-14th-fyp", "綦江一万盛等创建国家级高新区", 393, 400),
        ("chongqing-commerce-14th-fyp", "充分发挥农产品批发市场在“菜篮子”工程中的重要流通节点作用", 349, 351),
        ("chengdu-services-14th-fyp", "在全国、西部地区、成渝地区双城经济圈中", 73, 77)
    ])
    func joined(_ name: String, _ text: String, _ first: Int, _ last: Int) throws {
        let doc = try CorpusSupport.document(name)
        let hits = doc.passages.filter { $0.text.contains(text) }
        #expect(hits.count == 1)
        #expect(hits.first?.firstLine == first && hits.first?.lastLine == last)
    }

    @Test func footnoteIsItsOwnPassageAfterTheParagraph() throws {
        let doc = try CorpusSupport.document("chengdu-services-14th-fyp")
        let i = try #require(doc.passages.firstIndex { $0.text.hasPrefix("数据来自《成都统计年鉴2021年》") })
        #expect(doc.passages[i].kind == .footnote && doc.passages[i].firstLine == 75)
        #expect(doc.passages[i - 1].text.contains("西部地区"))
    }
}
