import Foundation
import TestSupport
import Testing

/// `policy-search serve` as a user runs it: it prints its address, logs a line per request, picks
/// up an index that `policy-search index` replaced, and stops cleanly on SIGTERM and SIGINT. (The
/// child processes are driven on a thread of their own; the checks run on the results.)
@Suite struct ServeCommandTests {
    /// Starts `serve` on a free port; returns the child and its port once it prints the address.
    static func start(_ index: URL, logLevel: String = "info") throws -> (Support.Child, Int) {
        let child = try Support.Child(["serve", "--index", index.path, "--port", "0", "--log-level", logLevel])
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let out = (try? String(contentsOf: child.out, encoding: .utf8)) ?? ""
            if let line = out.split(separator: "\n").first(where: { $0.hasPrefix("Serving ") }),
                let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://127.0.0.1:") }),
                let port = Int(url.dropFirst("http://127.0.0.1:".count).filter(\.isNumber))
            {
                return (child, port)
            }
            guard child.process.isRunning else { break }
            usleep(20_000)
        }
        let output = child.wait(timeout: 1)
        throw FixtureError("serve did not print its address: \(output.stdout) \(output.stderr)")
    }

    /// A copy of the fixture's index, for a server of its own.
    static func copyIndex() async throws -> URL {
        let source = try await ServerFixture.shared().index
        let dir = try Support.temporaryDirectory("serve-index")
        try FileManager.default.removeItem(at: dir)
        try FileManager.default.copyItem(at: source, to: dir)
        return dir
    }

    struct Run: Sendable {
        var port = 0
        var statuses: [Int] = []
        var stdout = ""
        var stderr = ""
        var exitStatus: Int32 = -1
        var exited = false
        var answeredDuringShutdown = 0
        var refusedAfterwards = false
        var secondStatus: Int32 = -1
        var secondError = ""
    }

    @Test func printsItsAddressLogsRequestsAndStopsOnSIGTERM() async throws {
        let index = try await Self.copyIndex()
        let run = try await blocking {
            let (child, port) = try Self.start(index)
            var run = Run(port: port)
            run.statuses.append(try HTTPReply.request(port: port, target: "/api/search?q=\(enc("海外仓"))&limit=1").status)
            run.statuses.append(try HTTPReply.request(port: port, target: "/api/nothing").status)
            // A second server on the same port says why it cannot start.
            let second = try Support.run(["serve", "--index", index.path, "--port", "\(port)"], timeout: 60)
            run.secondStatus = second.status
            run.secondError = second.stderr
            child.kill(SIGTERM)
            let out = child.wait(timeout: 30)
            (run.stdout, run.stderr, run.exitStatus, run.exited) = (out.stdout, out.stderr, out.status, out.exited)
            return run
        }
        #expect(run.statuses == [200, 404])
        #expect(run.exited && run.exitStatus == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Serving \(index.path) at http://127.0.0.1:\(run.port)/"))
        let log = run.stderr.split(separator: "\n")
        #expect(log.contains { $0.contains("GET /api/search?q=") && $0.contains(" 200 ") && $0.hasSuffix(" ms") })
        #expect(log.contains { $0.contains("GET /api/nothing 404 ") })
        #expect(run.secondStatus == 2)
        #expect(
            run.secondError.contains("cannot listen on 127.0.0.1:\(run.port): address already in use") && run.secondError.contains("--port")
        )
    }

    @Test func stopsOnSIGINTAfterAnsweringOpenRequests() async throws {
        let index = try await Self.copyIndex()
        let run = try await blocking {
            let (child, port) = try Self.start(index, logLevel: "debug")
            // Two clause reuse reports at a low threshold take a while (they run one after another);
            // the signal comes once the log shows both started.
            let answered = Counter(0)
            let group = DispatchGroup()
            for _ in 0..<2 {
                DispatchQueue.global().async(group: group) {
                    if (try? HTTPReply.request(port: port, target: "/reuse?min=0.1"))?.status == 200 { answered.add(1) }
                }
            }
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                let log = (try? String(contentsOf: child.err, encoding: .utf8)) ?? ""
                if log.components(separatedBy: "GET /reuse?min=0.1 started").count == 3 { break }
                usleep(1_000)
            }
            child.kill(SIGINT)
            group.wait()
            let out = child.wait(timeout: 30)
            var run = Run(port: port, stderr: out.stderr, exitStatus: out.status, exited: out.exited)
            run.answeredDuringShutdown = answered.value
            run.refusedAfterwards = (try? HTTPReply.request(port: port, target: "/api/stats")) == nil
            return run
        }
        #expect(run.exited && run.exitStatus == 0, "\(run.stderr)")
        // Requests under way when the signal came were answered, and afterwards nothing listens.
        #expect(run.answeredDuringShutdown == 2)
        #expect(run.refusedAfterwards)
    }

    @Test func picksUpAnIndexThatIndexReplaced() async throws {
        let index = try await Self.copyIndex()
        let run = try await blocking {
            let (child, port) = try Self.start(index)
            defer {
                child.kill(SIGTERM)
                _ = child.wait(timeout: 30)
            }
            func get(_ target: String) throws -> [String: Any] {
                try JSONSerialization.jsonObject(with: HTTPReply.request(port: port, target: target).body) as? [String: Any] ?? [:]
            }
            let whale = "/api/search?q=\(enc("蓝鲸观测站"))"
            var observed = [try get("/api/stats")["documents"] as? Int ?? -1, try get(whale)["total"] as? Int ?? -1]
            // A new document, added by the CLI to the same index (which keeps its own sources)
            // while the server runs.
            let extra = try Support.temporaryDirectory("serve-extra")
            try Support.write("关于建设蓝鲸观测站的通知\n\n一、总体要求\n建设蓝鲸观测站，开展海洋监测。\n", to: extra.appendingPathComponent("whale.txt"))
            let built = try Support.run(["index", "--index", index.path, extra.path])
            guard built.status == 0 else { throw FixtureError("index: \(built.stderr)") }
            observed += [try get("/api/stats")["documents"] as? Int ?? -1, try get(whale)["total"] as? Int ?? -1]
            return observed
        }
        // Before: 6 documents, no 蓝鲸观测站; after `index` replaced the file: 7, and it is found.
        #expect(run[0] == 6 && run[1] == 0)
        #expect(run[2] == 7 && run[3] >= 1)
    }
}

/// A counter shared by the request threads of a test.
final class Counter: @unchecked Sendable {
    private var count: Int
    private let lock = NSLock()
    init(_ count: Int) { self.count = count }
    func add(_ n: Int) { lock.withLock { count += n } }
    var value: Int { lock.withLock { count } }
}
