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
        guard let path, path != "-" else {
            print(text, terminator: "")
            return
        }
        try write(Data(text.utf8), to: path, summary: summary, protecting: inputs)
    }

    /// `-` is standard output, as for `--terms -`. A regular file (or a link to one: the link stays)
    /// is replaced atomically; a pipe or a device (/dev/stdout, `>(wc -c)`, a FIFO) is written
    /// as a stream, never replaced by a file.
    static func write(_ data: Data, to path: String, summary: String, protecting inputs: Inputs) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        guard !path.isEmpty else { throw CLIError("--out needs a file name (or - for standard output)") }
        try inputs.check(path)
        do {
            if let stream = FileHandle(forStreamingTo: path) {
                defer { try? stream.close() }
                try stream.write(contentsOf: data)
            } else {
                try data.write(to: URL(fileURLWithPath: Inputs.resolved(path)), options: .atomic)
            }
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
            if FileHandle.kind(of: target).map({ $0 != S_IFREG && $0 != S_IFDIR }) == true { return }
            if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
                // An index folder takes no report: the example names a file beside it.
                let inIndex = Self.isIndex((target as NSString).appendingPathComponent(IndexFormat.fileName))
                let example =
                    inIndex
                    ? ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("report.html")
                    : "\(path)/report.html"
                throw CLIError("--out \(path) is \(inIndex ? "an index folder" : "a folder"); give a file name, e.g. \(example)")
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

        /// An existing file that begins as an index file does (only regular files are opened: opening
        /// a FIFO to read would wait for a writer).
        static func isIndex(_ path: String) -> Bool {
            guard FileHandle.kind(of: path) == S_IFREG, let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            return (try? handle.read(upToCount: IndexFormat.magic.count)).map { [UInt8]($0) } == IndexFormat.magic
        }

        static func resolved(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
    }
}

extension FileHandle {
    /// The file type bits (S_IFREG, S_IFIFO, …) of what `path` finally names; nil if nothing.
    static func kind(of path: String) -> mode_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & S_IFMT : nil
    }

    /// A handle that writes to `path` as a stream when it names a pipe, socket or device (not a
    /// regular file or folder, which are replaced atomically instead); nil otherwise.
    convenience init?(forStreamingTo path: String) {
        guard let kind = Self.kind(of: path), kind != S_IFREG, kind != S_IFDIR else { return nil }
        self.init(forWritingAtPath: path)
    }
}
