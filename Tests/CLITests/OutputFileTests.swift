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
        // A name without a known extension gets the command's default format.
        let plain = base.appendingPathComponent("kwic.out")
        #expect(try Support.run(["kwic", "海外仓", "--out", plain.path, "--index", idx.path]).status == 0)
        #expect(try String(contentsOf: plain, encoding: .utf8).contains("海外仓"))
    }
}
