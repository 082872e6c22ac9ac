import Foundation
import Index
import Query
import Research
import TestSupport
import Testing

/// The counts of `report`, `compare` and `kwic` against the independent grep oracle (Foundation's
/// NFKC over the stored passages) and against `search --all`: a cell is the sum over the document's
/// matching passages of the query's occurrences, its passage count the number of those passages.
@Suite struct CountOracleTests {
    static let reader = ResearchFixture.reader
    static let oracle = ResearchFixture.oracle

    /// Per document file name: (occurrences, passages) by the oracle, for a query of ANDed parts
    /// (none overlapping another), minus passages containing an excluded part.
    static func expected(all parts: [String], excluding: [String] = []) -> [String: (Int, Int)] {
        var out: [String: (Int, Int)] = [:]
        var passages = oracle.passages(containing: parts[0])
        for p in parts.dropFirst() { passages.formIntersection(oracle.passages(containing: p)) }
        for x in excluding { passages.subtract(oracle.passages(containing: x)) }
        for p in passages {
            let n = parts.reduce(0) { $0 + oracle.occurrences(of: $1, inPassage: p).count }
            let doc = oracle.documents[p]
            out[doc] = ((out[doc]?.0 ?? 0) + n, (out[doc]?.1 ?? 0) + 1)
        }
        return out
    }

    static func report(_ queries: [String], docs: String? = nil) throws -> TermReport {
        let searcher = Searcher(reader: reader)
        let terms = TermsFile(queries: queries)
        return try TermReport(terms: terms, searcher: searcher, scope: try DocumentScope(searcher: searcher, spec: docs))
    }

    @Test func oracleCoversEveryPassage() {
        #expect(Self.oracle.passages.count == Self.reader.passageCount)
    }

    @Test(arguments: ["跨境电商", "电商", "海外仓", "RCEP", "港", "发展", "十四五", "2025年", "“十四五”规划", "亿元"])
    func singleTermCellsEqualTheOracle(_ term: String) throws {
        let r = try Self.report([term])
        let want = Self.expected(all: [term])
        #expect(r.rows.count == 1)
        for (c, column) in r.columns.enumerated() {
            let w = want[column.document.name] ?? (0, 0)
            #expect(r.rows[0].occurrences[c] == w.0, "\(term) in \(column.document.name)")
            #expect(r.rows[0].passages[c] == w.1, "\(term) in \(column.document.name)")
        }
        let total = try Searcher(reader: Self.reader).search(term, options: SearchOptions(limit: nil)).total
        #expect(r.rows[0].totalPassages == total)
        #expect(r.rows[0].totalPassages == Self.oracle.passages(containing: term).count)
    }

    @Test func andNotAndOrFollowTheOracle() throws {
        let r = try Self.report(["跨境电商 海外仓", "电商 -跨境", "跨境电商 OR 跨境电子商务"])
        let and = Self.expected(all: ["跨境电商", "海外仓"])
        let not = Self.expected(all: ["电商"], excluding: ["跨境"])
        // OR of two parts that cannot overlap: passages with either, occurrences of both.
        let a = Self.expected(all: ["跨境电商"]), b = Self.expected(all: ["跨境电子商务"])
        let both = Self.expected(all: ["跨境电商", "跨境电子商务"])
        for (c, column) in r.columns.enumerated() {
            let name = column.document.name
            #expect((r.rows[0].occurrences[c], r.rows[0].passages[c]) == (and[name] ?? (0, 0)))
            #expect((r.rows[1].occurrences[c], r.rows[1].passages[c]) == (not[name] ?? (0, 0)))
            let orOccurrences = (a[name]?.0 ?? 0) + (b[name]?.0 ?? 0)
            let orPassages = (a[name]?.1 ?? 0) + (b[name]?.1 ?? 0) - (both[name]?.1 ?? 0)
            #expect((r.rows[2].occurrences[c], r.rows[2].passages[c]) == (orOccurrences, orPassages))
        }
        #expect(r.rows[2].totalOccurrences > r.rows[0].totalOccurrences)
    }

    /// 跨境电商 OR 电商 on the text 跨境电商 is one occurrence (overlapping spans of different parts merge).
    @Test func overlappingPartsCountOnce() throws {
        let r = try Self.report(["跨境电商 OR 电商", "电商"])
        #expect(r.rows[0].occurrences == r.rows[1].occurrences)
        #expect(r.rows[0].passages == r.rows[1].passages)
    }

    @Test func documentSelectionKeepsColumnsAndCounts() throws {
        let all = try Self.report(["海外仓"])
        let sichuan = try Self.report(["海外仓"], docs: "region:四川")
        // region:四川 holds its cities (成都), catalog order kept; 重庆 is left out.
        #expect(
            sichuan.columns.map(\.document.name) == [
                "chengdu-ecommerce-14th-fyp.txt", "chengdu-services-14th-fyp.txt", "sichuan-commerce-14th-fyp.txt",
                "sichuan-trade-power-opinions-draft.txt"
            ])
        for (c, column) in sichuan.columns.enumerated() {
            let k = try #require(all.columns.firstIndex { $0.document.name == column.document.name })
            #expect(sichuan.rows[0].occurrences[c] == all.rows[0].occurrences[k])
        }
        // A filter inside the query and --docs select the same passages as search does.
        let filtered = try Searcher(reader: Self.reader).search("海外仓 region:四川", options: SearchOptions(limit: nil))
        #expect(sichuan.rows[0].totalPassages == filtered.total)
    }

    @Test func compareAndKwicAgreeWithTheReport() throws {
        let searcher = Searcher(reader: Self.reader)
        let scope = try DocumentScope(searcher: searcher, spec: nil)
        let r = try Self.report(["跨境电商", "海外仓"])
        let comparison = try Comparison(queries: ["跨境电商", "海外仓"], searcher: searcher, scope: scope)
        for (q, entry) in comparison.entries.enumerated() {
            #expect(entry.columns.map(\.occurrences) == r.rows[q].occurrences)
            #expect(entry.columns.map(\.passages) == r.rows[q].passages)
            for column in entry.columns {
                #expect(column.sections.reduce(0) { $0 + $1.occurrences } == column.occurrences)
                #expect(column.sections.reduce(0) { $0 + $1.passages } == column.passages)
            }
            let kwic = try Concordance(query: entry.query, searcher: searcher, scope: scope, width: 10)
            #expect(kwic.lines.count == r.rows[q].totalOccurrences)
            #expect(kwic.lines.allSatisfy { Oracle.normalize($0.match) == Oracle.normalize(entry.query) })
        }
    }

    /// The CLI: the CSV's cells (read back by SwiftCSV in ReportCSVTests) come from the same counts
    /// as `search --all --json`'s total.
    @Test func cliReportMatchesSearchAll() throws {
        let dir = try Support.temporaryDirectory("report-count")
        defer { Support.remove(dir) }
        let terms = dir.appendingPathComponent("terms.txt")
        try Support.write("跨境电商\n海外仓 OR 边境仓\n", to: terms)
        let json = try ResearchFixture.run(["report", "--terms", terms.path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let rows = try #require(Support.json(json)?["rows"] as? [[String: Any]])
        for (row, query) in zip(rows, ["跨境电商", "海外仓 OR 边境仓"]) {
            let search = try ResearchFixture.run(["search", query, "--all", "--json"])
            #expect(row["passages"] as? Int == Support.json(search)?["total"] as? Int)
            let highlights = (Support.json(search)?["hits"] as? [[String: Any]] ?? []).reduce(0) {
                $0 + (($1["highlights"] as? [Any])?.count ?? 0)
            }
            #expect(row["occurrences"] as? Int == highlights)
        }
    }
}
