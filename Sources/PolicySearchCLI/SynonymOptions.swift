import ArgumentParser
import Analysis
import Foundation
import Index
import Query

/// `--synonyms FILE` and `--exact`, shared by the commands that search. Without either, the
/// `synonyms.txt` beside the indexed documents is used, else the bundled starter set.
struct SynonymOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Synonym groups to expand plain parts with (default: synonyms.txt beside the documents or at the top of an indexed folder, else the bundled starter set).",
            valueName: "FILE"))
    var synonyms: String?

    @Flag(help: "Search every part exactly as typed: no synonym expansion.")
    var exact = false

    /// The synonyms file named on the command line, which an --out must not overwrite.
    var files: [String] { synonyms.map { [$0] } ?? [] }

    func table(for reader: IndexReader) throws -> SynonymTable? {
        if exact { return nil }
        let normalizer = Normalizer()
        do {
            if let synonyms { return try SynonymTable.load(URL(fileURLWithPath: synonyms), normalizer: normalizer) }
            guard let url = try Self.defaultFile(for: reader) else { return nil }
            return try SynonymTable.load(url, normalizer: normalizer)
        } catch let e as SynonymTable.ParseError {
            throw CLIError("synonyms: \(e)")
        }
    }

    /// synonyms.txt in a folder that holds an indexed document (the first such folder in document
    /// order), else at the top of a folder given to `index` (documents may lie in its subfolders),
    /// else the bundled corpus's. The documents' folders are in the index's manifest; an index
    /// written before they were kept has them read from every document's information.
    static func defaultFile(for reader: IndexReader) throws -> URL? {
        let manifest = try reader.manifest()
        var folders = manifest.folders.map { $0.map { URL(fileURLWithPath: $0) } } ?? []
        if folders.isEmpty {
            for d in 0..<reader.documentCount {
                let folder = URL(fileURLWithPath: try reader.documentSource(d).path).deletingLastPathComponent()
                if !folders.contains(folder) { folders.append(folder) }
            }
        }
        for root in manifest.roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            let url = URL(fileURLWithPath: root)
            folders.append(isFolder.boolValue ? url : url.deletingLastPathComponent())
        }
        for folder in folders + [IndexOptions.bundledCorpus] {
            let url = folder.appendingPathComponent(SynonymTable.fileName)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }
}
