import Foundation
import Index
import Ingestion

/// Where the research commands write: standard output, or FILE (atomically, with a line on
/// stderr). A FILE that would destroy what the command works from is refused before writing: an
/// index (or anything in an index folder), an indexed document, a file the index reads beside its
/// documents (catalog.json, synonyms.txt), an input of the command (the terms file, --synonyms);
/// so is a document-like file inside a folder the index reads (its next update would index the
/// output as a document), and a folder.
enum ResearchOutput {
    static func write(_ text: String, to path: String?, summary: String, protecting inputs: Inputs) throws {
        guard let path else {
            print(text, terminator: "")
            return
        }
        try write(Data(text.utf8), to: path, summary: summary, protecting: inputs)
    }

    static func write(_ data: Data, to path: String, summary: String, protecting inputs: Inputs) throws {
        try inputs.check(path)
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError("cannot write \(path): \((error as NSError).localizedDescription)")
        }
        FileHandle.standardError.write("\(summary) written to \(path)\n")
    }

    /// What a command reads, so that --out cannot overwrite it.
    struct Inputs {
        var reader: IndexReader?
        var files: [String] = []

        func check(_ path: String) throws {
            let target = Self.resolved(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
                throw CLIError("--out \(path) is a folder; give a file name, e.g. \(path)/report.html")
            }
            let folder = (target as NSString).deletingLastPathComponent
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(IndexFormat.fileName))
                || Self.isIndex(target)
            {
                throw CLIError("--out \(path) would write into an index folder; choose a file outside it")
            }
            if files.map(Self.resolved).contains(target) {
                throw CLIError("--out \(path) is a file this command reads; choose another name")
            }
            if let reader, let sources = try? (0..<reader.documentCount).map({ try reader.documentSource($0).path }),
                sources.map(Self.resolved).contains(target)
            {
                throw CLIError("--out \(path) is an indexed document; choose another name")
            }
            let name = (target as NSString).lastPathComponent
            if Ingestor.sidecarFiles.contains(name) {
                throw CLIError("--out \(path): \(name) is read beside indexed documents; choose another name")
            }
            if let reader, Ingestor.supportedExtensions.contains((name as NSString).pathExtension.lowercased()),
                let root = (try? reader.manifest().roots)?.first(where: { target.hasPrefix(Self.resolved($0) + "/") })
            {
                throw CLIError("--out \(path) is inside \(root), which the index reads: its next update would index it; write it elsewhere")
            }
        }

        /// An existing file that begins as an index file does.
        static func isIndex(_ path: String) -> Bool {
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: IndexFormat.magic.count)).map { [UInt8]($0) } == IndexFormat.magic
        }

        static func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }
}
