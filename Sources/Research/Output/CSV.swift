import Foundation

/// CSV as RFC 4180 writes it and as Excel and WPS open it: UTF-8 with a byte-order mark (without
/// one, Excel reads UTF-8 as the local code page and garbles Chinese), CRLF line ends, and a field
/// in double quotes, its quotes doubled, when it holds a comma, quote, line break or edge space.
///
/// A text cell that starts with = + - or @ would be run as a formula by a spreadsheet (hostile
/// document titles could do harm), so it gets a leading apostrophe, as OWASP advises.
public enum CSV {
    public enum Cell: Equatable, Sendable {
        case text(String)
        /// Written as is: integers, or decimals formatted by the caller.
        case number(String)

        public static func integer(_ n: Int) -> Cell { .number(String(n)) }
        public static func decimal(_ x: Double, digits: Int = 2) -> Cell { .number(String(format: "%.\(digits)f", x)) }
    }

    public static let byteOrderMark = "\u{FEFF}"

    /// The rows as one CSV document.
    public static func render(_ rows: [[Cell]], byteOrderMark bom: Bool = true) -> String {
        var out = bom ? byteOrderMark : ""
        for row in rows {
            out += row.map(field).joined(separator: ",")
            out += "\r\n"
        }
        return out
    }

    public static func field(_ cell: Cell) -> String {
        switch cell {
        case .number(let s): return s
        case .text(var s):
            if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { s = "'" + s }
            let needsQuotes =
                s.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
                || s.unicodeScalars.first?.properties.isWhitespace == true || s.unicodeScalars.last?.properties.isWhitespace == true
            return needsQuotes ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
    }
}
