import Foundation
import TestSupport
import Testing

/// The CLI as a user runs it: real processes, exit codes, and the JSON contract.
@Suite struct CLITests {
    static let root = Support.root

    /// An index of the bundled corpus for this suite.
    static let index: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cli-tests-\(getpid())").path
        _ = run(["index", "--index", dir, root.appendingPathComponent("corpus").path])
        return dir
    }()

    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) -> Support.Output {
        try! Support.run(arguments, environment: environment)
    }

    @Test func searchPrintsProvenanceAndMarksMatches() {
        let r = Self.run(["search", "跨境电商", "--index", Self.index, "--limit", "3"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("[跨境电商]"))
        #expect(r.stdout.contains(" › "))
        #expect(r.stdout.contains(".txt#") && r.stdout.contains("  line "))
    }

    @Test func jsonContract() throws {
        let r = Self.run(["search", "跨境电商", "--index", Self.index, "--json", "--explain", "--limit", "2", "--exact"])
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["query"] as? String == "跨境电商")
        let total = try #require(object["total"] as? Int)
        #expect(total > 2)
        let hits = try #require(object["hits"] as? [[String: Any]])
        #expect(hits.count == 2)
        for (i, h) in hits.enumerated() {
            #expect(h["rank"] as? Int == i + 1)
            #expect(h["score"] is Double)
            #expect((h["doc"] as? String)?.hasSuffix(".txt") == true)
            #expect(h["title"] is String)
            #expect(h["path"] is [String])
            #expect(h.keys.contains("box"))
            #expect((h["passage"] as? String)?.contains("#") == true)
            #expect((h["line"] as? Int ?? 0) >= 1)
            let text = try #require(h["text"] as? String)
            let spans = try #require(h["highlights"] as? [[Int]])
            let scalars = Array(text.unicodeScalars)
            for s in spans { #expect(String(String.UnicodeScalarView(scalars[s[0]..<s[1]])) == "跨境电商") }
            let explain = try #require(h["explain"] as? [String: Any])
            for key in ["N", "avgdl", "dl", "k1", "b", "terms", "boosts", "score"] { #expect(explain[key] != nil, "explain.\(key)") }
        }
        // --all returns every match.
        let all = Self.run(["search", "跨境电商", "--index", Self.index, "--json", "--all", "--exact"])
        let allObject = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        #expect((allObject["hits"] as? [Any])?.count == total)
    }

    /// An exported concordance says on standard error what the text output prints above its lines:
    /// a long part that occurs nowhere as written counts 0.
    @Test(arguments: ["csv", "json"])
    func kwicExportsPrintTheirNotes(_ format: String) {
        let r = Self.run(["kwic", "跨境电商海外仓", "--format", format, "--index", Self.index])
        #expect(r.status == 0 && r.stderr.contains("note: ") && r.stderr.contains("跨境电商海外仓"), "\(r.stderr)")
        #expect(!r.stdout.contains("note: "))
    }

    @Test func exitCodes() {
        #expect(Self.run(["search", "\"量子纠缠\"", "--index", Self.index]).status == 0)
        #expect(Self.run(["search", "\"量子纠缠\"", "--index", Self.index, "--fail-empty"]).status == 1)
        // The commands that find things share --fail-empty: 1 when nothing is found, 0 otherwise.
        #expect(Self.run(["kwic", "\"量子纠缠\"", "--index", Self.index, "--fail-empty"]).status == 1)
        #expect(Self.run(["kwic", "海外仓", "--index", Self.index, "--fail-empty"]).status == 0)
        #expect(Self.run(["compare", "\"量子纠缠\"", "--index", Self.index, "--fail-empty"]).status == 1)
        #expect(Self.run(["compare", "海外仓", "--index", Self.index, "--fail-empty"]).status == 0)
        // Each name of a --docs list must name a document: a misspelt one is an error, not a narrower view.
        let typo = Self.run(["compare", "海外仓", "--docs", "成都,chongqng", "--index", Self.index])
        #expect(typo.status == 2 && typo.stderr.contains("chongqng"), "\(typo.stderr)")
        // Filters joined by a comma would read the second into the first one's value: an error that says OR.
        let commas = Self.run(["kwic", "海外仓", "--docs", "region:成都,region:重庆", "--index", Self.index])
        #expect(commas.status == 2 && commas.stderr.contains("OR"), "\(commas.stderr)")
        // A --docs value may begin with "-": every document but Chengdu's.
        let others = Self.run(["kwic", "海外仓", "--docs", "-doc:成都", "--format", "json", "--index", Self.index])
        let docs = Set(
            ((try? JSONSerialization.jsonObject(with: Data(others.stdout.utf8))) as? [[String: Any]] ?? []).compactMap {
                $0["doc"] as? String
            })
        #expect(others.status == 0 && !docs.isEmpty && !docs.contains { $0.contains("chengdu") }, "\(docs) \(others.stderr)")
        let malformed = Self.run(["search", "\"跨境", "--index", Self.index])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("quote"))
        #expect(Self.run(["search", "电商", "--index", Self.index, "--limit", "-1"]).status == 2)
        #expect(Self.run(["search", "电商", "--bogus-flag"]).status == 2)
        // A k1 so large that the score overflows (inf, nan) is a usage error, not a JSON encoding failure.
        let huge = Self.run(["search", "电商", "--index", Self.index, "--k1", "1e308", "--json"])
        #expect(huge.status == 2 && huge.stderr.contains("k1 must be a number from 0 to 100"), "\(huge.stderr)")
        let missing = Self.run(["search", "电商", "--index", "/nonexistent/index"])
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("policy-search index"))
    }

    @Test func outlineStatsShowAnalyzeCheck() throws {
        let outline = Self.run(["outline", Self.root.appendingPathComponent("corpus/chongqing-commerce-14th-fyp.txt").path, "--json"])
        #expect(outline.status == 0)
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(outline.stdout.utf8)) as? [String: Any])
        let parts = try #require(tree["headings"] as? [[String: Any]])
        #expect(parts.count == 6)  // the issuing notice, then 第一篇 … 第五篇
        #expect(parts.first?["label"] as? String == "发文通知" && parts[1]["label"] as? String == "第一篇")
        #expect(((parts[1]["children"] as? [[String: Any]])?.first?["label"] as? String) == "第一章")

        let stats = Self.run(["stats", "--index", Self.index, "--json"])
        let s = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        #expect(s["documents"] as? Int == 5)

        let show = Self.run(["show", "chongqing-commerce-14th-fyp.txt#1", "--index", Self.index])
        #expect(show.status == 0 && show.stdout.contains("▶ #1"))
        #expect(Self.run(["show", "nothing#9", "--index", Self.index]).status == 2)

        let analyze = Self.run(["analyze", "优化营商环境ＲＣＥＰ", "--json"])
        let a = try #require(try JSONSerialization.jsonObject(with: Data(analyze.stdout.utf8)) as? [String: Any])
        #expect(a["normalized"] as? String == "优化营商环境rcep")
        #expect(((a["tokens"] as? [[String: Any]]) ?? []).contains { $0["normalized"] as? String == "rcep" })

        #expect(Self.run(["check", "--index", Self.index]).status == 0)
    }
}
