import Foundation
import TestSupport
import Testing

/// Every `policy-search …` command in README.md's ```sh blocks runs as a user would type it (with
/// the built binary first on PATH, from a folder that has the repository's corpus/ and docs/), exits
/// 0 and says something: the README can never again promise what the program does not do. In
/// order, as a reader would run them (an example may use the index an earlier one built).
@Suite(.serialized) struct ReadmeExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var line: Int
        var command: String
        var testDescription: String { "README.md:\(line) \(command)" }
    }

    /// Commands that run until stopped are not run here (their own tests start and stop them).
    static let longRunning = [" serve"]

    static func examples() -> [Example] {
        guard let text = try? String(contentsOf: Support.root.appendingPathComponent("README.md"), encoding: .utf8) else { return [] }
        var result: [Example] = []
        var inShell = false
        for (i, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") {
                inShell = !inShell && line == "```sh"
                continue
            }
            guard inShell, line.hasPrefix("policy-search ") || line.hasPrefix("policy-search\t") else { continue }
            // A comment starts at " #" (a passage id's # follows no space).
            var command = line
            if let r = command.range(of: #"\s+#\s.*$"#, options: .regularExpression) { command.removeSubrange(r) }
            if longRunning.contains(where: command.contains) { continue }
            result.append(Example(line: i + 1, command: command))
        }
        return result
    }

    static let workspace: URL = {
        // The index folders the examples build under /tmp start empty, as on a reader's machine
        // (one left by an earlier run remembers sources from that run's workspace).
        for e in examples() {
            for m in e.command.matches(of: /--index (\/tmp\/[^ ]+)/) { try? FileManager.default.removeItem(atPath: String(m.1)) }
        }
        let dir = try! Support.temporaryDirectory("readme")
        for name in ["corpus", "docs"] {
            try? FileManager.default.createSymbolicLink(
                at: dir.appendingPathComponent(name), withDestinationURL: Support.root.appendingPathComponent(name))
        }
        return dir
    }()

    @Test func readmeHasExamples() {
        #expect(Self.examples().count >= 20)
    }

    @Test(arguments: examples())
    func exampleRuns(_ e: Example) throws {
        let path = Support.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let before = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.workspace.path)) ?? [])
        let child = try Support.Child(
            ["-c", e.command], executable: URL(fileURLWithPath: "/bin/sh"), environment: ["PATH": path], directory: Self.workspace)
        let r = child.wait(timeout: 300)
        #expect(r.exited && r.status == 0, "exit \(r.status): \(r.stderr.prefix(600))")
        let after = Set((try? FileManager.default.contentsOfDirectory(atPath: Self.workspace.path)) ?? [])
        #expect(!r.stdout.isEmpty || after.count > before.count, "no output and no file written")
    }
}
