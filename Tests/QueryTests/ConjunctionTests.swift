import Foundation
import Query
import Testing

/// Conjunctions with parts of one or two characters are answered by walking the parts' postings
/// lists in step when the other lists are long beside the rarest (the planner leaves them unread),
/// else by reading them in full. Either way the hits, tfs and dfs must be what a grep of the
/// passages gives, whatever mix of short parts, longer phrases and excluded parts they hold.
@Suite struct ConjunctionTests {
    /// Wanted parts, excluded parts.
    @Test(
        arguments: [
            (["成都", "重庆"], []), (["电商"], ["跨境"]), (["成都", "港"], ["重庆"]), (["发展", "的", "港"], []),
            (["电商", "海外仓"], []), (["电商"], ["跨境电子商务"]), (["数字", "经济", "服务贸易"], ["的"]),
            (["港", "港"], []), (["成都"], ["成都"]), (["成都", "蒲江县"], []), (["电商", "龘"], []), (["电商"], ["龘"]),
            (["蒲江县", "发展"], []), (["跨境电商", "发展"], ["的"]), (["港"], ["的"]), (["蒲江县"], ["的", "发展"])
        ] as [([String], [String])])
    func matchesTheOracle(_ wanted: [String], _ excluded: [String]) throws {
        let query = (wanted + excluded.map { "-" + $0 }).joined(separator: " ")
        var expected = wanted.map(Fixture.oracle).reduce(Set(0..<Fixture.reader.passageCount)) { $0.intersection($1) }
        for x in excluded { expected.subtract(Fixture.oracle(x)) }

        let results = try Fixture.search(query)
        #expect(results.total == expected.count, "\(query)")
        #expect(Set(results.hits.map(\.passage.id)) == expected, "\(query)")
        let distinct = wanted.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for hit in results.hits.prefix(40) {
            let terms = try #require(hit.explanation).terms
            #expect(terms.map(\.part) == distinct, "\(query)")
            for term in terms {
                #expect(term.tf == Fixture.grep.occurrences(of: term.part, inPassage: hit.passage.id).count, "\(query) \(term.part)")
                #expect(term.df == Fixture.oracle(term.part).count, "\(query) \(term.part)")
            }
        }
        // The first ten are the first ten of the whole ranking.
        let top = try Fixture.search(query, limit: 10)
        #expect(top.hits.map(\.passage.id) == results.hits.prefix(10).map(\.passage.id), "\(query)")
    }
}
