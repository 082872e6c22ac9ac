import Foundation
import Index

/// The tantivy peer: a Python child (`tantivy/child.py`, the `tantivy` package from PyPI in a
/// virtual environment under `.data/venv`) that indexes the same passages as FTS5 with character
/// n-grams and times the same queries in process. Optional: without Python or PyPI the column is
/// skipped with a note.
enum TantivyPeer {
    static var enabled = true

    /// What the child says once its index is built.
    struct Header: Codable {
        var tantivy: String
        var passages: Int
        var buildSeconds: Double
        var indexBytes: Int
        /// An empty Python function call, and a call into the binding that does no search.
        var overheadEmptyCall: Stats
        var overheadBindingCall: Stats
        /// parse + search + count for a query whose bigram no passage holds: the floor per query.
        var overheadNoMatch: Stats
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

    /// A running child over one scale's passages: it has built its index and times a query
    /// whenever asked (`measure`), so the bench can time each query for both engines in turn.
    final class Session {
        let header: Header
        private let process: Process
        private let requests: FileHandle
        private let replies: FileHandle
        private var buffer = Data()
        private let dir: URL

        /// Writes the reader's passages, starts the child and waits for its index; nil (with a
        /// note) if the child fails.
        static func start(python: String, bench: URL, reader: IndexReader, scale: Int) throws -> Session? {
            let dir = bench.appendingPathComponent(".data/tantivy-x\(scale)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            var lines = Data()
            for i in 0..<reader.passageCount {
                lines.append(try JSONEncoder().encode(try reader.passage(i).text))
                lines.append(0x0A)
            }
            let passages = dir.appendingPathComponent("passages.jsonl")
            try lines.write(to: passages)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: python)
            p.arguments = [bench.appendingPathComponent("tantivy/child.py").path, passages.path, dir.appendingPathComponent("index").path]
            let input = Pipe(), output = Pipe()
            (p.standardInput, p.standardOutput) = (input, output)
            try p.run()
            let session = Session(process: p, requests: input.fileHandleForWriting, replies: output.fileHandleForReading, dir: dir)
            guard let session else {
                note("tantivy: the child failed at ×\(scale); column skipped")
                p.terminate()
                try? FileManager.default.removeItem(at: dir)
                return nil
            }
            return session
        }

        private init?(process: Process, requests: FileHandle, replies: FileHandle, dir: URL) {
            (self.process, self.requests, self.replies, self.dir) = (process, requests, replies, dir)
            var first = Data()
            while true {
                let chunk = replies.availableData
                if chunk.isEmpty { return nil }
                first.append(chunk)
                if let nl = first.firstIndex(of: 0x0A) {
                    buffer = Data(first[(nl + 1)...])
                    guard let header = try? JSONDecoder().decode(Header.self, from: first[..<nl]) else { return nil }
                    self.header = header
                    return
                }
            }
        }

        /// Where the child built its index (kept until `close`).
        var indexDirectory: String { dir.appendingPathComponent("index").path }

        /// The child's timing of one query (`budget` seconds, as ours).
        func measure(_ query: String, budget: Double) throws -> QueryReport {
            struct Request: Encodable { var query: String, budget: Double }
            var line = try JSONEncoder().encode(Request(query: query, budget: budget))
            line.append(0x0A)
            requests.write(line)
            while buffer.firstIndex(of: 0x0A) == nil {
                let chunk = replies.availableData
                guard !chunk.isEmpty else { throw ChildFailure(description: "tantivy child ended while timing \(query)") }
                buffer.append(chunk)
            }
            let nl = buffer.firstIndex(of: 0x0A)!
            let reply = buffer[..<nl]
            buffer = Data(buffer[(nl + 1)...])
            return try JSONDecoder().decode(QueryReport.self, from: reply)
        }

        /// Ends the child and deletes its index.
        func close() {
            try? requests.close()
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: dir)
        }
    }

    struct ChildFailure: Error, CustomStringConvertible { var description: String }

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
