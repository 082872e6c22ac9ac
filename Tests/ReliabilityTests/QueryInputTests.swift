import Foundation
import Index
import Query
import TestSupport
import Testing

extension ReliabilityTests {
    /// Hostile queries through the CLI: a clear error with exit 2, or a sensible result with exit 0
    /// that agrees with grep over the normalized passages. Never a crash.
    @Suite struct QueryInputs {
        static var index: String { Support.corpusIndex.path }

        static func search(_ args: [String]) throws -> Support.Output {
            let r = try Support.run(["search", "--index", index] + args, timeout: 60)
            #expect(r.exited, "search \(args.map { String($0.prefix(40)) }) crashed or hung: \(r.stderr.prefix(400))")
            return r
        }

        /// Exit 2 with a message naming the problem.
        static func expectUsageError(_ query: String, mentions words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try search(["--", query])
            #expect(
                r.status == 2, "“\(query.prefix(40))”: exit \(r.status), stdout \(r.stdout.prefix(200))", sourceLocation: sourceLocation)
            for w in words {
                #expect(r.stderr.contains(w), "“\(query.prefix(40))”: stderr “\(r.stderr)” lacks “\(w)”", sourceLocation: sourceLocation)
            }
            #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        }

        /// Exit 0, and the passages found are exactly those grep finds for `part`.
        static func expectGrepEqual(_ query: String, part: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let r = try search(["--json", "--all", "--", query])
            #expect(r.status == 0, "“\(query)”: exit \(r.status) \(r.stderr)", sourceLocation: sourceLocation)
            let reader = try IndexReader(directory: Support.corpusIndex)
            let expected = try Oracle(reader: reader).passages(containing: part)
            let results = try Searcher(reader: reader).search(query, options: SearchOptions(limit: nil))
            #expect(Set(results.hits.map(\.passage.id)) == expected, "“\(query)”: search ≠ grep", sourceLocation: sourceLocation)
            #expect(
                Support.json(r)?["total"] as? Int == expected.count, "“\(query)”: CLI total ≠ grep \(expected.count)",
                sourceLocation: sourceLocation)
        }

        @Test func emptyQueries() throws {
            try Self.expectUsageError("", mentions: ["empty"])
            try Self.expectUsageError("   \t ", mentions: ["empty"])
            try Self.expectUsageError("\u{3000}", mentions: ["empty"])  // ideographic space
            // Characters that normalize to nothing (zero-width space, soft hyphen).
            try Self.expectUsageError("\u{200B}\u{00AD}", mentions: ["nothing to search for"])
            // No argument at all: ArgumentParser's usage error.
            let none = try Support.run(["search", "--index", Self.index])
            #expect(none.status == 2)
        }

        /// Punctuation is content (the index keeps every character), so a punctuation-only query is
        /// a valid exact phrase: it matches the passages that contain it, as grep does. ，and ！ are
        /// full-width and fold to , and ! (NFKC), which the passages' text folds to as well.
        @Test func punctuationOnlyQueries() throws {
            try Self.expectGrepEqual("，。！", part: "，。！")
            try Self.expectGrepEqual("。", part: "。")
            try Self.expectGrepEqual("；", part: "；")
            try Self.expectGrepEqual("：“", part: "：“")
            // A quote mark opens a phrase only at the start of a part: ”， is an unclosed phrase.
            try Self.expectUsageError("”，", mentions: ["quote"])
            try Self.expectGrepEqual("（一）", part: "（一）")
            try Self.expectGrepEqual("...", part: "...")
            let r = try Self.search(["--json", "--limit", "1", "。"])
            #expect((Support.json(r)?["total"] as? Int ?? 0) > 100)
        }

        @Test func unbalancedQuotes() throws {
            try Self.expectUsageError("\"跨境", mentions: ["quote"])
            try Self.expectUsageError("“跨境电商", mentions: ["quote"])
            try Self.expectUsageError("跨境 \"电商 海外仓", mentions: ["quote"])
            try Self.expectUsageError("\"\"", mentions: ["empty"])
            // A straight quote always delimits a phrase: one left open is an error, never a silent 0.
            try Self.expectUsageError("跨境电商\"", mentions: ["quote"])
            try Self.expectUsageError("跨境\"电商", mentions: ["quote"])
            // A curly quote inside or at the end of a part is content (“十四五”规划): taken literally,
            // answering as grep does.
            try Self.expectGrepEqual("跨境”", part: "跨境”")
            try Self.expectGrepEqual("“十四五”规划", part: "“十四五”规划")
        }

        @Test func overlongQueryIsAClearError() throws {
            try Self.expectUsageError(String(repeating: "跨", count: 10_000), mentions: ["10000 characters", "limit"])
            try Self.expectUsageError(String(repeating: "电商 ", count: 3_000), mentions: ["limit"])
            // At the limit, a query runs (and in reasonable time).
            let atLimit = try Self.search(["--limit", "1", String(repeating: "跨境电商", count: QueryParser.maxLength / 4)])
            #expect(atLimit.status == 0, "\(atLimit.stderr)")
            #expect(atLimit.seconds < 30)
        }

        @Test func controlCharacters() throws {
            // C0 controls separate parts like spaces: 跨\u{1}境 is 跨 AND 境.
            let r = try Self.search(["--json", "--limit", "0", "跨\u{01}境"])
            #expect(r.status == 0)
            let reader = try IndexReader(directory: Support.corpusIndex)
            let both = try Oracle(reader: reader).passages(containing: "跨").intersection(
                try Oracle(reader: reader).passages(containing: "境"))
            #expect(Support.json(r)?["total"] as? Int == both.count)
            // Escape sequences, DEL, C1 controls, a lone BOM: exit 0 or 2, never a crash.
            for q in ["\u{1B}[31m跨境\u{1B}[0m", "跨境\u{7F}", "\u{85}跨境\u{9B}", "\u{FEFF}", "跨境\u{0007}\u{0008}", "\u{2028}电商\u{2029}"] {
                let o = try Self.search(["--", q])
                #expect(o.status == 0 || o.status == 2, "“\(q.debugDescription)”: exit \(o.status) \(o.stderr)")
                if o.status == 2 { #expect(!o.stderr.isEmpty) }
            }
            // A private-use or unassigned character is searched for like any other (nothing found).
            let pua = try Self.search(["--json", "\u{E000}\u{10FFFF}"])
            #expect(pua.status == 0 && Support.json(pua)?["total"] as? Int == 0)
        }

        /// Bytes that are not UTF-8 in argv. Foundation's Process only takes Swift Strings (always
        /// valid Unicode), so the child is spawned with posix_spawn. Swift decodes argv with
        /// repair: each bad byte becomes U+FFFD, which no passage contains.
        @Test func invalidUTF8Argument() throws {
            for raw: [UInt8] in [[0xFF, 0xFE], [0xE8, 0xB7], Array("跨境".utf8) + [0xC0, 0xAF], [0xED, 0xA0, 0x80]] {
                let r = try Support.runRaw([Array("search".utf8), Array("--index".utf8), Array(Self.index.utf8), Array("--json".utf8), raw])
                #expect(r.exited, "\(raw): crashed or hung: \(r.stderr)")
                #expect(r.status == 0, "\(raw): exit \(r.status) \(r.stderr)")
                let object = Support.json(r)
                #expect(object?["total"] as? Int == 0, "\(raw): \(r.stdout.prefix(200))")
                #expect((object?["query"] as? String)?.contains("\u{FFFD}") == true)
            }
            // In an option value (--index) too: a clear index error, exit 3.
            let r = try Support.runRaw([Array("search".utf8), Array("--index".utf8), [0x2F, 0x74, 0x6D, 0x70, 0x2F, 0xFF], Array("电商".utf8)]
            )
            #expect(r.exited && r.status == 3, "exit \(r.status): \(r.stderr)")
        }

        @Test func limitValues() throws {
            let all = try Self.search(["--json", "--all", "跨境电商"])
            let total = try #require(Support.json(all)?["total"] as? Int)
            #expect(total > 10)

            let zero = try Self.search(["--json", "--limit", "0", "跨境电商"])
            #expect(zero.status == 0)
            #expect(Support.json(zero)?["total"] as? Int == total)
            #expect((Support.json(zero)?["hits"] as? [Any])?.isEmpty == true)
            #expect(try Self.search(["--limit", "0", "跨境电商"]).stdout.contains("\(total) passages match"))

            for negative in [["--limit", "-1"], ["--limit=-1"], ["--limit", "-1000000000000"]] {
                let r = try Self.search(negative + ["跨境电商"])
                #expect(r.status == 2, "\(negative): exit \(r.status)")
                #expect(!r.stderr.isEmpty)
            }
            #expect(try Self.search(["--limit=-1", "跨境电商"]).stderr.contains("--limit must be 0 or more"))

            let huge = try Self.search(["--json", "--limit", "1000000000", "跨境电商"])
            #expect(huge.status == 0 && huge.seconds < 30)
            #expect((Support.json(huge)?["hits"] as? [Any])?.count == total)
            let max = try Self.search(["--json", "--limit", "\(Int.max)", "跨境电商", "--documents"])
            #expect(max.status == 0 && (Support.json(max)?["hits"] as? [Any])?.count == total)

            for bad in ["99999999999999999999999", "abc", "1.5", ""] {
                let r = try Self.search(["--limit", bad, "跨境电商"])
                #expect(r.status == 2, "--limit \(bad): exit \(r.status)")
            }
        }

        /// Degenerate but valid syntax: sensible answers or clear errors.
        @Test func degenerateSyntax() throws {
            try Self.expectUsageError("OR", mentions: ["OR"])
            try Self.expectUsageError("跨境 OR", mentions: ["OR"])
            try Self.expectUsageError("| 跨境", mentions: ["OR"])
            try Self.expectUsageError("-", mentions: ["-"])
            try Self.expectUsageError("doc:", mentions: ["doc:"])
            try Self.expectUsageError("(跨境", mentions: ["parenthesis"])
            try Self.expectGrepEqual("\"OR\"", part: "or")
            // Only exclusions or filters: every passage without 跨境, every passage of 重庆's plan.
            let reader = try IndexReader(directory: Support.corpusIndex)
            let oracle = try Oracle(reader: reader)
            for (query, expected) in [
                ("-跨境", reader.passageCount - oracle.passages(containing: "跨境").count),
                ("doc:重庆", oracle.documents.filter { $0.hasPrefix("chongqing") }.count)
            ] {
                let r = try Self.search(["--json", "--limit", "1", "--", query])
                #expect(r.status == 0 && Support.json(r)?["total"] as? Int == expected, "\(query): \(r.stdout.prefix(200))")
            }
            try Self.expectUsageError("--", mentions: ["“-”"])  // an exclusion of nothing
            try Self.expectGrepEqual("\"--\"", part: "--")
            let many = try Self.search(["--json", "--limit", "1", Array(repeating: "电", count: 300).joined(separator: " OR ")])
            #expect(many.status == 0)
        }
    }
}
