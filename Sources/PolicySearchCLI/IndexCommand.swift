import ArgumentParser
import Foundation
import Index
import Research
import Ingestion

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build or update an index. It remembers the files and folders it was built from.",
        discussion: """
            With no paths, updates the index from the sources it remembers (the bundled corpus for \
            the default index); paths given are added to them. Unchanged files (same content hash) \
            are not re-analyzed; files gone from the sources leave the index. Files that cannot be \
            read or decoded are reported and skipped; one that was indexed before keeps its earlier \
            version (a half-copied file does not erase it) until it reads again.

            Exit status: 0 ok · 1 some files skipped · 2 a path or name that does not exist · 3 the \
            index is damaged, locked or unreadable.
            """
    )

    @Argument(help: "Files or folders to add to the index's sources (\(supported) files in folders).")
    var paths: [String] = []

    @OptionGroup var location: IndexOptions

    @Flag(help: "Re-analyze every file of the sources instead of reusing unchanged ones.")
    var rebuild = false

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Remove documents (file name or path) or source folders from the index: one or more.", valueName: "FILE"))
    var remove: [String] = []

    @Option(help: "Analysis threads (default: all cores).")
    var threads: Int?

    static var supported: String { Ingestor.supportedExtensions.sorted().map { "." + $0 }.joined(separator: " ") }

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let update = IndexUpdate(
            adding: paths.map { URL(fileURLWithPath: $0) }, removing: remove, rebuild: rebuild,
            defaultRoots: location.index == nil ? [IndexOptions.bundledCorpus] : [])
        let report: IndexBuildReport
        do {
            report = try IndexBuilder.update(location.directory, update, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount) {
                FileHandle.standardError.write("waiting: the index is being updated by pid \($0)\n")
            }
        } catch let e as IndexError where e.isUsageError {
            FileHandle.standardError.write("policy-search: \(e)\n")
            throw ExitCode(2)
        } catch let IndexError.noDocuments(skipped) {
            for s in skipped { FileHandle.standardError.write("skipped \(s)\n") }
            FileHandle.standardError.write("policy-search: no documents could be indexed; nothing was written\n")
            throw ExitCode(1)
        }
        for s in report.skipped { FileHandle.standardError.write("skipped \(s.file): \(s.reason)\n") }
        for d in report.duplicates.prefix(5) {
            FileHandle.standardError.write(
                "note: \(d.name) has the same content as \(d.sameAs); both are indexed, so their mentions count twice\n")
        }
        for link in report.folderLinks {
            FileHandle.standardError.write(
                "note: \(link) is a link to a folder, which is not followed inside a source folder; give it as a path to index what it holds\n"
            )
        }
        if report.duplicates.count > 5 {
            FileHandle.standardError.write("note: \(report.duplicates.count - 5) more documents repeat another's content\n")
        }
        let mb = Double(report.inputBytes) / 1_000_000
        let documents = counted(report.analyzed.count + report.reused.count + report.kept.count, "document")
        let kept = report.kept.isEmpty ? "" : ", \(report.kept.count) kept as before"
        print(
            String(
                format: "%@ (%d analyzed, %d unchanged%@, %d removed), %@; %.2f MB in %.3f s (%.1f MB/s); index %.2f MB at %@",
                documents, report.analyzed.count, report.reused.count, kept, report.removed.count, counted(report.passages, "passage"), mb,
                report.seconds, mb / max(report.seconds, 1e-9), Double(report.indexBytes) / 1_000_000, location.directory.path))
        if !report.skipped.isEmpty { throw ExitCode(1) }
    }
}
