import ArgumentParser
import Foundation

/// `--format` and `--out` together: without `--format`, the format follows `--out`'s extension
/// (r.xlsx, c.html, k.csv, t.json, report.md/.markdown, .htm, .txt), else the command's default; a
/// `--format` that contradicts the extension, or an extension of a format the command cannot write,
/// is a usage error rather than a file that will not open.
enum OutputFormat {
    static func choose<F: RawRepresentable & CaseIterable>(_ given: F?, default fallback: F, out: String?) throws -> F
    where F.RawValue == String {
        if let out { try checkFolder(of: out) }
        let implied: F? = out.flatMap { format(impliedBy: $0, among: F.allCases) }
        if let given {
            if let implied, implied.rawValue != given.rawValue, let out {
                throw ValidationError(
                    "--format \(given.rawValue) but --out \(URL(fileURLWithPath: out).lastPathComponent) suggests \(implied.rawValue): change one of them"
                )
            }
            return given
        }
        if implied == nil, let out {
            let ext = URL(fileURLWithPath: out).pathExtension.lowercased()
            if knownExtensions.contains(ext) {
                let names = F.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(
                    "--out \(URL(fileURLWithPath: out).lastPathComponent): this command does not write .\(ext) (formats: \(names))")
            }
        }
        return implied ?? fallback
    }

    /// --out's folder must exist: said before the work, not after a report has been computed.
    static func checkFolder(of out: String) throws {
        guard !out.isEmpty else { throw ValidationError("--out needs a file name (or - for standard output)") }
        guard out != "-" else { return }
        let folder = URL(fileURLWithPath: out).deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--out \(out): the folder \(folder.path) does not exist; create it or write elsewhere")
        }
    }

    /// Extensions that name a document format: a file named so is expected to be one, so a command
    /// that cannot write it refuses rather than writing another format under that name. Other
    /// names (report.out, no extension) get the command's default format.
    static let knownExtensions: Set<String> = [
        "xlsx", "xls", "ods", "csv", "tsv", "html", "htm", "md", "markdown", "json", "txt", "text", "pdf", "docx", "doc", "xml"
    ]

    private static func format<F: RawRepresentable & CaseIterable>(impliedBy path: String, among formats: F.AllCases) -> F?
    where F.RawValue == String {
        let aliases = ["htm": "html", "markdown": "md", "txt": "text"]
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let name = aliases[ext] ?? ext
        return formats.first { $0.rawValue == name }
    }
}
