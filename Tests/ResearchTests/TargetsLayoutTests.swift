import Foundation
import Index
import Query
import Research
import TestSupport
import Testing

/// The recognizer on tables written for it in layouts the bundled plans do not show
/// (`TargetsFixture`): expectations are the fixtures' cells as written.
@Suite struct TargetsLayoutTests {
    static let tables: IndicatorTables = {
        let s = Searcher(reader: TargetsFixture.reader)
        return try! IndicatorTables(searcher: s, scope: DocumentScope(searcher: s, spec: nil))
    }()

    typealias Row = TargetsExpectation.Row

    static func tables(_ doc: String) -> [IndicatorTable] { tables.tables.filter { $0.documentName == doc } }

    /// Tab-separated over a page break (footer — 5 —, header repeated): 规模 printed beside the
    /// second row of its group covers the first too; the 2035 and 属性 columns are extra.
    @Test func tabsWithPageBreakAnd2035Column() throws {
        let all = Self.tables("logistics-tabs.txt")
        #expect(all.count == 1)
        let t = try #require(all.first)
        #expect(t.kind == .target && t.box == "专栏 1 “十四五”现代物流发展主要指标")
        #expect(t.baselineColumn == "2020年" && t.targetColumn == "2025年" && t.extraColumns == ["2035年", "属性"])
        #expect(t.notes == ["注：带［］为五年年均值。"])
        TargetsExpectation.check(
            t.rows,
            [
                Row(10, "规模", "社会物流总额", "万亿元", "3.2", "4.5", "2035年：7；属性：预期性", 4.5),
                Row(11, "规模", "物流业增加值", "亿元", "1560", "2200", "2035年：3500；属性：预期性", 2200),
                Row(12, "规模", "快递业务量", "亿件", "10.5", "18", "2035年：—；属性：预期性", 18),
                Row(17, "效率", "社会物流总费用与GDP的比率", "%", "14.8", "13.5左右", "2035年：12；属性：约束性", 13.5),
                Row(18, "效率", "多式联运货运量年均增长", "%", "—", "［10］", "2035年：—；属性：预期性", 10),
                Row(19, "效率", "冷链流通率", "%", "35", "≥50", "2035年：70；属性：预期性", 50)
            ], reader: TargetsFixture.reader)
    }

    /// A header in two rows (指标值 over 2020年 and 2025年, a merged cell): the years take its place.
    @Test func twoRowHeader() throws {
        let t = try #require(Self.tables("two-row-header.txt").first)
        #expect(t.kind == .target && t.baselineColumn == "2020年" && t.targetColumn == "2025年" && t.extraColumns == ["属性"])
        TargetsExpectation.check(
            t.rows,
            [
                Row(11, nil, "社会消费品零售总额", "亿元", "336.4", "500", "预期性", 500),
                Row(12, nil, "进出口总额", "亿美元", "2.1", "4", "预期性", 4),
                Row(13, nil, "茶叶出口额", "万美元", "860", "2000", "预期性", 2000)
            ], reader: TargetsFixture.reader)
    }

    /// 2020年实际值 is the baseline of 2025年目标值; 2035年远景目标 is kept beside, not taken as the target.
    @Test func achievedBaseYearAndOutlookColumn() throws {
        let t = try #require(Self.tables("outlook-column.txt").first)
        #expect(t.kind == .target && t.baselineColumn == "2020年实际值" && t.targetColumn == "2025年目标值")
        #expect(t.extraColumns == ["2035年远景目标", "属性"])
        TargetsExpectation.check(
            t.rows,
            [
                Row(8, nil, "服务业增加值", "亿元", "1256.3", "1800", "2035年远景目标：3000；属性：预期性", 1800),
                Row(9, nil, "服务业从业人员占比", "%", "42", "48", "2035年远景目标：55；属性：预期性", 48)
            ], reader: TargetsFixture.reader)
    }

    /// Space-separated PDF text without 序号 (the ingestion joins caption, header and rows into one
    /// paragraph): units split off the names by the unit vocabulary, a name wrapped over two lines.
    @Test func spacesWithWrappedName() throws {
        let t = try #require(Self.tables("opening-spaces.txt").first)
        #expect(t.kind == .target && t.box == "表1“十四五”时期对外开放主要指标")
        #expect(t.baselineColumn == "2020年" && t.targetColumn == "2025年" && t.extraColumns == ["年均增长"])
        #expect(t.notes == ["备注：[ ]为五年累计数。"])
        TargetsExpectation.check(
            t.rows,
            [
                Row(11, nil, "货物进出口总额", "亿美元", "980", "1300", "5.8%", 1300),
                Row(12, nil, "服务进出口总额", "亿美元", "160", "240", "8.4%", 240),
                Row(13, nil, "实际使用外资", "亿美元", "[85]", "[100]", "—", 100),
                Row(14, nil, "跨境电商交易额", "亿元", "300", "800", "21.7%", 800),
                Row(15, nil, "国家级经济技术开发区数量", "个", "8", "10", "—", 10),
                Row(17, nil, "外贸新业态进出口额占比", "%", "6", "＞10", "—", 10)
            ], reader: TargetsFixture.reader)
    }

    /// PDF lines joined into paragraphs: a row's last value runs into the next row's serial number
    /// (9.3 and 2 → 9.32数字…), the header repeats inside a paragraph after the page break, the
    /// unit for the whole table stands in the caption, and the target column is “十四五”目标.
    @Test func joinedLinesWithRepeatedHeader() throws {
        let all = Self.tables("services-joined.txt")
        #expect(all.count == 1)
        let t = try #require(all.first)
        #expect(t.kind == .target && t.box == "表3服务贸易发展主要指标（单位：亿元）")
        #expect(t.baselineColumn == "2020年" && t.targetColumn == "“十四五”目标" && t.extraColumns == ["年均增长（%）"])
        TargetsExpectation.check(
            t.rows,
            [
                Row(10, nil, "服务进出口总额", "亿元", "320", "500", "9.3", 500),
                Row(11, nil, "数字服务进出口额", "亿元", "110", "200", "12.7", 200),
                Row(12, nil, "技术贸易额", "亿元", "45", "80", "12.2", 80),
                Row(14, nil, "服务外包执行额", "亿元", "60", "100", "10.8", 100),
                Row(15, nil, "知识产权使用费", "亿元", "8", "15", "13.4", 15)
            ], reader: TargetsFixture.reader)
    }

    /// The national outline's layout: numbered names without a 序号 column, a target in words
    /// (value null), a value with a footnote mark, 〔〕 sums; tab-separated and as PDF text.
    @Test(arguments: ["outline-tabs.txt", "outline-spaces.txt"])
    func outlineLayout(_ doc: String) throws {
        let t = try #require(Self.tables(doc).first)
        #expect(t.kind == .target && t.box == "专栏 1 “十四五”时期经济社会发展主要指标")
        #expect(t.baselineColumn == "2020年" && t.targetColumn == "2025年" && t.extraColumns == ["年均/累计", "属性"])
        #expect(t.notes == ["注：①〔〕内为5年累计数。②带*的为2019年数据。"])
        var expected = [
            Row(8, "经济发展", "地区生产总值增长", "%", "3.8", "—", "年均/累计：6左右；属性：预期性", nil),
            Row(9, "经济发展", "全员劳动生产率增长", "%", "4.1", "高于GDP增长", "年均/累计：—；属性：预期性", nil),
            Row(10, "经济发展", "常住人口城镇化率", "%", "56.7*", "62", "年均/累计：—；属性：预期性", 62),
            Row(11, "创新驱动", "每万人口高价值发明专利拥有量", "件", "3.2", "6", "年均/累计：—；属性：预期性", 6),
            Row(12, "绿色生态", "单位地区生产总值能源消耗降低", "%", "—", "—", "年均/累计：〔14〕；属性：约束性", nil)
        ]
        if doc == "outline-spaces.txt" {
            // Written without the row whose target is in words (joined to its neighbours, it could not be told apart).
            expected.remove(at: 1)
            for i in 1..<expected.count { expected[i].line -= 1 }
        }
        TargetsExpectation.check(t.rows, expected, reader: TargetsFixture.reader)
        #expect(t.rows.allSatisfy { $0.complete })
    }

    /// One cell per line (HTML, DOCX): header words on five lines, a category line opening each
    /// group, and only a target column: baseline null, never invented.
    @Test func oneCellPerLineWithTargetOnly() throws {
        let t = try #require(Self.tables("commerce-cells.txt").first)
        #expect(t.kind == .target && t.baselineColumn == nil && t.targetColumn == "2025年目标" && t.extraColumns == ["指标属性"])
        TargetsExpectation.check(
            t.rows,
            [
                Row(14, "消费", "社会消费品零售总额", "亿元", nil, "5000", "预期性", 5000),
                Row(19, "消费", "网络零售额", "亿元", nil, "1200", "预期性", 1200),
                Row(23, "开放", "货物进出口总额", "亿元", nil, "3000", "预期性", 3000),
                Row(28, "开放", "实际使用外资", "亿美元", nil, "【30】", "预期性", 30)
            ], reader: TargetsFixture.reader)
    }

    /// Markdown: 基期值/目标值 without years is a target table; a table whose years (2016, 2020) lie
    /// before the plan (dated 2022 in its catalog entry, captioned 完成情况) holds achieved values;
    /// a project list (序号, 项目名称, 建设内容, 总投资) is no indicator table.
    @Test func markdownBaseTargetAchievedAndProjectList() throws {
        let all = Self.tables("county-markdown.md")
        #expect(all.map(\.kind) == [.target, .achieved])
        let t = all[0]
        #expect(t.box == nil && t.baselineColumn == "基期值" && t.targetColumn == "目标值")
        TargetsExpectation.check(
            t.rows,
            [
                Row(7, nil, "县域商业网点数", "个", "120", "150", nil, 150),
                Row(8, nil, "乡镇快递网点覆盖率", "%", "85", "100", nil, 100),
                Row(9, nil, "农村网络零售额", "亿元", "6.5", "10", nil, 10)
            ], reader: TargetsFixture.reader)
        let achieved = all[1]
        #expect(achieved.box == "表2 2016—2020年主要指标完成情况" && achieved.baselineColumn == "2016年")
        #expect(achieved.rows.map(\.indicator) == ["社会消费品零售总额", "网络零售额"])
        #expect(achieved.rows.map(\.achieved) == ["110", "5.9"] && achieved.rows.allSatisfy { $0.target == nil })
    }

    /// Word tables as the DOCX reader gives them: a 类别 cell merged down stands in its first row
    /// only, a blank 备注 at a row's end is dropped, and a target may be words with a figure
    /// (年均增长6%, 累计新增200) — each row read by position, none split into a row of its own.
    @Test func wordTableRowsShortOfMergedOrBlankCells() throws {
        let text = """
            某市“十四五”商务发展规划

            | 类别 | 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性 | 备注 |
            |---|---|---|---|---|---|---|---|
            | 消费 | 1 | 社会消费品零售总额 | 亿元 | 1125.6 | 1600 | 预期性 | 年均增长7.3% |
            | 2 | 网络零售额 | 亿元 | 285.3 | ≥450 | 预期性 |
            | 开放 | 3 | 服务贸易额 | 亿美元 | 15.3 | 年均增长6% | 预期性 |
            | 4 | 社区便民商业网点 | 个 | — | 累计新增200 | 预期性 |
            """
        let passages = try Self.passages(text)
        let tables = IndicatorTable.read(
            passages, documentName: "a", documentTitle: "某市“十四五”商务发展规划", period: PlanPeriod(start: 2021, end: 2025)
        ) { "a#\($0)" }
        let rows = try #require(tables.first).rows
        #expect(rows.map(\.indicator) == ["社会消费品零售总额", "网络零售额", "服务贸易额", "社区便民商业网点"])
        #expect(rows.map(\.target) == ["1600", "≥450", "年均增长6%", "累计新增200"])
        #expect(rows.map(\.baseline) == ["1125.6", "285.3", "15.3", "—"])
        #expect(rows.allSatisfy { $0.complete }, "\(rows.map(\.complete))")
        #expect(rows[0].extra?.contains("年均增长7.3%") == true)
        #expect(rows[1].extra == "属性：预期性", "a blank 备注 adds nothing: \(rows[1].extra ?? "-")")
    }

    /// A table that is an attachment of its own (附件：… 主要指标, then the table): the attachment's
    /// title is its caption, as a 专栏 title would be.
    @Test func anAttachmentTitleIsTheTablesCaption() throws {
        let text = """
            某市跨境电商高质量发展行动方案（2024—2027年）

            一、工作目标

            到2027年，全市跨境电商交易额突破1000亿元。

            附件：某市跨境电商发展主要指标

            | 序号 | 指标 | 单位 | 2023年 | 2027年 | 属性 |
            |---|---|---|---|---|---|
            | 1 | 跨境电商交易额 | 亿元 | 500 | 1000亿元以上 | 预期性 |
            | 2 | 公共海外仓数量 | 个 | 30 | 60 | 预期性 |
            """
        let tables = IndicatorTable.read(
            try Self.passages(text), documentName: "a", documentTitle: "某市跨境电商高质量发展行动方案（2024—2027年）",
            period: PlanPeriod(start: 2024, end: 2027)
        ) { "a#\($0)" }
        let table = try #require(tables.first)
        #expect(table.box == "附件：某市跨境电商发展主要指标")
        #expect(table.rows.map(\.target) == ["1000亿元以上", "60"])
    }

    /// A PDF (LibreOffice's, from a Word table) whose narrow year cells wrapped: the header comes
    /// as 类别序号指标单位 / 2020 / 年 / 2025年属性, each its own passage (these are the passages the
    /// index held for such a plan). The pieces are joined into the header; the table was missed.
    @Test func pdfHeaderWhoseYearCellsWrapped() throws {
        let box = "专栏 1 德阳市“十四五”商务发展主要指标"
        let texts = [
            "专栏1德阳市“十四五”商务发展主要指标", "类别序号指标单位", "2020", "年", "2025年属性", "消费升级1社会消费品零售总额亿元1068.3 1500预期性",
            "2网络零售额亿元260.1 400预期性", "3限额以上商贸企业数家1850 2500预期性", "对外开放4货物进出口总额亿元302.5 450预期性"
        ]
        let passages = texts.enumerated().map { i, t in
            SourcePassage(id: i, text: t, isTableRow: false, isHeading: false, box: box, line: 55 + i)
        }
        let tables = IndicatorTable.read(
            passages, documentName: "d", documentTitle: "德阳市“十四五”商务发展规划（2021—2025年）", period: PlanPeriod(start: 2021, end: 2025)
        ) { "d#\($0)" }
        let table = try #require(tables.first)
        #expect(table.kind == .target)
        #expect(table.rows.map(\.indicator) == ["社会消费品零售总额", "网络零售额", "限额以上商贸企业数", "货物进出口总额"])
        #expect(table.rows.map(\.baseline) == ["1068.3", "260.1", "1850", "302.5"])
        #expect(table.rows.map(\.target) == ["1500", "400", "2500", "450"])
    }

    /// Years before the plan's period look back even without 完成 in the caption; from its start they look ahead.
    @Test func yearsWeighedAgainstThePlanPeriod() {
        #expect(PlanPeriod.infer(title: "四川省“十四五”商务发展规划", date: nil) == PlanPeriod(start: 2021, end: 2025))
        #expect(PlanPeriod.infer(title: "某省“十三五”规划", date: "2016-05") == PlanPeriod(start: 2016, end: 2020))
        #expect(PlanPeriod.infer(title: "重庆市商务发展规划（2021—2025年）", date: nil) == PlanPeriod(start: 2021, end: 2025))
        #expect(PlanPeriod.infer(title: "实施方案", date: "2022-03") == PlanPeriod(start: 2022, end: nil))
        #expect(PlanPeriod.infer(title: "实施方案", date: nil) == nil)
        let cells = ["指标", "单位", "2015年", "2020年"]
        let header = TableHeader(columns: TableHeader.columns(ofCells: cells)!)
        #expect(header.isComplete)
        // The same header is a target table in a 十三五 plan and a table of achieved values in a 十四五 plan.
        let thirteenth = """
            某省“十三五”商务发展规划

            | 指标 | 单位 | 2015年 | 2020年 |
            |---|---|---|---|
            | 社会消费品零售总额 | 亿元 | 13877.7 | 20000 |
            """
        let passages = try! Self.passages(thirteenth)
        let asTarget = IndicatorTable.read(
            passages, documentName: "a", documentTitle: "某省“十三五”商务发展规划", period: PlanPeriod(start: 2016, end: 2020)
        ) {
            "a#\($0)"
        }
        let asAchieved = IndicatorTable.read(
            passages, documentName: "b", documentTitle: "某省“十四五”商务发展规划", period: PlanPeriod(start: 2021, end: 2025)
        ) {
            "b#\($0)"
        }
        #expect(asTarget.map(\.kind) == [.target] && asTarget.first?.rows.first?.target == "20000")
        #expect(asAchieved.map(\.kind) == [.achieved] && asAchieved.first?.rows.first?.achieved == "20000")
    }

    /// A document's passages as the index stores them (the ingestion's cleaning and rows).
    static func passages(_ text: String) throws -> [SourcePassage] {
        let dir = try Support.temporaryDirectory("targets-one")
        defer { Support.remove(dir) }
        try Support.write(text, to: dir.appendingPathComponent("one.md"))
        let index = ResearchFixture.build([dir], "targets-one-\(UUID().uuidString.prefix(6))")
        defer { Support.remove(index) }
        let reader = try IndexReader(directory: index)
        return try reader.passageRange(ofDocument: 0).map { p in
            let s = try reader.passage(p)
            return SourcePassage(
                id: p, text: s.text, isTableRow: s.record.kind == .tableRow, isHeading: s.record.kind == .heading, box: s.box,
                line: s.record.firstLine)
        }
    }
}
