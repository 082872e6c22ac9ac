import Foundation
import Query
import Research
import TestSupport
import Testing
import ZIPFoundation

/// A research view's notes speak of its `--docs` selection: the bundled corpus has one undated
/// document (the Sichuan commerce plan: `docs` shows no date, its text prints none), so a date
/// filter's note counts it when the view covers the index or Sichuan, and not when it covers Chengdu.
@Suite struct ScopedNotesTests {
    static func notes(_ query: String, docs: String?) throws -> [String] {
        let searcher = Searcher(reader: ResearchFixture.reader)
        return try QueryTally(query, searcher: searcher, scope: DocumentScope(searcher: searcher, spec: docs)).notes
    }

    @Test func undatedDocumentsCountedWithinTheSelection() throws {
        let all = try Self.notes("跨境电商 year:2021..2022", docs: nil)
        #expect(all.contains { $0.contains("leaves out 1 document without a date") }, "\(all)")
        let sichuan = try Self.notes("跨境电商 year:2021..2022", docs: "region:四川")
        #expect(sichuan.contains { $0.contains("leaves out 1 document of the --docs selection without a date") }, "\(sichuan)")
        let chengdu = try Self.notes("跨境电商 year:2021..2022", docs: "region:成都")
        #expect(!chengdu.contains { $0.contains("without a date") }, "\(chengdu)")
    }

    @Test func aFilterSelectingNothingInTheSelectionSaysSo() throws {
        let notes = try Self.notes("跨境电商 region:重庆", docs: "region:成都")
        #expect(notes.contains { $0.contains("region:重庆 matches no document of the --docs selection") }, "\(notes)")
        #expect(try Self.notes("跨境电商 region:重庆", docs: nil).allSatisfy { !$0.contains("matches no document") })
    }

    /// A `--docs` selection by date leaves out the undated documents its other filters keep, and
    /// says how many: the Sichuan commerce plan, undated, under region:四川.
    @Test func aSelectionByDateNamesTheUndatedItLeavesOut() throws {
        let searcher = Searcher(reader: ResearchFixture.reader)
        func notes(_ spec: String) throws -> [String] { try DocumentScope(searcher: searcher, spec: spec).notes.map(\.english) }
        #expect(try notes("year:2021..2022") == ["--docs year:2021..2022 leaves out 1 document without a date (see `policy-search docs`)"])
        #expect(try notes("region:四川 year:2021..2023").count == 1)
        #expect(try notes("region:成都 year:2021..2022").isEmpty)
        #expect(try notes("region:四川").isEmpty)
        let cli = try ResearchFixture.run(["compare", "跨境电商", "--docs", "year:2021..2022"])
        #expect(
            cli.status == 0 && cli.stderr.contains("note: --docs year:2021..2022 leaves out 1 document without a date"), "\(cli.stderr)")
    }

    /// A search's date filter counts the undated documents its sibling filters keep: the corpus
    /// has one undated plan, Sichuan's, so region:成都 leaves out none and region:四川 one.
    @Test func aSearchsDateNoteCountsWithinItsOtherFilters() throws {
        let searcher = Searcher(reader: ResearchFixture.reader)
        func notes(_ q: String) throws -> [String] { try searcher.search(q).notes }
        #expect(try notes("跨境电商 region:四川 year:2021..2023").contains { $0.contains("leaves out 1 document without a date") })
        #expect(try notes("跨境电商 region:成都 year:2021..2023").allSatisfy { !$0.contains("without a date") })
        #expect(try notes("跨境电商 year:2021..2023").contains { $0.contains("leaves out 1 document without a date") })
    }

    /// A report handed on as a file says what its --docs selection left out: the XLSX on its Notes
    /// sheet, the Markdown above its table.
    @Test func aReportFileSaysWhatTheSelectionLeftOut() throws {
        let dir = try Support.temporaryDirectory("scoped-report")
        defer { Support.remove(dir) }
        let terms = dir.appendingPathComponent("terms.txt")
        try Support.write("跨境电商\n", to: terms)
        let note = "leaves out 1 document without a date"
        for name in ["r.xlsx", "r.md"] {
            let r = try ResearchFixture.run(
                ["report", "--terms", terms.path, "--docs", "year:2021..2022", "--out", dir.appendingPathComponent(name).path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let md = try String(contentsOf: dir.appendingPathComponent("r.md"), encoding: .utf8)
        #expect(md.contains(note), "\(md.prefix(400))")
        let archive = try Archive(url: dir.appendingPathComponent("r.xlsx"), accessMode: .read)
        #expect(archive["xl/worksheets/sheet3.xml"] != nil, "a Notes sheet")
        var strings = Data()
        _ = try archive.extract(try #require(archive["xl/sharedStrings.xml"])) { strings.append($0) }
        #expect(String(decoding: strings, as: UTF8.self).contains(note))
    }

    /// A selection a date filter leaves empty says how many undated documents it left out: the
    /// reader may have meant them.
    @Test func anEmptySelectionByDateNamesTheUndated() throws {
        let r = try ResearchFixture.run(["compare", "跨境电商", "--docs", "year:2030"])
        #expect(r.status == 2 && r.stderr.contains("matches no document"), "\(r.stderr)")
        #expect(r.stderr.contains("its date filter leaves out 1 document without a date"), "\(r.stderr)")
        let named = try ResearchFixture.run(["compare", "跨境电商", "--docs", "doc:nosuchplan"])
        #expect(named.status == 2 && !named.stderr.contains("without a date"), "\(named.stderr)")
    }
}
