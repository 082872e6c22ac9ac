import Foundation

struct QueryResult: Codable {
    var query: String
    var kind: String
    var fts: String?
    /// Passages our engine matches (SearchResults.total) and FTS5's COUNT(*), as a cross-check.
    var hits: Int
    var ftsHits: Int?
    var top10: Stats
    /// nil where skipped (×1000).
    var all: Stats?
    var ftsTop10: Stats?
    /// tantivy's query (`BenchQuery.tantivy`), its exact count and top-10 timing; nil when skipped.
    var tantivy: String? = nil
    var tantivyHits: Int? = nil
    var tantivyTop10: Stats? = nil
    /// Ours timed right before tantivy, in the same rounds (the lowest p50 of the rounds): the
    /// ratio to tantivy uses it.
    var top10BesideTantivy: Stats? = nil
}

struct ScaleResult: Codable {
    var scale: Int
    var files: Int
    var inputBytes: Int
    var passages: Int
    var passageTextBytes: Int
    var threadsAll: Int

    /// nil where skipped (×1000).
    var indexSingle: Stats?
    var indexAll: Stats
    var indexMBpsSingle: Double?
    var indexMBpsAll: Double
    /// `policy-search index SRC --index DIR --threads N` as a process, end to end (fresh index).
    var cliIndex: Stats?
    var cliIndexMBps: Double?
    var peakRSSCLIIndexKiB: Int?
    var segment: Stats
    var segmentMBps: Double
    var indexBytes: Int
    var indexRatio: Double
    var peakRSSIndexSingleKiB: Int?
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
    var allP50Median: Double?
    var allP99Worst: Double?
    var allP99WorstQuery: String?
    /// Over the queries FTS5 can answer.
    var oursTop10P50MedianAnswerable: Double?
    var ftsTop10P50Median: Double?
    var ftsTop10P99Worst: Double?
    var top10P50RatioGeomean: Double?
    /// tantivy (nil when skipped): version, build seconds (one thread, Python), index bytes, the
    /// binding's per-call overhead, and ours/tantivy top-10 p50 over all queries.
    var tantivyVersion: String? = nil
    var tantivyBuildSeconds: Double? = nil
    var tantivyIndexBytes: Int? = nil
    var tantivyOverheadEmptyCall: Stats? = nil
    var tantivyOverheadBindingCall: Stats? = nil
    var tantivyOverheadNoMatch: Stats? = nil
    var tantivyTop10P50Median: Double? = nil
    var top10P50RatioTantivyGeomean: Double? = nil
    var top10P50RatioTantivyMedian: Double? = nil
    var slowerThanTantivy: Int? = nil

    /// Stored text of 10 random passages (fresh reader, new ids each repetition).
    var snippetRandom: Stats?
    /// Stored text of each query's top 10, warm; median over queries.
    var snippetHitsP50Median: Double?
    /// Open + first top-10 search on a fresh reader in process; median over queries.
    var firstQueryFreshReaderMedian: Double?
    /// `policy-search search 跨境电商` with the index file evicted from the page cache first.
    var coldProcess: Stats?
    /// Largest fraction of the index file still resident after eviction (0 = truly cold).
    var coldResidentMax: Double?
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
