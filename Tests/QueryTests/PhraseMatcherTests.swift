import Analysis
import Foundation
import TestSupport
import Testing

@testable import Index
@testable import Query

/// Exact substring matching through bigram intersections (the cheapest covering set of bigrams,
/// position probes that step forward), against the independent oracle: random substrings of the
/// stored passages, each found in exactly the passages that contain it, with the index's count
/// of its occurrences (overlapping ones included, as positions count them).
@Suite struct PhraseMatcherTests {
    /// Characters counted from every start, overlapping occurrences included.
    static func overlappingCount(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar]) -> Int {
        guard hay.count >= needle.count else { return 0 }
        return (0...(hay.count - needle.count)).filter { hay[$0..<($0 + needle.count)].elementsEqual(needle) }.count
    }

    @Test func randomSubstringsMatchTheOracle() throws {
        let oracle = Fixture.grep
        let texts = oracle.passages.map { Array($0.unicodeScalars) }
        let normalizer = Normalizer()
        var rng = SplitMix64(state: 0x0C0F_E2026)
        var checked = 0
        while checked < 300 {
            let p = rng.below(texts.count)
            let length = 3 + rng.below(10)
            guard texts[p].count >= length else { continue }
            let start = rng.below(texts[p].count - length + 1)
            let needle = Array(texts[p][start..<(start + length)])
            // Han text only: the oracle's normalization of a mixed string may differ at the edges.
            guard needle.allSatisfy({ $0.properties.isIdeographic }) else { continue }
            let string = String(String.UnicodeScalarView(needle))
            let matches = try PhraseMatcher.match(normalizer.fold(string), in: Fixture.reader)
            var expected: [Int32: Int32] = [:]
            for (i, t) in texts.enumerated() {
                let n = Self.overlappingCount(needle, in: t)
                if n > 0 { expected[Int32(i)] = Int32(n) }
            }
            let found = Dictionary(uniqueKeysWithValues: zip(matches.passages, matches.tfs))
            #expect(found == expected, "“\(string)”: \(found.count) passages found, \(expected.count) expected")
            #expect(matches.passages == matches.passages.sorted())
            checked += 1
        }
    }

    /// Every character of the phrase lies in a chosen bigram; junction bigrams, far rarer than the
    /// words' own, are preferred over a fixed cover of every other offset.
    /// The union of a synonym group's match lists, against a dictionary of passage → summed tf.
    @Test func unionMergesAscendingLists() {
        var rng = SplitMix64(state: 0x51_0A)
        for _ in 0..<200 {
            let lists = (0..<(1 + rng.below(4))).map { _ in
                var m = PhraseMatches()
                for p in 0..<60 where rng.below(3) == 0 {
                    m.passages.append(Int32(p))
                    m.tfs.append(Int32(1 + rng.below(5)))
                }
                return m
            }
            var expected: [Int32: Int32] = [:]
            for l in lists { for (p, t) in zip(l.passages, l.tfs) { expected[p, default: 0] += t } }
            let u = PhraseMatches.union(lists)
            #expect(u.passages == expected.keys.sorted())
            #expect(u.tfs == u.passages.map { expected[$0]! })
        }
    }

    @Test func theCoverHoldsEveryCharacterAndPrefersRareBigrams() {
        // 建设|设国|国际|际消|消费|费中|中心|心城|城市: the words common, the junctions rare.
        let dfs = [60_000, 300, 50_000, 200, 40_000, 250, 55_000, 280, 45_000]
        let cover = PhraseMatcher.cover(dfs: dfs, driver: 3)
        for c in 0...dfs.count { #expect(cover.contains(c) || cover.contains(c - 1), "character \(c) uncovered by \(cover)") }
        #expect(cover == [0, 1, 3, 5, 7, 8])
        // Uniform lists: no more offsets than the fixed cover needs.
        let uniform = PhraseMatcher.cover(dfs: [900, 900, 900, 900, 900], driver: 0)
        #expect(uniform.count == 3 && uniform.first == 0 && uniform.last == 4)
        #expect(PhraseMatcher.cover(dfs: [10, 20], driver: 0) == [0, 1])
    }

    /// Characters the driver vouches for need no list: 数字经济 driven by 字经 with both neighbours
    /// vouched for is the driver alone; with only the left one, 经济 still holds 济.
    @Test func vouchedCharactersLeaveTheirListsUnchecked() {
        let dfs = [13_200, 2_400, 16_800]  // 数字 字经 经济
        #expect(PhraseMatcher.cover(dfs: dfs, driver: 1, vouched: 0...3) == [1])
        #expect(PhraseMatcher.cover(dfs: dfs, driver: 1, vouched: 0...2) == [1, 2])
        #expect(PhraseMatcher.cover(dfs: dfs, driver: 1) == [0, 1, 2])
        let phrase = Array("数字经济".unicodeScalars.map(\.value))
        let context = { (l: String, r: String) in
            PairContext(left: l.unicodeScalars.first!.value, right: r.unicodeScalars.first!.value)
        }
        #expect(PhraseMatcher.vouched(phrase, driver: 1, context: context("数", "济")) == 0...3)
        #expect(PhraseMatcher.vouched(phrase, driver: 1, context: .unknown) == 1...2)
        // Every 字经 has 文 before it: 数字经济 occurs nowhere.
        #expect(PhraseMatcher.vouched(phrase, driver: 1, context: context("文", "济")) == nil)
    }
}

/// Phrase matching over lists long enough to record their pairs' contexts (the corpus six times:
/// 字经 and 带一 occur 27 and 59 times a copy, always in 数字经济 and 一带一路, as a grep of the
/// files shows), against the oracle; and again beside a passage with 数字经验, which leaves 字经
/// one character before it (数) but not after.
@Suite struct PairContextMatchingTests {
    struct Fixture: Sendable {
        let reader: IndexReader
        /// Each distinct passage text and the passages holding it (the copies repeat them).
        let texts: [(text: String, scalars: [Unicode.Scalar], passages: [Int32])]
    }

    static func build(_ label: String, extra: String?) throws -> Fixture {
        let source = try Support.temporaryDirectory("pair-context-\(label)-src")
        try Support.replicateCorpus(into: source, copies: 6)
        if let extra { try Support.write(extra, to: source.appendingPathComponent("extra.txt")) }
        let dir = try Support.temporaryDirectory("pair-context-\(label)-index")
        _ = try IndexBuilder.build(sources: [source], into: dir, rebuild: true)
        let reader = try IndexReader(directory: dir)
        var byText: [String: [Int32]] = [:]
        for (i, t) in try Oracle(reader: reader).passages.enumerated() { byText[t, default: []].append(Int32(i)) }
        return Fixture(reader: reader, texts: byText.map { ($0.key, Array($0.key.unicodeScalars), $0.value) })
    }

    static let replicated = Result { try build("plain", extra: nil) }
    static let beside = Result { try build("beside", extra: "关于交流数字经验的通知\n\n请各单位交流数字经验。\n") }

    static func scalar(_ s: String) -> UInt32 { s.unicodeScalars.first!.value }

    static func context(_ pair: String, _ reader: IndexReader) throws -> PairContext {
        let s = pair.unicodeScalars.map(\.value)
        let term = try #require(try reader.term(TermKey.bigram(s[0], s[1])))
        return try reader.cursor(term).pairContext
    }

    static func expected(_ needle: String, _ fixture: Fixture) -> [Int32: Int32] {
        let n = Array(needle.unicodeScalars)
        var out: [Int32: Int32] = [:]
        for t in fixture.texts where t.text.contains(needle) {
            let c = Int32(PhraseMatcherTests.overlappingCount(n, in: t.scalars))
            for p in t.passages { out[p] = c }
        }
        return out
    }

    static func found(_ needle: String, _ reader: IndexReader) throws -> [Int32: Int32] {
        let m = try PhraseMatcher.match(Normalizer().fold(needle), in: reader)
        #expect(m.passages == m.passages.sorted())
        return Dictionary(uniqueKeysWithValues: zip(m.passages, m.tfs))
    }

    @Test func contextsAreRecordedAndBrokenByOneException() throws {
        let plain = try Self.replicated.get().reader
        #expect(try Self.context("字经", plain) == PairContext(left: Self.scalar("数"), right: Self.scalar("济")))
        #expect(try Self.context("带一", plain) == PairContext(left: Self.scalar("一"), right: Self.scalar("路")))
        #expect(try Self.context("发展", plain) == .unknown)
        let beside = try Self.beside.get().reader
        #expect(try Self.context("字经", beside) == PairContext(left: Self.scalar("数"), right: nil))
    }

    @Test func phrasesMatchTheOracleWithAndWithoutTheContext() throws {
        for fixture in [try Self.replicated.get(), try Self.beside.get()] {
            for phrase in [
                "数字经济", "文字经济", "数字经验", "数字经营", "字经验", "一带一路", "商务贸易", "电商环境", "发展数字经济", "服务贸易"
            ] {
                #expect(try Self.found(phrase, fixture.reader) == Self.expected(phrase, fixture), "“\(phrase)”")
            }
        }
    }

    /// Random Han substrings of the stored passages, and the same with one character replaced by
    /// a neighbour's (phrases whose driver's context contradicts them), against the oracle.
    @Test func randomPhrasesMatchTheOracle() throws {
        let fixture = try Self.replicated.get()
        var rng = SplitMix64(state: 0xC0_7E47)
        var checked = 0
        while checked < 120 {
            let text = fixture.texts[rng.below(fixture.texts.count)].scalars
            let length = 3 + rng.below(4)
            guard text.count >= length else { continue }
            let start = rng.below(text.count - length + 1)
            var needle = Array(text[start..<(start + length)])
            guard needle.allSatisfy({ $0.properties.isIdeographic }) else { continue }
            if checked % 2 == 1 {
                let i = rng.below(length)
                needle[i] = needle[(i + 1) % length]
            }
            let string = String(String.UnicodeScalarView(needle))
            #expect(try Self.found(string, fixture.reader) == Self.expected(string, fixture), "“\(string)”")
            checked += 1
        }
    }
}
