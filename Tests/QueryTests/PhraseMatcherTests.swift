import Analysis
import Foundation
import TestSupport
import Testing

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
}
