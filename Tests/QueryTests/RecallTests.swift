import Foundation
import Testing
@testable import Query

/// For any query string the passages returned are exactly those whose normalized text contains it:
/// sub-word (电商 in 跨境电商), cross-word (ICU splits 优化营商环境 as 优|化|营|商|环境), single characters,
/// Latin and digits, full-width forms.
@Suite struct RecallTests {
    static let terms = [
        "电商", "跨境电商", "农村电商", "直播电商", "优化", "营商环境", "优化营商环境", "电商综试区", "综试区", "综保区",
        "自贸试验区", "一带一路", "冷链物流", "碳达峰", "数字经济", "服务贸易", "海外仓", "中欧班列", "首店经济", "夜间经济",
        "国际消费中心城市", "内陆开放高地", "成渝地区双城经济圈", "跨境电子商务综合试验区", "老字号", "步行街",
        "商综", "境电", "展开放", "港", "仓", "的", "发展", "亿元", "RCEP", "rcep", "5G", "B2B", "2025年", "；"
    ]

    @Test(arguments: terms)
    func resultsEqualGrepOracle(_ term: String) throws {
        let expected = Fixture.oracle(term)
        let results = try Fixture.search(term)
        let actual = Set(results.hits.map(\.passage.id))
        #expect(results.total == expected.count)
        #expect(actual == expected, "missing \(expected.subtracting(actual).count), false \(actual.subtracting(expected).count)")
        #expect(!expected.isEmpty, "the oracle should find \(term) in the corpus")
    }

    @Test func fullWidthQueryMatchesHalfWidthText() throws {
        #expect(try Fixture.ids("ＲＣＥＰ") == Fixture.oracle("RCEP"))
        #expect(try Fixture.ids("５Ｇ") == Fixture.oracle("5G"))
    }

    @Test func absentStringFindsNothing() throws {
        let r = try Fixture.search("\"量子纠缠\"")
        #expect(r.total == 0 && r.hits.isEmpty)
    }

    /// Every highlight covers exactly one occurrence of the query, in the original text.
    @Test(arguments: ["跨境电商", "电商", "RCEP", "5G", "优化营商环境", "港"])
    func highlightsLandOnTheMatchedText(_ term: String) throws {
        let results = try Fixture.search(term)
        let folded = term.precomposedStringWithCompatibilityMapping.lowercased()
        for hit in results.hits {
            let scalars = Array(hit.passage.text.unicodeScalars)
            let count = hit.passage.text.precomposedStringWithCompatibilityMapping.lowercased().components(separatedBy: folded).count - 1
            #expect(hit.highlights.count == count)
            for h in hit.highlights {
                let s = String(String.UnicodeScalarView(scalars[h])).precomposedStringWithCompatibilityMapping.lowercased()
                #expect(s == folded)
            }
        }
    }
}
