import Foundation
import Index
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shared by every test target: the repository and its corpus, the built CLI run as a child
/// process (with a deadline, output to files so a chatty child cannot block on a full pipe),
/// temporary folders, corpus copies, and an index of the bundled corpus built once per process.
public enum Support {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The development set of other regions' documents, beside the repository; absent on a user's machine.
    public static let corpusDev: URL? = {
        let dir = root.deletingLastPathComponent().appendingPathComponent("shared/corpus-dev")
        return FileManager.default.fileExists(atPath: dir.path) ? dir : nil
    }()
    public static let corpus = root.appendingPathComponent("corpus")

    /// The built `policy-search` binary, beside this test bundle (located as CLITests does).
    public static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("policy-search")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/policy-search")
    }()

    public static var isRoot: Bool { getuid() == 0 }

    // MARK: Folders

    public static func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "reliability-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    public static func remove(_ urls: URL...) {
        for u in urls { try? FileManager.default.removeItem(at: u) }
    }

    public static func corpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus.appendingPathComponent($0) }
    }

    /// `copies` copies of every corpus text under distinct names (c01-chengdu-….txt, …).
    public static func replicateCorpus(into dir: URL, copies: Int) throws {
        let files = try corpusFiles()
        for c in 1...copies {
            for f in files {
                let target = dir.appendingPathComponent(String(format: "c%02d-", c) + f.lastPathComponent)
                try Data(contentsOf: f).write(to: target)
            }
        }
    }

    public static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    // MARK: Child processes

    public struct Output {
        public var status: Int32
        public var signaled: Bool
        public var timedOut: Bool
        public var stdout: String
        public var stderr: String
        public var stdoutData: Data
        public var seconds: Double
        /// Exited normally (not killed by a signal, not timed out).
        public var exited: Bool { !signaled && !timedOut }
    }

    /// A started child whose output goes to files.
    public final class Child {
        public let process = Process()
        public let out: URL, err: URL
        public let started = Date()

        public init(
            _ arguments: [String], executable: URL = Support.binary, environment: [String: String] = [:],
            directory: URL = FileManager.default.temporaryDirectory
        ) throws {
            let dir = try Support.temporaryDirectory("child")
            out = dir.appendingPathComponent("stdout")
            err = dir.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = directory
            process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"].merging(environment) { $1 }) { $1 }
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        public var pid: Int32 { process.processIdentifier }

        public func kill(_ signal: Int32 = SIGKILL) { posixKill(pid, signal) }

        /// Waits up to `timeout` seconds; past it the child is killed and the result says so.
        public func wait(timeout: Double = 120) -> Output {
            let deadline = Date().addingTimeInterval(timeout)
            var timedOut = false
            while process.isRunning {
                if Date() > deadline {
                    timedOut = true
                    kill()
                    break
                }
                usleep(2_000)
            }
            process.waitUntilExit()
            let o = (try? Data(contentsOf: out)) ?? Data()
            let e = (try? Data(contentsOf: err)) ?? Data()
            try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
            return Output(
                status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                timedOut: timedOut, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                stdoutData: o, seconds: Date().timeIntervalSince(started))
        }
    }

    @discardableResult
    public static func run(_ arguments: [String], timeout: Double = 120, environment: [String: String] = [:]) throws -> Output {
        try Child(arguments, environment: environment).wait(timeout: timeout)
    }

    /// Runs the CLI with argv elements given as raw bytes (not necessarily UTF-8), which `Process`
    /// cannot do (its arguments are Swift Strings): posix_spawn with C strings.
    public static func runRaw(_ arguments: [[UInt8]], timeout: Double = 60) throws -> Output {
        let dir = try temporaryDirectory("raw")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdout").path, err = dir.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] =
            ([Array(binary.path.utf8)] + arguments).map { bytes in
                let p = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
                for (i, b) in bytes.enumerated() { p[i] = CChar(bitPattern: b) }
                p[bytes.count] = 0
                return p
            } + [nil]
        defer { for p in argv { p?.deallocate() } }
        var envStrings = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" } + ["NO_COLOR=1"]
        envStrings.sort()
        let envp: [UnsafeMutablePointer<CChar>?] = envStrings.map { strdup($0) } + [nil]
        defer { for p in envp { free(p) } }
        var pid: pid_t = 0
        let started = Date()
        let rc = posix_spawn(&pid, binary.path, &actions, nil, argv, envp)
        guard rc == 0 else { throw CocoaError(.fileReadUnknown) }
        var status: Int32 = 0
        var timedOut = false
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date().timeIntervalSince(started) > timeout {
                timedOut = true
                posixKill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(2_000)
        }
        let signaled = (status & 0x7F) != 0
        let code = (status >> 8) & 0xFF
        let o = (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()
        let e = (try? Data(contentsOf: URL(fileURLWithPath: err))) ?? Data()
        return Output(
            status: code, signaled: signaled, timedOut: timedOut, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self), stdoutData: o, seconds: Date().timeIntervalSince(started))
    }

    public static func json(_ output: Output) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: output.stdoutData)) as? [String: Any]
    }

    /// The PDF the page tests read: the Sichuan draft opinions as printed, five pages.
    public static let fixturePDF = root.appendingPathComponent("Tests/IngestionTests/Fixtures/sichuan-trade-power-opinions-draft.pdf")

    /// An index of `sources` built with the CLI in a fresh temporary folder: the folder (to remove)
    /// and the index path, with the output of `index` (its status says whether it was built).
    public static func index(_ sources: [URL], label: String) throws -> (dir: URL, index: String, output: Output) {
        let dir = try temporaryDirectory(label)
        let index = dir.appendingPathComponent("index").path
        return (dir, index, try run(["index"] + sources.map(\.path) + ["--index", index]))
    }

    /// The page of every passage `search QUERY --all --json` finds in `index`, by `FILE#N`.
    public static func pages(of query: String, in index: String) throws -> [String: Int] {
        let hits = json(try run(["search", query, "--all", "--json", "--index", index]))?["hits"] as? [[String: Any]] ?? []
        return Dictionary(hits.map { ($0["passage"] as? String ?? "", $0["page"] as? Int ?? -1) }, uniquingKeysWith: { a, _ in a })
    }

    /// An index of the bundled corpus built once for the suites that only read it.
    public static let corpusIndex: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-corpus-index-\(getpid())")
        _ = try? run(["index", "--index", dir.path, corpus.path])
        return dir
    }()
}

public func posixKill(_ pid: pid_t, _ signal: Int32) { _ = kill(pid, signal) }
