import Foundation
import Index
import Query
import Research
import TestSupport
import Testing

/// `compare`: quantities stated next to the term, chapters lined up across plans, and on the corpus
/// each document's counts, sections, best passages and targets, as read in the plans.
@Suite struct CompareTests {
    static func quantities(_ text: String, term: String) -> [String] {
        let s = Array(text.unicodeScalars)
        let spans = Oracle.occurrences(of: term, in: text)
        return QuantityStatements.find(in: text, occurrences: spans).flatMap { st in
            st.quantities.map { String(String.UnicodeScalarView(s[$0])) }
        }
    }

    /// Sentences written for the test, in the layouts plans use.
    @Test func quantitiesNextToTheTerm() {
        #expect(Self.quantities("力争跨境电商交易额增长50%以上，规模突破900亿元。", term: "跨境电商") == ["50%以上", "突破900亿元"])
        #expect(Self.quantities("打造20个省级跨境电商产业园。", term: "跨境电商") == ["20个"])
        // A bound before the number is part of the target.
        #expect(Self.quantities("跨境电商占外贸比重≥50%，交易额约1000亿元。", term: "跨境电商") == ["≥50%", "约1000亿元"])
        // A bound printed after the number too.
        #expect(Self.quantities("数字经济核心产业增加值占比达到10%左右，规模500亿元以上。", term: "数字经济") == ["10%左右", "500亿元以上"])
        #expect(Self.quantities("跨境电商交易额达到1,200亿元，年均增长１５％。", term: "跨境电商") == ["1,200亿元", "１５％"])
        #expect(Self.quantities("跨境电商 交易额超过 35.5 亿美元。", term: "跨境电商") == ["35.5 亿美元"])
        #expect(Self.quantities("引进跨境电商企业100余家。", term: "跨境电商") == ["100余家"])
        // A label's number is no quantity: the caption 表1天津市… (the Tianjin rules) holds no "1天".
        #expect(Self.quantities("表1天津市2021年春节期间需求响应补贴价格", term: "需求响应") == [])
        #expect(Self.quantities("附件2个人申报需求响应材料清单", term: "需求响应") == [])
        // Energy, prices and areas (the Tianjin demand-response rules of the development set).
        #expect(Self.quantities("固定补贴价格模式的补贴价格为1.2元/千瓦时，竞价上限为2.0元/千瓦时。", term: "补贴价格") == ["1.2元/千瓦时", "2.0元/千瓦时"])
        #expect(Self.quantities("需求响应日申报量不低于4800千瓦时（平均响应功率不低于800千瓦）。", term: "申报量") == ["不低于4800千瓦时", "不低于800千瓦"])
        // A bound in words, and a range, are part of the target too.
        #expect(Self.quantities("新培育跨境电商企业不少于50家，带动就业超过1万人。", term: "跨境电商") == ["不少于50家", "超过1万人"])
        #expect(Self.quantities("跨境电商交易额达到5亿元至10亿元。", term: "跨境电商") == ["5亿元至10亿元"])
        #expect(Self.quantities("跨境电商交易额年均增长6%—8%，新增5至10个产业园。", term: "跨境电商") == ["6%—8%", "5至10个"])
        #expect(Self.quantities("跨境电商综合试验区3-5个，交易额1.5～2万亿元。", term: "跨境电商") == ["3-5个", "1.5～2万亿元"])
        #expect(Self.quantities("跨境电商交易额30亿元到50亿元之间，规模突破900亿元，增长1倍。", term: "跨境电商") == ["30亿元到50亿元之间", "突破900亿元"])
        #expect(Self.quantities("跨境电商园区能耗0.45吨标准煤，包裹50亿个。", term: "跨境电商") == ["0.45吨标准煤", "50亿个"])
        #expect(Self.quantities("会展经济规模80亿—100亿元，场馆面积10万～15万平方米。", term: "会展经济") == ["80亿—100亿元", "10万～15万平方米"])
        #expect(Self.quantities("会展经济带动系数达到1：9，场馆利用率提高到60%。", term: "会展经济") == ["60%"])
        #expect(Self.quantities("会展经济单场活动不超过2000人次。", term: "会展经济") == ["不超过2000人次"])
        #expect(Self.quantities("会展经济场馆至少10个，给予最高100万元奖励。", term: "会展经济") == ["至少10个", "最高100万元"])
        // A span of years is not a quantity, nor a range whose figures have no unit.
        #expect(Self.quantities("2021—2025年跨境电商加快发展。", term: "跨境电商").isEmpty)
        #expect(Self.quantities("新增高标准农田建设面积30万亩。", term: "高标准农田") == ["30万亩"])
        // Time limits: 3个工作日左右 is the figure, not 3个; hours and days with their bound.
        #expect(Self.quantities("出口退税办理时间3个工作日左右，通关时间压缩至24小时以内。", term: "办理时间") == ["3个工作日左右", "24小时以内"])
        #expect(Self.quantities("审批时限压缩至5天，跨境电商企业6个月内完成备案。", term: "审批时限") == ["5天", "6个月"])
        // Not quantities: a year, an ordinal, a figure two clauses away, another sentence, units not listed.
        #expect(Self.quantities("到2025年，跨境电商加快发展。", term: "跨境电商").isEmpty)
        #expect(Self.quantities("第3个五年规划提出跨境电商。", term: "跨境电商").isEmpty)
        #expect(Self.quantities("跨境电商加快发展，服务业提质增效，社会消费品零售总额达到1.1万亿元。", term: "跨境电商").isEmpty)
        #expect(Self.quantities("跨境电商加快发展。社会消费品零售总额达到1.1万亿元。", term: "跨境电商").isEmpty)
        #expect(Self.quantities("跨境电商产业带5条，跨境电商产值3年翻番。", term: "跨境电商").isEmpty)
        #expect(Self.quantities("跨境电商交易额超过1200亿元。", term: "物流").isEmpty)
    }

    /// A table row states its figures in cells of their own, the unit in another: every figure
    /// after the query's cell is the row's, the 序号 and 类别 before it are not.
    @Test func quantitiesOfATableRow() {
        func row(_ text: String, _ term: String) -> [String] {
            let s = Array(text.unicodeScalars)
            return QuantityStatements.findInRow(text, occurrences: Oracle.occurrences(of: term, in: text)).flatMap { st in
                st.quantities.map { String(String.UnicodeScalarView(s[$0])) }
            }
        }
        #expect(row("消费 | 1 | 社会消费品零售总额 | 亿元 | 10371.8 | 16000 | 6%左右", "社会消费品零售总额") == ["10371.8", "16000", "6%左右"])
        #expect(row("2 | 实际使用外资 | 亿美元 | 【800】 | ≥1200 | 预期性", "实际使用外资") == ["【800】", "≥1200"])
        #expect(row("3 | 跨境电商交易额 | 亿元 | — | 翻一番 | 预期性", "跨境电商").isEmpty)
        #expect(row("1 | 会展场馆面积 | 平方米 | 不低于200 | ≥1500 | 150以上", "会展场馆") == ["不低于200", "≥1500", "150以上"])
        // Quantities written inside a cell, the query's own included.
        #expect(row("1 | 新增会展企业30家 | 建成场馆12万平方米 | 市商务局", "会展企业") == ["30家", "12万平方米"])
    }

    @Test func chaptersOfAPath() {
        #expect(ChapterTitle.chapter(of: ["第三篇 推动更高水平对外开放", "第七章 大力发展服务贸易", "第一节 提质"])?.title == "第七章 大力发展服务贸易")
        #expect(ChapterTitle.chapter(of: ["一、发展基础", "（一）发展现状"])?.title == "一、发展基础")
        #expect(ChapterTitle.chapter(of: ["第一部分 总体要求"])?.title == "第一部分 总体要求")
        #expect(ChapterTitle.chapter(of: []) == nil)
    }

    /// Titles written in the styles of different plans: similar ones share a row, order is kept,
    /// a chapter without a counterpart gets its own row.
    @Test func similarChaptersShareARow() {
        let rows = ChapterAlignment.rows([
            ["第一章 发展环境", "第四章 推进对外贸易创新发展", "第十二章 实施保障"],
            ["一、发展基础", "二、总体要求", "五、对外贸易创新发展", "六、保障措施"],
            ["第二章 加快数字化转型"]
        ])
        #expect(rows == [[0, 0, nil], [nil, 1, nil], [1, 2, nil], [2, 3, nil], [nil, nil, 0]])
        for c in 0..<3 {
            let order = rows.compactMap { $0[c] }
            #expect(order == order.sorted() && Set(order).count == order.count)
        }
        #expect(ChapterAlignment.rows([]).isEmpty && ChapterAlignment.rows([[], ["一、总体要求"]]) == [[nil, 0]])
    }

    static let comparison: Comparison = {
        let searcher = Searcher(reader: ResearchFixture.reader)
        return try! Comparison(
            queries: ["跨境电商", "海外仓"], searcher: searcher, scope: try! DocumentScope(searcher: searcher, spec: nil), bestPerDocument: 3)
    }()

    @Test func perDocumentColumnsOnTheCorpus() throws {
        let c = Self.comparison
        #expect(
            c.documents.map(\.name)
                == (0..<ResearchFixture.reader.documentCount).map { try! ResearchFixture.reader.documentSummary($0).name })
        for entry in c.entries {
            for (i, column) in entry.columns.enumerated() {
                let name = c.documents[i].name
                let passages = ResearchFixture.oraclePassages(containing: entry.query)[name] ?? []
                #expect(column.passages == passages.count)
                #expect(column.best.count == min(3, passages.count))
                #expect(column.best.allSatisfy { $0.documentName == name })
                let scores = column.best.compactMap(\.score)
                #expect(scores == scores.sorted(by: >))
                for q in column.best {
                    #expect(q.highlights.count == ResearchFixture.oracle.occurrences(of: entry.query, inPassage: q.passage.id).count)
                }
            }
        }
    }

    /// Read in the plans: the e-commerce plan's goal 跨境电商交易额超过1200亿元 (line 255) and the
    /// Sichuan plan's 力争跨境电商交易额增长50%以上，规模突破900亿元 (专栏 4).
    @Test func targetsReadInThePlans() throws {
        let entry = Self.comparison.entries[0]
        let names = Self.comparison.documents.map(\.name)
        let ecommerce = entry.columns[try #require(names.firstIndex(of: "chengdu-ecommerce-14th-fyp.txt"))]
        let goal = try #require(ecommerce.targets.first { $0.sentence.contains("跨境电商交易额超过1200亿元") })
        let s = Array(goal.sentence.unicodeScalars)
        #expect(goal.quantities.map { String(String.UnicodeScalarView(s[$0])) } == ["超过1200亿元"])
        #expect(goal.chapter == "二、总体要求")
        let sichuan = entry.columns[try #require(names.firstIndex(of: "sichuan-commerce-14th-fyp.txt"))]
        let target = try #require(sichuan.targets.first { $0.sentence.contains("规模突破900亿元") })
        let t = Array(target.sentence.unicodeScalars)
        #expect(target.quantities.map { String(String.UnicodeScalarView(t[$0])) } == ["50%以上", "突破900亿元"])
        #expect(target.highlights.map { String(String.UnicodeScalarView(t[$0])) } == ["跨境电商"])
        // Every target sentence holds the term and each of its quantities.
        for column in entry.columns {
            for target in column.targets { #expect(target.sentence.contains("跨境电商") && !target.quantities.isEmpty) }
        }
    }

    /// Sichuan's 专栏 2 (line 364) is set as text, cells apart by spaces: 6 社会消费品零售总额 亿元
    /// 20824.9 30000 — (line 364) / 7 网络零售额 亿元 5881 9000 8.9% (line 366). The query's row
    /// gives its own figures (2020: 20824.9, 2025: 30000), not 网络零售额's 8.9%.
    @Test func aTableSetAsTextGivesTheQuerysRow() throws {
        let searcher = Searcher(reader: ResearchFixture.reader)
        let c = try Comparison(
            queries: ["社会消费品零售总额"], searcher: searcher, scope: try DocumentScope(searcher: searcher, spec: "sichuan-commerce"),
            bestPerDocument: 0)
        let row = try #require(c.entries[0].columns[0].targets.first { $0.line == 364 })
        let s = Array(row.sentence.unicodeScalars)
        #expect(row.quantities.map { String(String.UnicodeScalarView(s[$0])) } == ["20824.9", "30000"])
        #expect(row.highlights.map { String(String.UnicodeScalarView(s[$0])) } == ["社会消费品零售总额"])
        #expect(!row.sentence.contains("8.9%"))
        // The columns in the table's order (2020 年, 2025 年, 年均/累计), a dash no figure.
        #expect(row.sentence.hasSuffix("2025年 30000，年均/累计 —"), "\(row.sentence)")
        // Row 7, on its own line: its own figures, the growth rate after the target.
        let retail = try Comparison(
            queries: ["网络零售额"], searcher: searcher, scope: try DocumentScope(searcher: searcher, spec: "sichuan-commerce"),
            bestPerDocument: 0)
        let seven = try #require(retail.entries[0].columns[0].targets.first { $0.line == 366 })
        let t = Array(seven.sentence.unicodeScalars)
        #expect(seven.quantities.map { String(String.UnicodeScalarView(t[$0])) } == ["5881", "9000", "8.9%"])
    }

    /// A 属性 column (预期性, 约束性) is words, not a figure: listed with its header, never a quantity.
    @Test func anAttributeColumnIsNoQuantity() throws {
        let dir = try Support.temporaryDirectory("attribute-column")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("deyang.txt")
        let text = [
            "某市跨境电商发展行动计划", "", "一、发展目标", "", "专栏1 主要指标", "指标 单位 2024年 2025年目标值 2027年目标值 指标属性",
            "跨境电商进出口额 亿元 12 25 40 预期性", "跨境电商主体数量 家 120 200 300 预期性", "", "二、重点任务", "", "（一）培育主体。新增跨境电商主体100家。"
        ].joined(separator: "\n")
        try Support.write(text + "\n", to: file)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        let c = try Comparison(queries: ["跨境电商进出口额"], searcher: searcher, scope: try DocumentScope(searcher: searcher, spec: nil))
        let row = try #require(c.entries[0].columns[0].targets.first)
        let s = Array(row.sentence.unicodeScalars)
        #expect(row.quantities.map { String(String.UnicodeScalarView(s[$0])) } == ["12", "25", "40"], "\(row.sentence)")
        #expect(row.sentence.hasSuffix("预期性"), "\(row.sentence)")
    }

    /// A word that occurs nowhere as written counts 0 (its words are not counted): the comparison
    /// then quotes no section, passage or chapter for it either, as `search` would through its
    /// word fallback. The same for a term report's best passages.
    @Test func aQueryThatCountsNothingQuotesNothing() throws {
        let searcher = Searcher(reader: ResearchFixture.reader)
        let query = "跨境电商海外仓建设"
        #expect(ResearchFixture.oraclePassages(containing: query).isEmpty)
        #expect(try searcher.search(query).total > 0)  // the search's fallback finds its words
        let scope = try DocumentScope(searcher: searcher, spec: nil)
        let e = try Comparison(queries: [query], searcher: searcher, scope: scope).entries[0]
        #expect(e.occurrences == 0 && e.passages == 0 && e.rows.isEmpty)
        #expect(e.columns.allSatisfy { $0.sections.isEmpty && $0.best.isEmpty && $0.targets.isEmpty })
        let report = try TermReport(terms: TermsFile(queries: [query]), searcher: searcher, scope: scope, best: 3)
        #expect(report.rows[0].totalOccurrences == 0 && report.rows[0].best.isEmpty)
    }

    /// Side by side: every chapter that mentions the query once, in document order, with the counts of its passages.
    @Test func sideBySideRows() throws {
        for entry in Self.comparison.entries {
            for (c, column) in entry.columns.enumerated() {
                let cells = entry.rows.compactMap { $0[c] }
                #expect(cells.reduce(0) { $0 + $1.occurrences } == column.occurrences)
                #expect(cells.reduce(0) { $0 + $1.passages } == column.passages)
                let chapters = column.sections.compactMap { ChapterTitle.chapter(of: $0.path.filter { !$0.hasPrefix("专栏") })?.title }
                var firstSeen: [String] = []
                for ch in chapters where !firstSeen.contains(ch) { firstSeen.append(ch) }
                #expect(cells.map(\.chapter) == firstSeen)
                #expect(cells.allSatisfy { ChapterTitle.chapter(of: $0.best.passage.path)?.title == $0.chapter })
            }
            #expect(entry.rows.allSatisfy { $0.contains { $0 != nil } })
        }
        let kuajing = Self.comparison.entries[0]
        let names = Self.comparison.documents.map(\.name)
        let e = try #require(names.firstIndex(of: "chengdu-ecommerce-14th-fyp.txt")),
            s = try #require(names.firstIndex(of: "chengdu-services-14th-fyp.txt"))
        #expect(kuajing.rows.contains { $0[e]?.chapter == "一、发展基础" && $0[s]?.chapter == "一、发展背景" })
    }

    @Test func cliFormats() throws {
        let json = try ResearchFixture.run(["compare", "跨境电商", "海外仓", "--format", "json", "--docs", "成都"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(Support.json(json))
        #expect((object["documents"] as? [[String: Any]])?.count == 2)
        let queries = try #require(object["queries"] as? [[String: Any]])
        #expect(queries.map { $0["query"] as? String } == ["跨境电商", "海外仓"])
        let docs = try #require(queries[0]["documents"] as? [[String: Any]])
        let best = try #require((docs[0]["best"] as? [[String: Any]])?.first)
        #expect(Set(best.keys) == ["doc", "title", "path", "box", "passage", "line", "page", "lastPage", "text", "score", "highlights"])
        #expect((queries[0]["sideBySide"] as? [[Any]])?.allSatisfy { $0.count == 2 } == true)

        let text = try ResearchFixture.run(["compare", "跨境电商", "海外仓"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let table = try #require(lines.firstIndex { $0.hasPrefix("occurrences (passages)") })
        let firstQuery = try #require(lines.firstIndex { $0.hasPrefix("══ 跨境电商") })
        #expect(table < firstQuery && lines[table + 1].hasPrefix("跨境电商") && lines[table + 2].hasPrefix("海外仓"))
        #expect(text.stdout.contains("[超过1200亿元]"))
        for line in lines { #expect(KwicTests.columns(line) <= 80, "\(line)") }

        let md = try ResearchFixture.run(["compare", "海外仓", "--format", "md"])
        #expect(md.stdout.hasPrefix("# Comparison: 海外仓") && md.stdout.contains("**海外仓**"))
        #expect(try ResearchFixture.run(["compare"]).status == 2)
        #expect(try ResearchFixture.run(["compare", "海外仓", "(跨境"]).status == 2)
        let exclusion = try ResearchFixture.run(["compare", "电商", "-跨境"])
        #expect(exclusion.status == 2 && exclusion.stderr.contains("'电商 -跨境'"))
        #expect(try ResearchFixture.run(["compare", "电商 -跨境"]).status == 0)
        #expect(try ResearchFixture.run(["compare", "海外仓", "--format", "pdf"]).status == 2)
    }
}
