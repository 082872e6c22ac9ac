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
func timeProcess(_ exe: String, _ args: [String]) -> Double { runProcess(exe, args).seconds }

/// One whole process run (posix_spawn … wait4), stdout and stderr to /dev/null: wall time and the
/// child's peak resident set (`ru_maxrss`, KiB on Linux).
func runProcess(_ exe: String, _ args: [String]) -> (seconds: Double, peakRSSKiB: Int) {
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
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let t = Double(now() - t0) / 1e9
    guard status == 0 else { fatal("\(exe) \(args.joined(separator: " ")) failed with wait status \(status)") }
    return (t, Int(usage.ru_maxrss))
}

/// Drops a file's pages from the page cache (`posix_fadvise(DONTNEED)`; clean pages only, no
/// privileges needed) and returns the fraction still resident afterwards (`mincore`), so a report
/// can say whether the "cold" run really started cold.
func evictFromPageCache(_ path: String) -> Double {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return 1 }
    defer { close(fd) }
    _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_size > 0,
        let map = mmap(nil, Int(st.st_size), PROT_READ, MAP_SHARED, fd, 0), map != MAP_FAILED
    else { return 1 }
    defer { munmap(map, Int(st.st_size)) }
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let pages = (Int(st.st_size) + page - 1) / page
    var vec = [UInt8](repeating: 0, count: pages)
    guard mincore(map, Int(st.st_size), &vec) == 0 else { return 1 }
    return Double(vec.filter { $0 & 1 == 1 }.count) / Double(pages)
}

/// SplitMix64: a fixed pseudo-random sequence, so every run reads the same passages.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func fatal(_ message: String) -> Never {
    FileHandle.standardError.write(Data("policy-bench: \(message)\n".utf8))
    exit(2)
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("· \(message)\n".utf8))
}
