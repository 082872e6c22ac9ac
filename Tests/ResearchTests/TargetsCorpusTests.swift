import Foundation
import Index
import Query
import Research
import TestSupport
import Testing

/// The indicator tables of the bundled plans against rows written by reading the tables in the
/// files (corpus/*.txt, the line numbers given), every row: category, indicator, unit, baseline,
/// target, extra as printed. The product gives values as the index stores text (spaces beside
/// Chinese characters removed, README "Matching and counting"), so the expectations, written as
/// printed, go through that rule here (`TargetsExpectation.cleaned`).
@Suite struct TargetsCorpusTests {
    static let tables: IndicatorTables = {
        let s = Searcher(reader: ResearchFixture.reader)
        return try! IndicatorTables(searcher: s, scope: DocumentScope(searcher: s, spec: nil))
    }()

    static func table(_ doc: String, kind: IndicatorTable.Kind = .target) -> IndicatorTable? {
        tables.tables.first { $0.documentName == doc && $0.kind == kind }
    }

    typealias Row = TargetsExpectation.Row

    /// chongqing-commerce-14th-fyp.txt lines 168–185: tab-separated, the category cell 国内 贸易 /
    /// 开放 型经 济 on the first row of its group, the header repeated at line 176, 【】 five-year sums.
    static let chongqing: [Row] = [
        Row(171, "国内 贸易", "社会消费品零售总额", "亿元", "11787.2", "15500", "预期性", 15500),
        Row(172, "国内 贸易", "服务消费占总消费比重", "%", "36.2", "40", "预期性", 40),
        Row(173, "国内 贸易", "商品销售总额", "亿元", "30341", "38000", "预期性", 38000),
        Row(174, "国内 贸易", "餐饮住宿业营业额", "亿元", "1850.5", "2500", "预期性", 2500),
        Row(177, "国内 贸易", "商业增加值", "亿元", "2808.7", "3500", "预期性", 3500),
        Row(178, "国内 贸易", "网络零售额", "亿元", "1350.5", "2000", "预期性", 2000),
        Row(179, "国内 贸易", "百亿元级大市场", "个", "15", "20", "预期性", 20),
        Row(180, "开放 型经 济", "货物进出口总额", "亿元", "6513.4", "9000", "预期性", 9000),
        Row(181, "开放 型经 济", "服务进出口总额", "亿元", "675.3", "1000", "预期性", 1000),
        Row(182, "开放 型经 济", "实际利用外资", "亿美元", "102.7", ">【500】", "预期性", 500),
        Row(183, "开放 型经 济", "外商直接投资 ( FDI )", "亿美元", "21", "【135】", "预期性", 135),
        Row(184, "开放 型经 济", "世界 500 强企业进驻数量", "家", "296", "330", "预期性", 330)
    ]

    /// chengdu-ecommerce-14th-fyp.txt lines 264–274 (专栏4): units in the indicator names, ≥ targets,
    /// "-" for no 2020 value, no extra column.
    static let chengduEcommerce: [Row] = [
        Row(266, "规模指标", "电子商务交易额", "亿元", "22637.5", "≥40000", nil, 40000),
        Row(267, "规模指标", "网上零售额", "亿元", "4129.5", "≥8000", nil, 8000),
        Row(268, "规模指标", "跨境电商交易额", "亿元", "435.82", "≥1200", nil, 1200),
        Row(269, "企业指标", "电商独角兽企业、瞪羚企业", "个", "5", "≥10", nil, 10),
        Row(270, "企业指标", "电商企业新业务全国总部", "个", "-", "3", nil, 3),
        Row(271, "企业指标", "垂直领域电商龙头企业", "个", "-", "≥10", nil, 10),
        Row(272, "新业态新模式", "电商新业态基地", nil, "-", "10", nil, 10),
        Row(273, "新业态新模式", "工业互联网平台", nil, "-", "20", nil, 20),
        Row(274, "应用场景", "电子商务示范场景", nil, "-", "100", nil, 100)
    ]

    /// chengdu-services-14th-fyp.txt lines 147–171: a Markdown table with a 2025 column and 年均增速,
    /// no baseline column (baseline null), no caption.
    static let chengduServices: [Row] = [
        Row(149, nil, "服务业增加值", "亿元", nil, ">17600", "6.0-8.0", 17600),
        Row(150, nil, "社会消费品零售总额", "亿元", nil, "11000", "——", 11000),
        Row(151, nil, "货物进出口总额", "亿元", nil, "10000", "——", 10000),
        Row(152, nil, "服务业对经济增长贡献率", "%", nil, "70", "——", 70),
        Row(153, nil, "消费对经济增长的贡献率", "%", nil, ">60", "——", 60),
        Row(154, nil, "生产性服务业增加值占服务业增加值比重", "%", nil, "50", "——", 50),
        Row(155, nil, "规模以上数字经济核心服务业企业营业收入占比", "%", nil, "高于全国平均水平", "——", nil),
        Row(159, nil, "服务进出口总额", "亿元", nil, "1300", "——", 1300),
        Row(160, nil, "数字贸易进出口年均增速", "%", nil, "10", "——", 10),
        Row(161, nil, "跨境电子商务交易额", "亿元", nil, "1200", "——", 1200),
        Row(162, nil, "服务业利用外资年均增速", "%", nil, "5", "——", 5),
        Row(163, nil, "对外投资协议投资总额", "亿美元 (累计)", nil, "100", "——", 100),
        Row(164, nil, "全社会研发经费占 GDP 比重", "%", nil, "3.5", "——", 3.5),
        Row(165, nil, "金融业增加值", "亿元", nil, "3000", "——", 3000),
        Row(166, nil, "物流业增加值", "亿元", nil, "1200", "——", 1200),
        Row(167, nil, "会展业总收入", "亿元", nil, "1600", "——", 1600),
        Row(168, nil, "文创业增加值", "亿元", nil, "3100", "——", 3100),
        Row(169, nil, "旅游业总收入年均增速", "%", nil, "16", "——", 16),
        Row(170, nil, "规模以上信息传输、软件和信息技术服务业营业收入", "亿元", nil, "1500", "——", 1500),
        Row(171, nil, "节能环保服务营业收入", "亿元", nil, "400", "——", 400)
    ]

    /// sichuan-commerce-14th-fyp.txt lines 352–376 (专栏 2): PDF text, cells separated by spaces;
    /// rows 2–3 stand on adjacent lines (one passage), rows 3 and 6 end in an empty cell (—) over a
    /// blank line (no cut: rows 4 and 7 are passages of their own), row 9's name wraps over lines
    /// 371–373 and its values are on line 374. The line given is where the row's serial number stands.
    static let sichuan: [Row] = [
        Row(356, nil, "货物贸易", "亿元", "8081.9", "11000", "6%以上", 11000),
        Row(358, nil, "服务贸易", "亿元", "1212.2", "1500", "4.4%", 1500),
        Row(359, nil, "外贸新业态进出口占比", "%", "—", "10", "—", 10),
        Row(361, nil, "对外投资", "亿美元", "12.1", "—", "[70]", nil),
        Row(362, nil, "对外承包工程营业额", "亿美元", "51.8", "—", "[260]", nil),
        Row(364, nil, "社会消费品零售总额", "亿元", "20824.9", "30000", "—", 30000),
        Row(366, nil, "网络零售额", "亿元", "5881", "9000", "8.9%", 9000),
        Row(368, nil, "服务业增加值", "亿元", "25471.1", "35000", "—", 35000),
        Row(370, nil, "“4+6”重点产业增加值占服务业比重", "%", "65左右", "70左右", "—", 70)
    ]

    /// A row after one ending in an empty cell (… 30000 —) starts its own passage: its line is its own.
    @Test func rowsAfterAnEmptyCellKeepTheirLines() throws {
        let rows = try #require(Self.table("sichuan-commerce-14th-fyp.txt")).rows
        #expect(rows.first { $0.indicator == "对外投资" }?.line == 361)
        #expect(rows.first { $0.indicator == "网络零售额" }?.line == 366)
    }

    @Test func everyTargetTableOfTheCorpus() {
        let found = Self.tables.targetTables.map { "\($0.documentName):\($0.line)" }
        #expect(
            found == [
                "chengdu-ecommerce-14th-fyp.txt:265", "chengdu-services-14th-fyp.txt:147", "chongqing-commerce-14th-fyp.txt:170",
                "sichuan-commerce-14th-fyp.txt:354"
            ])
    }

    @Test(arguments: [
        ("chongqing-commerce-14th-fyp.txt", chongqing), ("chengdu-ecommerce-14th-fyp.txt", chengduEcommerce),
        ("chengdu-services-14th-fyp.txt", chengduServices), ("sichuan-commerce-14th-fyp.txt", sichuan)
    ])
    func rowsAsPrinted(_ doc: String, _ expected: [Row]) throws {
        let table = try #require(Self.table(doc))
        TargetsExpectation.check(table.rows, expected, reader: ResearchFixture.reader)
    }

    @Test func captionsColumnsAndFootnotes() throws {
        let chongqing = try #require(Self.table("chongqing-commerce-14th-fyp.txt"))
        #expect(chongqing.box == "专栏 1 “十四五”商务发展主要指标")
        #expect(chongqing.baselineColumn == "2020年" && chongqing.targetColumn == "2025年" && chongqing.extraColumns == ["指标属性"])
        #expect(chongqing.notes == ["备注：带【】为五年累计数。"])
        let ecommerce = try #require(Self.table("chengdu-ecommerce-14th-fyp.txt"))
        #expect(ecommerce.baselineColumn == "2020年数值" && ecommerce.targetColumn == "2025年目标值" && ecommerce.extraColumns.isEmpty)
        let services = try #require(Self.table("chengdu-services-14th-fyp.txt"))
        #expect(services.box == nil && services.baselineColumn == nil && services.targetColumn == "2025年")
        #expect(services.extraColumns == ["年均增速"])
        let sichuan = try #require(Self.table("sichuan-commerce-14th-fyp.txt"))
        #expect(sichuan.box == "专栏 2 “十四五”时期商务发展主要目标")
        #expect(sichuan.notes == ["备注：[ ]中为五年累计值。"])
        #expect(sichuan.rows.allSatisfy(\.complete) && chongqing.rows.allSatisfy(\.complete))
    }

    /// sichuan-commerce-14th-fyp.txt 专栏 1 (line 137), “十三五”…完成情况: 2015 and 2020 columns, both
    /// before the plan's period, hold achieved values: not a target table.
    @Test func achievedTableIsKeptApart() throws {
        #expect(!Self.tables.targetTables.contains { $0.box?.contains("完成情况") == true })
        let achieved = try #require(Self.table("sichuan-commerce-14th-fyp.txt", kind: .achieved))
        #expect(achieved.line == 139 && achieved.box == "专栏 1 “十三五”时期商务发展主要目标完成情况")
        #expect(achieved.baselineColumn == "2015年" && achieved.targetColumn == "2020年")
        #expect(achieved.rows.allSatisfy { $0.target == nil && $0.achieved != nil })
        let byName = Dictionary(achieved.rows.map { ($0.indicator, $0) }, uniquingKeysWith: { a, _ in a })
        // Read at lines 141–159; 货物贸易 and 服务贸易 (146–156) print 2020 under 2015 on the next line.
        let readable: [(String, String, String, String, String)] = [
            ("社会消费品零售总额", "亿元", "13877.7", "20824.9", "8.5%"), ("服务业增加值比重", "%", "40.3", "52.4", "2.4个百分点"),
            ("电子商务交易额", "亿元", "17500", "36022", "15.5%"), ("对外直接投资额", "亿美元", "12.1", "12.1", "[66.6]"),
            ("对外承包工程营业额", "亿美元", "56", "51.8", "[256.9]")
        ]
        for (name, unit, base, reached, extra) in readable {
            let row = try #require(byName[name])
            #expect(row.unit == unit && row.baseline == base && row.achieved == reached && row.extra == extra && row.complete, "\(name)")
        }
        // 2015 at the end of line 146 (152), 2020 alone on the next line with its 折合 note two
        // lines below, the growth rate after it: the lines join as words (515.9 1168), so the
        // cells are read, not run together as 515.91168.
        for (name, base, reached, extra) in [("货物贸易", "515.9", "1168（折合8081.9亿元）", "20.4%"), ("服务贸易", "131", "176（折合1212.2亿元）", "6.1%")] {
            let row = try #require(byName[name])
            #expect(row.unit == "亿美元" && row.baseline == base && row.achieved == reached && row.extra == extra && row.complete, "\(name)")
        }
        #expect(achieved.rows.count == 7)
    }

    /// The same 四川 tables as a layout-aware ingestion could give them: each source line a row of
    /// cells split at spaces (brackets kept whole). Every row is then recovered, line numbers exact,
    /// and 专栏 1's 货物贸易 and 服务贸易 rows too (their 2020 cell wraps onto the next lines).
    @Test func sichuanTablesFromSplitRows() throws {
        let file = Support.corpus.appendingPathComponent("sichuan-commerce-14th-fyp.txt")
        let lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        func passages(_ range: ClosedRange<Int>, box: String) -> [SourcePassage] {
            range.compactMap { n in
                let text = lines[n - 1].trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { return nil }
                let cells = Self.splitAtSpaces(text)
                return SourcePassage(
                    id: n, text: cells.joined(separator: " | "), isTableRow: cells.count > 1, isHeading: n == range.lowerBound, box: box,
                    line: n)
            }
        }
        let period = PlanPeriod(start: 2021, end: 2025)
        let targets = IndicatorTable.read(
            passages(352...376, box: "专栏 2"), documentName: "s", documentTitle: "四川省“十四五”商务发展规划", period: period
        ) { "s#\($0)" }
        #expect(targets.map(\.kind) == [.target])
        let rows = try #require(targets.first).rows
        #expect(rows.count == Self.sichuan.count)
        for (a, e) in zip(rows, Self.sichuan) {
            #expect(a.line == e.line && a.indicator == e.indicator && a.unit == e.unit, "\(e)")
            #expect(a.baseline == e.baseline && a.target == e.target && a.extra == e.extra && a.value == e.value, "\(e)")
        }
        let achieved = IndicatorTable.read(
            passages(137...160, box: "专栏 1"), documentName: "s", documentTitle: "四川省“十四五”商务发展规划", period: period
        ) { "s#\($0)" }
        #expect(achieved.map(\.kind) == [.achieved])
        let goods = try #require(achieved.first?.rows.first { $0.indicator == "货物贸易" })
        #expect(goods.baseline == "515.9" && goods.achieved == "1168（折合 8081.9亿元）" && goods.extra == "20.4%" && goods.complete)
        let services = try #require(achieved.first?.rows.first { $0.indicator == "服务贸易" })
        #expect(services.baseline == "131" && services.achieved == "176（折合 1212.2亿元）" && services.extra == "6.1%")
        #expect(achieved.first?.rows.count == 7)
    }

    /// Cells of a line split at runs of spaces, bracketed text kept in one cell.
    static func splitAtSpaces(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var depth = 0
        for c in line {
            if "（([【".contains(c) { depth += 1 }
            if "）)]】".contains(c) { depth = max(0, depth - 1) }
            if c == " " && depth == 0 {
                if !current.isEmpty { cells.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { cells.append(current) }
        return cells
    }

    @Test func documentsWithoutTablesGiveNone() {
        #expect(!Self.tables.tables.contains { $0.documentName == "sichuan-trade-power-opinions-draft.txt" })
        #expect(Self.tables.tables.count == 5)
    }

    /// The development set of other regions (plans, regulations, a notice with tables flattened one
    /// cell per line) has no indicator table: nothing is read from it.
    @Test func developmentSetHasNoIndicatorTables() throws {
        guard let dev = Support.corpusDev else { return }
        let dir = ResearchFixture.build([dev], "targets-dev")
        defer { Support.remove(dir) }
        let s = Searcher(reader: try IndexReader(directory: dir))
        let found = try IndicatorTables(searcher: s, scope: DocumentScope(searcher: s, spec: nil))
        #expect(found.tables.isEmpty, "\(found.tables.map { "\($0.documentName):\($0.line)" })")
    }
}
