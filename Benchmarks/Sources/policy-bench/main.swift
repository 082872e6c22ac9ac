import CSQLite
import Foundation
import Index
import Query

// policy-bench: indexing throughput, index size, peak RSS, query latency, whole-process time and
// a SQLite FTS5 (trigram) comparison on replicated copies of the bundled corpus.
// See Benchmarks/README.md.

setvbuf(stdout, nil, _IOLBF, 0)
var args = Array(CommandLine.arguments.dropFirst())

// MARK: Child modes

func childArgs(_ n: Int) -> [String] {
    guard args.count >= n + 1 else { fatal("\(args[0]) needs \(n) arguments") }
    return Array(args[1...n])
}
do {
    switch args.first {
    case "--child-index":
        let a = childArgs(3)
        try Child.index(source: a[0], out: a[1], threads: Int(a[2]) ?? 1)
        exit(0)
    case "--child-segment":
        try Child.segment(source: childArgs(1)[0])
        exit(0)
    case "--profile":
        // --profile INDEXDIR QUERY [REPS] [all]: one query repeated, for perf / callgrind.
        guard args.count >= 3 else { fatal("--profile INDEXDIR QUERY [REPS] [all]") }
        let reps = args.count > 3 ? Int(args[3]) ?? 200 : 200
        let limit: Int? = args.count > 4 && args[4] == "all" ? nil : 10
        let t0 = now()
        let reader = try IndexReader(directory: URL(fileURLWithPath: args[1]))
        let t1 = now()
        let searcher = Searcher(reader: reader)
        var n = 0
        var samples: [Double] = []
        samples.reserveCapacity(reps)
        for _ in 0..<reps {
            let q0 = now()
            n &+= try searcher.search(args[2], options: SearchOptions(limit: limit)).hits.count
            samples.append(Double(now() - q0) / 1e6)
        }
        let t2 = now()
        let s = Stats(samples.isEmpty ? [0] : samples)
        print(
            String(
                format: "open %.3f ms, %d × query %.3f ms each (p50 %.3f, p99 %.3f), %d hits", Double(t1 - t0) / 1e6,
                reps, Double(t2 - t1) / 1e6 / Double(reps), s.p50, s.p99, n / max(reps, 1)))
        exit(0)
    case "--queries":
        // --queries INDEXDIR [BUDGET] [tantivy]: the top-10 p50 of every benchmark query, quickly
        // (no builds); with `tantivy`, beside tantivy's on the same passages (QuickQueries.swift).
        guard args.count >= 2 else { fatal("--queries INDEXDIR [BUDGET] [tantivy]") }
        let budget = args.count > 2 ? Double(args[2]) ?? 0.25 : 0.25
        try quickQueries(index: args[1], budget: budget, tantivy: args.contains("tantivy"), bench: findBenchDir())
        exit(0)
    case "--instructions":
        // --instructions INDEXDIR [N] [tantivy]: every benchmark query's instructions per query
        // under callgrind, beside tantivy's (Instructions.swift).
        guard args.count >= 2 else { fatal("--instructions INDEXDIR [N] [tantivy]") }
        let reps = args.count > 2 ? Int(args[2]) ?? 10 : 10
        try InstructionCount.run(index: args[1], reps: max(1, reps), tantivy: args.contains("tantivy"), bench: findBenchDir())
        exit(0)
    case "--child-reuse":
        let a = childArgs(2)
        try ReuseBench.child(index: a[0], scale: Int(a[1]) ?? 1)
        exit(0)
    case "--child-fts":
        let a = childArgs(2)
        try Child.fts(index: a[0], db: a[1])
        exit(0)
    default:
        break
    }
} catch {
    fatal("\(error)")
}

// MARK: Options

func usage() -> Never {
    print(
        """
        usage: policy-bench [--scales 1,10,100] [--with-1000] [--index-reps N] [--query-budget SECONDS]
                            [--tantivy-rounds N] [--process-runs N] [--cold-runs N] [--no-fts] [--no-tantivy] [--keep-fts] [--cli PATH]
                            [--out PATH] [--baseline PATH] [--reuse-only]
                            [--server | --server-only] [--server-seconds N] [--server-connections N]
        Scales are copies of the bundled corpus (replicated text). ×1000 runs only with --with-1000;
        at ×1000 the 1-thread build and the all-hits mode are skipped (they would take many minutes).
        --baseline PATH: an earlier results JSON (e.g. results/before.json) shown beside this run.
        On an index a run has built (.data/index-x100):
          --profile INDEXDIR QUERY [REPS] [all]     one query repeated, for perf or callgrind
          --queries INDEXDIR [BUDGET] [tantivy]     every query's top-10 p50 (beside tantivy's)
          --instructions INDEXDIR [N] [tantivy]     every query's instructions under callgrind (beside tantivy's)
        """)
    exit(0)
}

/// Benchmarks/ (the package folder): from the executable (.build/release/policy-bench) upwards.
let benchDir = findBenchDir()
func findBenchDir() -> URL {
    var u = URL(fileURLWithPath: selfExecutable()).deletingLastPathComponent()
    for _ in 0..<6 {
        if FileManager.default.fileExists(atPath: u.appendingPathComponent("Sources/policy-bench").path) { return u }
        u.deleteLastPathComponent()
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}
let rootDir = benchDir.deletingLastPathComponent()

var scales = [1, 10, 100]
var indexReps: Int? = nil
var queryBudget = 0.25
/// Rounds in which each query is timed for the engine and then for tantivy.
var tantivyRounds = 3
var processRuns = 20
var runFTS = true
var keepFTS = false
var cliPath = rootDir.appendingPathComponent(".build-bench-root/release/policy-search").path
var outPath = benchDir.appendingPathComponent("results/latest.json").path
var baselinePath: String? = nil
var coldRuns = 10
var i = 0
func value() -> String {
    i += 1
    guard i < args.count else { fatal("\(args[i - 1]) needs a value") }
    return args[i]
}
while i < args.count {
    switch args[i] {
    case "--scales": scales = value().split(separator: ",").compactMap { Int($0) }
    case "--with-1000": if !scales.contains(1000) { scales.append(1000) }
    case "--index-reps": indexReps = Int(value())
    case "--query-budget": queryBudget = Double(value()) ?? queryBudget
    case "--tantivy-rounds": tantivyRounds = max(1, Int(value()) ?? tantivyRounds)
    case "--process-runs": processRuns = Int(value()) ?? processRuns
    case "--no-fts": runFTS = false
    case "--no-tantivy": TantivyPeer.enabled = false
    case "--keep-fts": keepFTS = true
    case "--cli": cliPath = value()
    case "--out": outPath = value()
    case "--reuse-only": ReuseBench.only = true
    case "--server": ServerBench.enabled = true
    case "--server-only": ServerBench.only = true
    case "--server-seconds": ServerBench.seconds = Int(value()) ?? ServerBench.seconds
    case "--server-connections": ServerBench.connections = Int(value()) ?? ServerBench.connections
    case "--baseline": baselinePath = value()
    case "--cold-runs": coldRuns = Int(value()) ?? coldRuns
    case "-h", "--help": usage()
    default: fatal("unknown argument \(args[i]) (try --help)")
    }
    i += 1
}
if scales.contains(where: { $0 >= 1000 }) && !CommandLine.arguments.contains("--with-1000") {
    fatal("×1000 needs --with-1000 (it takes long and needs several GB of disk)")
}
scales.sort()
guard !scales.isEmpty else { fatal("no scales") }
if ReuseBench.only {
    try ReuseBench.standalone(
        scales: scales, corpus: rootDir.appendingPathComponent("corpus"), data: benchDir.appendingPathComponent(".data"))
    exit(0)
}
if ServerBench.only {
    try ServerBench.standalone(
        scales: scales, corpus: rootDir.appendingPathComponent("corpus"), data: benchDir.appendingPathComponent(".data"), cli: cliPath,
        root: rootDir)
    exit(0)
}
let helloPath = URL(fileURLWithPath: selfExecutable()).deletingLastPathComponent().appendingPathComponent("hello").path
for (what, path) in [
    ("policy-search (build it: cd .. && swift build -c release --scratch-path .build-bench-root)", cliPath),
    ("hello (build the Benchmarks package)", helloPath)
] {
    guard FileManager.default.isExecutableFile(atPath: path) else { fatal("missing \(what): \(path)") }
}

let tantivyPython = TantivyPeer.enabled ? TantivyPeer.python(bench: benchDir) : nil
let corpusDir = rootDir.appendingPathComponent("corpus")
let dataDir = benchDir.appendingPathComponent(".data")
let cores = ProcessInfo.processInfo.activeProcessorCount
let benchStart = now()
let MB = 1_000_000.0

print(
    """
    NOTE: the ×N corpora are the \(try ScaleCorpus.sourceFiles(corpusDir).count) files of corpus/ REPLICATED N times (copy-0001-…).
          Same vocabulary and term statistics at every scale; only passage and posting counts grow.
    """)

// MARK: Run

var results: [ScaleResult] = []
for scale in scales {
    note("×\(scale): generating corpus")
    let (src, inputBytes, files) = try ScaleCorpus.generate(corpus: corpusDir, scale: scale, data: dataDir)
    let indexDir = dataDir.appendingPathComponent("index-x\(scale)")
    let reps = indexReps ?? (scale <= 1 ? 5 : scale <= 10 ? 3 : 1)
    let large = scale >= 1000

    // Indexing, each run in a child process (own peak RSS); the last build (the CLI's) is kept.
    note("×\(scale): ICU segmentation floor, \(reps) run(s)")
    var seg: [[String: Double]] = []
    for _ in 0..<reps { seg.append(childReport(["--child-segment", src.path])) }
    var single: [[String: Double]] = []
    if !large {
        note("×\(scale): indexing, 1 thread, \(reps) run(s)")
        for _ in 0..<reps { single.append(childReport(["--child-index", src.path, indexDir.path, "1"])) }
    }
    note("×\(scale): indexing, \(cores) threads, \(reps) run(s)")
    var multi: [[String: Double]] = []
    for _ in 0..<reps { multi.append(childReport(["--child-index", src.path, indexDir.path, "\(cores)"])) }
    // End to end through the CLI, a fresh index each time: process start, scan, read, analyze, write.
    note("×\(scale): policy-search index, \(cores) threads, \(reps) run(s)")
    var cliRuns: [(seconds: Double, peakRSSKiB: Int)] = []
    for _ in 0..<reps {
        try? FileManager.default.removeItem(at: indexDir)
        cliRuns.append(runProcess(cliPath, ["index", src.path, "--index", indexDir.path, "--threads", "\(cores)"]))
    }
    let singleStats = single.isEmpty ? nil : Stats(single.map { $0["seconds"]! })
    let multiStats = Stats(multi.map { $0["seconds"]! })
    let cliIndexStats = Stats(cliRuns.map(\.seconds))
    let segStats = Stats(seg.map { $0["seconds"]! })
    let indexBytes = diskBytes(indexDir)

    // A cold first query: a fresh process with the index file dropped from the page cache, before
    // this process maps it (pages mapped here could not be dropped).
    note("×\(scale): cold first query, \(coldRuns) runs")
    let cliArgs = ["search", "跨境电商", "--index", indexDir.path]
    let indexFile = indexDir.appendingPathComponent("index.psx").path
    var coldTimes: [Double] = []
    var coldResident = 0.0
    for _ in 0..<coldRuns {
        coldResident = max(coldResident, evictFromPageCache(indexFile))
        coldTimes.append(timeProcess(cliPath, cliArgs))
    }

    let openTimes = try measure(warmup: 1, minReps: 5, maxReps: 50, budget: 0.2) { _ = try IndexReader(directory: indexDir) }
    let reader = try IndexReader(directory: indexDir)
    let searcher = Searcher(reader: reader)

    // FTS5 on the same passages.
    let dbPath = dataDir.appendingPathComponent("fts-x\(scale).db").path
    var fts: [[String: Double]] = []
    var db: SQLiteDB? = nil
    if runFTS {
        note("×\(scale): SQLite FTS5 trigram build, \(reps) run(s)")
        for _ in 0..<reps { fts.append(childReport(["--child-fts", indexDir.path, dbPath])) }
        db = SQLiteDB(path: dbPath)
    }
    let ftsTop = db?.prepare("SELECT rowid, text FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 10")
    let ftsCount = db?.prepare("SELECT count(*) FROM t WHERE t MATCH ?")
    var passageTextBytes = 0
    for p in 0..<reader.passageCount { passageTextBytes += try reader.passage(p).text.utf8.count }

    // Snippets: the stored text of 10 passages. Random ones (a fresh reader, new ids every
    // repetition: what a result page of unrelated hits costs when nothing is cached), and each
    // query's own top 10 (warm, as a repeated search sees them).
    note("×\(scale): snippets")
    let snippetReader = try IndexReader(directory: indexDir)
    var rng = SplitMix64(state: 42)
    var snippetSink = 0
    let snippetRandom = try measure(warmup: 0, minReps: 200, maxReps: 2000, budget: 0.25) {
        for _ in 0..<10 {
            snippetSink &+= try snippetReader.passage(Int(rng.next() % UInt64(snippetReader.passageCount))).text.utf8.count
        }
    }
    var snippetHits: [Double] = []
    for q in benchQueries {
        let ids = try searcher.search(q.ours, options: SearchOptions(limit: 10)).hits.map(\.passage.id)
        let t = try measure(budget: 0.05) { for id in ids { snippetSink &+= try reader.passage(id).text.utf8.count } }
        snippetHits.append(Stats(t).p50)
    }
    // The first query of a fresh reader in this process (page cache warm): open, then one top-10
    // search that checks the CRC of every block it touches for the first time.
    var firstQuery: [Double] = []
    for q in benchQueries {
        let t0 = now()
        let fresh = try IndexReader(directory: indexDir)
        snippetSink &+= try Searcher(reader: fresh).search(q.ours, options: SearchOptions(limit: 10)).hits.count
        firstQuery.append(Double(now() - t0) / 1e9)
    }
    if snippetSink == 42 { print("") }

    // Query latency, in process.
    note("×\(scale): \(benchQueries.count) queries, top-10 / all\(runFTS ? " / FTS5" : "")")
    var queryResults: [QueryResult] = []
    for q in benchQueries {
        let total = try searcher.search(q.ours, options: SearchOptions(limit: nil)).total
        var sink = 0
        let top10 = try measure(budget: queryBudget) { sink &+= try searcher.search(q.ours, options: SearchOptions(limit: 10)).hits.count }
        let all =
            large
            ? nil
            : try measure(budget: queryBudget) { sink &+= try searcher.search(q.ours, options: SearchOptions(limit: nil)).hits.count }
        var ftsStats: Stats? = nil
        var ftsHits: Int? = nil
        if let f = q.fts, let ftsTop, let ftsCount {
            ftsCount.bind(1, f)
            ftsCount.run { ftsHits = Int(sqlite3_column_int64($0, 0)) }
            ftsTop.bind(1, f)
            ftsStats = Stats(
                measure(budget: queryBudget) {
                    ftsTop.run { row in
                        sink &+= Int(sqlite3_column_int64(row, 0))
                        if let t = sqlite3_column_text(row, 1) { sink &+= Int(t.pointee) }
                    }
                })
        }
        if sink == 42 { print("") }  // keep the work observable
        queryResults.append(
            QueryResult(
                query: q.ours, kind: q.kind, fts: q.fts, hits: total, ftsHits: ftsHits,
                top10: Stats(top10), all: all.map { Stats($0) }, ftsTop10: ftsStats))
    }

    // tantivy on the same passages and queries, in its own process. Each query is timed for the
    // engine and then for tantivy, in three rounds over the queries; each keeps its lowest p50
    // (the machine is shared: a burst of load then weighs on both, and the best round is the
    // least disturbed one).
    var tantivy: TantivyPeer.Header? = nil
    if let tantivyPython, let session = try TantivyPeer.Session.start(python: tantivyPython, bench: benchDir, reader: reader, scale: scale)
    {
        note(
            "×\(scale): tantivy (Python child) built; \(tantivyRounds) rounds of \(benchQueries.count) queries, each timed for both in turn"
        )
        tantivy = session.header
        for _ in 0..<tantivyRounds {
            for (k, q) in benchQueries.enumerated() {
                var sink = 0
                let ours = Stats(
                    try measure(budget: queryBudget) { sink &+= try searcher.search(q.ours, options: SearchOptions(limit: 10)).hits.count })
                if sink == 42 { print("") }
                let theirs = try session.measure(q.tantivy, budget: queryBudget)
                if queryResults[k].top10BesideTantivy.map({ ours.p50 < $0.p50 }) ?? true { queryResults[k].top10BesideTantivy = ours }
                if queryResults[k].tantivyTop10.map({ theirs.top10.p50 < $0.p50 }) ?? true { queryResults[k].tantivyTop10 = theirs.top10 }
                (queryResults[k].tantivy, queryResults[k].tantivyHits) = (theirs.query, theirs.hits)
            }
        }
        session.close()
    }

    // Whole process: policy-search search 跨境电商 --index DIR vs hello, interleaved.
    note("×\(scale): whole-process runs, \(processRuns) each")
    for _ in 0..<2 {
        _ = timeProcess(cliPath, cliArgs)
        _ = timeProcess(helloPath, [])
    }
    var cliTimes: [Double] = [], helloTimes: [Double] = []
    for _ in 0..<processRuns {
        cliTimes.append(timeProcess(cliPath, cliArgs))
        helloTimes.append(timeProcess(helloPath, []))
    }

    ReuseBench.measureScale(scale, index: indexDir)
    ServerBench.measureScale(scale, index: indexDir, cli: cliPath, root: rootDir, data: dataDir)

    if !keepFTS { for s in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: dbPath + s) } }

    func median(_ xs: [Double]) -> Double { Stats(xs).p50 }
    let worstTop = queryResults.max { $0.top10.p99 < $1.top10.p99 }!
    let withAll = queryResults.filter { $0.all != nil }
    let worstAll = withAll.max { $0.all!.p99 < $1.all!.p99 }
    let answerable = queryResults.filter { $0.ftsTop10 != nil }
    let ftsStats = fts.isEmpty ? nil : Stats(fts.map { $0["seconds"]! })
    let cli = Stats(cliTimes), hello = Stats(helloTimes)
    let r = ScaleResult(
        scale: scale, files: files, inputBytes: inputBytes, passages: reader.passageCount,
        passageTextBytes: passageTextBytes, threadsAll: cores,
        indexSingle: singleStats, indexAll: multiStats,
        indexMBpsSingle: singleStats.map { Double(inputBytes) / MB / $0.p50 },
        indexMBpsAll: Double(inputBytes) / MB / multiStats.p50,
        cliIndex: cliIndexStats, cliIndexMBps: Double(inputBytes) / MB / cliIndexStats.p50,
        peakRSSCLIIndexKiB: cliRuns.map(\.peakRSSKiB).max(),
        segment: segStats, segmentMBps: Double(inputBytes) / MB / segStats.p50,
        indexBytes: indexBytes, indexRatio: Double(indexBytes) / Double(inputBytes),
        peakRSSIndexSingleKiB: single.map { Int($0["peakRSSKiB"]!) }.max(),
        peakRSSIndexAllKiB: Int(multi.map { $0["peakRSSKiB"]! }.max()!),
        peakRSSSegmentKiB: Int(seg.map { $0["peakRSSKiB"]! }.max()!),
        ftsBuild: ftsStats,
        ftsMBps: ftsStats.map { fts[0]["inputBytes"]! / MB / $0.p50 },
        ftsDBBytes: fts.last.map { Int($0["dbBytes"]!) },
        ftsDBRatio: fts.last.map { $0["dbBytes"]! / Double(inputBytes) },
        peakRSSFTSBuildKiB: fts.isEmpty ? nil : Int(fts.map { $0["peakRSSKiB"]! }.max()!),
        queries: queryResults,
        top10P50Median: median(queryResults.map(\.top10.p50)),
        top10P99Worst: worstTop.top10.p99, top10P99WorstQuery: worstTop.query,
        allP50Median: withAll.isEmpty ? nil : median(withAll.map { $0.all!.p50 }),
        allP99Worst: worstAll?.all?.p99, allP99WorstQuery: worstAll?.query,
        oursTop10P50MedianAnswerable: answerable.isEmpty ? nil : median(answerable.map(\.top10.p50)),
        ftsTop10P50Median: answerable.isEmpty ? nil : median(answerable.map { $0.ftsTop10!.p50 }),
        ftsTop10P99Worst: answerable.map { $0.ftsTop10!.p99 }.max(),
        top10P50RatioGeomean: answerable.isEmpty
            ? nil
            : exp(answerable.map { log($0.top10.p50 / $0.ftsTop10!.p50) }.reduce(0, +) / Double(answerable.count)),
        snippetRandom: Stats(snippetRandom), snippetHitsP50Median: median(snippetHits),
        firstQueryFreshReaderMedian: median(firstQuery),
        coldProcess: Stats(coldTimes), coldResidentMax: coldResident,
        indexOpen: Stats(openTimes),
        cliProcess: cli, helloProcess: hello, processRatio: cli.p50 / hello.p50)
    var withTantivy = r
    if let tantivy {
        let ratios = queryResults.map { $0.top10BesideTantivy!.p50 / $0.tantivyTop10!.p50 }
        withTantivy.tantivyVersion = tantivy.tantivy
        withTantivy.tantivyBuildSeconds = tantivy.buildSeconds
        withTantivy.tantivyIndexBytes = tantivy.indexBytes
        withTantivy.tantivyOverheadEmptyCall = tantivy.overheadEmptyCall
        withTantivy.tantivyOverheadBindingCall = tantivy.overheadBindingCall
        withTantivy.tantivyOverheadNoMatch = tantivy.overheadNoMatch
        withTantivy.tantivyTop10P50Median = median(queryResults.map { $0.tantivyTop10!.p50 })
        withTantivy.top10P50RatioTantivyGeomean = exp(ratios.map { log($0) }.reduce(0, +) / Double(ratios.count))
        withTantivy.top10P50RatioTantivyMedian = median(ratios)
        withTantivy.slowerThanTantivy = ratios.filter { $0 > 1 }.count
    }
    results.append(withTantivy)
    note(
        String(
            format: "×%d done: index %.2f MB/s (%dt, CLI %.2f), top-10 p50 %.3f ms", scale, r.indexMBpsAll, cores,
            r.cliIndexMBps ?? 0, r.top10P50Median * 1000))
}

// MARK: Report

let cpuModel: String = {
    let s = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    for line in s.split(separator: "\n") where line.hasPrefix("model name") {
        return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
    }
    return "?"
}()
let dateString: String = {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.dateFormat = "yyyy-MM-dd HH:mm:ss ZZZ"
    return f.string(from: Date())
}()
let machine = "\(cores) cores (nproc), \(cpuModel)"
let swiftVersion: String = {
    #if compiler(>=6.3)
        return "6.3+"
    #elseif compiler(>=6.1)
        return "6.1+"
    #else
        return "?"
    #endif
}()

let baseline: BenchResult? = try baselinePath.map {
    try JSONDecoder().decode(BenchResult.self, from: Data(contentsOf: URL(fileURLWithPath: $0)))
}
let report = Report(
    results: results, date: dateString, machine: machine, runFTS: runFTS, runTantivy: tantivyPython != nil, baseline: baseline)
print(report.render())
print(ReuseBench.render())
print(ServerBench.render())

let bench = BenchResult(
    date: dateString, machine: machine, cores: cores, swift: swiftVersion, sqlite: SQLiteDB.version,
    note: "Scale corpora are the bundled corpus replicated N times (same text, distinct file names).",
    scales: results, benchPeakRSSKiB: peakRSSKiB(), totalSeconds: Double(now() - benchStart) / 1e9)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
let outURL = URL(fileURLWithPath: outPath)
try FileManager.default.createDirectory(at: outURL.deletingLastPathComponent(), withIntermediateDirectories: true)
try encoder.encode(bench).write(to: outURL)
print("\nSaved \(outURL.path)  (total \(String(format: "%.0f", bench.totalSeconds)) s, bench peak RSS \(bench.benchPeakRSSKiB / 1024) MiB)")
