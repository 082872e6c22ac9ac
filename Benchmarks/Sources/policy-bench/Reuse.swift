import Foundation
import Index
import Research

/// Clause reuse (`policy-search reuse`) at each scale, each run in a child process (own peak RSS):
/// building the shingle sets, the all-pairs join at similarity ≥ 0.5 (prefix filtering), the full
/// report with alignments, and as the peer in the same run a brute-force join comparing every pair
/// of the same sets (the obvious method; it must find the same number of pairs).
///
/// The scale corpora are REPLICATED text: at ×N every passage has N−1 verbatim copies in other
/// documents, so the number of pairs found grows as N², and so must any exact method's time.
enum ReuseBench {
    struct Row: Codable {
        var scale: Int
        var passages: Int
        var compared: Int
        var buildSeconds: Double
        var joinSeconds: Double
        var pairs: Int
        /// `reuse` with spans and grouping (×1 and ×10 only: at ×100 it aligns millions of copies).
        var reportSeconds: Double?
        /// The brute-force peer (×1 and ×10 only), and its pair count as a cross-check.
        var bruteSeconds: Double?
        var brutePairs: Int?
        var peakRSSKiB: Int
    }

    static var rows: [Row] = []
    /// `--reuse-only`: measure clause reuse alone (no query, FTS5 or process runs).
    static var only = false
    static let threshold = 0.5

    /// Hook for the main run: measures one scale whose index is built.
    static func measureScale(_ scale: Int, index: URL) {
        // ×1000 of replicated text holds 330 million verbatim pairs: gigabytes of results, no insight.
        guard scale <= 100 else { return note("×\(scale): clause reuse skipped (replicated text: N² verbatim pairs)") }
        note("×\(scale): clause reuse (all pairs ≥ \(threshold))")
        let r = childReport(["--child-reuse", index.path, "\(scale)"])
        let row = Row(
            scale: scale, passages: Int(r["passages"]!), compared: Int(r["compared"]!), buildSeconds: r["build"]!,
            joinSeconds: r["joinP50"]!, pairs: Int(r["pairs"]!), reportSeconds: r["report"], bruteSeconds: r["brute"],
            brutePairs: r["brutePairs"].map { Int($0) }, peakRSSKiB: Int(r["peakRSSKiB"]!))
        if let b = row.brutePairs, b != row.pairs { fatal("reuse: prefix filter found \(row.pairs) pairs, brute force \(b)") }
        rows.append(row)
    }

    /// `--child-reuse INDEX SCALE`: one JSON line of figures.
    static func child(index: String, scale: Int) throws {
        let reader = try IndexReader(directory: URL(fileURLWithPath: index))
        let t0 = now()
        let finder = try ClauseReuse(reader: reader)
        let build = Double(now() - t0) / 1e9
        var pairs = 0
        let join = try measure(warmup: scale <= 10 ? 1 : 0, minReps: scale <= 10 ? 5 : 1, maxReps: 20, budget: 1) {
            pairs = try finder.pairs(threshold: threshold).count
        }
        var values: [String: Double] = [
            "passages": Double(reader.passageCount), "compared": Double(finder.comparedPassages), "build": build,
            "joinP50": Stats(join).p50, "pairs": Double(pairs)
        ]
        if scale <= 10 {
            let t1 = now()
            let groups = try finder.reuse(threshold: threshold)
            values["report"] = Double(now() - t1) / 1e9
            if groups.reduce(0, { $0 + $1.pairs.count }) != pairs { fatal("reuse report lost pairs") }
            let t2 = now()
            values["brutePairs"] = Double(try bruteForce(reader))
            values["brute"] = Double(now() - t2) / 1e9
        }
        values["peakRSSKiB"] = Double(peakRSSKiB())
        printReport(values)
    }

    /// Every pair of compared passages (different documents) with Jaccard ≥ threshold, by merging
    /// every pair of sorted shingle-id sets: the quadratic method the prefix filter avoids.
    static func bruteForce(_ reader: IndexReader) throws -> Int {
        let shingler = Shingler()
        let filter = PassageFilter()
        var ids: [Shingle: Int32] = [:]
        var sets: [[Int32]] = []
        var documents: [Int] = []
        for d in 0..<reader.documentCount {
            for p in try reader.passageRange(ofDocument: d) {
                let stored = try reader.passage(p)
                let content = shingler.content(stored.text)
                guard filter.admits(stored.record.kind, text: stored.text, letters: content.count) else { continue }
                sets.append(
                    shingler.shingles(content: content).map { s in
                        if let id = ids[s] { return id }
                        ids[s] = Int32(ids.count)
                        return Int32(ids.count - 1)
                    }.sorted())
                documents.append(d)
            }
        }
        var found = 0
        for i in sets.indices {
            for j in (i + 1)..<sets.count where documents[i] != documents[j] {
                var x = 0, y = 0, common = 0
                let a = sets[i], b = sets[j]
                while x < a.count && y < b.count {
                    if a[x] == b[y] {
                        common += 1
                        x += 1
                        y += 1
                    } else if a[x] < b[y] {
                        x += 1
                    } else {
                        y += 1
                    }
                }
                if Double(common) >= threshold * Double(a.count + b.count - common) - 1e-9 { found += 1 }
            }
        }
        return found
    }

    /// The table printed after the main report.
    static func render() -> String {
        guard !rows.isEmpty else { return "" }
        var out = "\n## Clause reuse: all pairs at similarity ≥ \(threshold) (release, 1 thread)\n\n"
        out +=
            "| scale | compared passages | shingle sets | join (prefix filter) | pairs | join per pair | report with spans | brute force (peer) | peak RSS |\n"
        out += "|---|---|---|---|---|---|---|---|---|\n"
        for r in rows {
            out += String(
                format: "| ×%d | %d | %.3f s | %.3f s | %d | %.2f µs | %@ | %@ | %d MiB |\n", r.scale, r.compared, r.buildSeconds,
                r.joinSeconds, r.pairs, r.joinSeconds / Double(max(r.pairs, 1)) * 1e6,
                r.reportSeconds.map { String(format: "%.3f s", $0) } ?? "–",
                r.bruteSeconds.map { String(format: "%.3f s (%.0f× the join)", $0, $0 / r.joinSeconds) } ?? "–", r.peakRSSKiB / 1024)
        }
        return out
    }

    /// `--reuse [SCALES]`: only this table (corpora and indexes built as the main run builds them).
    static func standalone(scales: [Int], corpus: URL, data: URL) throws {
        for scale in scales {
            let (src, _, _) = try ScaleCorpus.generate(corpus: corpus, scale: scale, data: data)
            let indexDir = data.appendingPathComponent("index-x\(scale)")
            note("×\(scale): indexing")
            _ = childReport(["--child-index", src.path, indexDir.path, "\(ProcessInfo.processInfo.activeProcessorCount)"])
            measureScale(scale, index: indexDir)
        }
        print(render())
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = data.deletingLastPathComponent().appendingPathComponent("results/reuse-latest.json")
        try e.encode(rows).write(to: url)
        print("Saved \(url.path)")
    }
}
