import Analysis
import Foundation
import Index

/// Steps run in a child process of this binary, so that each has its own peak RSS (VmHWM).
/// Each prints one JSON line of numbers on stdout.
enum Child {
    /// `--child-index SRC OUT THREADS`: IndexBuilder end to end (scan, read, ingest, ICU, write).
    static func index(source: String, out: String, threads: Int) throws {
        let t0 = now()
        let report = try IndexBuilder.build(
            sources: [URL(fileURLWithPath: source)], into: URL(fileURLWithPath: out),
            rebuild: true, threads: threads)
        let seconds = Double(now() - t0) / 1e9
        guard report.skipped.isEmpty else { fatal("skipped: \(report.skipped)") }
        printReport([
            "seconds": seconds, "inputBytes": Double(report.inputBytes), "indexBytes": Double(report.indexBytes),
            "passages": Double(report.passages), "documents": Double(report.analyzed.count),
            "peakRSSKiB": Double(peakRSSKiB())
        ])
    }

    /// `--child-segment SRC`: ICU word segmentation alone (Analyzer.wordCount over each file's
    /// whole text, one thread). Reading and UTF-8 decoding are not timed.
    static func segment(source: String) throws {
        let files = try ScaleCorpus.sourceFiles(URL(fileURLWithPath: source))
        let texts = try files.map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let analyzer = try Analyzer()
        let t0 = now()
        var words = 0
        for t in texts { words += analyzer.wordCount(t) }
        let seconds = Double(now() - t0) / 1e9
        printReport([
            "seconds": seconds, "inputBytes": Double(bytes), "words": Double(words),
            "peakRSSKiB": Double(peakRSSKiB())
        ])
    }

    /// `--child-fts INDEX DB`: SQLite FTS5 (trigram) over every passage of the built index.
    /// Reading passages from the index is not timed; create + inserts + commit are.
    static func fts(index: String, db path: String) throws {
        let reader = try IndexReader(directory: URL(fileURLWithPath: index))
        var texts: [String] = []
        texts.reserveCapacity(reader.passageCount)
        for i in 0..<reader.passageCount { texts.append(try reader.passage(i).text) }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }

        let t0 = now()
        let db = SQLiteDB(path: path)
        db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='trigram')")
        db.exec("BEGIN")
        let insert = db.prepare("INSERT INTO t(rowid, text) VALUES (?, ?)")
        for (i, text) in texts.enumerated() {
            insert.bind(1, i)
            insert.bind(2, text)
            insert.run()
        }
        db.exec("COMMIT")
        let seconds = Double(now() - t0) / 1e9
        printReport([
            "seconds": seconds, "inputBytes": Double(bytes), "passages": Double(texts.count),
            "dbBytes": Double(diskBytes(URL(fileURLWithPath: path))), "peakRSSKiB": Double(peakRSSKiB())
        ])
    }
}
