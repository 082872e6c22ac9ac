import Foundation
import Testing
@testable import Query

/// AND, OR, NOT, phrases and doc: filters, each checked against set algebra on the oracle.
@Suite struct QuerySemanticsTests {
    @Test func andIntersects() throws {
        #expect(try Fixture.ids("跨境电商 海外仓") == Fixture.oracle("跨境电商").intersection(Fixture.oracle("海外仓")))
    }

    @Test func orUnites() throws {
        let expected = Fixture.oracle("跨境电商").union(Fixture.oracle("跨境电子商务"))
        #expect(try Fixture.ids("跨境电商 OR 跨境电子商务") == expected)
        #expect(try Fixture.ids("跨境电商 | 跨境电子商务") == expected)
    }

    @Test func notExcludes() throws {
        #expect(try Fixture.ids("电商 -跨境") == Fixture.oracle("电商").subtracting(Fixture.oracle("跨境")))
    }

    @Test func quotedPhraseWithSpaceIsExact() throws {
        // "FDI" occurs as "( FDI )" in the Chongqing table: the space inside quotes is matched.
        let expected = Fixture.oracle("外商直接投资")
        #expect(!expected.isEmpty)
        #expect(try Fixture.ids("\"外商直接投资\"") == expected)
    }

    @Test func docFilterKeepsOnlyMatchingDocuments() throws {
        let ids = try Fixture.ids("服务贸易 doc:chongqing")
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy { Fixture.documentName(of: $0) == "chongqing-commerce-14th-fyp.txt" })
        #expect(ids == Fixture.oracle("服务贸易").filter { Fixture.documentName(of: $0) == "chongqing-commerce-14th-fyp.txt" })
        // A title fragment works too.
        #expect(try Fixture.ids("服务贸易 doc:重庆") == ids)
    }

    /// An alternative of an OR that occurs nowhere leaves the others' results, and says so; a
    /// full-width bracket left open (read as text, as （一） is) gets the hint to close it.
    @Test func anAlternativeThatMatchesNothingIsNamed() throws {
        let r = try Fixture.search("（跨境电商 OR 海外仓", limit: nil)
        #expect(Set(r.hits.map(\.passage.id)) == Fixture.oracle("海外仓"))
        let note = try #require(r.messages.first { $0.english.contains("“（跨境电商” occurs nowhere") })
        #expect(note.english.contains("bracket not closed") && note.chinese.contains("括号没有闭合"))
        let typo = try Fixture.search("跨竟电商 OR 海外仓")
        #expect(typo.notes.contains { $0.contains("“跨竟电商” occurs nowhere") && !$0.contains("bracket") })
    }

    @Test func longRunWithoutExactMatchFallsBackToWords() throws {
        let r = try Fixture.search("跨境电商海外仓建设")
        #expect(r.notes.count == 1)
        let expected = Fixture.oracle("跨境电商").intersection(Fixture.oracle("海外仓")).intersection(Fixture.oracle("建设"))
        #expect(Set(r.hits.map(\.passage.id)) == expected)
        // Quoted, the phrase is exact and finds nothing.
        #expect(try Fixture.search("\"跨境电商海外仓建设\"").total == 0)
        // Excluded, it is not split (an exclusion of words would change the answer), and the note
        // says that excluding it leaves out nothing.
        let excluded = try Fixture.search("电商 -跨境电商海外仓建设", limit: nil)
        #expect(excluded.total == (try Fixture.search("电商", limit: nil)).total)
        #expect(excluded.notes.contains { $0.contains("跨境电商海外仓建设") && $0.contains("leaves out nothing") }, "\(excluded.notes)")
    }

    @Test(arguments: ["", "   ", "\"未闭合", "OR 电商", "电商 OR", "(电商", "doc:", "- 电商", "跨境电商\""])
    func malformedQueriesGetClearErrors(_ q: String) {
        #expect(throws: QueryError.self) { try Fixture.search(q) }
    }

    @Test func overlongQueryIsRefused() {
        #expect(throws: QueryError.self) { try Fixture.search(String(repeating: "电", count: 10_000)) }
    }

    @Test func rankingIsDeterministicAndLimited() throws {
        let a = try Fixture.search("发展", limit: 10)
        let b = try Fixture.search("发展", limit: 10)
        #expect(a.hits.map(\.passage.id) == b.hits.map(\.passage.id))
        #expect(a.hits.count == 10)
        #expect(a.total == Fixture.oracle("发展").count)
        let all = try Fixture.search("发展", limit: nil)
        // The top 10 of a limited search are the first 10 of the full ranking.
        #expect(all.hits.prefix(10).map(\.passage.id) == a.hits.map(\.passage.id))
        for (x, y) in zip(all.hits, all.hits.dropFirst()) {
            #expect(x.score > y.score || (x.score == y.score && x.passage.id < y.passage.id))
        }
    }

    @Test func headingLinesRankBelowTheParagraphsTheyIntroduce() throws {
        let r = try Fixture.search("跨境电商", limit: 5)
        #expect(r.hits.allSatisfy { $0.passage.record.kind != .heading })
        let all = try Fixture.search("跨境电商", limit: nil)
        let heading = try #require(all.hits.first { $0.passage.record.kind == .heading })
        #expect(heading.explanation?.boosts.map(\.factor) == [BoostRules.standard.headingLine])
    }

    /// Common one- and two-character terms take the block-max path for top-k: it must return
    /// exactly the first k of the full ranking, with the same scores and the same total.
    @Test(arguments: ["发展", "的", "建设", "推进", "服务", "国际", "加"], [1, 10, 25])
    func blockMaxTopKEqualsFullRanking(_ term: String, _ k: Int) throws {
        let full = try Fixture.search(term, limit: nil)
        #expect(full.total > 128, "\(term) should span several postings blocks")
        try Self.expectTopKOf(term, k, equals: full)
        #expect(try Fixture.search(term, limit: 0).hits.isEmpty)
    }

    /// Explanations are spelled out only when asked: without `explain` every shape of query (one
    /// short term, a conjunction, a phrase, OR, NOT, all hits) returns the same hits, scores and
    /// highlights, and no explanation; with it, each hit's explanation multiplies out to its score.
    @Test(arguments: ["电商", "跨境电商", "成都 重庆", "\"推动跨境电商\"", "跨境电商 OR 海外仓", "电商 -跨境"], [10, nil] as [Int?])
    func explanationsOnlyWhenAsked(_ query: String, _ limit: Int?) throws {
        let searcher = Searcher(reader: Fixture.reader)
        let plain = try searcher.search(query, options: SearchOptions(limit: limit))
        let explained = try searcher.search(query, options: SearchOptions(limit: limit, explain: true))
        #expect(!plain.hits.isEmpty && plain.total == explained.total)
        #expect(plain.hits.allSatisfy { $0.explanation == nil })
        #expect(plain.hits.map(\.passage.id) == explained.hits.map(\.passage.id))
        for (a, b) in zip(plain.hits, explained.hits) {
            #expect(a.score == b.score && a.highlights == b.highlights)
            let e = try #require(b.explanation)
            #expect(abs(e.boosts.reduce(e.bm25) { $0 * $1.factor } - b.score) < 1e-9)
        }
    }

    /// The top k of `query` are the first k of its full ranking, with the same scores,
    /// explanations, highlights and total.
    static func expectTopKOf(_ query: String, _ k: Int, equals full: SearchResults) throws {
        let top = try Fixture.search(query, limit: k)
        #expect(top.total == full.total)
        #expect(top.hits.map(\.passage.id) == full.hits.prefix(k).map(\.passage.id))
        for (a, b) in zip(top.hits, full.hits) {
            #expect(abs(a.score - b.score) < 1e-12)
            #expect(a.explanation == b.explanation)
            #expect(a.highlights == b.highlights)
        }
    }

    /// The same with parts excluded (`电商 -跨境`): the block-max path skips their passages and
    /// counts the rest; its top k, scores and total equal the full ranking's, whether the excluded
    /// parts are short terms, phrases or a list longer than the term's (which takes another path).
    @Test(arguments: ["电商 -跨境", "发展 -建设", "服务 -服务业", "的 -发展 -建设", "发展 -\"高质量发展\"", "国际 -国际消费中心城市", "港 -的", "电商 -电商"], [1, 10])
    func blockMaxWithExclusionsEqualsFullRanking(_ query: String, _ k: Int) throws {
        try Self.expectTopKOf(query, k, equals: try Fixture.search(query, limit: nil))
    }

    /// Ranking does not look up whether a match holds each wanted part when the plan says every
    /// match does: only for one part, or an AND of parts, excluded parts and filters, and then
    /// every match holds every wanted part (the grep oracle).
    @Test(arguments: [
        ("跨境电商 海外仓", true), ("成都 重庆 -港", true), ("跨境电商 region:四川", true), ("跨境电商", true),
        ("跨境电商 OR 海外仓", false), ("NEAR/20(跨境电商, 海外仓)", false), ("(跨境电商 OR 电商) 海外仓", false)
    ])
    func aPlanSaysWhenEveryMatchHoldsEveryPart(_ query: String, _ expected: Bool) throws {
        let searcher = Searcher(reader: Fixture.reader)
        let plan = try searcher.plan(query)
        #expect(plan.matchesHoldEveryTerm == expected, "\(query)")
        guard expected else { return }
        let wanted = plan.terms.filter(\.positive).map(\.part.text)
        let matched = try searcher.matches(plan)
        #expect(!matched.isEmpty, "\(query)")
        for p in matched {
            for w in wanted { #expect(!Fixture.grep.occurrences(of: w, inPassage: Int(p)).isEmpty, "\(query): \(w) in \(p)") }
        }
    }
}
