import Foundation
import SwiftCSV
import TestSupport
import Testing

/// `policy-search targets` as a user runs it: the JSON contract, the CSV read back by SwiftCSV with
/// the same indicator of several plans on one row, --achieved, --docs, the text view and --out.
@Suite struct TargetsCLITests {
    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let r = try ResearchFixture.run(["targets", "--format", "json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [[String: Any]])
    }

    static let keys: Set<String> = [
        "kind", "doc", "title", "box", "passage", "line", "category", "indicator", "key", "unit", "baseline", "target", "achieved",
        "extra", "value", "complete", "baselineColumn", "targetColumn", "extraColumns"
    ]

    /// A table whose cells the format keeps apart (HTML here, DOCX alike) is read by the header's
    /// columns: the 单位 cell is the unit whatever it says (万个, 微克/立方米, GW), and the indicator
    /// cell stays whole even when it holds a number (每千人口拥有3岁以下婴幼儿托位数).
    @Test func cellsOfAFormatTableAreReadByColumn() throws {
        let dir = try Support.temporaryDirectory("targets-html")
        defer { Support.remove(dir) }
        let rows = [
            ("5G基站数量", "万个", "1.2", "≥3"), ("细颗粒物(PM2.5)平均浓度", "微克/立方米", "35", "30"), ("每千人口拥有3岁以下婴幼儿托位数", "个", "1.8", "4.5"),
            ("风电装机", "GW", "2", "5")
        ]
        let body = rows.enumerated().map { i, r in
            "<tr><td>\(i + 1)</td><td>\(r.0)</td><td>\(r.1)</td><td>\(r.2)</td><td>\(r.3)</td><td>预期性</td></tr>"
        }
        try Support.write(
            """
            <html><body><div class="content"><h1>某市国民经济和社会发展第十四个五年规划纲要</h1>
            <p>到2025年，全市经济社会发展取得新的重大成就，主要指标如下表所示。</p><p>专栏1 主要指标</p>
            <table><tr><td>序号</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td><td>属性</td></tr>\(body.joined())</table>
            <p>各区县要结合实际，制定具体实施方案，确保各项指标如期实现。</p></div></body></html>
            """, to: dir.appendingPathComponent("plan.html"))
        let idx = dir.appendingPathComponent("idx")
        try #require(try Support.run(["index", dir.appendingPathComponent("plan.html").path, "--index", idx.path]).status == 0)
        let r = try Support.run(["targets", "--format", "json", "--index", idx.path])
        let found = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [[String: Any]], "\(r.stderr)")
        #expect(found.count == rows.count)
        for (row, expected) in zip(found, rows) {
            #expect(row["indicator"] as? String == expected.0 && row["unit"] as? String == expected.1, "\(row)")
            #expect(row["baseline"] as? String == expected.2 && row["target"] as? String == expected.3, "\(row)")
        }
    }

    @Test func jsonContract() throws {
        let rows = try Self.json([])
        #expect(rows.count == 50, "12 + 9 + 20 + 9 rows in the four target tables")
        for row in rows { #expect(Set(row.keys) == Self.keys, "\(row)") }
        #expect(rows.allSatisfy { $0["kind"] as? String == "target" && $0["achieved"] is NSNull })
        let fdi = try #require(rows.first { $0["indicator"] as? String == "外商直接投资( FDI )" })
        #expect(fdi["doc"] as? String == "chongqing-commerce-14th-fyp.txt")
        #expect(fdi["title"] as? String == "重庆市商务发展“十四五”规划（2021—2025年）")
        #expect(fdi["box"] as? String == "专栏 1 “十四五”商务发展主要指标")
        #expect(fdi["line"] as? Int == 183 && fdi["passage"] as? String == "chongqing-commerce-14th-fyp.txt#57")
        #expect(fdi["category"] as? String == "开放型经济" && fdi["unit"] as? String == "亿美元")
        #expect(fdi["baseline"] as? String == "21" && fdi["target"] as? String == "【135】" && fdi["extra"] as? String == "预期性")
        #expect(fdi["value"] as? Double == 135 && fdi["complete"] as? Bool == true)
        #expect(fdi["baselineColumn"] as? String == "2020年" && fdi["targetColumn"] as? String == "2025年")
        #expect(fdi["extraColumns"] as? [String] == ["指标属性"])
        // No baseline column: baseline null, not a made-up value; a target in words: value null.
        let words = try #require(rows.first { ($0["target"] as? String) == "高于全国平均水平" })
        #expect(words["baseline"] is NSNull && words["value"] is NSNull && words["baselineColumn"] is NSNull && words["box"] is NSNull)
    }

    @Test func achievedTablesApart() throws {
        let rows = try Self.json(["--achieved"])
        #expect(rows.count == 7)
        #expect(rows.allSatisfy { $0["kind"] as? String == "achieved" && $0["target"] is NSNull })
        #expect(rows.allSatisfy { ($0["box"] as? String)?.contains("完成情况") == true })
        let first = try #require(rows.first)
        #expect(first["indicator"] as? String == "社会消费品零售总额" && first["achieved"] as? String == "20824.9")
    }

    @Test func docsSelectsPlans() throws {
        let rows = try Self.json(["--docs", "region:成都"])
        #expect(Set(rows.compactMap { $0["doc"] as? String }) == ["chengdu-ecommerce-14th-fyp.txt", "chengdu-services-14th-fyp.txt"])
        #expect(rows.count == 29)
    }

    /// The CSV's rows: one per indicator, the same indicator of several plans on one row.
    @Test func csvLinesUpIndicatorsAcrossPlans() throws {
        let r = try ResearchFixture.run(["targets", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdoutData.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: r.stdoutData.dropFirst(3), as: UTF8.self)
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        let titles = ["成都市电子商务发展“十四五”规划", "成都市“十四五”服务业发展规划", "重庆市商务发展“十四五”规划（2021—2025年）", "四川省“十四五”商务发展规划"]
        #expect(csv.header == ["indicator"] + titles.flatMap { t in ["unit", "baseline", "target", "extra"].map { t + " " + $0 } })
        func row(_ name: String) -> [String]? { csv.rows.first { $0.first == name } }
        func cells(_ row: [String], _ doc: Int) -> [String] { Array(row[(1 + 4 * doc)..<(5 + 4 * doc)]) }
        // Read in the four tables: 成都 services line 150, 重庆 171, 四川 364; the e-commerce plan has none.
        let retail = try #require(row("社会消费品零售总额"))
        #expect(cells(retail, 0) == ["", "", "", ""])
        #expect(cells(retail, 1) == ["亿元", "", "11000", "——"])
        #expect(cells(retail, 2) == ["亿元", "11787.2", "15500", "预期性"])
        #expect(cells(retail, 3) == ["亿元", "20824.9", "30000", "—"])
        let online = try #require(row("网络零售额"))
        #expect(cells(online, 2)[2] == "2000" && cells(online, 3)[2] == "9000")
        // 跨境电商 = 跨境电子商务 (synonyms.txt): the e-commerce plan's and the services plan's names line up.
        let crossBorder = try #require(row("跨境电商交易额"))
        #expect(cells(crossBorder, 0) == ["亿元", "435.82", "≥1200", ""] && cells(crossBorder, 1)[2] == "1200")
        #expect(row("跨境电子商务交易额") == nil)
        // A lone dash and numbers are written as printed, not defused like formulas.
        #expect(try #require(row("电商企业新业务全国总部"))[2] == "-")
        #expect(csv.rows.count == Set(csv.rows.map { $0[0] }).count, "each indicator on one row")
        let exact = try ResearchFixture.run(["targets", "--format", "csv", "--exact"])
        #expect(exact.stdout.contains("\r\n跨境电子商务交易额,"), "--exact compares names as printed")
    }

    @Test func textViewAlignsPlans() throws {
        let r = try ResearchFixture.run(["targets", "--docs", "重庆,sichuan-commerce"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "2 indicator tables in 2 of 2 documents: 21 rows; 1 table of achieved values not listed (--achieved lists it)")
        let retail = try #require(lines.first { $0.hasPrefix("社会消费品零售总额") })
        #expect(retail.contains("11787.2 → 15500") && retail.contains("20824.9 → 30000"))
        let header = try #require(lines.first { $0.hasPrefix("indicator") })
        // Each plan's column is right-aligned: [1] ends where 重庆's cell ends, [2] where 四川's does.
        func end(_ line: String, _ piece: String) -> Int? {
            line.range(of: piece).map { DisplayWidthOracle.of(String(line[..<$0.upperBound])) }
        }
        #expect(end(header, "[1]") != nil && end(header, "[1]") == end(retail, "11787.2 → 15500"))
        #expect(end(header, "[2]") != nil && end(header, "[2]") == end(retail, "20824.9 → 30000"))
        let fdi = try #require(lines.first { $0.hasPrefix("外商直接投资") })
        #expect(end(header, "[1]") == end(fdi, "21 → 【135】"))
        let matrix = lines.drop { !$0.hasPrefix("indicator") }.filter { !$0.isEmpty }
        #expect(matrix.allSatisfy { DisplayWidthOracle.of($0) <= DisplayWidthOracle.of(header) && !$0.hasSuffix(" ") })
    }

    /// The output README.md shows under its `targets` example is what the command prints.
    @Test func readmeShowsRealOutput() throws {
        let readme = try String(contentsOf: Support.root.appendingPathComponent("README.md"), encoding: .utf8)
        let example = "policy-search targets --docs 重庆,sichuan-commerce"
        let after = try #require(readme.range(of: "```sh\n" + example + "\n```\n\n```\n"))
        let block = readme[after.upperBound...].components(separatedBy: "\n```")[0]
        let shown = block.components(separatedBy: "\n").filter { !$0.isEmpty }
        #expect(shown.count >= 10)
        let r = try ResearchFixture.run(["targets", "--docs", "重庆,sichuan-commerce"])
        let printed = Set(r.stdout.components(separatedBy: "\n"))
        for line in shown { #expect(printed.contains(line), "README line not printed: \(line)") }
    }

    @Test func outWritesTheFile() throws {
        let dir = try Support.temporaryDirectory("targets-out")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("targets.json")
        let r = try ResearchFixture.run(["targets", "--format", "json", "--out", file.path])
        #expect(r.status == 0 && r.stdout.isEmpty && r.stderr.contains("50 indicator rows written to"))
        let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]]
        #expect(rows?.count == 50)
    }

    /// Long runs of header words, digits and dashes (a damaged extraction) are read in linear time
    /// and give no table.
    @Test func hostileRunsGiveNothing() throws {
        let dir = try Support.temporaryDirectory("targets-hostile")
        defer { Support.remove(dir) }
        let text =
            "测试文件\n\n一、目标\n\n" + String(repeating: "指标", count: 3000) + "\n\n"
            + String(repeating: "序号指标单位2020年2025年", count: 300) + "\n\n" + String(repeating: "1", count: 50000) + "\n\n"
            + String(repeating: "—", count: 30000) + "\n"
        try Support.write(text, to: dir.appendingPathComponent("h.txt"))
        let index = dir.appendingPathComponent("index")
        #expect(try Support.run(["index", dir.path, "--index", index.path]).status == 0)
        let r = try Support.run(["targets", "--index", index.path], timeout: 60)
        #expect(r.exited && r.status == 0 && r.stdout == "No indicator table in the document.\n", "\(r.stderr)")
    }

    /// --achieved where a document has only a target table: nothing listed, and the message names
    /// the table it left out by its own kind (it once called the target table "achieved values").
    @Test func achievedWithOnlyATargetTable() throws {
        let r = try ResearchFixture.run(["targets", "--docs", "chengdu-services", "--achieved"])
        #expect(r.status == 0)
        #expect(r.stdout == "No table of achieved values in the document; 1 indicator table (listed without --achieved).\n")
        let json = try ResearchFixture.run(["targets", "--docs", "chengdu-services", "--achieved", "--format", "json"])
        #expect(json.status == 0 && json.stdout.filter { !$0.isWhitespace } == "[]")
    }

    /// Two plans with one title (a draft and its final version): the CSV's columns name the file.
    @Test func csvColumnsOfSameTitledPlansNameTheFile() throws {
        let dir = try Support.temporaryDirectory("targets-same-title")
        defer { Support.remove(dir) }
        let source = Support.corpus.appendingPathComponent("chengdu-services-14th-fyp.txt")
        for name in ["draft.txt", "final.txt"] {
            try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent(name))
        }
        let index = dir.appendingPathComponent("index")
        #expect(try Support.run(["index", dir.path, "--index", index.path]).status == 0)
        let r = try Support.run(["targets", "--index", index.path, "--format", "csv"])
        // CSV lines end in CR LF (one Character in Swift).
        let header = try #require(r.stdout.components(separatedBy: "\r\n").first).split(separator: ",").map(String.init)
        #expect(r.status == 0 && header.count == 9 && Set(header).count == 9, "\(header)")
        #expect(header[1].hasSuffix("(draft.txt) unit") && header[5].hasSuffix("(final.txt) unit"), "\(header)")
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try ResearchFixture.run(["targets", "--format", "xlsx"]).status == 2)
        let unknown = try ResearchFixture.run(["targets", "--docs", "doc:不存在的文件"])
        #expect(unknown.status == 2 && unknown.stderr.contains("matches no document"))
        let none = try ResearchFixture.run(["targets", "--docs", "sichuan-trade-power"])
        #expect(none.status == 0 && none.stdout == "No indicator table in the document.\n")
        let achievedOnly = try ResearchFixture.run(["targets", "--docs", "sichuan-commerce", "--achieved", "--format", "json"])
        #expect(achievedOnly.status == 0 && achievedOnly.stdout.contains("\"kind\" : \"achieved\""))
    }
}

/// Display width by the Unicode East Asian Width property, restated: wide and full-width characters take two columns.
enum DisplayWidthOracle {
    static func of(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in
            let v = u.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            return w + (wide ? 2 : 1)
        }
    }
}
