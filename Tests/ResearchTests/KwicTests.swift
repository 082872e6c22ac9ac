import Foundation
import TestSupport
import Testing

/// `kwic` as a user runs it: every occurrence on one line with the matches in one display column
/// (CJK text is two columns wide), the sorts, and the JSON contract.
@Suite struct KwicTests {
    /// Terminal columns by the East Asian Width property, written out for the test (wide and
    /// full-width ranges of UAX #11; ambiguous characters such as “ ” — take one column).
    static func columns<S: StringProtocol>(_ s: S) -> Int {
        s.unicodeScalars.reduce(0) { n, c in
            let v = c.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return n + (wide ? 2 : 1)
        }
    }

    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let r = try ResearchFixture.run(["kwic"] + arguments + ["--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require((try? JSONSerialization.jsonObject(with: r.stdoutData)) as? [[String: Any]])
    }

    /// Lines of the text output after the summary and the blank line.
    static func lines(_ arguments: [String]) throws -> [String] {
        let r = try ResearchFixture.run(["kwic", "--exact"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let all = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(all[1].isEmpty)
        return all.dropFirst(2).filter { !$0.isEmpty }
    }

    @Test(arguments: [["海外仓", "--width", "12"], ["RCEP", "--width", "15"], ["跨境电商 OR 电商", "--width", "9"], ["十四五", "--sort", "left"]])
    func matchesShareOneDisplayColumn(_ arguments: [String]) throws {
        let lines = try Self.lines(arguments)
        let query = arguments[0]
        let expected = ResearchFixture.oracle.passages.indices.reduce(0) { n, p in
            n
                + (query.contains(" OR ")
                    ? ResearchFixture.oracle.occurrences(of: "电商", inPassage: p).count
                    : ResearchFixture.oracle.occurrences(of: query, inPassage: p).count)
        }
        #expect(lines.count == expected)
        var starts = Set<Int>(), rights = Set<Int>()
        for line in lines {
            // Plain output (NO_COLOR): the match in brackets after two spaces of padding at least.
            let open = try #require(line.range(of: " ["), "\(line)")
            let close = try #require(
                line.range(of: "] ", range: open.upperBound..<line.endIndex) ?? line.range(of: "]", options: .backwards))
            starts.insert(Self.columns(line[..<open.upperBound]))
            var afterMatch = close.upperBound
            while afterMatch < line.endIndex, line[afterMatch] == " " { afterMatch = line.index(after: afterMatch) }
            if afterMatch < line.endIndex { rights.insert(Self.columns(line[..<afterMatch])) }
        }
        #expect(starts.count == 1, "every match starts in the same column: \(starts)")
        #expect(rights.count <= 2, "right contexts start together (one column, or one more after a leading space): \(rights)")
        if let width = arguments.firstIndex(of: "--width").map({ Int(arguments[$0 + 1])! }) {
            let refWidth = lines.map { Self.columns($0.prefix { $0 != " " }) }.max()!
            #expect(starts.first == refWidth + 2 + width + 2)
        }
    }

    @Test func jsonContract() throws {
        let lines = try Self.json(["海外仓", "--width", "20"])
        #expect(
            lines.count
                == ResearchFixture.oracle.passages.indices.reduce(0) {
                    $0 + ResearchFixture.oracle.occurrences(of: "海外仓", inPassage: $1).count
                })
        for l in lines {
            #expect(Set(l.keys) == ["doc", "title", "passage", "line", "page", "left", "match", "right", "path"])
            #expect(l["page"] is NSNull)  // text sources have no pages
            #expect(l["match"] as? String == "海外仓")
            let left = try #require(l["left"] as? String), right = try #require(l["right"] as? String)
            #expect(Self.columns(left) <= 20 && Self.columns(right) <= 20)
            let ref = try #require(l["passage"] as? String)
            let id = try #require(PassageID.resolve(ref))
            let passage = try ResearchFixture.reader.passage(id)
            #expect(passage.text.contains(left + "海外仓" + right))
            #expect(l["line"] as? Int == passage.record.firstLine)
            #expect(l["path"] as? [String] == passage.path + (passage.box.map { [$0] } ?? []))
            #expect((l["passage"] as? String)?.hasPrefix((l["doc"] as? String ?? "") + "#") == true)
        }
    }

    /// A PDF's lines carry their passage's page, in every format, as search gives it.
    @Test func pdfLinesCarryTheirPage() throws {
        let (dir, index, built) = try Support.index([Support.fixturePDF], label: "kwic-pdf")
        defer { Support.remove(dir) }
        #expect(built.status == 0)
        let json = try Support.run(["kwic", "服务贸易", "--format", "json", "--index", index])
        let lines = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let pageOf = try Support.pages(of: "服务贸易", in: index)
        #expect(!pageOf.isEmpty && !lines.isEmpty)
        for l in lines {
            let page = try #require(l["page"] as? Int)
            #expect(page >= 1 && page == pageOf[l["passage"] as? String ?? ""], "\(l)")
        }
        let text = try Support.run(["kwic", "服务贸易", "--index", index])
        #expect(text.stdout.split(separator: "\n").dropFirst(2).allSatisfy { $0.contains(" p.") }, "\(text.stdout)")
    }

    /// A passage that runs onto the next page is cited with both: the 天府工厂 paragraph of the
    /// fixture starts on page 1 and ends on page 2 (`pdftotext -f 2 -l 2` begins 发展大进大出的粮油加工贸易。).
    @Test func aPassageAcrossAPageBreakNamesBothPages() throws {
        let (dir, index, built) = try Support.index([Support.fixturePDF], label: "pages-pdf")
        defer { Support.remove(dir) }
        #expect(built.status == 0)
        let json = try Support.run(["search", "粮油加工贸易", "--json", "--index", index])
        let object = try #require(Support.json(json))
        let hit = try #require((object["hits"] as? [[String: Any]])?.first)
        #expect(hit["page"] as? Int == 1 && hit["lastPage"] as? Int == 2, "\(hit)")
        let text = try Support.run(["search", "粮油加工贸易", "--index", index])
        #expect(text.stdout.contains("pp. 1–2"), "\(text.stdout)")
        let one = try Support.run(["search", "医药健康产业", "--index", index])
        #expect(!one.stdout.contains("pp."), "a passage on one page keeps p. N")
    }

    /// Left sort reads the left context backwards; truncated to a common length, neighbours are in order.
    @Test func sortsByReversedLeftAndByRight() throws {
        let left = try Self.json(["发展", "--sort", "left", "--width", "10"])
        let keys = left.map { Array(($0["left"] as? String ?? "").unicodeScalars.reversed()).map(\.value) }
        for (a, b) in zip(keys, keys.dropFirst()) {
            let n = min(a.count, b.count)
            #expect(!b.prefix(n).lexicographicallyPrecedes(a.prefix(n)))
        }
        #expect(Set(keys.map { $0.first ?? 0 }).count > 10)
        let right = try Self.json(["发展", "--sort", "right", "--width", "10"])
        let rkeys = right.map { Array(($0["right"] as? String ?? "").unicodeScalars).map(\.value) }
        for (a, b) in zip(rkeys, rkeys.dropFirst()) {
            let n = min(a.count, b.count)
            #expect(!b.prefix(n).lexicographicallyPrecedes(a.prefix(n)))
        }
        // Document order: catalog order, then passage, then position.
        let doc = try Self.json(["发展"])
        let names = (0..<ResearchFixture.reader.documentCount).map { try! ResearchFixture.reader.documentSummary($0).name }
        let order = doc.map { l -> (Int, Int) in
            let id = l["passage"] as? String ?? ""
            return (names.firstIndex(of: l["doc"] as? String ?? "") ?? -1, Int(id.split(separator: "#").last ?? "") ?? -1)
        }
        #expect(zip(order, order.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(left.count == doc.count && right.count == doc.count)
    }

    @Test func errorsAndEmptyResults() throws {
        let none = try ResearchFixture.run(["kwic", "不存在的词语组合甲乙"])
        #expect(none.status == 0 && none.stdout.contains("\n0 occurrences"))
        #expect(try ResearchFixture.run(["kwic", "(海外仓"]).status == 2)
        #expect(try ResearchFixture.run(["kwic", "海外仓", "--width", "0"]).status == 2)
        #expect(try ResearchFixture.run(["kwic", "海外仓", "--sort", "middle"]).status == 2)
        #expect(try ResearchFixture.run(["kwic", "海外仓", "--docs", "无此文件"]).status == 2)
        #expect(try Support.run(["kwic", "海外仓", "--index", "/nonexistent/index"]).status == 3)
        let docs = try Self.json(["海外仓", "--docs", "重庆"])
        #expect(!docs.isEmpty && docs.allSatisfy { $0["doc"] as? String == "chongqing-commerce-14th-fyp.txt" })
    }
}
