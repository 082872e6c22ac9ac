import Foundation
import TestSupport
import Testing

@testable import Query

/// A query that finds nothing suggests the nearest strings the corpus holds.
@Suite struct SuggestionTests {
    /// Typos a reader makes (a wrong character of the same sound or shape, two swapped, one
    /// missing), with the term the plans use, read from the corpus.
    @Test(arguments: [
        ("跨竟电商", "跨境电商"), ("营商坏境", "营商环境"), ("自贸式验区", "自贸试验区"), ("冷琏物流", "冷链物流"), ("海外舱", "海外仓"),
        ("RCPE", "rcep"), ("中欧斑列", "中欧班列"), ("服务贸意", "服务贸易")
    ])
    func typosSuggestTheTerm(_ typo: String, _ intended: String) throws {
        let r = try Fixture.search(typo)
        #expect(r.total == 0)
        let first = try #require(r.suggestions.first, "no suggestion for \(typo)")
        #expect(first.text == intended)
        #expect(first.part == typo)
        for s in r.suggestions { #expect(s.passages == Fixture.oracle(s.text).count, "\(s.text)") }
    }

    /// A suggestion holding brackets (the corpus's （一） headings, folded to ASCII) is offered
    /// quoted: typed back, it searches the string and finds what the suggestion counted.
    @Test func suggestionsCanBeTypedBack() throws {
        let r = try Fixture.search("（）")
        #expect(r.suggestions.contains { $0.text.contains("(") })
        for s in r.suggestions {
            if s.text.contains("(") { #expect(s.query == "\"" + s.text + "\"") }
            #expect(try Fixture.search(s.query).total == s.passages, "\(s.query)")
        }
        // Quote marks typed alone: “” (the corpus quotes words) is no query once cleaned, and a
        // suggestion holding a double quote could not be typed back in a quoted phrase.
        let marks = try Fixture.search("“““")
        #expect(!marks.suggestions.contains { $0.text.contains("\"") || $0.query.isEmpty }, "\(marks.suggestions.map(\.query))")
        for s in marks.suggestions { #expect(try Fixture.search(s.query).total == s.passages, "\(s.query)") }
    }

    @Test func noSuggestionWhenSomethingMatchesOrNothingIsNear() throws {
        #expect(try Fixture.search("跨境电商").suggestions.isEmpty)
        #expect(try Fixture.search("\"量子纠缠计算机\"").suggestions.isEmpty)
    }
}
