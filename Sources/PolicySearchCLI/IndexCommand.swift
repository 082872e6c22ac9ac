import ArgumentParser
import Foundation
import Index

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update an index from text files and folders (default: the bundled corpus).",
        discussion:
            "Unchanged files (same content hash) are not re-analyzed; removed files leave the index. Files that cannot be read or decoded are reported and skipped (exit status 1)."
    )

    @Argument(help: "Files or folders to index (.txt/.md in folders).")
    var paths: [String] = []

    @OptionGroup var location: IndexOptions

    @Flag(help: "Re-analyze every file, ignoring the existing index.")
    var rebuild = false

    @Option(help: "Analysis threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let sources = paths.isEmpty ? [IndexOptions.bundledCorpus] : paths.map { URL(fileURLWithPath: $0) }
        let report = try IndexBuilder.build(sources: sources, into: location.directory, rebuild: rebuild, threads: threads) { pid in
            FileHandle.standardError.write("waiting: the index is being updated by pid \(pid)\n")
        }
        for s in report.skipped { FileHandle.standardError.write("skipped \(s.file): \(s.reason)\n") }
        let mb = Double(report.inputBytes) / 1_000_000
        print(
            String(
                format:
                    "%d documents (%d analyzed, %d unchanged, %d removed), %d passages; %.2f MB in %.3f s (%.1f MB/s); index %.2f MB at %@",
                report.analyzed.count + report.reused.count, report.analyzed.count, report.reused.count, report.removed.count,
                report.passages, mb, report.seconds, mb / max(report.seconds, 1e-9), Double(report.indexBytes) / 1_000_000,
                location.directory.path))
        if !report.skipped.isEmpty { throw ExitCode(1) }
    }
}
