import Foundation
import TestSupport
import Testing
import ZIPFoundation

/// The counting views count a part as written: 营商环境优化 occurs nowhere in the bundled corpus
/// (grep finds it in no file), so its report cells are 0 — not the occurrences of its words
/// 营商环境 + 优化, which `search` falls back to — and the note saying so reaches every format.
@Suite struct CountAsWrittenTests {
    static let missing = "营商环境优化"

    @Test func theCorpusHasNoExactOccurrence() throws {
        for file in try FileManager.default.contentsOfDirectory(at: Support.corpus, includingPropertiesForKeys: nil) {
            #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(Self.missing), "\(file.lastPathComponent)")
        }
        // search still tries its words, with its note.
        let search = try ResearchFixture.run(["search", Self.missing, "--json"])
        let object = try #require(Support.json(search))
        #expect((object["total"] as? Int ?? 0) > 0)
    }

    @Test func reportAndKwicCountZeroWithANote() throws {
        let dir = try Support.temporaryDirectory("count-as-written")
        defer { Support.remove(dir) }
        let terms = dir.appendingPathComponent("terms.txt")
        try Support.write(Self.missing + "\n营商环境\n", to: terms)
        let report = try ResearchFixture.run(["report", "--exact", "--terms", terms.path, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        let object = try #require(Support.json(report))
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows[0]["occurrences"] as? Int == 0 && rows[0]["passages"] as? Int == 0)
        #expect((rows[0]["notes"] as? [String] ?? []).contains { $0.contains("occurs nowhere as written") && $0.contains("“优化”") })
        // The occurrences of 营商环境 are grep's, passage by passage (the independent oracle).
        let expected = ResearchFixture.oraclePassages(containing: "营商环境").values.reduce(0) { $0 + $1.count }
        #expect(rows[1]["passages"] as? Int == expected)

        let kwic = try ResearchFixture.run(["kwic", Self.missing])
        #expect(kwic.status == 0 && (kwic.stdout + kwic.stderr).contains("occurs nowhere as written"), "\(kwic.stderr)")
        let lines = try ResearchFixture.run(["kwic", Self.missing, "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: lines.stdoutData) as? [Any])?.isEmpty == true, "\(lines.stdout)")

        let xlsx = try ResearchFixture.run(["report", "--terms", terms.path, "--out", dir.appendingPathComponent("r.xlsx").path])
        #expect(xlsx.status == 0, "\(xlsx.stderr)")
        let archive = try Archive(url: dir.appendingPathComponent("r.xlsx"), accessMode: .read)
        var strings = Data()
        let stringsEntry = try #require(archive["xl/sharedStrings.xml"])
        _ = try archive.extract(stringsEntry) { strings.append($0) }
        #expect(archive["xl/worksheets/sheet3.xml"] != nil, "a Notes sheet")
        #expect(String(decoding: strings, as: UTF8.self).contains("occurs nowhere as written"))
    }

    /// Typed with ASCII parentheses, the zone's name counts what grep counts of it as the plans
    /// print it (full-width): 3 in the e-commerce plan, 4 in the services plan, one line each.
    @Test func asciiParenthesesCountAsTheirText() throws {
        let json = try ResearchFixture.run(["kwic", "--exact", "中国(成都)跨境电子商务综合试验区", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let lines = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [[String: Any]])
        var grep = 0
        for file in try FileManager.default.contentsOfDirectory(at: Support.corpus, includingPropertiesForKeys: nil) {
            grep += (try String(contentsOf: file, encoding: .utf8)).components(separatedBy: "中国（成都）跨境电子商务综合试验区").count - 1
        }
        #expect(grep == 7 && lines.count == grep)
    }
}
