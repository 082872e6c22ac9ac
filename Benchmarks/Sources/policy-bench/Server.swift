import Foundation
import Index
import Query
import Research

/// `policy-search serve` under a real load generator, at each scale: wrk (Debian's package) on
/// loopback sends the 33 benchmark queries in turn to /api/search (top 10), first over one
/// connection (latency: each request waits for the previous answer) and then over several
/// (throughput). In the same run and process, the in-process time of the same requests: the
/// query alone (`Searcher.search`, what the CLI times) and the query with its JSON (what the route
/// computes). The server's overhead per request is the difference, by wall time (wrk's p50 at one
/// connection minus the in-process p50) and by CPU time (the server process's CPU seconds ÷
/// requests, minus the in-process mean), the latter unaffected by other load on the machine.
enum ServerBench {
    struct WrkRun: Codable {
        var connections: Int
        var seconds: Double
        var requests: Int
        var rps: Double
        var p50Ms: Double
        var p90Ms: Double
        var p99Ms: Double
        var meanMs: Double
        var errors: Int
        /// CPU time of the server process (user + system) per request.
        var serverCPUMsPerRequest: Double
    }

    struct Row: Codable {
        var scale: Int
        var passages: Int
        var queries: Int
        /// In process, one `Searcher`, the 33 queries in turn: `search(q, limit: 10)`.
        var searchP50Ms: Double
        var searchP99Ms: Double
        var searchMeanMs: Double
        /// The same plus `SearchJSON(…).compactJSON()`, the route's whole computation.
        var responseP50Ms: Double
        var responseP99Ms: Double
        var responseMeanMs: Double
        /// CPU time (this thread's) per request, search alone and with its JSON: unlike wall time,
        /// not stretched by other processes on the machine.
        var searchCPUMs: Double
        var responseCPUMs: Double
        var single: WrkRun
        var loaded: WrkRun
        /// wrk p50 at one connection − in-process search p50.
        var overheadP50Ms: Double
        /// Server CPU per request at one connection − in-process search CPU per request.
        var overheadCPUMs: Double
        var loadAverage: String
    }

    static var rows: [Row] = []
    /// `--server-only`: only these rows; `--server`: add them to the full run.
    static var only = false
    static var enabled = false
    static var seconds = 10
    static var connections = 8

    static func measureScale(_ scale: Int, index: URL, cli: String, root: URL, data: URL) {
        guard enabled || only else { return }
        guard let wrk = which("wrk") else { fatal("wrk is missing (sudo apt-get install wrk)") }
        note("×\(scale): server: in-process times of the requests")
        let reader: IndexReader
        do { reader = try IndexReader(directory: index) } catch { fatal("\(error)") }
        let searcher = Searcher(reader: reader)
        let queries = benchQueries.map(\.ours)
        var search: [Double] = []
        var response: [Double] = []
        var searchCPU = 0.0, responseCPU = 0.0
        do {
            for q in queries { _ = try searcher.search(q) }  // warm: every block CRC-checked, texts cached
            let rounds = scale >= 100 ? 30 : 100
            for _ in 0..<rounds {
                for q in queries {
                    let (c0, t0) = (Self.threadCPU(), now())
                    let r = try searcher.search(q, options: SearchOptions(limit: 10))
                    let (c1, t1) = (Self.threadCPU(), now())
                    let bytes = SearchJSON(r, explain: false, documents: false).compactJSON()
                    let (c2, t2) = (Self.threadCPU(), now())
                    if bytes.isEmpty { fatal("empty JSON") }
                    search.append(Double(t1 - t0) / 1e6)
                    response.append(Double(t2 - t0) / 1e6)
                    searchCPU += c1 - c0
                    responseCPU += c2 - c0
                }
            }
        } catch {
            fatal("in-process search: \(error)")
        }
        let paths = data.appendingPathComponent("wrk-paths.txt")
        let lines = queries.map { "/api/search?q=" + $0.addingPercentEncoding(withAllowedCharacters: unreserved)! }
        try? (lines.joined(separator: "\n") + "\n").write(to: paths, atomically: true, encoding: .utf8)

        note("×\(scale): server: policy-search serve under wrk, \(seconds) s at 1 and at \(connections) connections")
        let log = data.appendingPathComponent("serve-x\(scale).log")
        let server = Served(cli: cli, index: index, log: log)
        defer { server.stop() }
        let script = root.appendingPathComponent("scripts/wrk/search.lua").path
        func load(_ c: Int, _ s: Int) -> WrkRun {
            let cpu0 = server.cpuSeconds()
            let out = run(
                wrk, ["-t1", "-c\(c)", "-d\(s)s", "--timeout", "5s", "-s", script, server.address], environment: ["WRK_PATHS": paths.path])
            let cpu1 = server.cpuSeconds()
            guard let line = out.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
                let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Double]
            else { fatal("wrk printed no summary: \(out)") }
            let requests = Int(o["requests"] ?? 0)
            guard requests > 0, o["errors"] == 0, o["non2xx"] == 0 else { fatal("wrk saw errors: \(line)") }
            return WrkRun(
                connections: c, seconds: o["seconds"]!, requests: requests, rps: o["rps"]!, p50Ms: o["p50_ms"]!, p90Ms: o["p90_ms"]!,
                p99Ms: o["p99_ms"]!, meanMs: o["mean_ms"]!, errors: 0, serverCPUMsPerRequest: (cpu1 - cpu0) / Double(requests) * 1000)
        }
        _ = load(connections, 2)  // warm-up: every searcher of the pool and every block
        let single = load(1, seconds)
        let loaded = load(connections, seconds)
        let s = Stats(search.map { $0 / 1000 }), r = Stats(response.map { $0 / 1000 })
        rows.append(
            Row(
                scale: scale, passages: reader.passageCount, queries: queries.count, searchP50Ms: s.p50 * 1000, searchP99Ms: s.p99 * 1000,
                searchMeanMs: s.mean * 1000, responseP50Ms: r.p50 * 1000, responseP99Ms: r.p99 * 1000, responseMeanMs: r.mean * 1000,
                searchCPUMs: searchCPU / Double(search.count) * 1000, responseCPUMs: responseCPU / Double(response.count) * 1000,
                single: single, loaded: loaded, overheadP50Ms: single.p50Ms - s.p50 * 1000,
                overheadCPUMs: single.serverCPUMsPerRequest - searchCPU / Double(search.count) * 1000,
                loadAverage: (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(
                    separator: " ")
                    ?? "?"))
    }

    /// Runs a tool, returns its stdout; exits the bench on failure.
    static func run(_ exe: String, _ args: [String], environment: [String: String]) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        p.standardOutput = out
        do { try p.run() } catch { fatal("cannot run \(exe): \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { fatal("\(exe) \(args.joined(separator: " ")) exited with \(p.terminationStatus)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// CPU seconds this thread has used.
    static func threadCPU() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func which(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The table printed after the main report.
    static func render() -> String {
        guard !rows.isEmpty else { return "" }
        var out = "\n## policy-search serve: /api/search top 10 under wrk on loopback (release, \(seconds) s per run)\n\n"
        out += "| scale | in-process search p50 / p99 / mean (CPU) | + JSON mean (CPU) | wrk 1 conn: req/s, p50 / p99 | "
        out += "server CPU per request | overhead p50 (wall) / CPU | wrk \(connections) conn: req/s, p50 / p99 | load average |\n"
        out += "|---|---|---|---|---|---|---|---|\n"
        for r in rows {
            out += String(
                format:
                    "| ×%d | %.3f / %.3f / %.3f (%.3f) ms | %.3f (%.3f) ms | %.0f, %.3f / %.3f ms | %.3f ms | %.3f / %.3f ms | %.0f, %.3f / %.3f ms | %@ |\n",
                r.scale, r.searchP50Ms, r.searchP99Ms, r.searchMeanMs, r.searchCPUMs, r.responseMeanMs, r.responseCPUMs, r.single.rps,
                r.single.p50Ms, r.single.p99Ms, r.single.serverCPUMsPerRequest, r.overheadP50Ms, r.overheadCPUMs, r.loaded.rps,
                r.loaded.p50Ms, r.loaded.p99Ms, r.loadAverage)
        }
        return out
    }

    /// `--server-only`: only this table (corpora and indexes built as the main run builds them).
    static func standalone(scales: [Int], corpus: URL, data: URL, cli: String, root: URL) throws {
        for scale in scales {
            let (src, _, _) = try ScaleCorpus.generate(corpus: corpus, scale: scale, data: data)
            let indexDir = data.appendingPathComponent("index-x\(scale)")
            if (try? IndexReader(directory: indexDir))?.passageCount == nil {
                note("×\(scale): indexing")
                _ = childReport(["--child-index", src.path, indexDir.path, "\(ProcessInfo.processInfo.activeProcessorCount)"])
            }
            measureScale(scale, index: indexDir, cli: cli, root: root, data: data)
        }
        print(render())
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = data.deletingLastPathComponent().appendingPathComponent("results/server-latest.json")
        try e.encode(rows).write(to: url)
        print("Saved \(url.path)")
    }
}

/// A `policy-search serve` child on a free loopback port, its request log in a file.
final class Served {
    let process = Process()
    let address: String

    init(cli: String, index: URL, log: URL) {
        process.executableURL = URL(fileURLWithPath: cli)
        // --exact: the in-process searcher it is compared with expands no synonyms either.
        process.arguments = ["serve", "--index", index.path, "--port", "0", "--exact"]
        let out = Pipe()
        process.standardOutput = out
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try? FileHandle(forWritingTo: log)
        do { try process.run() } catch { fatal("cannot run \(cli) serve: \(error)") }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { fatal("\(cli) serve exited before printing its address; see \(log.path)") }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let url = text.split(separator: " ").first(where: { $0.hasPrefix("http://") }) else { fatal("no address in: \(text)") }
        address = String(url.hasSuffix("/") ? url.dropLast() : url)
    }

    /// User + system CPU seconds of the server so far (/proc/PID/stat fields 14 and 15).
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        let ticks = (Double(fields[11]) ?? 0) + (Double(fields[12]) ?? 0)
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() {
        process.terminate()  // SIGTERM: graceful shutdown
        process.waitUntilExit()
    }
}
