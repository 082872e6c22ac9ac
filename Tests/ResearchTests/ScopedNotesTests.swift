import Query
import Research
import Testing

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
}
