import Foundation

struct QueryResult: Codable {
    var query: String
    var kind: String
    var fts: String?
    /// Passages our engine matches (SearchResults.total) and FTS5's COUNT(*), as a cross-check.
    var hits: Int
    var ftsHits: Int?
    var top10: Stats
    var all: Stats
    var ftsTop10: Stats?
}

struct ScaleResult: Codable {
    var scale: Int
    var files: Int
    var inputBytes: Int
    var passages: Int
    var passageTextBytes: Int
    var threadsAll: Int

    var indexSingle: Stats
    var indexAll: Stats
    var indexMBpsSingle: Double
    var indexMBpsAll: Double
    var segment: Stats
    var segmentMBps: Double
    var indexBytes: Int
    var indexRatio: Double
    var peakRSSIndexSingleKiB: Int
    var peakRSSIndexAllKiB: Int
    var peakRSSSegmentKiB: Int

    var ftsBuild: Stats?
    var ftsMBps: Double?
    var ftsDBBytes: Int?
    var ftsDBRatio: Double?
    var peakRSSFTSBuildKiB: Int?

    var queries: [QueryResult]
    var top10P50Median: Double
    var top10P99Worst: Double
    var top10P99WorstQuery: String
    var allP50Median: Double
    var allP99Worst: Double
    var allP99WorstQuery: String
    /// Over the queries FTS5 can answer.
    var oursTop10P50MedianAnswerable: Double?
    var ftsTop10P50Median: Double?
    var ftsTop10P99Worst: Double?
    var top10P50RatioGeomean: Double?

    /// IndexReader(directory:) in process (page cache warm).
    var indexOpen: Stats
    var cliProcess: Stats
    var helloProcess: Stats
    var processRatio: Double
}

struct BenchResult: Codable {
    var date: String
    var machine: String
    var cores: Int
    var swift: String
    var sqlite: String
    var note: String
    var scales: [ScaleResult]
    var benchPeakRSSKiB: Int
    var totalSeconds: Double
}
