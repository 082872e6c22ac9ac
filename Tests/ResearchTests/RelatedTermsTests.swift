import Analysis
import Foundation
import Query
import TestSupport
import Testing

@testable import Research

/// Related words: counts are exact passage counts (checked against the oracle), the statistic is
/// Dunning's G² (checked against a hand computation), strongest first.
@Suite struct RelatedTermsTests {
    static let oracle = try! Oracle(reader: ReuseFixture.reader)

    @Test func countsAreExactAndOrderIsByLogLikelihood() throws {
        let searcher = Searcher(reader: ReuseFixture.reader)
        let r = try RelatedTerms.compute("海外仓", searcher: searcher, analyzer: try Analyzer(), limit: 15)
        let matched = Self.oracle.passages(containing: "海外仓")
        #expect(r.matched == matched.count)
        #expect(r.total == ReuseFixture.reader.passageCount)
        #expect(!r.terms.isEmpty)
        for t in r.terms {
            let with = Self.oracle.passages(containing: t.word)
            #expect(t.passages == with.count, "\(t.word)")
            #expect(t.together == with.intersection(matched).count, "\(t.word)")
            #expect(!RelatedTerms.stopwords.contains(t.word) && !t.word.contains("海外仓") && !"海外仓".contains(t.word))
            #expect(Double(t.together) > Double(r.matched) * Double(t.passages) / Double(r.total), "\(t.word) is not positively associated")
        }
        #expect(zip(r.terms, r.terms.dropFirst()).allSatisfy { $0.logLikelihood >= $1.logLikelihood })
    }

    /// G² = 2 Σ O ln(O/E) over the 2×2 table; here k11 = 7, query 13, word 13, N = 1086 (by hand:
    /// E11 = 0.15562, E12 = 12.84438, E21 = 12.84438, E22 = 1060.15562;
    /// 2·(7 ln(7/0.15562) + 2·6 ln(6/12.84438) + 1067 ln(1067/1060.15562))
    /// = 2·(26.644 − 9.134 + 6.866) = 48.753).
    @Test func logLikelihoodMatchesHandComputation() {
        let t = RelatedTerms.table(k11: 7, query: 13, word: 13, total: 1086)
        #expect(abs(t.g2 - 48.753) < 0.01, "\(t.g2)")
        #expect(abs(t.pmi - log2(7 / (13.0 * 13 / 1086))) < 1e-9)
        #expect(t.positive)
        #expect(!RelatedTerms.table(k11: 0, query: 13, word: 13, total: 1086).positive)
    }
}
