import ArgumentParser
import Foundation
import Index

/// `--index DIR`, shared by every command. Without it, the index of the bundled corpus is used
/// (and built or refreshed when the corpus changed): `corpus/` and `.index/` of the repository.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Index folder (default: the bundled corpus's index, built on first use).", valueName: "DIR"))
    var index: String?

    /// The repository root: the current directory if it holds corpus/, else where this tool was built from.
    static var repositoryRoot: URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if FileManager.default.fileExists(atPath: cwd.appendingPathComponent("corpus").path),
            FileManager.default.fileExists(atPath: cwd.appendingPathComponent("Package.swift").path)
        {
            return cwd
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var bundledCorpus: URL { repositoryRoot.appendingPathComponent("corpus") }
    static var defaultIndex: URL { repositoryRoot.appendingPathComponent(".index") }

    var directory: URL { index.map { URL(fileURLWithPath: $0) } ?? Self.defaultIndex }

    /// Opens the index; the default one is built, or updated from its stored sources, first when
    /// its files changed (a stat of each file, no reading, when nothing changed).
    func open() throws -> IndexReader {
        if index == nil, !IndexBuilder.isCurrent(directory) {
            FileHandle.standardError.write("Indexing the bundled corpus (\(Self.bundledCorpus.path))…\n")
            let report = try IndexBuilder.update(directory, IndexUpdate(defaultRoots: [Self.bundledCorpus])) { pid in
                FileHandle.standardError.write("waiting: the index is being updated by pid \(pid)\n")
            }
            FileHandle.standardError.write(
                String(
                    format: "Indexed %d documents, %d passages in %.2f s.\n",
                    report.analyzed.count + report.reused.count, report.passages, report.seconds))
        }
        return try IndexReader(directory: directory)
    }
}
