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

    @Test func noSuggestionWhenSomethingMatchesOrNothingIsNear() throws {
        #expect(try Fixture.search("跨境电商").suggestions.isEmpty)
        #expect(try Fixture.search("\"量子纠缠计算机\"").suggestions.isEmpty)
    }
}
