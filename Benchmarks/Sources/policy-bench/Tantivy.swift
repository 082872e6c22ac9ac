import Foundation
import Index

/// The tantivy peer: a Python child (`tantivy/child.py`, the `tantivy` package from PyPI in a
/// virtual environment under `.data/venv`) that indexes the same passages as FTS5 with character
/// n-grams and times the same queries in process. Optional: without Python or PyPI the column is
/// skipped with a note.
enum TantivyPeer {
    static var enabled = true

    struct Report: Codable {
        var tantivy: String
        var passages: Int
        var buildSeconds: Double
        var indexBytes: Int
        /// An empty Python function call, and a call into the binding that does no search.
        var overheadEmptyCall: Stats
        var overheadBindingCall: Stats
        /// parse + search + count for a query whose bigram no passage holds: the floor per query.
        var overheadNoMatch: Stats
        var queries: [QueryReport]
    }

    struct QueryReport: Codable {
        var query: String
        var hits: Int
        var top10: Stats
    }

    /// The venv's python with tantivy importable, after running `tantivy/setup` once if needed;
    /// nil (with a note) when that fails.
    static func python(bench: URL) -> String? {
        let python = bench.appendingPathComponent(".data/venv/bin/python").path
        func works() -> Bool {
            FileManager.default.isExecutableFile(atPath: python) && runQuiet(python, ["-c", "import tantivy"])
        }
        if works() { return python }
        note("tantivy: setting up .data/venv (tantivy/setup)")
        _ = runQuiet("/bin/sh", [bench.appendingPathComponent("tantivy/setup").path])
        if works() { return python }
        note("tantivy: no Python venv with the tantivy package (run Benchmarks/tantivy/setup); column skipped")
        return nil
    }

    /// Writes the reader's passages and the queries, runs the child, returns its report (nil with a
    /// note if the child fails).
    static func run(python: String, bench: URL, reader: IndexReader, scale: Int, budget: Double) throws -> Report? {
        let dir = bench.appendingPathComponent(".data/tantivy-x\(scale)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var lines = Data()
        for i in 0..<reader.passageCount {
            lines.append(try JSONEncoder().encode(try reader.passage(i).text))
            lines.append(0x0A)
        }
        let passages = dir.appendingPathComponent("passages.jsonl"), queries = dir.appendingPathComponent("queries.json")
        try lines.write(to: passages)
        try JSONEncoder().encode(benchQueries.map(\.tantivy)).write(to: queries)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [
            bench.appendingPathComponent("tantivy/child.py").path, passages.path, dir.appendingPathComponent("index").path,
            queries.path, "\(budget)"
        ]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: dir) }
        guard p.terminationStatus == 0, let report = try? JSONDecoder().decode(Report.self, from: data) else {
            note("tantivy: the child failed (status \(p.terminationStatus)); column skipped at ×\(scale)")
            return nil
        }
        return report
    }

    private static func runQuiet(_ exe: String, _ args: [String]) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }
}
