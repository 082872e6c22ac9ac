import Foundation
import Index
import Testing
@testable import Query

/// BM25 values recomputed by hand on a fixture whose lengths are obvious.
@Suite struct BM25Tests {
    /// Lucene's defaults, no boosts: what `--plain --b 0.75` computes.
    static let plain = SearchOptions(bm25: try! BM25(k1: 1.2, b: 0.75), boosts: nil, explain: true)

    /// Three paragraphs of 6, 4 and 8 letters (dl counts letters and digits, not 。); avgdl = 6.
    static func fixture() throws -> IndexReader {
        try fixture("苹果香蕉苹果。\n\n香蕉樱桃。\n\n樱桃榴莲鸡蛋葡萄。\n")
    }

    static func fixture(_ text: String) throws -> IndexReader {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bm25-fixture-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("fixture.txt")
        try text.write(to: file, atomically: false, encoding: .utf8)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        // The reader keeps its mapping: the files can go now.
        defer { try? FileManager.default.removeItem(at: dir) }
        return try IndexReader(directory: dir.appendingPathComponent("index"))
    }

    /// Parameters outside the ranges where the formula means "more occurrences → higher score",
    /// or where it overflows (k1 = 1e308: tf·(k1 + 1) is inf, the score nan), are refused.
    @Test func parametersAreChecked() throws {
        for k1 in [-0.1, 100.5, 1e308, .infinity, .nan] { #expect(throws: BM25.InvalidParameter.self) { try BM25(k1: k1, b: 0.5) } }
        for b in [-0.1, 1.1, .nan] { #expect(throws: BM25.InvalidParameter.self) { try BM25(k1: 1.2, b: b) } }
        let widest = try BM25(k1: BM25.maxK1, b: 1)
        let score = widest.termScore(tf: 1_000_000, idf: 1, length: 1_000_000, averageLength: 1)
        #expect(score.isFinite && score > 0)
    }

    @Test func scoresMatchHandComputation() throws {
        let reader = try Self.fixture()
        #expect(reader.passageCount == 3)
        #expect(reader.averageLength == 6)
        let r = try Searcher(reader: reader).search("苹果", options: Self.plain)
        let hit = try #require(r.hits.first)
        // idf = ln(1 + (3 − 1 + 0.5)/(1 + 0.5)) = ln(8/3) = 0.980829…
        // score = idf · 2·2.2 / (2 + 1.2·(1 − 0.75 + 0.75·6/6)) = idf · 4.4/3.2 = 1.348640…
        let e = try #require(hit.explanation)
        #expect(abs(e.terms[0].idf - 0.9808292530117263) < 1e-9)
        #expect(abs(hit.score - 1.3486402228911236) < 1e-9)
        #expect(e.dl == 6 && e.terms[0].tf == 2 && e.terms[0].df == 1)
    }

    @Test func lengthNormalizationAndTwoParts() throws {
        let reader = try Self.fixture()
        let r = try Searcher(reader: reader).search("樱桃", options: Self.plain)
        // df = 2: idf = ln(1 + 1.5/2.5) = ln(1.6) = 0.470004…
        // passage 2 (dl 4): 0.470004 · 2.2 / (1 + 1.2·(0.25 + 0.75·4/6)) = 0.470004 · 2.2/1.9 = 0.544214…
        // passage 3 (dl 8): 0.470004 · 2.2 / (1 + 1.2·(0.25 + 0.75·8/6)) = 0.470004 · 2.2/2.5 = 0.413603…
        #expect(r.hits.map(\.passage.id) == [1, 2])
        #expect(abs(r.hits[0].score - 0.5442147286003255) < 1e-9)
        #expect(abs(r.hits[1].score - 0.4136031937362474) < 1e-9)
        // k1 and b are settable: b = 0 removes length normalization.
        let flat = try Searcher(reader: reader).search("樱桃", options: SearchOptions(bm25: try BM25(k1: 1.2, b: 0), boosts: nil))
        #expect(abs(flat.hits[0].score - flat.hits[1].score) < 1e-12)
        // Two parts add up.
        let both = try Searcher(reader: reader).search("香蕉 樱桃", options: Self.plain)
        let idfBanana = log(1 + 1.5 / 2.5)  // 香蕉: df 2, tf 1 in passage 2
        #expect(abs(both.hits[0].score - (0.5442147286003255 + idfBanana * 2.2 / 1.9)) < 1e-9)
    }

    /// Two parts whose lists differ enough (df 2 and 7) for the conjunction to be walked in step
    /// and scored in one pass: each hit's score is still the formula's, term by term.
    @Test func walkedConjunctionScoresMatchTheFormula() throws {
        let reader = try Self.fixture(
            "苹果香蕉苹果。\n\n香蕉樱桃。\n\n香蕉榴莲。\n\n葡萄香蕉香蕉。\n\n香蕉鸡蛋。\n\n樱桃香蕉。\n\n苹果香蕉香蕉葡萄。\n")
        let r = try Searcher(reader: reader).search("苹果 香蕉", options: Self.plain)
        #expect(r.total == 2)
        let avgdl = 36.0 / 7  // lengths 6, 4, 4, 6, 4, 4, 8
        func idf(_ df: Double) -> Double { log(1 + (7 - df + 0.5) / (df + 0.5)) }
        func score(_ tf: Double, _ df: Double, dl: Double) -> Double { idf(df) * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * dl / avgdl)) }
        // Passage 0 (dl 6): 苹果 twice, 香蕉 once; passage 6 (dl 8): 苹果 once, 香蕉 twice.
        let expected = [0: score(2, 2, dl: 6) + score(1, 7, dl: 6), 6: score(1, 2, dl: 8) + score(2, 7, dl: 8)]
        #expect(r.hits.count == 2)
        for hit in r.hits {
            let want = try #require(expected[hit.passage.id])
            #expect(abs(hit.score - want) < 1e-12, "passage \(hit.passage.id)")
            #expect(hit.explanation?.terms.map(\.tf) == (hit.passage.id == 0 ? [2, 1] : [1, 2]))
        }
    }
}
