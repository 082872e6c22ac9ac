import ArgumentParser
import Foundation

/// `--format` and `--out` together: without `--format`, the format follows `--out`'s extension
/// (r.xlsx, c.html, k.csv, t.json, report.md/.markdown, .htm, .txt), else the command's default; a
/// `--format` that contradicts the extension is a usage error rather than a file that will not open.
enum OutputFormat {
    static func choose<F: RawRepresentable & CaseIterable>(_ given: F?, default fallback: F, out: String?) throws -> F
    where F.RawValue == String {
        let implied: F? = out.flatMap { format(impliedBy: $0, among: F.allCases) }
        if let given {
            if let implied, implied.rawValue != given.rawValue, let out {
                throw ValidationError(
                    "--format \(given.rawValue) but --out \(URL(fileURLWithPath: out).lastPathComponent) suggests \(implied.rawValue): change one of them"
                )
            }
            return given
        }
        return implied ?? fallback
    }

    private static func format<F: RawRepresentable & CaseIterable>(impliedBy path: String, among formats: F.AllCases) -> F?
    where F.RawValue == String {
        let aliases = ["htm": "html", "markdown": "md", "txt": "text"]
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        let name = aliases[ext] ?? ext
        return formats.first { $0.rawValue == name }
    }
}
