import Foundation
import TestSupport
import Testing

/// Synonym groups in reports: the group counted together, and with --variants each form apart,
/// all against the independent oracle.
@Suite struct ReportVariantsTests {
    @Test func groupTogetherAndEachFormApart() throws {
        let dir = try Support.temporaryDirectory("report-variants")
        defer { Support.remove(dir) }
        let terms = dir.appendingPathComponent("terms.txt")
        try Support.write("跨境电商\n", to: terms)
        let r = try ResearchFixture.run(["report", "--terms", terms.path, "--format", "json", "--variants"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(Support.json(r)?["rows"] as? [[String: Any]])
        #expect(rows.count == 3)
        let oracle = try Oracle(reader: ResearchFixture.reader)
        func occurrences(_ form: String) -> Int {
            oracle.passages.indices.reduce(0) { $0 + oracle.occurrences(of: form, inPassage: $1).count }
        }
        let short = occurrences("跨境电商"), long = occurrences("跨境电子商务")
        #expect(rows.map { $0["occurrences"] as? Int } == [short + long, short, long])
        // --exact: the query alone, as typed.
        let exact = try ResearchFixture.run(["report", "--terms", terms.path, "--format", "json", "--exact"])
        #expect((Support.json(exact)?["rows"] as? [[String: Any]])?.first?["occurrences"] as? Int == short)
    }
}
