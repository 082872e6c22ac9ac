import Foundation
import TestSupport
import Testing

@testable import Index

/// A character's postings, whether stored or merged from its pairs (`PostingsFormat.storesUnigram`),
/// are its passages and exact counts, as an independent count over the stored texts finds them.
@Suite struct CharacterPostingsTests {
    static let index: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("index-characters-\(getpid())")
        _ = try? IndexBuilder.build(sources: [Support.corpus], into: dir, threads: 2)
        return dir
    }()

    @Test func everyHanCharacterHasItsExactPassagesAndCounts() throws {
        let reader = try IndexReader(directory: Self.index)
        // Counted by the independent oracle over the stored texts (OpenCC's t2s, then Foundation's
        // NFKC + lowercase, which for Han characters is the engine's NFKC_Casefold).
        let oracle = try Oracle(reader: reader)
        var expected: [Unicode.Scalar: [Int32: Int32]] = [:]
        for p in 0..<reader.passageCount {
            for s in oracle.passages[p].unicodeScalars where s.properties.isIdeographic {
                expected[s, default: [:]][Int32(p), default: 0] += 1
            }
        }
        var stored = 0, merged = 0
        for (character, counts) in expected {
            let term = try #require(try reader.term(TermKey.unigram(character.value)), "\(character)")
            if term.length == 0 { merged += 1 } else { stored += 1 }
            #expect(term.df == counts.count, "\(character)")
            let cursor = try reader.cursor(term)
            var found: [Int32: Int32] = [:]
            while let p = cursor.passage {
                found[p] = Int32(try cursor.tf)
                try cursor.next()
            }
            #expect(found == counts, "\(character)")
        }
        // Both kinds occur: the most common characters keep their lists, the others are merged.
        #expect(stored > 0 && merged > stored)
    }

    /// A merged character's cursor skips and bounds blocks like a stored list.
    @Test func mergedCursorWalksBlocksAndAdvances() throws {
        let reader = try IndexReader(directory: Self.index)
        let merged = try reader.terms(in: 0...UInt64.max).filter { $0.isUnigram && $0.length == 0 }
        let term = try #require(merged.max { $0.df < $1.df }, "no merged character")
        #expect(term.df > 128, "\(term.df): one block only")
        let all = try reader.cursor(term)
        var passages: [Int32] = []
        while let p = all.passage {
            passages.append(p)
            try all.next()
        }
        let c = try reader.cursor(term)
        #expect(c.blockCount == (term.df + 127) / 128)
        let target = passages[passages.count / 2] + 1
        try c.advance(to: target)
        #expect(c.passage == passages.first { $0 >= target })
        let lengths = try reader.lengths()
        for b in 0..<c.blockCount {
            try c.seek(block: b)
            let bound = c.blockBound(b)
            if c.blockCount > 1 {
                #expect(try c.blockTFs.max().map(Int.init) == bound.maxTF)
                #expect(c.blockPassages.map { Int(lengths[Int($0)]) }.min() == bound.minLength)
            }
        }
    }

    /// Both ways of summing postings (a counting array, a radix sort) agree with a dictionary.
    @Test func summingPostingsByBothMethods() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> UInt32 {  // a fixed linear congruential sequence
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32((state >> 33) % UInt64(bound))
        }
        for (count, span) in [(50, 100), (5_000, 2_000_000), (3_000, 4_000), (1, 1)] {
            let passages = (0..<count).map { _ in next(span) }
            let tfs = (0..<count).map { _ in next(5) + 1 }
            var expected: [Int32: Int32] = [:]
            for (p, t) in zip(passages, tfs) { expected[Int32(p), default: 0] += Int32(t) }
            let sum = IndexReader.sum(passages, tfs)
            #expect(sum.passages == expected.keys.sorted())
            #expect(sum.tfs == sum.passages.map { expected[$0]! })
        }
    }
}
