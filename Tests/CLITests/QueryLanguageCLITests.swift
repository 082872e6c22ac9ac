import Analysis
import Foundation
import Index
import TestSupport
import Testing

/// What a user typing at a shell meets: each failure the query-language issue listed, reproduced
/// through the built binary.
@Suite struct QueryLanguageCLITests {
    static var index: String { CLITests.index }
    static func run(_ args: [String], environment: [String: String] = [:]) -> Support.Output {
        CLITests.run(args + ["--index", index], environment: environment)
    }
    static func total(_ r: Support.Output) -> Int? { Support.json(r)?["total"] as? Int }
    static let oracle = try! Oracle(reader: IndexReader(directory: URL(fileURLWithPath: index)))

    @Test func exclusionIsAShellWordNotAnOption() {
        let r = Self.run(["电商", "-跨境", "--json", "--limit", "1", "--exact"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.total(r) == Self.oracle.passages(containing: "电商").subtracting(Self.oracle.passages(containing: "跨境")).count)
        // The example of `search --help`.
        let help = Self.run(["\"海外仓\"", "doc:重庆", "-成都", "--json"])
        #expect(help.status == 0, "\(help.stderr)")
        #expect(Self.run(["search", "--help"]).stdout.contains("-成都"))
        // An unknown --option is still an error.
        #expect(Self.run(["电商", "--bogus-flag"]).status == 2)
    }

    /// The bundled synonym file expands plain parts; --exact and quotes do not.
    @Test func synonymsExpandUnlessExact() {
        let both = Self.oracle.passages(containing: "跨境电商").union(Self.oracle.passages(containing: "跨境电子商务")).count
        #expect(Self.total(Self.run(["跨境电商", "--json"])) == both)
        #expect(Self.total(Self.run(["跨境电商", "--json", "--exact"])) == Self.oracle.passages(containing: "跨境电商").count)
        #expect(Self.total(Self.run(["\"跨境电商\"", "--json"])) == Self.oracle.passages(containing: "跨境电商").count)
        let bad = Self.run(["跨境电商", "--synonyms", "/nonexistent/synonyms.txt"])
        #expect(bad.status == 2 && bad.stderr.contains("synonyms"))
    }

    @Test func negatedDocFilterExcludes() throws {
        let r = Self.run(["服务贸易", "-doc:成都", "--json", "--all"])
        let docs = Set(((Support.json(r)?["hits"] as? [[String: Any]]) ?? []).compactMap { $0["doc"] as? String })
        #expect(!docs.isEmpty && !docs.contains { $0.contains("chengdu") })
    }

    @Test func versionAndMistypedCommands() {
        let v = CLITests.run(["--version"])
        #expect(v.status == 0 && v.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil)
        for typo in ["stat", "statss", "idnex", "outlne"] {
            let r = CLITests.run([typo])
            #expect(r.status == 2 && r.stderr.contains("did you mean"), "\(typo): \(r.stderr)")
        }
        #expect(Self.run(["search", "stat"]).status == 0)
    }

    @Test func missingThingsAreUsageErrorsWithoutTheUsageText() {
        let show = Self.run(["show", "nosuch.txt#1"])
        #expect(show.status == 2 && show.stderr.contains("no passage") && !show.stdout.contains("USAGE") && !show.stderr.contains("USAGE"))
        let outline = CLITests.run(["outline", "/nonexistent/plan.txt"])
        #expect(outline.status == 2, "\(outline.stderr)")
    }

    @Test func malformedQueryPointsAtTheColumn() {
        let r = Self.run(["跨境电商\""])
        #expect(r.status == 2)
        let lines = r.stderr.components(separatedBy: "\n")
        #expect(lines.first?.contains("quote") == true)
        // The caret stands under the quote: 4 CJK characters are 8 columns, after a 2-space indent.
        #expect(lines.count >= 3 && lines[2] == String(repeating: " ", count: 2 + 8) + "^", "\(lines)")
        #expect(r.stdout.isEmpty)
    }

    /// A control character in the query is echoed as U+FFFD (one column): the caret counts it so.
    @Test func caretCountsAControlCharacterAsItIsEchoed() {
        let r = Self.run(["电商\tOR"])
        #expect(r.status == 2)
        let lines = r.stderr.components(separatedBy: "\n")
        #expect(lines.count >= 3 && lines[1] == "  电商\u{FFFD}OR", "\(lines)")
        // Under the O of OR: 2 CJK characters are 4 columns, the replacement character one.
        #expect(lines.count >= 3 && lines[2] == String(repeating: " ", count: 2 + 5) + "^", "\(lines)")
    }

    @Test func documentsAndShowInJSON() throws {
        let r = Self.run(["跨境电商", "--documents", "--json"])
        let docs = try #require(Support.json(r)?["documents"] as? [[String: Any]])
        #expect(docs.count >= 2)
        for d in docs {
            for key in ["doc", "title", "score", "passages", "best"] { #expect(d[key] != nil, "documents.\(key)") }
            #expect((d["best"] as? String)?.hasPrefix(d["doc"] as? String ?? "?") == true)
        }
        #expect(docs.map { $0["passages"] as? Int ?? 0 }.reduce(0, +) == Self.total(r))
        let show = Self.run(["show", "chongqing-commerce-14th-fyp.txt#42", "--json", "--context", "1"])
        let passages = try #require(Support.json(show)?["passages"] as? [[String: Any]])
        #expect(passages.count == 3)
        #expect(passages.map { $0["current"] as? Bool } == [false, true, false])
        #expect(passages[1]["passage"] as? String == "chongqing-commerce-14th-fyp.txt#42")
        for key in ["doc", "title", "path", "box", "line", "page", "text"] { #expect(passages[1].keys.contains(key), "\(key)") }
    }

    /// Output fits the terminal: 80 columns when piped, $COLUMNS (at most 100) otherwise.
    @Test(arguments: [nil, "100", "60"])
    func outputFitsTheWidth(_ columns: String?) {
        let r = Self.run(["跨境电商", "--documents", "--explain"], environment: columns.map { ["COLUMNS": $0] } ?? [:])
        let width = columns.flatMap(Int.init) ?? 80
        for line in r.stdout.components(separatedBy: "\n") {
            #expect(DisplayWidth.of(line) <= width, "\(DisplayWidth.of(line)) columns: \(line)")
        }
    }

    /// Notes break where text may break: never inside a word such as synonyms.txt or --exact, never
    /// after an opening quote or before a closing one, and no line ends in a space.
    @Test(arguments: ["40", "47", "53", "60", "71", "80"])
    func notesBreakBetweenWords(_ columns: String) {
        let r = Self.run(["跨境电商海外仓建设", "跨境电商", "--limit", "1"], environment: ["COLUMNS": columns])
        let notes = r.stdout.components(separatedBy: "\n").prefix { !$0.contains("passage") }
        #expect(notes.count >= 2, "\(r.stdout)")
        for (line, next) in zip(notes, notes.dropFirst()) {
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("“"), "“\(line)”")
            #expect(!next.hasPrefix("”") && !next.hasPrefix("，") && !next.hasPrefix("；"), "“\(next)”")
        }
        // Every Latin word of the notes stands whole on one line.
        let words = notes.joined(separator: " ")
        for word in ["synonyms.txt", "--exact", "searched", "require", "phrase", "typed"] {
            #expect(words.contains(word), "\(word) cut: \(notes)")
        }
    }
}
