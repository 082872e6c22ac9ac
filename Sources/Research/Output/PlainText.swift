/// Document text bound for a terminal: control characters (ESC sequences that clear the screen or
/// set the window title, BEL) and bidirectional overrides (which reorder what the terminal shows)
/// become �, one for one, so offsets into the text stay valid.
public enum PlainText {
    public static func printable(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isUnsafe) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { isUnsafe($0) ? "\u{FFFD}" : $0 }))
    }

    static func isUnsafe(_ c: Unicode.Scalar) -> Bool {
        c.properties.generalCategory == .control || (0x202A...0x202E).contains(c.value) || (0x2066...0x2069).contains(c.value)
    }
}
