import Foundation
import Testing

@testable import Analysis

/// Traditional → Simplified folding through OpenCC, identical for documents and queries.
@Suite struct TraditionalFoldingTests {
    let n = Normalizer()

    func folded(_ s: String) -> String { String(String.UnicodeScalarView(n.fold(s).compactMap(Unicode.Scalar.init))) }

    @Test func traditionalFoldsToSimplified() {
        #expect(folded("跨境電商") == "跨境电商")
        #expect(folded("營商環境") == "营商环境")
        #expect(folded("跨境電子商務綜合試驗區") == "跨境电子商务综合试验区")
        #expect(folded("臺灣") == folded("台湾"))
    }

    /// Already-Simplified text is left as it is: 显著 does not become 显着 (ICU's transliterator
    /// does that), and neither do the other characters OpenCC's phrases protect.
    @Test func simplifiedTextIsLeftAlone() {
        for s in ["显著", "著作", "乾隆", "干部", "发展", "跨境电商", "优化营商环境"] { #expect(folded(s) == s, "\(s)") }
        #expect(folded("顯著") == "显著")
    }

    /// OpenCC's own test case (test/testcases/t2s.in → t2s.ans), compared after normalization.
    @Test func openCCsOwnCase() {
        let traditional = "曾經有一份真誠的愛情放在我面前，我沒有珍惜，等我失去的時候我才後悔莫及。人事間最痛苦的事莫過於此。如果上天能夠給我一個再來一次得機會，我會對那個女孩子說三個字，我愛你。如果非要在這份愛上加個期限，我希望是，一萬年。"
        let simplified = "曾经有一份真诚的爱情放在我面前，我没有珍惜，等我失去的时候我才后悔莫及。人事间最痛苦的事莫过于此。如果上天能够给我一个再来一次得机会，我会对那个女孩子说三个字，我爱你。如果非要在这份爱上加个期限，我希望是，一万年。"
        #expect(n.fold(traditional) == n.fold(simplified))
    }

    /// Each folded character points back at the character it came from.
    @Test func offsetsPointIntoTheOriginal() {
        let text = "推進跨境電商發展"
        let r = n.normalize(text)
        let original = Array(text.unicodeScalars)
        #expect(r.scalars.count == original.count)
        for (k, o) in r.sourceOffsets.enumerated() { #expect(Int(o) == k) }
        #expect(String(String.UnicodeScalarView(r.scalars.compactMap(Unicode.Scalar.init))) == "推进跨境电商发展")
    }

    /// The committed candidate table (scripts/generate-traditional-candidates) is what this
    /// machine's OpenCC does: every character it converts is a candidate, and no other.
    @Test func candidateTableMatchesOpenCC() {
        let folding = TraditionalFolding()
        var wrong: [String] = []
        for v in UInt32(0x3400)..<0xA000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let changed = folding.fold([s]).map { $0.scalars != [s] } ?? false
            if changed != TraditionalFolding.isCandidate(v) { wrong.append(String(s)) }
        }
        #expect(wrong.isEmpty, "\(wrong.count) characters differ, e.g. \(wrong.prefix(10)); run scripts/generate-traditional-candidates")
    }
}

/// Radicals that PDF extraction puts in place of ideographs fold to them (Unicode's
/// EquivalentUnifiedIdeograph.txt: 2EA0 → 6C11, 2ED3 → 957F, 2EC8 → 8BA0; Kangxi ⼯ by NFKC).
@Suite struct RadicalFoldingTests {
    @Test func radicalsFoldToIdeographs() {
        let n = Normalizer()
        func folded(_ s: String) -> String { String(String.UnicodeScalarView(n.fold(s).compactMap(Unicode.Scalar.init))) }
        #expect(folded("人\u{2EA0}") == "人民")
        #expect(folded("\u{2ED3}城") == "长城")
        #expect(folded("\u{2EC8}") == "\u{8BA0}")
        #expect(folded("\u{2F2F}业") == "工业")
        #expect(folded("\u{2E9A}") == "\u{2E9A}")  // unassigned: kept
    }
}
