import Foundation
import SwiftCSV
import TestSupport
import Testing
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `report --format xlsx`: a real workbook. Its parts are well-formed XML with numeric cells and a
/// frozen header row and first column; LibreOffice (Debian's libreoffice-calc-nogui) opens it and
/// reads the same numbers as the CSV, and a second sheet holding every matching passage.
@Suite struct ReportXLSXTests {
    static let terms = "跨境电商 = 跨境电商, \"含全称\"\n海外仓 OR 边境仓\nRCEP\n"

    /// `libreoffice` (or `soffice`) on PATH, if installed with its spreadsheet part (Calc: Writer
    /// alone cannot open a workbook, and converts nothing).
    static let libreOffice: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for dir in path.split(separator: ":") {
            for name in ["libreoffice", "soffice"] {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
                let program = candidate.resolvingSymlinksInPath().deletingLastPathComponent()
                return FileManager.default.fileExists(atPath: program.appendingPathComponent("libsclo.so").path) ? candidate : nil
            }
        }
        return nil
    }()

    /// Writes the terms file and runs `report` with `arguments` in a fresh folder.
    static func report(_ arguments: [String]) throws -> (dir: URL, output: Support.Output) {
        let dir = try Support.temporaryDirectory("report-xlsx")
        let file = dir.appendingPathComponent("terms.txt")
        try Support.write(terms, to: file)
        let out = try ResearchFixture.run(
            ["report", "--exact", "--terms", file.path] + arguments.map { $0.replacingOccurrences(of: "DIR", with: dir.path) })
        return (dir, out)
    }

    static func csvRows(_ text: String) throws -> [[String]] {
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        return [csv.header] + csv.rows
    }

    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String])] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]
        ) {
            found.append((name, attributes))
        }
    }

    @Test func workbookPartsFreezeTheHeaderAndHoldNumbers() throws {
        let (dir, r) = try Self.report(["--format", "xlsx", "--out", "DIR/r.xlsx"])
        defer { Support.remove(dir) }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty && r.stderr.contains("written to"))
        let archive = try Archive(url: dir.appendingPathComponent("r.xlsx"), accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            parts[entry.path] = data
        }
        for name in [
            "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"
        ] {
            #expect(parts[name] != nil, "\(name)")
        }
        var sheet1: [(name: String, attributes: [String: String])] = []
        for (name, data) in parts {
            let parser = XMLParser(data: data)
            let elements = Elements()
            parser.delegate = elements
            #expect(parser.parse(), "\(name) is well-formed XML")
            if name == "xl/worksheets/sheet1.xml" { sheet1 = elements.found }
        }
        let pane = try #require(sheet1.first { $0.name == "pane" }?.attributes)
        #expect(pane["state"] == "frozen" && pane["xSplit"] == "1" && pane["ySplit"] == "1" && pane["topLeftCell"] == "B2")
        // Row 2 (跨境电商): text in A2, numbers (no type attribute) in the other cells.
        let row2 = sheet1.filter { $0.name == "c" && ($0.attributes["r"] ?? "").hasSuffix("2") && ($0.attributes["r"] ?? "").count == 2 }
        #expect(row2.first?.attributes["t"] == "s")
        #expect(row2.dropFirst().allSatisfy { $0.attributes["t"] == nil })
        #expect(row2.count == 1 + 2 * ResearchFixture.reader.documentCount + 2)
    }

    @Test func xlsxNeedsOut() throws {
        let (dir, r) = try Self.report(["--format", "xlsx"])
        defer { Support.remove(dir) }
        #expect(r.status == 2 && r.stderr.contains("--out"))
    }

    @Test(
        .enabled(
            if: libreOffice != nil,
            "libreoffice with Calc is not installed (apt-get install libreoffice-calc-nogui); the workbook is checked structurally only"))
    func libreOfficeReadsTheSameNumbersAsTheCSV() throws {
        let (dir, r) = try Self.report(["--format", "xlsx", "--out", "DIR/r.xlsx", "--per", "10000"])
        defer { Support.remove(dir) }
        #expect(r.status == 0, "\(r.stderr)")
        let csv = try Self.report(["--per", "10000"])
        defer { Support.remove(csv.dir) }
        let expected = try Self.csvRows(String(decoding: csv.output.stdoutData.dropFirst(3), as: UTF8.self))

        // Every sheet to its own UTF-8 CSV (filter options: comma, quote, UTF-8, from line 1, …, all sheets).
        let converted = try Support.Child(
            [
                "-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir.path,
                dir.appendingPathComponent("r.xlsx").path
            ], executable: try #require(Self.libreOffice)
        ).wait(timeout: 180)
        #expect(converted.status == 0, "\(converted.stderr)")
        let counts = try Self.csvRows(String(contentsOf: dir.appendingPathComponent("r-Counts.csv"), encoding: .utf8))
        #expect(counts.count == expected.count)
        for (got, want) in zip(counts, expected) {
            #expect(got.count == want.count)
            for (g, w) in zip(got, want) {
                if let x = Double(w) {
                    let y = try #require(Double(g), "\(g) is a number")
                    #expect(abs(x - y) < 0.006, "\(g) vs \(w)")
                } else {
                    #expect(g == w)
                }
            }
        }

        // Sheet 2: one row per matching passage of each query, with its occurrences and stored text.
        let passages = try Self.csvRows(String(contentsOf: dir.appendingPathComponent("r-Passages.csv"), encoding: .utf8))
        #expect(passages[0] == ["Query", "Document", "Title", "Passage", "Path", "Line", "Occurrences", "Text"])
        let totalColumn = 1 + 2 * ResearchFixture.reader.documentCount + 1
        let matching = expected[1..<4].reduce(0) { $0 + (Int($1[totalColumn]) ?? 0) }
        #expect(passages.count - 1 == matching)
        let reader = ResearchFixture.reader
        let rcep = passages.dropFirst().filter { $0[0] == "RCEP" }
        #expect(rcep.count == ResearchFixture.oracle.passages(containing: "RCEP").count)
        for row in rcep {
            let id = try #require(PassageID.resolve(row[3]))
            #expect(row[7] == (try reader.passage(id).text))
            #expect(Int(row[6]) == ResearchFixture.oracle.occurrences(of: "RCEP", inPassage: id).count)
        }
    }
}

/// `FILE#N` → global passage number, by the document's passage range (independent of the CLI).
enum PassageID {
    static func resolve(_ id: String) -> Int? {
        let reader = ResearchFixture.reader
        guard let hash = id.lastIndex(of: "#"), let n = Int(id[id.index(after: hash)...]) else { return nil }
        let name = String(id[..<hash])
        for d in 0..<reader.documentCount where (try? reader.documentSummary(d).name) == name {
            return (try? reader.passageRange(ofDocument: d)).map { $0.lowerBound + n - 1 }
        }
        return nil
    }
}
