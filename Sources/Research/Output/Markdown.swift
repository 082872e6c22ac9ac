/// Markdown (GitHub flavour) building blocks for the research reports: escaped text and tables
/// that paste into a report or an issue.
public enum Markdown {
    /// Text with a backslash before every character Markdown could read as syntax where it
    /// stands, and no other (a report's file names and options stay readable: gz.docx, --exact):
    /// emphasis, code, links, HTML, entities and table cells anywhere (\\ ` * _ [ ] < > | ~ &); a
    /// heading or list mark only at the start (# + - = and the . or ) after leading digits);
    /// ! only before [. Line breaks become spaces.
    public static func escape(_ s: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = ""
        var leadingDigits = true
        for (i, c) in scalars.enumerated() {
            if c == "\n" || c == "\r" {
                out += " "
                leadingDigits = false
                continue
            }
            let escaped =
                anywhere.contains(c) || (i == 0 && atStart.contains(c)) || (c == "!" && i + 1 < scalars.count && scalars[i + 1] == "[")
                || (i > 0 && leadingDigits && (c == "." || c == ")"))
            if escaped { out += "\\" }
            out.unicodeScalars.append(c)
            leadingDigits = leadingDigits && c.value >= 0x30 && c.value <= 0x39
        }
        return out
    }

    private static let anywhere: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&"]
    private static let atStart: Set<Unicode.Scalar> = ["#", "+", "-", "="]

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
