import Testing
@testable import Analysis

/// What ICU does with policy vocabulary (the reason the index matches characters), and the
/// normalization that documents and queries share.
@Suite struct AnalyzerTests {
    let analyzer = try! Analyzer()

    @Test func icuSplitsNewPolicyWordsIntoCharacters() {
        // Measured facts from the notes: new vocabulary is not in ICU's dictionary.
        #expect(analyzer.tokens("跨境电商").map(\.text) == ["跨", "境", "电", "商"])
        #expect(!analyzer.tokens("优化营商环境").map(\.text).contains("优化"))
    }

    @Test func wordsKeepOffsetsAndKindsAndDropPunctuation() {
        let tokens = analyzer.tokens("到2025年，RCEP 5G。")
        #expect(tokens.allSatisfy { $0.kind != .punctuation })
        let rcep = try! #require(tokens.first { $0.text == "RCEP" })
        #expect(rcep.kind == .letter && rcep.normalized == "rcep")
        let scalars = Array("到2025年，RCEP 5G。".unicodeScalars)
        for t in tokens { #expect(String(String.UnicodeScalarView(scalars[t.start..<t.end])) == t.text) }
        #expect(tokens.contains { $0.kind == .number })
    }

    /// A citation's ordinal is not cut inside its numeral: the fallback for 第二十条第二款 must not
    /// search 十条 (found in 第十条) on its own.
    @Test func queryWordsKeepOrdinalsWhole() {
        let words = analyzer.queryWords("第二十条第二款")
        #expect(words.joined() == "第二十条第二款")
        #expect(words.first == "第二十条")
        #expect(!analyzer.queryWords("依照本办法第十一条").contains { $0.hasSuffix("第") })
        #expect(Analyzer.keepingOrdinals(["第二", "十条", "第二款"]) == ["第二十条", "第二款"])
        #expect(Analyzer.keepingOrdinals(["依照本", "办法第", "十一条"]) == ["依照本", "办法", "第十一条"])
    }

    @Test func wordCountCountsICUWords() {
        #expect(analyzer.wordCount("apple banana apple。") == 3)
        #expect(analyzer.wordCount("，。！") == 0)
    }

    /// BM25 length counts letters and digits after normalization, punctuation and spaces not:
    /// counted by hand (ＲＣＥＰ２０２５ is 8 after folding, ① folds to 1, 𠀀 is one letter).
    @Test func passageLengthCountsLettersAndDigits() {
        #expect(analyzer.normalize("apple banana apple。").length == 16)
        #expect(analyzer.normalize("，。！ \t“”——").length == 0)
        #expect(analyzer.normalize("ＲＣＥＰ２０２５年（一）⼯①，").length == 12)
        #expect(analyzer.normalize("到2035年，建成𠀀한국").length == 11)
    }

    @Test func nfkcCasefoldMapsBackToSourceOffsets() {
        let n = analyzer.normalize("ＲＣＥＰ２０２５年（一）⼯")
        let text = String(String.UnicodeScalarView(n.scalars.compactMap(Unicode.Scalar.init)))
        #expect(text == "rcep2025年(一)工")
        #expect(n.sourceOffsets == Array(0..<Int32(n.scalars.count)))
        // An expansion (ﬁ → fi) maps both characters to one source offset.
        let lig = analyzer.normalize("aﬁb")
        #expect(lig.scalars.count == 4 && lig.sourceOffsets == [0, 1, 1, 2])
    }

    @Test func queryWordsKeepUnknownRunsTogether() {
        #expect(analyzer.queryWords("跨境电商海外仓建设") == ["跨境电商", "海外仓", "建设"])
    }

    @Test func copiesWorkIndependently() throws {
        let other = try analyzer.copy()
        #expect(other.wordCount("跨境电商") == analyzer.wordCount("跨境电商"))
    }
}
