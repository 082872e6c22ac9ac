import Foundation
import TestSupport
import Testing

/// `--out FILE` never destroys what a command works from, and never writes one format under
/// another's name; the refused file is unchanged and the status is 2.
@Suite struct OutputFileTests {
    @Test func outRefusesTheIndexTheInputsAFolderAndAWrongExtension() throws {
        let base = try Support.temporaryDirectory("out-guard")
        defer { Support.remove(base) }
        let src = base.appendingPathComponent("src"), idx = base.appendingPathComponent("idx")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        let doc = src.appendingPathComponent("plan.txt")
        try Support.write("第一章 总则\n\n建设海外仓，发展跨境电商。\n", to: doc)
        try #require(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        let terms = base.appendingPathComponent("terms.txt")
        try Support.write("海外仓\n", to: terms)
        let synonyms = base.appendingPathComponent("groups.txt")
        try Support.write("跨境电商 = 跨境电子商务\n", to: synonyms)
        let indexFile = idx.appendingPathComponent("index.psx")
        let before = try [indexFile, terms, doc].map { try Data(contentsOf: $0) }

        let cases: [([String], String)] = [
            (["report", "--terms", terms.path, "--out", indexFile.path], "index"),
            (["report", "--terms", terms.path, "--format", "csv", "--out", terms.path], "reads"),
            (["kwic", "海外仓", "--out", doc.path], "indexed document"),
            (["compare", "海外仓", "--out", base.path], "folder"),
            (["compare", "海外仓", "--out", base.appendingPathComponent("c.xlsx").path], ".xlsx"),
            (["targets", "--out", base.appendingPathComponent("t.xlsx").path], ".xlsx"),
            (["reuse", "--out", base.appendingPathComponent("synonyms.txt").path], "beside indexed documents"),
            (["kwic", "海外仓", "--out", src.appendingPathComponent("kwic.txt").path], "which the index reads"),
            (["compare", "海外仓", "--synonyms", synonyms.path, "--out", synonyms.path], "reads"),
            // A folder that does not exist is said before the work is done.
            (["report", "--terms", terms.path, "--out", base.appendingPathComponent("missing/r.csv").path], "does not exist"),
            (["targets", "--out", base.appendingPathComponent("missing/t.json").path], "does not exist")
        ]
        for (arguments, reason) in cases {
            let r = try Support.run(arguments + ["--index", idx.path])
            #expect(r.status == 2 && r.stderr.contains(reason), "\(arguments): \(r.status) \(r.stderr)")
        }
        #expect(try [indexFile, terms, doc].map { try Data(contentsOf: $0) } == before)
        #expect(!FileManager.default.fileExists(atPath: base.appendingPathComponent("c.xlsx").path))
        // The index folder itself: the example named is a file beside it, which is then written.
        let folder = try Support.run(["report", "--terms", terms.path, "--out", idx.path, "--index", idx.path])
        let example = base.appendingPathComponent("report.html").path
        #expect(folder.status == 2 && folder.stderr.contains("an index folder; give a file name, e.g. \(example)"), "\(folder.stderr)")
        #expect(try Support.run(["report", "--terms", terms.path, "--out", example, "--index", idx.path]).status == 0)
        // A name without a known extension gets the command's default format.
        let plain = base.appendingPathComponent("kwic.out")
        #expect(try Support.run(["kwic", "海外仓", "--out", plain.path, "--index", idx.path]).status == 0)
        #expect(try String(contentsOf: plain, encoding: .utf8).contains("海外仓"))
    }

    /// `--out -` is standard output; a link to a file keeps being a link (its file is replaced); a
    /// FIFO with a reader waiting gets the report as a stream and stays a FIFO.
    @Test func outStreamsToPipesKeepsLinksAndDashIsStandardOutput() throws {
        let base = try Support.temporaryDirectory("out-streams")
        defer { Support.remove(base) }
        let src = base.appendingPathComponent("src"), idx = base.appendingPathComponent("idx")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try Support.write("第一章 总则\n\n建设海外仓，发展跨境电商。\n", to: src.appendingPathComponent("plan.txt"))
        try #require(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        let kwic = ["kwic", "海外仓", "--format", "csv", "--index", idx.path]

        let dash = try Support.run(kwic + ["--out", "-"])
        #expect(dash.status == 0 && dash.stdout.contains("plan.txt#2,3,建设,海外仓"), "\(dash.stderr)")

        let target = base.appendingPathComponent("target.csv"), link = base.appendingPathComponent("link.csv")
        try Support.write("old", to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        #expect(try Support.run(kwic + ["--out", link.path]).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("plan.txt#2,3,建设,海外仓"))

        let fifo = base.appendingPathComponent("fifo.csv")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        let reader = Process(), pipe = Pipe()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo.path]
        reader.standardOutput = pipe
        try reader.run()
        let r = try Support.run(kwic + ["--out", fifo.path])
        let received = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(r.status == 0 && received.contains("plan.txt#2,3,建设,海外仓"), "\(r.stderr)")
        var st = stat()
        #expect(stat(fifo.path, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)
    }
}
