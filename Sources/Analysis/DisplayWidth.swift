import ICUFacade

/// Terminal columns of text, from Unicode's East Asian Width property (through ICU): CJK
/// characters and full-width forms take two columns, so aligned output (KWIC, tables, carets under
/// a query) must count columns, not characters.
public enum DisplayWidth {
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        return Int(pf_display_width(Int32(bitPattern: v)))
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `columns`.
    public static func prefix(_ text: String, columns: Int) -> String {
        var used = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let w = of(s)
            if used + w > columns { break }
            used += w
            out.append(s)
        }
        return String(out)
    }

    /// The longest suffix of `text` that fits in `columns`.
    public static func suffix(_ text: String, columns: Int) -> String {
        var used = 0
        var out: [Unicode.Scalar] = []
        for s in text.unicodeScalars.reversed() {
            let w = of(s)
            if used + w > columns { break }
            used += w
            out.append(s)
        }
        return String(String.UnicodeScalarView(out.reversed()))
    }

    /// `text` padded with spaces on the left (`alignRight`) or right to `columns`.
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, columns - of(text)))
        return alignRight ? fill + text : text + fill
    }
}
