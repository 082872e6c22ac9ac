import Foundation
import Index

/// `policy-bench --instructions INDEXDIR [N] [tantivy]`: every benchmark query's instructions per
/// query under callgrind, for the engine and (with `tantivy`) for the tantivy child over the same
/// passages. Instruction counts do not move with the machine's load, as timings here do (a
/// query's p50 ratio moved by 2× within the hour in round 13), so a shape's standing against
/// the peer can be judged without noise. They are not time: tantivy's SIMD decoding does more per
/// instruction, and the child's count includes the Python calls that its timing includes too.
///
/// The engine: a stripped copy of this binary runs `--profile INDEXDIR QUERY` with 1 and N + 1
/// repetitions; the difference ÷ N is a query's count (opening the index and warming cancel).
/// tantivy: one child under callgrind runs every query once, N times and 2N times, dumping after
/// each phase (`child.py --instructions`); (2N dump − N dump) ÷ N.
enum InstructionCount {
    static func run(index: String, reps: Int, tantivy: Bool, bench: URL) throws {
        guard let valgrind = which("valgrind") else { fatal("--instructions needs valgrind (apt install valgrind)") }
        // The index opened here first: a wrong path is said once, not by every callgrind run.
        let reader = try IndexReader(directory: URL(fileURLWithPath: index))
        let binary = try strippedCopy()
        defer { try? FileManager.default.removeItem(atPath: binary) }
        var theirs: [Int]? = nil
        if tantivy, let python = TantivyPeer.python(bench: bench) {
            if let session = try TantivyPeer.Session.start(python: python, bench: bench, reader: reader, scale: 0) {
                defer { session.close() }
                theirs = try tantivyCounts(valgrind: valgrind, python: python, bench: bench, index: session.indexDirectory, reps: reps)
            }
        }
        print(theirs == nil ? "query\tours" : "query\tours\ttantivy\tratio")
        var logSum = 0.0
        for (k, q) in benchQueries.enumerated() {
            let once = try refs(valgrind, [binary, "--profile", index, q.ours, "1"])
            let many = try refs(valgrind, [binary, "--profile", index, q.ours, String(reps + 1)])
            let ours = (many - once) / reps
            guard let theirs else {
                print("\(q.ours)\t\(ours)")
                continue
            }
            let ratio = Double(ours) / Double(theirs[k])
            logSum += log(ratio)
            print(q.ours + "\t\(ours)\t\(theirs[k])\t" + String(format: "%.2f", ratio))
        }
        if theirs != nil { print(String(format: "geomean ratio %.3f", exp(logSum / Double(benchQueries.count)))) }
    }

    /// tantivy's count per benchmark query, from the child's dumps (three per query).
    private static func tantivyCounts(valgrind: String, python: String, bench: URL, index: String, reps: Int) throws -> [Int] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-bench-callgrind-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("cg").path
        let child = bench.appendingPathComponent("tantivy/child.py").path
        _ = try refs(
            valgrind, [python, child, "--instructions", index, String(reps)] + benchQueries.map(\.tantivy), outFile: out)
        return try benchQueries.indices.map { k in
            let n = try dumpTotal(out + ".\(3 * k + 2)"), twice = try dumpTotal(out + ".\(3 * k + 3)")
            return (twice - n) / reps
        }
    }

    /// Runs `args` under callgrind and returns its total instruction count ("I refs").
    private static func refs(_ valgrind: String, _ args: [String], outFile: String = "/dev/null") throws -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: valgrind)
        p.arguments = ["--tool=callgrind", "--callgrind-out-file=\(outFile)"] + args
        let err = Pipe()
        (p.standardOutput, p.standardError) = (FileHandle.nullDevice, err)
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0, let line = text.split(separator: "\n").last(where: { $0.contains("refs:") }),
            let n = Int(line.split(separator: " ").last!.filter(\.isNumber))
        else { throw TantivyPeer.ChildFailure(description: "callgrind failed: \(args.joined(separator: " "))\n\(text.suffix(500))") }
        return n
    }

    /// The "totals:" line of a callgrind dump.
    private static func dumpTotal(_ path: String) throws -> Int {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("totals:") }),
            let n = Int(line.dropFirst("totals:".count).trimmingCharacters(in: .whitespaces))
        else { throw TantivyPeer.ChildFailure(description: "no totals in \(path)") }
        return n
    }

    /// This binary without its debug info, which valgrind 3.x cannot read for Swift 6 binaries.
    private static func strippedCopy() throws -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("policy-bench-stripped-\(getpid())").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: me, toPath: copy)
        guard let strip = which("strip") else { fatal("--instructions needs strip (binutils)") }
        let p = try Process.run(URL(fileURLWithPath: strip), arguments: ["--strip-debug", copy])
        p.waitUntilExit()
        return copy
    }

    private static func which(_ tool: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { $0 + "/" + tool }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
