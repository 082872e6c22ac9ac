import Foundation

/// Okapi BM25 as Lucene and tantivy compute it, at passage level, with each query part one term.
///
///     idf   = ln(1 + (N − df + 0.5) / (df + 0.5))
///     score = Σ idf · tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl))
///
/// tf counts the part's exact occurrences in the passage, df the passages containing it, dl the
/// passage's length in ICU words and avgdl their mean over the index. Adjustments beyond plain BM25
/// (see `Searcher`) are multiplicative boosts reported with their reason.
public struct BM25: Equatable, Sendable, Codable {
    public var k1: Double
    public var b: Double

    public init(k1: Double = 1.2, b: Double = 0.75) {
        self.k1 = k1
        self.b = b
    }

    public func idf(documentFrequency df: Int, count n: Int) -> Double {
        log(1 + (Double(n) - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    public func termScore(tf: Int, idf: Double, length dl: Int, averageLength avgdl: Double) -> Double {
        let t = Double(tf)
        let norm = avgdl > 0 ? Double(dl) / avgdl : 1
        return idf * t * (k1 + 1) / (t + k1 * (1 - b + b * norm))
    }
}
