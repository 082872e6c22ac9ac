import Foundation
import Index
import SwiftCSV
import TestSupport
import Testing

/// `report --format csv` and `kwic --format csv` read back by an independent CSV parser (SwiftCSV):
/// BOM, CRLF, RFC 4180 quoting of quotes, commas and line breaks (a catalog title holds all three),
/// the column layout of the issue, and the --per footer.
@Suite struct ReportCSVTests {
    static let hostile = ResearchFixture.hostileIndex.path
    static let title = "<script>alert(1)</script> 标题, 含 \"引号\"\n与换行 & 符号"

    /// Parses CSV bytes: checks the BOM and that every record ends in CRLF, returns all rows.
    static func parse(_ data: Data) throws -> [[String]] {
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false)
        return [csv.header] + csv.rows
    }

    static func terms(_ text: String) throws -> URL {
        let dir = try Support.temporaryDirectory("report-csv")
        let file = dir.appendingPathComponent("terms.txt")
        try Support.write(text, to: file)
        return file
    }

    @Test func matrixLayoutAndQuoting() throws {
        let file = try Self.terms("跨境电商 = 跨境电商, \"全部\"\n联盟\n(联盟\n")
        defer { Support.remove(file.deletingLastPathComponent()) }
        let r = try Support.run(["report", "--terms", file.path, "--index", Self.hostile])
        #expect(r.status == 1, "(联盟 does not parse: its line is reported, the rest written")
        #expect(r.stderr.contains("terms.txt:3:"))
        let rows = try Self.parse(r.stdoutData)
        #expect(rows[0] == ["Query", Self.title, Self.title + " passages", "Total", "Total passages"])
        // Counted by reading the fixture: 跨境电商 three times in two passages, 联盟 once.
        #expect(rows[1] == ["跨境电商, \"全部\"", "3", "2", "3", "2"])
        #expect(rows[2] == ["联盟", "1", "1", "1", "1"])
        #expect(rows.count == 3)
    }

    @Test func formulaLikeTextIsDefused() throws {
        let file = try Self.terms("联盟 = =HYPERLINK(\"x\")\n联盟 = @cmd\n联盟 = -负号\n")
        defer { Support.remove(file.deletingLastPathComponent()) }
        let r = try Support.run(["report", "--terms", file.path, "--index", Self.hostile])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.parse(r.stdoutData)
        #expect(rows.dropFirst().map { $0[0] } == ["'=HYPERLINK(\"x\")", "'@cmd", "'-负号"])
    }

    @Test func ratesAndCharacterFooter() throws {
        let file = try Self.terms("海外仓\n跨境电商\n")
        defer { Support.remove(file.deletingLastPathComponent()) }
        let r = try ResearchFixture.run(["report", "--terms", file.path, "--per", "10000"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.parse(r.stdoutData)
        let reader = ResearchFixture.reader
        let n = reader.documentCount
        #expect(rows[0].count == 1 + 2 * n + 2 + n + 1)
        #expect(rows[0][1 + 2 * n + 2].hasSuffix(" per 10000 characters"))
        let footer = try #require(rows.last)
        #expect(footer[0] == "Characters")
        var total = 0
        for d in 0..<n {
            let chars = try reader.passageRange(ofDocument: d).reduce(0) { $0 + (try reader.passage($1).text.unicodeScalars.count) }
            total += chars
            #expect(Int(footer[1 + d]) == chars)
            let occurrences = try #require(Double(rows[1][1 + d]))
            let rate = try #require(Double(rows[1][1 + 2 * n + 2 + d]))
            #expect(abs(rate - occurrences * 10000 / Double(chars)) < 0.006)
        }
        #expect(Int(footer[1 + 2 * n]) == total)
    }

    @Test func kwicCSVKeepsContextsIntact() throws {
        let r = try Support.run(["kwic", "联盟", "--format", "csv", "--width", "40", "--index", Self.hostile])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Self.parse(r.stdoutData)
        #expect(rows[0] == ["doc", "title", "passage", "line", "left", "match", "right", "path", "page"])
        #expect(rows.count == 2)
        let line = rows[1]
        #expect(line[0] == "hostile.txt" && line[1] == Self.title && line[2] == "hostile.txt#3")
        #expect(line[5] == "联盟")
        let text = try ResearchFixture.hostileReader.passage(2).text
        #expect(text.contains(line[4] + line[5] + line[6]))
        #expect(line[4].contains("\"C, D\""))
        #expect(line[7] == "一、总体要求" && line[8] == "")
    }
}
