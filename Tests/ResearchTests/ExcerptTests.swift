import Research
import Testing

/// A compare table cell's excerpt never starts or ends inside a figure: the sentence of
/// corpus/sichuan-commerce-14th-fyp.txt lines 72–76 as cleaning joins it.
@Suite struct ExcerptTests {
    static let text = "开放型经济实现量质齐升。货物贸易从 2015年 3190.2亿元增至 2020年 8081.9亿元，年均增长 20.4%，总量规模跃居全国第 8位，外贸依存度提高到 16.6%。"

    static func offset(_ s: String) -> Int {
        text.unicodeScalars.distance(
            from: text.unicodeScalars.startIndex, to: text.range(of: s)!.lowerBound.samePosition(in: text.unicodeScalars)!)
    }

    @Test func aWindowStartingInsideAFigureTakesItWhole() {
        // The window would start at "81.9亿元" (a quarter of the limit before the highlight).
        let first = Self.offset("年均增长")
        let limit = 4 * (first - (Self.offset("8081.9") + 2))
        let e = Excerpt(Self.text, highlights: [first..<(first + 4)], limit: limit)
        #expect(e.text.hasPrefix("…8081.9亿元"), "\(e.text)")
        let shown = Array(e.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(shown[e.highlights[0]])) == "年均增长")
    }

    @Test func aWindowEndingInsideAFigureStopsBeforeIt() {
        let first = Self.offset("外贸依存度")
        // The window (a quarter of the limit before the highlight) would end two characters into 16.6%.
        let end = Self.offset("16.6%") + 2
        let limit = (1...100).first { $0 - $0 / 4 == end - first }!
        let e = Excerpt(Self.text, highlights: [first..<(first + 5)], limit: limit)
        #expect(e.text.hasSuffix("提高到 …"), "\(e.text)")
        #expect(!e.text.contains("16"))
    }
}
