import Analysis

/// How text output marks things: plain by default (`[-removed-]{+added+}`, as `git diff
/// --word-diff` prints), colours when the caller knows it writes to a terminal.
public struct TextStyle: Sendable {
    public var bold: @Sendable (String) -> String
    public var dim: @Sendable (String) -> String
    public var removed: @Sendable (String) -> String
    public var added: @Sendable (String) -> String
    /// Columns that `removed`/`added` add around a piece (4 for the plain markers, 0 for colours).
    public var markerWidth: Int

    public init(
        bold: @escaping @Sendable (String) -> String, dim: @escaping @Sendable (String) -> String,
        removed: @escaping @Sendable (String) -> String, added: @escaping @Sendable (String) -> String, markerWidth: Int
    ) {
        self.bold = bold
        self.dim = dim
        self.removed = removed
        self.added = added
        self.markerWidth = markerWidth
    }

    public static let plain = TextStyle(
        bold: { $0 }, dim: { $0 }, removed: { "[-" + $0 + "-]" }, added: { "{+" + $0 + "+}" }, markerWidth: 4)
}

/// Terminal text for a `ReuseReport`, every line at most `width` columns (a CJK character takes
/// two): headers are cut with …, the two-sided diff wraps, each line closing and reopening its marks.
public struct ReuseText {
    public var width: Int
    public var style: TextStyle
    /// Shared runs longer than this many characters are shortened to their ends (nil: print whole).
    public var shortenSharedBeyond: Int?

    public init(width: Int = 80, style: TextStyle = .plain, shortenSharedBeyond: Int? = nil) {
        self.width = max(width, 40)
        self.style = style
        self.shortenSharedBeyond = shortenSharedBeyond
    }

    public func render(_ report: ReuseReport) -> String {
        var lines = report.notes.map { Self.cut($0, width) }
        for group in report.groups {
            lines.append("")
            lines.append(style.bold(Self.cut(group.heading, width)))
            lines += group.summary.map { "  " + Self.cut($0, width - 2) }
            for (i, pair) in group.pairs.enumerated() {
                lines.append("")
                lines += self.pair(pair, number: i + 1)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One pair: figures, where each passage stands, the diff from a to b.
    public func pair(_ p: ReusePair, number: Int) -> [String] {
        var lines = [style.bold("\(number). " + p.figuresLine)]
        for (label, side) in [("A", p.a), ("B", p.b)] {
            var head = "   \(label) " + ReuseReport.name(side)
            if let t = side.title { head += "  " + t }
            lines.append(Self.cut(head, width))
            let path = side.path + (side.box.map { [$0] } ?? [])
            if !path.isEmpty { lines.append(style.dim("     " + Self.cutFront(path.joined(separator: " › "), width - 5))) }
        }
        lines += wrap(p.alignment.pieces(PlainText.printable(p.a.text), PlainText.printable(p.b.text)), indent: "   ")
        return lines
    }

    /// The diff pieces laid out in lines of at most `width` columns.
    func wrap(_ pieces: [Alignment.Piece], indent: String) -> [String] {
        var lines: [String] = []
        var line = indent, column = DisplayWidth.of(indent)
        for piece in pieces {
            let (text, apply, marks): (String, (String) -> String, Int) =
                switch piece {
                case .same(let s): (shorten(s), { $0 }, 0)
                case .removed(let s): (s, style.removed, style.markerWidth)
                case .added(let s): (s, style.added, style.markerWidth)
                }
            var current = ""
            for scalar in text.unicodeScalars {
                let w = scalar == "\n" ? 1 : DisplayWidth.of(scalar)
                if column + w + (current.isEmpty ? marks : 0) > width && column > indent.count {
                    if !current.isEmpty { line += apply(current) }
                    lines.append(line)
                    line = indent
                    column = DisplayWidth.of(indent)
                    current = ""
                }
                if current.isEmpty { column += marks }
                current.unicodeScalars.append(scalar == "\n" ? " " : scalar)
                column += w
            }
            if !current.isEmpty { line += apply(current) }
        }
        lines.append(line)
        return lines
    }

    private func shorten(_ s: String) -> String {
        guard let limit = shortenSharedBeyond, s.unicodeScalars.count > limit else { return s }
        let scalars = Array(s.unicodeScalars), keep = max(limit / 2 - 1, 4)
        return String(String.UnicodeScalarView(scalars.prefix(keep))) + " … " + String(String.UnicodeScalarView(scalars.suffix(keep)))
    }

    /// `s` cut to `width` columns from the front, starting with … when cut (a heading path's
    /// innermost headings say most).
    static func cutFront(_ text: String, _ width: Int) -> String {
        let s = PlainText.printable(text)
        guard DisplayWidth.of(s) > width else { return s }
        var kept: [Unicode.Scalar] = [], column = 0
        for scalar in s.unicodeScalars.reversed() {
            let w = DisplayWidth.of(scalar)
            if column + w > width - 1 { break }
            kept.append(scalar)
            column += w
        }
        return "…" + String(String.UnicodeScalarView(kept.reversed()))
    }

    /// `s` cut to `width` columns, ending in … when cut.
    static func cut(_ text: String, _ width: Int) -> String {
        let s = PlainText.printable(text)
        guard DisplayWidth.of(s) > width else { return s }
        var out = "", column = 0
        for scalar in s.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if column + w > width - 1 { break }
            out.unicodeScalars.append(scalar)
            column += w
        }
        return out + "…"
    }
}
