import Foundation
import Index
import Query

/// `policy-bench --queries INDEXDIR [BUDGET] [tantivy]`: every benchmark query's top-10 p50 on an
/// existing index, for quick checks between full runs. With `tantivy`, the peer is built over the
/// same passages and each query is timed for both in turn, in three rounds (lowest p50 kept, as
/// the full run does), so a change can be judged as a ratio on a noisy machine in a minute.
func quickQueries(index: String, budget: Double, tantivy: Bool, bench: URL) throws {
    let reader = try IndexReader(directory: URL(fileURLWithPath: index))
    let searcher = Searcher(reader: reader)
    var sink = 0
    func ours(_ q: String) throws -> Stats {
        Stats(try measure(budget: budget) { sink &+= try searcher.search(q, options: SearchOptions(limit: 10)).hits.count })
    }
    guard tantivy, let python = TantivyPeer.python(bench: bench),
        let session = try TantivyPeer.Session.start(python: python, bench: bench, reader: reader, scale: 0)
    else {
        for q in benchQueries { print(q.ours + "\t" + String(format: "%.4f", try ours(q.ours).p50 * 1000)) }
        if sink == 42 { print("") }
        return
    }
    defer { session.close() }
    var best = [(ours: Double, theirs: Double)](repeating: (.infinity, .infinity), count: benchQueries.count)
    for _ in 0..<3 {
        for (k, q) in benchQueries.enumerated() {
            let o = try ours(q.ours).p50
            let t = try session.measure(q.tantivy, budget: budget).top10.p50
            best[k] = (min(best[k].ours, o), min(best[k].theirs, t))
        }
    }
    print("query\tours ms\ttantivy ms\tratio")
    var logSum = 0.0
    for (k, q) in benchQueries.enumerated() {
        let r = best[k].ours / best[k].theirs
        logSum += log(r)
        print(q.ours + "\t" + String(format: "%.4f\t%.4f\t%.2f", best[k].ours * 1000, best[k].theirs * 1000, r))
    }
    print(String(format: "geomean ratio %.3f", exp(logSum / Double(benchQueries.count))))
    if sink == 42 { print("") }
}
