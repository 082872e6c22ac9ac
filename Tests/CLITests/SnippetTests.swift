import Testing

@testable import PolicySearchCLI

/// Snippets in a terminal without color mark highlights with brackets: a mark that fits on a line
/// is never cut by the line's end, which would read as two figures ([50] / [00万美元]).
@Suite struct SnippetTests {
    @Test func aMarkThatFitsIsNotCut() {
        let text = "外贸进出口总额年均增长15个百分点，外贸企业达到1.2万家，实际使用外资5000万美元，外贸规模扩大2.5倍。"
        let s = Array(text.unicodeScalars)
        func range(_ needle: String) -> Range<Int> {
            let n = Array(needle.unicodeScalars)
            let i = s.indices.first { s[$0...].starts(with: n) }!
            return i..<(i + n.count)
        }
        let marks = ["15个百分点", "1.2万家", "5000万美元", "2.5倍"].map(range)
        for columns in 30...60 {
            // Lines enough for the whole sentence at every width: each figure is printed whole.
            let lines = Terminal(color: false, width: 80).snippet(text, highlights: marks, columns: columns, lines: 8)
            let joined = lines.joined(separator: "\n")
            #expect(!joined.hasSuffix("…"))
            for figure in ["[15个百分点]", "[1.2万家]", "[5000万美元]", "[2.5倍]"] { #expect(joined.contains(figure), "\(columns): \(lines)") }
        }
    }
}
