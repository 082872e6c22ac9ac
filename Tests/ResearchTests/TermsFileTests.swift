import Foundation
import Research
import TestSupport
import Testing

/// The terms file of `report`: UTF-8 with or without BOM, comments, blank lines, labels after
/// " = ", and every bad line reported with its number while the others run.
@Suite struct TermsFileTests {
    static func parse(_ text: String, bom: Bool = false) throws -> TermsFile {
        try TermsFile(data: Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)))
    }

    @Test func linesCommentsLabelsAndBOM() throws {
        let text = """
            # 商务规划关键词
            跨境电商 | 跨境电子商务 = 跨境电商（含全称）

              海外仓  \r
            "a = b" 数字 = 带等号的短语
            服务贸易 =
            = 无查询
            RCEP=不是标签
            海外仓 # 行尾注释
            "C #" C# = 引号里的不是注释 # 这才是
            =

            """
        let f = try Self.parse(text, bom: true)
        #expect(
            f.entries == [
                .init(line: 2, query: "跨境电商 | 跨境电子商务", label: "跨境电商（含全称）"), .init(line: 4, query: "海外仓"),
                .init(line: 5, query: "\"a = b\" 数字", label: "带等号的短语"), .init(line: 8, query: "RCEP=不是标签"),
                .init(line: 10, query: "\"C #\" C#", label: "引号里的不是注释")
            ])
        // Line 9 is line 4 again (its comment aside): one row, and said.
        #expect(f.problems.map(\.line) == [6, 7, 9, 11])
        #expect(f.problems.first { $0.line == 9 }?.message == "repeats line 4; counted once")
        #expect(f.entries[0].name == "跨境电商（含全称）" && f.entries[1].name == "海外仓")
        #expect(try Self.parse(text).entries == f.entries, "the BOM is optional")
        // A file converted twice starts with two; files joined carry one at a line's start.
        let twice = try TermsFile(data: Data([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        #expect(twice.entries == f.entries && twice.problems.map(\.line) == [6, 7, 9, 11])
        let joined = try Self.parse("跨境电商\n\u{FEFF}# 第二个文件\n\u{FEFF}海外仓\n")
        #expect(joined.entries == [.init(line: 1, query: "跨境电商"), .init(line: 3, query: "海外仓")] && joined.problems.isEmpty)
    }

    /// Two rows of one name (a label, or a query without one) cannot be told apart in the report:
    /// the first is counted, a later one is not (a problem is a line not counted), and said; a file
    /// of 50,000 lines is read in linear time.
    @Test func rowsOfOneNameAreSaid() throws {
        let f = try Self.parse("跨境电商 = 跨境\n数字经济 = 跨境\n跨境\n海外仓\n")
        #expect(f.entries.map(\.line) == [1, 4])
        #expect(f.problems.map(\.line) == [2, 3])
        #expect(f.problems.first?.message == "names its row “跨境” as line 1 does; not counted: give it another label")
        let many = (0..<50_000).map { "词\($0)" }.joined(separator: "\n") + "\n词7\n"
        let big = try Self.parse(many)
        #expect(big.entries.count == 50_000)
        #expect(big.problems.map(\.message) == ["repeats line 8; counted once"])
    }

    /// Typing slips a demanding user makes: a full-width ＃ comment (a Chinese IME), a label whose
    /// “=” has a space on one side only, and one query written in forms search folds together.
    @Test func imeCommentsHalfSpacedLabelsAndFoldedRepeats() throws {
        let f = try Self.parse("＃ 全角注释\n海外仓 ＃ 行尾全角注释\n跨境电商 =标签\n数字经济= 标签\nRCEP\nＲＣＥＰ\nrcep\n跨境電商\n跨境电商\n")
        #expect(f.entries.map(\.query) == ["海外仓", "RCEP", "跨境電商"])
        #expect(f.problems.map(\.line) == [3, 4, 6, 7, 9])
        #expect(f.problems.first { $0.line == 3 }?.message.contains("column 6") == true)
        #expect(
            f.problems.first { $0.line == 7 }?.message
                == "counts what line 5 counts (search folds full-width forms, case and Traditional characters); counted once")
        #expect(f.problems.first { $0.line == 9 }?.message.contains("line 8") == true)
        // A list pasted with its numbering is not counted (the number would be searched too); ＝ is =.
        let numbered = try Self.parse("1. 跨境电商\n2、海外仓\n（3）服务贸易\n一、数字经济\n2.5倍\n5G\n海外仓数量 ＝ 海外仓\n")
        #expect(numbered.entries.map(\.query) == ["2.5倍", "5G", "海外仓数量"])
        #expect(numbered.entries.last?.label == "海外仓")
        #expect(numbered.problems.map(\.line) == [1, 2, 3, 4])
        #expect(numbered.problems.first?.message.contains("“1.”") == true)
    }

    @Test func encodingProblems() throws {
        let bad = Data("海外仓\n".utf8) + Data([0xE6, 0xB5, 0x0A]) + Data("跨境电商\n".utf8)
        let f = try TermsFile(data: bad)
        #expect(f.entries.map(\.line) == [1, 3])
        #expect(f.problems.map(\.line) == [2] && f.problems[0].message.contains("UTF-8"))
        // UTF-16 and GB18030 files are read whole, as documents are.
        #expect(
            try TermsFile(data: Data([0xFF, 0xFE]) + "海外仓\n跨境电商".data(using: .utf16LittleEndian)!).entries.map(\.query) == ["海外仓", "跨境电商"])
        let gb18030 = String.Encoding(rawValue: 0x8000_0632)
        #expect(try TermsFile(data: "海外仓\n# 注释\n跨境电商 = 跨境电商（含全称）\n".data(using: gb18030)!).entries.map(\.name) == ["海外仓", "跨境电商（含全称）"])
        #expect(throws: TermsFile.FileError.binary) { try TermsFile(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])) }
        // Windows line ends, as Notepad's "Unicode" and Excel's "Unicode text" save: two queries, not one.
        let crlf = "海外仓\r\n跨境电商\r\n= 无查询\r\n"
        #expect(try TermsFile(data: Data([0xFF, 0xFE]) + crlf.data(using: .utf16LittleEndian)!).entries.map(\.query) == ["海外仓", "跨境电商"])
        #expect(try TermsFile(data: Data([0xFE, 0xFF]) + crlf.data(using: .utf16BigEndian)!).entries.map(\.query) == ["海外仓", "跨境电商"])
        #expect(try TermsFile(data: crlf.data(using: gb18030)!).entries.map(\.query) == ["海外仓", "跨境电商"])
        let utf8 = try TermsFile(data: Data(crlf.utf8))
        #expect(utf8.entries.map(\.query) == ["海外仓", "跨境电商"] && utf8.problems.map(\.text) == ["= 无查询"])
        // Old Mac line ends (CR alone, Excel for Mac's "CSV (Macintosh)"): three queries, not one.
        let cr = "跨境电商\r海外仓\r服务贸易\r"
        #expect(try TermsFile(data: Data(cr.utf8)).entries.map(\.query) == ["跨境电商", "海外仓", "服务贸易"])
        #expect(try TermsFile(data: cr.data(using: gb18030)!).entries.map(\.query) == ["跨境电商", "海外仓", "服务贸易"])
        // A GB18030 file of one line (its bytes from iconv: 跨境电商 = BF E7 BE B3 B5 E7 C9 CC) is read,
        // not refused as a damaged UTF-8 line.
        let oneLine = Data([0xBF, 0xE7, 0xBE, 0xB3, 0xB5, 0xE7, 0xC9, 0xCC, 0x0A])
        #expect(try TermsFile(data: oneLine).entries.map(\.query) == ["跨境电商"])
    }

    /// Through the CLI: each bad line on stderr as FILE:LINE: message, the good rows written in
    /// order, exit status 1 (like `index` skipping files).
    @Test func badLinesAreReportedAndTheRestRuns() throws {
        let dir = try Support.temporaryDirectory("terms")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("terms.txt")
        try Support.write("# 关键词\n海外仓\n(跨境电商\n\nRCEP\nNEAR/5(海外仓)\n\"未闭合\n-跨境\n服务贸易 =\n", to: file)
        let r = try ResearchFixture.run(["report", "--exact", "--terms", file.path])
        #expect(r.status == 1)
        let reported = r.stderr.split(separator: "\n").filter { $0.hasPrefix(file.path + ":") }
        #expect(reported.map { $0.dropFirst(file.path.count + 1).prefix { $0 != ":" } } == ["3", "6", "7", "8", "9"], "\(r.stderr)")
        #expect(r.stderr.contains(":3: unbalanced parenthesis"))
        #expect(r.stderr.contains(":8: ") && r.stderr.contains("no term to count"))
        let rows = String(decoding: r.stdoutData.dropFirst(3), as: UTF8.self).split(separator: "\r\n").map {
            $0.split(separator: ",").first ?? ""
        }
        #expect(rows == ["Query", "海外仓", "RCEP"])
    }

    @Test func unusableFiles() throws {
        let dir = try Support.temporaryDirectory("terms-bad")
        defer { Support.remove(dir) }
        let empty = dir.appendingPathComponent("empty.txt"), allBad = dir.appendingPathComponent("bad.txt")
        let utf16 = dir.appendingPathComponent("utf16.txt")
        try Support.write("# only a comment\n\n", to: empty)
        try Support.write("(a\n)b\n", to: allBad)
        try (Data([0xFF, 0xFE]) + "海外仓\n".data(using: .utf16LittleEndian)!).write(to: utf16)
        let e = try ResearchFixture.run(["report", "--terms", empty.path])
        #expect(e.status == 2 && e.stderr.contains("holds no query") && e.stdout.isEmpty)
        let b = try ResearchFixture.run(["report", "--terms", allBad.path])
        #expect(b.status == 2 && b.stderr.contains("bad.txt:1:") && b.stderr.contains("bad.txt:2:"))
        // UTF-16 (as some editors save) is read, not refused.
        let u = try ResearchFixture.run(["report", "--terms", utf16.path, "--exact"])
        #expect(u.status == 0 && u.stdout.contains("海外仓"), "\(u.stderr)")
        let binary = dir.appendingPathComponent("binary.txt")
        try Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]).write(to: binary)
        let bin = try ResearchFixture.run(["report", "--terms", binary.path])
        #expect(bin.status == 2 && bin.stderr.contains("not text"))
        #expect(try ResearchFixture.run(["report", "--terms", dir.appendingPathComponent("missing.txt").path]).status == 2)
        let folder = try ResearchFixture.run(["report", "--terms", dir.path])
        #expect(folder.status == 2 && folder.stderr.contains("folder"), "\(folder.stderr)")
        // "-" reads standard input (a pipe, as --terms <(…) gives too).
        let piped = try Support.Child(
            [
                "-c",
                "printf '海外仓\\n' | '\(Support.binary.path)' report --terms - --exact --format json --index '\(ResearchFixture.corpusIndex.path)'"
            ],
            executable: URL(fileURLWithPath: "/bin/sh")
        ).wait(timeout: 120)
        #expect(piped.status == 0 && piped.stdout.contains("\"query\" : \"海外仓\""), "\(piped.stderr)")
        #expect(try ResearchFixture.run(["report", "--terms", empty.path, "--per", "0"]).status == 2)
        #expect(try ResearchFixture.run(["report"]).status == 2)
    }

    /// No progress bar when standard error is not a terminal.
    @Test func noProgressBarWhenPiped() throws {
        let dir = try Support.temporaryDirectory("terms-progress")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("terms.txt")
        try Support.write((1...50).map { "发展\($0)" }.joined(separator: "\n"), to: file)
        let r = try ResearchFixture.run(["report", "--exact", "--terms", file.path])
        #expect(r.status == 0 && !r.stderr.contains("\r") && !r.stderr.contains("█"))
    }
}
