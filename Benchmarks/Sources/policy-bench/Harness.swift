import Foundation

/// Monotonic clock in nanoseconds.
@inline(__always) func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// Summary of repeated timings (seconds).
struct Stats: Codable {
    var n: Int
    var p50: Double
    var p99: Double
    var min: Double
    var max: Double
    var mean: Double

    init(_ samples: [Double]) {
        let s = samples.sorted()
        n = s.count
        precondition(n > 0)
        p50 = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
        // Nearest rank: the smallest sample with at least 99% of samples at or below it.
        p99 = s[Swift.max(0, Int((0.99 * Double(n)).rounded(.up)) - 1)]
        min = s[0]
        max = s[n - 1]
        mean = s.reduce(0, +) / Double(n)
    }
}

/// Runs `body` `warmup` times untimed, then repeats it until both `minReps` repetitions and
/// `budget` seconds are reached (or `maxReps`); returns each repetition's time in seconds.
func measure(
    warmup: Int = 3, minReps: Int = 11, maxReps: Int = 500, budget: Double = 0.25,
    _ body: () throws -> Void
) rethrows -> [Double] {
    for _ in 0..<warmup { try body() }
    var samples: [Double] = []
    let start = now()
    while samples.count < maxReps {
        let t0 = now()
        try body()
        samples.append(Double(now() - t0) / 1e9)
        if samples.count >= minReps, Double(now() - start) / 1e9 >= budget { break }
    }
    return samples
}

/// Peak resident set size of this process in KiB (VmHWM), or 0.
func peakRSSKiB() -> Int {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
    }
    return 0
}

/// Total size of the regular files in a directory tree (or of one file).
func diskBytes(_ url: URL) -> Int {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else { return 0 }
    if !isDir.boolValue {
        return (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    }
    var total = 0
    if let e = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey]) {
        for case let f as URL in e {
            let v = try? f.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
            if v?.isRegularFile == true { total += v?.fileSize ?? 0 }
        }
    }
    return total
}

/// This executable, for child processes.
func selfExecutable() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
}

/// Runs a child process, returns its stdout (stderr passes through). Exits the bench on failure.
func runChild(_ exe: String, _ args: [String]) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    let out = Pipe()
    p.standardOutput = out
    do { try p.run() } catch { fatal("cannot run \(exe): \(error)") }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else { fatal("\(exe) \(args.joined(separator: " ")) exited with \(p.terminationStatus)") }
    return String(decoding: data, as: UTF8.self)
}

/// A child's last stdout line as a JSON object of numbers.
func childReport(_ args: [String]) -> [String: Double] {
    let out = runChild(selfExecutable(), args)
    guard let line = out.split(separator: "\n").last,
        let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
    else {
        fatal("child \(args) printed no report: \(out)")
    }
    return obj.compactMapValues { ($0 as? NSNumber)?.doubleValue }
}

func printReport(_ values: [String: Double]) {
    let data = try! JSONSerialization.data(withJSONObject: values, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// Wall time of one whole process run (posix_spawn … waitpid), stdout and stderr to /dev/null.
func timeProcess(_ exe: String, _ args: [String]) -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + args).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let t0 = now()
    let rc = posix_spawn(&pid, exe, &actions, nil, argv, environ)
    guard rc == 0 else { fatal("posix_spawn \(exe): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    let t = Double(now() - t0) / 1e9
    guard status == 0 else { fatal("\(exe) \(args.joined(separator: " ")) failed with wait status \(status)") }
    return t
}

func fatal(_ message: String) -> Never {
    FileHandle.standardError.write(Data("policy-bench: \(message)\n".utf8))
    exit(2)
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("· \(message)\n".utf8))
}
