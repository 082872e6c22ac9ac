import Foundation

/// Renders the results as plain-text tables.
struct Report {
    var results: [ScaleResult]
    var date: String
    var machine: String
    var runFTS: Bool
    var runTantivy: Bool = false
    /// An earlier run (`--baseline`), compared scale by scale.
    var baseline: BenchResult? = nil

    private func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
        let n = s.count
        guard n < w else { return s }
        let fill = String(repeating: " ", count: w - n)
        return left ? s + fill : fill + s
    }

    private func f(_ v: Double?, _ digits: Int = 2) -> String {
        guard let v, v.isFinite else { return "n/a" }
        return String(format: "%.\(digits)f", v)
    }

    func render() -> String {
        var out: [String] = []
        let first = results.first!, last = results.last!
        let growthHeader = results.count > 1 ? "×\(last.scale)/×\(first.scale)" : ""
        out.append("PolicySearch benchmark — \(date) — \(machine)")
        out.append("")
        let headers = ["metric"] + results.map { "×\($0.scale)" } + (results.count > 1 ? [growthHeader] : [])
        var rows: [[String]] = []
        func row(_ name: String, _ digits: Int = 2, growth: Bool = true, _ get: (ScaleResult) -> Double?) {
            let vals = results.map(get)
            var r = [name] + vals.map { f($0, digits) }
            if results.count > 1 {
                if growth, let a = vals.first ?? nil, let b = vals.last ?? nil, a != 0 { r.append(f(b / a, 2) + "×") } else { r.append("") }
            }
            rows.append(r)
        }
        func sep(_ title: String) { rows.append(["— " + title] + Array(repeating: "", count: headers.count - 1)) }
        let ms = 1000.0, MiB = 1024.0
        sep("corpus (replicated text)")
        row("input MB", 1) { Double($0.inputBytes) / 1e6 }
        row("files", 0) { Double($0.files) }
        row("passages", 0) { Double($0.passages) }
        sep("indexing throughput, MB of input per s (median)")
        row("IndexBuilder, 1 thread") { $0.indexMBpsSingle }
        row("IndexBuilder, all \(first.threadsAll) threads") { $0.indexMBpsAll }
        row("policy-search index, \(first.threadsAll) threads") { $0.cliIndexMBps }
        row("ICU segmentation alone (floor)") { $0.segmentMBps }
        if runFTS {
            row("SQLite FTS5 trigram build") { $0.ftsMBps }
            row("ours 1 thread / FTS5") { r in r.ftsMBps.flatMap { f in r.indexMBpsSingle.map { $0 / f } } }
            row("ours all threads / FTS5") { r in r.ftsMBps.map { r.indexMBpsAll / $0 } }
            row("policy-search index / FTS5") { r in r.ftsMBps.flatMap { f in r.cliIndexMBps.map { $0 / f } } }
        }
        row("index build s, 1 thread", 3) { $0.indexSingle?.p50 }
        row("index build s, all threads", 3) { $0.indexAll.p50 }
        row("policy-search index s", 3) { $0.cliIndex?.p50 }
        sep("size and memory")
        row("index MB", 2) { Double($0.indexBytes) / 1e6 }
        row("index / input", 3) { $0.indexRatio }
        if runFTS {
            row("FTS5 db MB", 2) { $0.ftsDBBytes.map { Double($0) / 1e6 } }
            row("FTS5 db / input", 3) { $0.ftsDBRatio }
        }
        row("peak RSS index 1 thread MiB", 1) { $0.peakRSSIndexSingleKiB.map { Double($0) / MiB } }
        row("peak RSS index all threads MiB", 1) { Double($0.peakRSSIndexAllKiB) / MiB }
        row("peak RSS policy-search index MiB", 1) { $0.peakRSSCLIIndexKiB.map { Double($0) / MiB } }
        row("peak RSS ICU segmentation MiB", 1) { Double($0.peakRSSSegmentKiB) / MiB }
        if runFTS { row("peak RSS FTS5 build MiB", 1) { $0.peakRSSFTSBuildKiB.map { Double($0) / MiB } } }
        sep("query latency in process, ms (\(benchQueries.count) queries)")
        row("top-10 p50, median over queries", 3) { $0.top10P50Median * ms }
        row("top-10 p99, worst query", 3) { $0.top10P99Worst * ms }
        row("all hits p50, median over queries", 3) { $0.allP50Median.map { $0 * ms } }
        row("all hits p99, worst query", 3) { $0.allP99Worst.map { $0 * ms } }
        row("snippets: 10 random passages p50", 3) { $0.snippetRandom.map { $0.p50 * ms } }
        row("snippets: 10 random passages p99", 3) { $0.snippetRandom.map { $0.p99 * ms } }
        row("snippets: a query's top 10, median", 3) { $0.snippetHitsP50Median.map { $0 * ms } }
        row("fresh reader: open + 1st query, med.", 3) { $0.firstQueryFreshReaderMedian.map { $0 * ms } }
        if runFTS {
            row("ours top-10 p50, FTS5-answerable q.", 3) { $0.oursTop10P50MedianAnswerable.map { $0 * ms } }
            row("FTS5 top-10 p50, median", 3) { $0.ftsTop10P50Median.map { $0 * ms } }
            row("FTS5 top-10 p99, worst query", 3) { $0.ftsTop10P99Worst.map { $0 * ms } }
            row("ours/FTS5 top-10 p50 (geomean)", 3) { $0.top10P50RatioGeomean }
        }
        if runTantivy {
            row("ours top-10 p50 beside tantivy, median", 3) { r in
                let v = r.queries.compactMap { $0.top10BesideTantivy?.p50 }
                return v.isEmpty ? nil : Stats(v).p50 * ms
            }
            row("tantivy top-10 p50, median", 3) { $0.tantivyTop10P50Median.map { $0 * ms } }
            row("tantivy top-10 p99, worst query", 3) { r in r.queries.compactMap { $0.tantivyTop10?.p99 }.max().map { $0 * ms } }
            row("ours/tantivy top-10 p50 (geomean)", 3) { $0.top10P50RatioTantivyGeomean }
            row("ours/tantivy top-10 p50 (median)", 3) { $0.top10P50RatioTantivyMedian }
            row("queries slower than tantivy", 0, growth: false) { $0.slowerThanTantivy.map(Double.init) }
            row("tantivy per-call overhead µs: empty", 2, growth: false) { $0.tantivyOverheadEmptyCall.map { $0.p50 * 1e6 } }
            row("  call into the binding (num_docs)", 2, growth: false) { $0.tantivyOverheadBindingCall.map { $0.p50 * 1e6 } }
            row("  parse+search, no match (floor)", 2, growth: false) { $0.tantivyOverheadNoMatch.map { $0.p50 * 1e6 } }
            row("tantivy index MB", 2) { $0.tantivyIndexBytes.map { Double($0) / 1e6 } }
            row("tantivy build s (Python, 1 thread)", 3) { $0.tantivyBuildSeconds }
        }
        sep("whole process, ms (median)")
        row("policy-search search 跨境电商", 1) { $0.cliProcess.p50 * ms }
        row("hello (Swift + Foundation)", 1) { $0.helloProcess.p50 * ms }
        row("policy-search / hello", 2) { $0.processRatio }
        row("same, index evicted from page cache", 1) { $0.coldProcess.map { $0.p50 * ms } }
        row("  (index fraction still resident)", 2, growth: false) { $0.coldResidentMax }
        row("IndexReader open in process", 3) { $0.indexOpen.p50 * ms }
        out.append(contentsOf: table(headers, rows, leftColumns: 1))
        out.append("worst top-10 p99 query: " + results.map { "×\($0.scale) \($0.top10P99WorstQuery)" }.joined(separator: ", "))
        out.append("worst all-hits p99 query: " + results.map { "×\($0.scale) \($0.allP99WorstQuery ?? "n/a")" }.joined(separator: ", "))
        if let baseline { out.append(contentsOf: compare(with: baseline)) }

        // Per query, at each scale: top-10 p50/p99; all p50; FTS5 p50; ratio.
        for r in results {
            out.append("")
            out.append(
                "Per query at ×\(r.scale), ms (hits: ours / FTS5 COUNT(*)\(runTantivy ? " / tantivy count" : ""); "
                    + "FTS5 n/a: a part under 3 characters, which trigram cannot match)")
            let qh =
                ["query", "kind", "hits", "top10 p50", "top10 p99", "all p50", "all p99"]
                + (runFTS ? ["FTS5 p50", "FTS5 p99", "ours/FTS5"] : [])
                + (runTantivy ? ["ours p50 beside", "tantivy p50", "tantivy p99", "ours/tantivy"] : [])
            var qrows: [[String]] = []
            for q in r.queries {
                var row = [
                    q.query, q.kind,
                    "\(q.hits)" + (runFTS ? "/" + (q.ftsHits.map(String.init) ?? "n/a") : "")
                        + (runTantivy ? "/" + (q.tantivyHits.map(String.init) ?? "n/a") : ""),
                    f(q.top10.p50 * ms, 3), f(q.top10.p99 * ms, 3), f(q.all.map { $0.p50 * ms }, 3),
                    f(q.all.map { $0.p99 * ms }, 3)
                ]
                if runFTS {
                    row += [
                        f(q.ftsTop10.map { $0.p50 * ms }, 3), f(q.ftsTop10.map { $0.p99 * ms }, 3),
                        f(q.ftsTop10.map { q.top10.p50 / $0.p50 }, 3)
                    ]
                }
                if runTantivy {
                    row += [
                        f(q.top10BesideTantivy.map { $0.p50 * ms }, 3), f(q.tantivyTop10.map { $0.p50 * ms }, 3),
                        f(q.tantivyTop10.map { $0.p99 * ms }, 3),
                        f(q.tantivyTop10.flatMap { t in q.top10BesideTantivy.map { $0.p50 / t.p50 } }, 3)
                    ]
                }
                qrows.append(row)
            }
            out.append(contentsOf: table(qh, qrows, leftColumns: 2))
        }

        // Targets, at the largest scale (and the smallest for comparison).
        out.append("")
        out.append("Targets (from the issue), judged at ×\(last.scale)\(results.count > 1 ? " (×\(first.scale) in brackets)" : ""):")
        func target(_ name: String, _ get: (ScaleResult) -> (Double?, Bool?)) {
            let (v, ok) = get(last)
            let (v0, _) = get(first)
            let verdict = ok.map { $0 ? "MET   " : "MISSED" } ?? "n/a   "
            let extra = results.count > 1 ? " [\(f(v0, 3))]" : ""
            out.append("  \(verdict) \(name): \(f(v, 3))\(extra)")
        }
        if runFTS {
            target("indexing ≥ 3× FTS5 throughput, policy-search index on all cores (ratio)") { r in
                let x = r.ftsMBps.flatMap { f in r.cliIndexMBps.map { $0 / f } }
                return (x, x.map { $0 >= 3 })
            }
            target("indexing ≥ 3× FTS5 throughput, IndexBuilder on all cores (ratio)") { r in
                let x = r.ftsMBps.map { r.indexMBpsAll / $0 }
                return (x, x.map { $0 >= 3 })
            }
            target("top-10 p50 ≤ 1/5 of FTS5 (geomean ours/FTS5 over answerable queries)") { r in
                (r.top10P50RatioGeomean, r.top10P50RatioGeomean.map { $0 <= 0.2 })
            }
        }
        if runTantivy {
            target("top-10 p50 geomean ≤ 0.8× tantivy (ours/tantivy)") { r in
                (r.top10P50RatioTantivyGeomean, r.top10P50RatioTantivyGeomean.map { $0 <= 0.8 })
            }
            target("no query slower than tantivy (queries slower)") { r in
                (r.slowerThanTantivy.map(Double.init), r.slowerThanTantivy.map { $0 == 0 })
            }
        }
        target("top-10 p99 ≤ 1 ms, worst query (ms)") { r in (r.top10P99Worst * ms, r.top10P99Worst <= 0.001) }
        target("whole process ≤ 2× hello (ratio)") { r in (r.processRatio, r.processRatio <= 2) }
        target("index ≤ 1.2× input (ratio)") { r in (r.indexRatio, r.indexRatio <= 1.2) }
        target("peak RSS of policy-search index ≤ 2 GiB (MiB)") { r in
            (r.peakRSSCLIIndexKiB.map { Double($0) / MiB }, r.peakRSSCLIIndexKiB.map { $0 <= 2 * 1024 * 1024 })
        }
        if let baseline {
            target("top-10 p50 median within 10 % of the baseline (after/before)") { r in
                guard let b = baseline.scales.first(where: { $0.scale == r.scale }) else { return (nil, nil) }
                let x = r.top10P50Median / b.top10P50Median
                return (x, x <= 1.1)
            }
        }
        return out.joined(separator: "\n")
    }

    /// Before (the baseline run) and after (this run), per scale present in both.
    private func compare(with baseline: BenchResult) -> [String] {
        let ms = 1000.0, MiB = 1024.0
        var out = ["", "Compared with the baseline run of \(baseline.date) (before → after, after/before):"]
        for r in results {
            guard let b = baseline.scales.first(where: { $0.scale == r.scale }) else { continue }
            var rows: [[String]] = []
            func row(_ name: String, _ digits: Int, _ get: (ScaleResult) -> Double?) {
                let x = get(b), y = get(r)
                let ratio = x.flatMap { x in y.map { x == 0 ? nil : $0 / x } } ?? nil
                rows.append([name, f(x, digits), f(y, digits), ratio.map { f($0, 2) + "×" } ?? ""])
            }
            row("index / input", 3) { $0.indexRatio }
            row("index MB", 2) { Double($0.indexBytes) / 1e6 }
            row("IndexBuilder MB/s, all threads", 2) { $0.indexMBpsAll }
            row("policy-search index MB/s", 2) { $0.cliIndexMBps }
            row("peak RSS policy-search index MiB", 1) { $0.peakRSSCLIIndexKiB.map { Double($0) / MiB } }
            row("top-10 p50 median ms", 3) { $0.top10P50Median * ms }
            row("top-10 p99 worst ms", 3) { $0.top10P99Worst * ms }
            row("snippets 10 random p50 ms", 3) { $0.snippetRandom.map { $0.p50 * ms } }
            row("snippets top 10 median ms", 3) { $0.snippetHitsP50Median.map { $0 * ms } }
            row("fresh reader + 1st query ms", 3) { $0.firstQueryFreshReaderMedian.map { $0 * ms } }
            row("whole process search ms", 1) { $0.cliProcess.p50 * ms }
            row("cold whole process search ms", 1) { $0.coldProcess.map { $0.p50 * ms } }
            out.append("")
            out.append(contentsOf: table(["×\(r.scale)", "before", "after", "ratio"], rows, leftColumns: 1))
        }
        return out
    }

    /// Width in terminal columns: CJK characters count 2.
    private func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) {
            $0
                + ($1.value >= 0x1100
                    && ($1.properties.isIdeographic || (0x3000...0x30FF).contains($1.value) || (0xFF00...0xFF60).contains($1.value)
                        || $1.value == 0x201C || $1.value == 0x201D)
                    ? 2 : 1)
        }
    }

    private func cell(_ s: String, _ w: Int, left: Bool) -> String {
        let fill = String(repeating: " ", count: max(0, w - width(s)))
        return left ? s + fill : fill + s
    }

    private func table(_ headers: [String], _ rows: [[String]], leftColumns: Int) -> [String] {
        var widths = headers.map(width)
        for r in rows where !(r.first?.hasPrefix("— ") ?? false) {
            for (k, c) in r.enumerated() where k < widths.count { widths[k] = max(widths[k], width(c)) }
        }
        func line(_ r: [String]) -> String {
            if r.first?.hasPrefix("— ") ?? false { return r[0] }
            return r.enumerated().map { cell($1, widths[$0], left: $0 < leftColumns) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return [line(headers), String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))] + rows.map(line)
    }
}
