import Foundation
import TestSupport
import Testing

@testable import Query

/// What the engine tells a user who typed something it cannot take as meant: mistyped filters,
/// malformed years, filters that exclude each other, documents without a date, a part typed twice
/// as synonyms, brackets around a word, keywords in full-width.
@Suite struct QueryHintsTests {
    @Test func mistypedFilterNamesAreErrorsWithTheFieldMeant() throws {
        // Typos, and the names users reach for (title:, province:, author:), each with the filter meant.
        for (query, field) in [
            ("跨境电商 regin:四川", "region:"), ("电商 yaer:2021", "year:"), ("电商 dco:重庆", "doc:"), ("电商 title:德阳", "doc:"),
            ("电商 province:四川", "region:"), ("电商 city:绵阳", "region:"), ("电商 author:商务厅", "issuer:"), ("电商 ｔｉｔｌｅ：德阳", "doc:")
        ] {
            do {
                _ = try QueryParser.parse(query)
                Issue.record("\(query) parsed")
            } catch let e as QueryError {
                #expect(e.message.contains("did you mean \(field)"), "\(e)")
            } catch { Issue.record("\(error)") }
        }
        // A filter typed in full-width letters, as an IME in Chinese mode types it, is the filter.
        #expect(
            try QueryParser.parse("电商 ｒｅｇｉｏｎ：四川")
                == .and([.term(QueryPart(text: "电商", quoted: false)), .filter(DocumentFilter(field: .region, value: "四川"))]))
        // Not close to any field: an ordinary word.
        #expect((try? QueryParser.parse("http://example")) == .term(QueryPart(text: "http://example", quoted: false)))
    }

    @Test(arguments: ["year:abc", "year:2023..2021", "year:20211", "date:十一月", "date:2021-13", "date:2021-02-30", "date:2021-04-31"])
    func malformedYearsAndDates(_ filter: String) {
        #expect(throws: QueryError.self) { try QueryParser.parse("电商 \(filter)") }
    }

    @Test(arguments: ["date:2021", "date:2021-1", "date:2021-11", "date:2021-02-29", "date:2021年11月", "date:2021-12-31"])
    func wellFormedDates(_ filter: String) throws {
        _ = try QueryParser.parse("电商 \(filter)")
    }

    @Test func openYearRanges() throws {
        let dated = Set(
            Fixture.grep.passages.indices.filter { p in
                ["chongqing", "chengdu-ecommerce", "chengdu-services", "sichuan-trade"].contains { Fixture.grep.documents[p].hasPrefix($0) }
            })
        // Catalog dates: 2021-11-12, 2021-12-21, 2022-05, 2023; 四川's plan has none.
        #expect(try Fixture.ids("电商 year:2021..") == Fixture.oracle("电商").intersection(dated))
        let to2021 = Set(dated.filter { ["chongqing", "chengdu-ecommerce"].contains(where: Fixture.grep.documents[$0].hasPrefix) })
        #expect(try Fixture.ids("电商 year:..2021") == Fixture.oracle("电商").intersection(to2021))
        let r = try Fixture.search("电商 year:2021..")
        #expect(r.notes.contains { $0.contains("without a date") })
    }

    @Test func filtersThatExcludeEachOtherSaySo() throws {
        let r = try Fixture.search("电商 doc:重庆 doc:成都")
        #expect(r.total == 0)
        #expect(r.notes.contains { $0.contains("select no document together") && $0.contains("OR") })
        #expect(try Fixture.search("电商 (doc:重庆 OR doc:成都)").total > 0)
    }

    @Test func fullWidthKeywordsAreKeywords() throws {
        #expect(try QueryParser.parse("跨境电商 ＯＲ 海外仓") == (try QueryParser.parse("跨境电商 OR 海外仓")))
        #expect(try QueryParser.parse("电商 ＮＯＴ 跨境") == (try QueryParser.parse("电商 NOT 跨境")))
    }

    /// 跨境电商OR海外仓, as a Chinese user types it, is one run of text (keywords stand between
    /// spaces); with no match, a note shows the query with the spaces it needs.
    @Test func keywordsGluedBetweenChineseWordsAreExplained() throws {
        let r = try Fixture.search("跨境电商OR海外仓")
        #expect(r.total == 0)
        #expect(r.notes.contains { $0.contains("“OR” in “跨境电商OR海外仓” is text") && $0.contains("(跨境电商 OR 海外仓)") }, "\(r.notes)")
        #expect(try Fixture.search("跨境电商 OR 海外仓").total > 0)
        // Latin around it, or a match: nothing to explain.
        #expect(QueryPlanner.gluedOperator(QueryPart(text: "ORACLE数据库", quoted: false, column: 1)) == nil)
        #expect(QueryPlanner.gluedOperator(QueryPart(text: "电商NOT跨境", quoted: false, column: 1)) != nil)
        // Glued on one side (RCEP OR海外仓), or typed in lower case: the same note.
        for part in ["OR海外仓", "跨境电商OR", "跨境电商or海外仓"] {
            #expect(QueryPlanner.gluedOperator(QueryPart(text: part, quoted: false, column: 1)) != nil, "\(part)")
        }
        #expect(QueryPlanner.gluedOperator(QueryPart(text: "NOTE数据", quoted: false, column: 1)) == nil)
    }

    @Test func bracketsAroundAWordSuggestTheWord() throws {
        let r = try Fixture.search("（跨境电商）")
        #expect(r.total == 0)
        #expect(r.suggestions.first?.text == "跨境电商")
    }
}
