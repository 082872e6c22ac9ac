import Foundation
import TestSupport
import Testing

/// `similar`, `reuse` and `check-draft` as a user runs them: output, JSON contract, exit codes.
@Suite struct ReuseCLITests {
    static var index: String { ReuseFixture.indexDirectory.path }

    static func run(_ arguments: [String]) throws -> Support.Output { try Support.run(arguments + ["--index", index]) }

    /// Columns a terminal uses: 2 for CJK ideographs, CJK punctuation and full-width forms.
    static func columns(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { n, s in
            let v = s.value
            let wide =
                (0x2E80...0x9FFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    @Test func similarFindsTheCopyInTheOtherPlan() throws {
        let r = try Self.run(["similar", "chengdu-ecommerce-14th-fyp.txt#116"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("chengdu-services-14th-fyp.txt#"))
        #expect(r.stdout.contains("similarity 1.00"))
        #expect(r.stdout.contains("{+➤+}发展移动出行"))
        #expect(!r.stdout.contains("   B chengdu-ecommerce"))  // other documents only
        for line in r.stdout.split(separator: "\n") { #expect(Self.columns(String(line)) <= 80, "\(line)") }

        let text = try Self.run(["similar", "--text", "推动完善电子合同、电子发票、电子印章、电子签名、电子认证等数字应用的基础设施", "--json", "--min", "0.5"])
        let object = try #require(Support.json(text))
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 2)  // the 在线办公 clause of both Chengdu plans
        for p in pairs {
            #expect(p["containment"] as? Double == 1)
            #expect((p["a"] as? [String: Any])?["doc"] is NSNull)
        }
    }

    @Test func reuseJSONContract() throws {
        let r = try Self.run(["reuse", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(Support.json(r))
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count >= 5)
        for p in pairs {
            let similarity = try #require(p["similarity"] as? Double)
            #expect(similarity >= 0.5 && similarity <= 1)
            #expect((p["containment"] as? Double ?? 0) >= similarity)
            let a = try #require(p["a"] as? [String: Any]), b = try #require(p["b"] as? [String: Any])
            for side in [a, b] {
                for key in ["doc", "title", "passage", "path", "line", "text"] { #expect(side[key] != nil, "\(key)") }
            }
            #expect(a["doc"] as? String != b["doc"] as? String)
            let ta = Array((a["text"] as? String ?? "").unicodeScalars), tb = Array((b["text"] as? String ?? "").unicodeScalars)
            let spans = try #require(p["spans"] as? [[Int]])
            #expect(!spans.isEmpty)
            for s in spans {
                #expect(s.count == 4 && s[0] < s[1] && s[1] <= ta.count && s[2] < s[3] && s[3] <= tb.count)
                let x = Oracle.normalize(String(String.UnicodeScalarView(ta[s[0]..<s[1]]))).filter { !$0.isWhitespace }
                let y = Oracle.normalize(String(String.UnicodeScalarView(tb[s[2]..<s[3]]))).filter { !$0.isWhitespace }
                #expect(x == y)
            }
        }
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.first?["a"] as? String == "chengdu-ecommerce-14th-fyp.txt")
    }

    /// A is the earlier plan by the date its text states when no catalog dates it (as `docs` shows
    /// the date), not the file indexed first.
    @Test func theEarlierPlanByItsStatedDateIsA() throws {
        let dir = try Support.temporaryDirectory("reuse-order")
        let clause = "支持企业建设公共海外仓，对新建或租赁面积在5000平方米以上的海外仓，按照实际投资额的20%给予一次性补助，单个企业最高不超过200万元，并优先推荐申报国家级示范项目。"
        try Support.write("某省数字贸易发展行动计划\n\n某省人民政府\n2022年4月15日\n\n一、重点任务\n\n\(clause)\n", to: dir.appendingPathComponent("a-later.txt"))
        try Support.write("某市跨境电商发展若干措施\n\n某市人民政府\n2021年12月20日\n\n一、支持政策\n\n\(clause)\n", to: dir.appendingPathComponent("b-earlier.txt"))
        let index = dir.appendingPathComponent("idx").path
        #expect(try Support.run(["index", dir.path, "--index", index]).status == 0)
        let r = try Support.run(["reuse", "--min", "0.5", "--format", "json", "--index", index])
        let documents = try #require(Support.json(r)?["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
        #expect(documents.first?["a"] as? String == "b-earlier.txt")
    }

    @Test func reuseTextMarkdownHTMLAndOut() throws {
        let text = try Self.run(["reuse", "--min", "0.8"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("5 pair(s) in 1 document pair(s)"))
        #expect(text.stdout.contains("[-and-]{+和+}"))
        for line in text.stdout.split(separator: "\n") { #expect(Self.columns(String(line)) <= 80, "\(line)") }

        let md = try Self.run(["reuse", "--min", "0.8", "--format", "md"])
        #expect(md.stdout.hasPrefix("# Clause reuse") && md.stdout.contains("~~and~~**和**"))

        let dir = try Support.temporaryDirectory("reuse-html")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("reuse.html")
        let html = try Self.run(["reuse", "--format", "html", "--out", file.path])
        #expect(html.status == 0 && html.stdout.isEmpty && html.stderr.contains("pairs written to"))
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.contains("<mark>") && page.contains("<ins>"))
        #expect(!page.contains("<script"))
    }

    @Test func documentSelection() throws {
        let one = try Self.run(["reuse", "--docs", "重庆,sichuan-commerce", "--format", "json"])
        let pairs = try #require(Support.json(one)?["pairs"] as? [[String: Any]])
        let docs = Set(pairs.flatMap { p in ["a", "b"].compactMap { (p[$0] as? [String: Any])?["doc"] as? String } })
        #expect(docs.isSubset(of: ["chongqing-commerce-14th-fyp.txt", "sichuan-commerce-14th-fyp.txt"]))
        // Names separated by spaces, as typed in a web form, select the same documents.
        let spaced = try Self.run(["reuse", "--docs", "重庆 sichuan-commerce", "--format", "json"])
        #expect(spaced.status == 0 && (Support.json(spaced)?["pairs"] as? [[String: Any]])?.count == pairs.count, "\(spaced.stderr)")
        #expect(try Self.run(["reuse", "--docs", "无此文件"]).status == 2)
        #expect(try Self.run(["reuse", "--docs", "重庆 无此文件"]).status == 2)
    }

    /// A text too short to compare says so instead of an unexplained "0 passage(s)".
    @Test func aShortTextSaysWhyNothingWasFound() throws {
        let tiny = try Self.run(["similar", "--text", "短"])
        #expect(tiny.status == 0 && tiny.stdout.hasPrefix("0 passage(s)") && tiny.stderr.contains("too short to compare"))
        let short = try Self.run(["similar", "--text", "县域数字乡村集市建设方案"])
        #expect(short.stderr.contains("under --min-length 20"), "\(short.stderr)")
        // Said also when longer passages are found: a passage as short as the text is not among them.
        let found = try Self.run(["similar", "--text", "建设国际消费中心城市", "--min", "0.1"])
        #expect(
            found.status == 0 && !found.stdout.hasPrefix("0 passage(s)") && found.stderr.contains("--min-length 5 compares them too"),
            "\(found.stdout) \(found.stderr)")
        let long = try Self.run(["similar", "--text", "发展智慧文旅。整合产学研等各相关机构、业内企业和专业人士共同创建"])
        #expect(long.status == 0 && !long.stderr.contains("note:"), "\(long.stderr)")
    }

    @Test func exitCodes() throws {
        #expect(try Self.run(["similar", "nothing.txt#3"]).status == 2)
        #expect(try Self.run(["similar", "chengdu-ecommerce-14th-fyp.txt#9999"]).status == 2)
        #expect(try Self.run(["similar"]).status == 2)
        #expect(try Self.run(["similar", "--text", "，。、"]).status == 2)
        #expect(try Self.run(["reuse", "--min", "1.5"]).status == 2)
        #expect(try Self.run(["reuse", "--min", "0"]).status == 2)
        #expect(try Self.run(["reuse", "--format", "pdf"]).status == 2)
        #expect(try Support.run(["reuse", "--index", "/nonexistent/index"]).status == 3)
        #expect(try Support.run(["similar", "a.txt#1", "--index", "/nonexistent/index"]).status == 3)
    }
}
