/// Markdown (GitHub flavour) building blocks for the research reports: escaped text and tables
/// that paste into a report or an issue.
public enum Markdown {
    /// Text with a backslash before every ASCII character Markdown could read as syntax (| included,
    /// so text is safe in a table cell); line breaks become spaces.
    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            if c == "\n" || c == "\r" {
                out += " "
                continue
            }
            if "\\`*_{}[]<>()#+-.!|~".unicodeScalars.contains(c) { out += "\\" }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// `text` escaped, with the scalar ranges in `marks` in bold.
    public static func marked(_ text: String, _ marks: [Range<Int>]) -> String {
        let scalars = Array(text.unicodeScalars)
        func piece(_ r: Range<Int>) -> String { escape(String(String.UnicodeScalarView(scalars[r]))) }
        var out = ""
        var i = 0
        for m in marks where m.lowerBound >= i && m.upperBound <= scalars.count && !m.isEmpty {
            out += piece(i..<m.lowerBound) + "**" + piece(m) + "**"
            i = m.upperBound
        }
        return out + piece(i..<scalars.count)
    }

    /// A table of already-escaped cells; columns in `numeric` are right-aligned.
    public static func table(header: [String], rows: [[String]], numeric: Set<Int> = []) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|"
        for c in header.indices { out += numeric.contains(c) ? " ---: |" : " --- |" }
        out += "\n"
        for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        return out
    }
}
