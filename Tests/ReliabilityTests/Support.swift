import Analysis
import Foundation
import Index
import Query
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shared by the reliability tests: the built CLI run as a child process (with a deadline, output
/// to files so a chatty child cannot block on a full pipe), temporary folders, corpus copies, and
/// a grep oracle over an index's stored passages.
enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("corpus")

    /// The built `policy-search` binary, beside this test bundle (located as CLITests does).
    static let binary: URL = {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("policy-search")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/policy-search")
    }()

    static var isRoot: Bool { getuid() == 0 }

    // MARK: Folders

    static func temporaryDirectory(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-\(name)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func remove(_ urls: URL...) {
        for u in urls { try? FileManager.default.removeItem(at: u) }
    }

    static func corpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
            .map { corpus.appendingPathComponent($0) }
    }

    /// `copies` copies of every corpus text under distinct names (c01-chengdu-….txt, …).
    static func replicateCorpus(into dir: URL, copies: Int) throws {
        let files = try corpusFiles()
        for c in 1...copies {
            for f in files {
                let target = dir.appendingPathComponent(String(format: "c%02d-", c) + f.lastPathComponent)
                try Data(contentsOf: f).write(to: target)
            }
        }
    }

    static func write(_ text: String, to url: URL) throws { try Data(text.utf8).write(to: url) }

    // MARK: Child processes

    struct Output {
        var status: Int32
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var stdoutData: Data
        var seconds: Double
        /// Exited normally (not killed by a signal, not timed out).
        var exited: Bool { !signaled && !timedOut }
    }

    /// A started child whose output goes to files.
    final class Child {
        let process = Process()
        let out: URL, err: URL
        let started = Date()

        init(_ arguments: [String], executable: URL = Support.binary, environment: [String: String] = [:]) throws {
            let dir = try Support.temporaryDirectory("child")
            out = dir.appendingPathComponent("stdout")
            err = dir.appendingPathComponent("stderr")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.executableURL = executable
            process.arguments = arguments
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"].merging(environment) { $1 }) { $1 }
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var pid: Int32 { process.processIdentifier }

        func kill(_ signal: Int32 = SIGKILL) { posixKill(pid, signal) }

        /// Waits up to `timeout` seconds; past it the child is killed and the result says so.
        func wait(timeout: Double = 120) -> Output {
            let deadline = Date().addingTimeInterval(timeout)
            var timedOut = false
            while process.isRunning {
                if Date() > deadline { timedOut = true; kill(); break }
                usleep(2_000)
            }
            process.waitUntilExit()
            let o = (try? Data(contentsOf: out)) ?? Data()
            let e = (try? Data(contentsOf: err)) ?? Data()
            try? FileManager.default.removeItem(at: out.deletingLastPathComponent())
            return Output(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                          timedOut: timedOut, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                          stdoutData: o, seconds: Date().timeIntervalSince(started))
        }
    }

    @discardableResult
    static func run(_ arguments: [String], timeout: Double = 120, environment: [String: String] = [:]) throws -> Output {
        try Child(arguments, environment: environment).wait(timeout: timeout)
    }

    /// Runs the CLI with argv elements given as raw bytes (not necessarily UTF-8), which `Process`
    /// cannot do (its arguments are Swift Strings): posix_spawn with C strings.
    static func runRaw(_ arguments: [[UInt8]], timeout: Double = 60) throws -> Output {
        let dir = try temporaryDirectory("raw")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("stdout").path, err = dir.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Array(binary.path.utf8)] + arguments).map { bytes in
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
            if Date().timeIntervalSince(started) > timeout { timedOut = true; posixKill(pid, SIGKILL); waitpid(pid, &status, 0); break }
            usleep(2_000)
        }
        let signaled = (status & 0x7F) != 0
        let code = (status >> 8) & 0xFF
        let o = (try? Data(contentsOf: URL(fileURLWithPath: out))) ?? Data()
        let e = (try? Data(contentsOf: URL(fileURLWithPath: err))) ?? Data()
        return Output(status: code, signaled: signaled, timedOut: timedOut, stdout: String(decoding: o, as: UTF8.self),
                      stderr: String(decoding: e, as: UTF8.self), stdoutData: o, seconds: Date().timeIntervalSince(started))
    }

    static func json(_ output: Output) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: output.stdoutData)) as? [String: Any]
    }

    // MARK: Answers and the grep oracle

    /// What a search answered, comparable across readers: total, and each hit's id and score.
    struct Answer: Equatable, CustomStringConvertible {
        var total: Int
        var hits: [String]
        var description: String { "total \(total): " + hits.joined(separator: ", ") }
    }

    static func answer(_ reader: IndexReader, _ query: String, limit: Int? = 5) throws -> Answer {
        let r = try Searcher(reader: reader).search(query, options: SearchOptions(limit: limit))
        return Answer(total: r.total, hits: r.hits.map { "\($0.passageID)@\(String(format: "%.6f", $0.score))" })
    }

    /// Passage ids whose normalized text contains the normalized `part` (what grep would find).
    static func grep(_ part: String, in reader: IndexReader) throws -> Set<Int> {
        let normalizer = Normalizer()
        let needle = normalizer.fold(part)
        guard !needle.isEmpty else { return [] }
        var found = Set<Int>()
        for p in 0..<reader.passageCount {
            let hay = normalizer.fold(try reader.passage(p).text)
            if contains(hay, needle) { found.insert(p) }
        }
        return found
    }

    static func contains(_ hay: [UInt32], _ needle: [UInt32]) -> Bool {
        guard hay.count >= needle.count else { return false }
        var i = 0
        while i <= hay.count - needle.count {
            if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    /// An index of the bundled corpus built once for the suites that only read it.
    static let corpusIndex: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("reliability-corpus-index-\(getpid())")
        _ = try? run(["index", "--index", dir.path, corpus.path])
        return dir
    }()
}

func posixKill(_ pid: pid_t, _ signal: Int32) { _ = kill(pid, signal) }

/// A deterministic pseudo-random sequence (SplitMix64), so kill times are the same on every run.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension Support {
    /// An index image (as a fuzzer input) made current: the header's format version set to this
    /// build's, then every block CRC and the table CRC recomputed, as Fuzz/'s fuzz-index does. The
    /// container (header · sections · table with per-block CRCs · footer) is assumed; when the
    /// footer or table cannot be located the bytes are returned with only the version changed.
    static func retargetIndexImage(_ image: Data) -> Data {
        var bytes = [UInt8](image)
        let n = bytes.count
        guard n >= IndexFormat.headerSize + IndexFormat.footerSize else { return image }
        func u32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
        func put32(_ v: UInt32, _ at: Int) { for k in 0..<4 { bytes[at + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        put32(IndexFormat.version, 8)
        let footer = n - IndexFormat.footerSize
        let tableOffset = u64(footer), tableLength = u64(footer + 8)
        guard tableOffset >= UInt64(IndexFormat.headerSize), tableOffset <= UInt64(footer),
              tableLength >= 4, tableLength <= UInt64(footer) - tableOffset else { return Data(bytes) }
        let tStart = Int(tableOffset), tEnd = tStart + Int(tableLength)
        var cursor = tStart + 4
        for _ in 0..<min(Int(u32(tStart)), 64) {
            guard cursor + 24 <= tEnd else { break }
            let offset = u64(cursor + 4), length = u64(cursor + 12), blocks = Int(u32(cursor + 20))
            cursor += 24
            guard offset <= UInt64(n), length <= UInt64(n) - offset, blocks <= (tEnd - cursor) / 4,
                  blocks == (Int(length) + IndexFormat.blockSize - 1) / IndexFormat.blockSize else { break }
            for b in 0..<blocks {
                let lo = Int(offset) + b * IndexFormat.blockSize
                let hi = min(Int(offset) + Int(length), lo + IndexFormat.blockSize)
                put32(bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[lo..<hi])) }, cursor + 4 * b)
            }
            cursor += 4 * blocks
        }
        put32(bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[tStart..<tEnd])) }, footer + 16)
        return Data(bytes)
    }
}
