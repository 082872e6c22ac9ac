import Analysis
import Research
import Foundation

/// Output for people: ANSI bold colour on a terminal, [brackets] when piped or NO_COLOR is set;
/// layout in display columns (CJK characters take two) within the terminal's width, at most 100.
struct Terminal {
    let color: Bool
    /// Columns available for a line.
    let width: Int

    static var standardOutput: Terminal {
        let tty = isatty(STDOUT_FILENO) != 0
        return Terminal(color: tty && ProcessInfo.processInfo.environment["NO_COLOR"] == nil, width: columns(tty: tty))
    }

    /// The terminal's width (or $COLUMNS), clamped to 40…100; 80 when unknown.
    private static func columns(tty: Bool) -> Int {
        var size = winsize()
        if tty, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return min(100, max(40, Int(size.ws_col))) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) { return min(100, max(40, c)) }
        return 80
    }

    func mark(_ s: String) -> String { color ? "\u{1B}[1;31m\(s)\u{1B}[0m" : "[\(s)]" }
    func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    /// The two sides of a word diff: red and green on a terminal, `[-…-]` and `{+…+}` otherwise.
    func removed(_ s: String) -> String { color ? "\u{1B}[31m\(s)\u{1B}[0m" : "[-\(s)-]" }
    func added(_ s: String) -> String { color ? "\u{1B}[32m\(s)\u{1B}[0m" : "{+\(s)+}" }

    /// Control characters and bidirectional overrides (from the shell or a document) shown as �,
    /// never sent to the terminal (`PlainText`).
    static func printable(_ s: String) -> String { PlainText.printable(s) }

    /// `s` shortened to `columns` by replacing its middle with "…".
    static func elideMiddle(_ text: String, columns: Int) -> String {
        let s = printable(text)
        guard DisplayWidth.of(s) > columns, columns > 3 else { return s }
        let half = (columns - 1) / 2
        return DisplayWidth.prefix(s, columns: half) + "…" + DisplayWidth.suffix(s, columns: columns - 1 - half)
    }

    /// `text` in lines of at most `columns` display columns, broken where Chinese and English text
    /// may break: between Chinese characters and at spaces, never inside a Latin word or number
    /// (a file name, an option), never before closing punctuation (，。”）) or after opening
    /// punctuation (“（《). A unit wider than a line is cut by characters.
    static func wrap(_ text: String, columns: Int) -> [String] {
        var lines: [String] = []
        var line = "", used = 0
        for unit in breakUnits(text) {
            let w = DisplayWidth.of(unit)
            if used + w > columns, !line.isEmpty {
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
                line = ""
                used = 0
                if unit == " " { continue }  // a space that broke the line does not start the next
            }
            if w > columns {
                // Only a unit wider than a whole line is cut inside.
                for s in unit.unicodeScalars {
                    let sw = DisplayWidth.of(s)
                    if used + sw > columns, !line.isEmpty {
                        lines.append(line)
                        line = ""
                        used = 0
                    }
                    line.unicodeScalars.append(s)
                    used += sw
                }
                continue
            }
            line += unit
            used += w
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    static let opening: Set<Unicode.Scalar> = ["“", "‘", "（", "《", "【", "「", "『", "〔", "(", "["]
    static let closing: Set<Unicode.Scalar> = [
        "”", "’", "）", "》", "】", "」", "』", "〕", "，", "。", "、", "；", "：", "！", "？", ")", "]", "…"
    ]

    /// The pieces a line may break between: a run of Latin letters, digits and ASCII symbols (one
    /// word), a space, or one other character; opening punctuation sticks to what follows it and
    /// closing punctuation to what precedes it.
    static func breakUnits(_ text: String) -> [String] {
        var units: [String] = []
        var pendingOpen = ""
        for s in text.unicodeScalars {
            let isWordChar = s.isASCII && s != " " && !opening.contains(s) && !closing.contains(s)
            if closing.contains(s), let last = units.indices.last, pendingOpen.isEmpty {
                units[last].unicodeScalars.append(s)
            } else if opening.contains(s) {
                pendingOpen.unicodeScalars.append(s)
            } else if isWordChar, pendingOpen.isEmpty, let last = units.last?.unicodeScalars.last, last.isASCII, last != " ",
                !closing.contains(last)
            {
                units[units.count - 1].unicodeScalars.append(s)
            } else {
                units.append(pendingOpen + String(s))
                pendingOpen = ""
            }
        }
        if !pendingOpen.isEmpty { units.append(pendingOpen) }
        return units
    }

    /// A heading path joined by " › ", fitted to `columns`: the outermost heading and as many of
    /// the innermost as fit are kept, the middle ones become "…".
    static func path(_ headings: [String], columns: Int) -> String {
        let parts = headings.map(printable)
        let joined = parts.joined(separator: " › ")
        guard DisplayWidth.of(joined) > columns, parts.count > 2 else { return elideMiddle(joined, columns: columns) }
        var tail = [parts[parts.count - 1]]
        for k in stride(from: parts.count - 2, through: 1, by: -1) {
            let candidate = ([parts[0], "…", parts[k]] + tail).joined(separator: " › ")
            if DisplayWidth.of(candidate) > columns { break }
            tail.insert(parts[k], at: 0)
        }
        let kept = tail.count == parts.count - 1 ? [parts[0]] + tail : [parts[0], "…"] + tail
        return elideMiddle(kept.joined(separator: " › "), columns: columns)
    }

    /// A window of `text` around its first highlight, at most `lines` lines of `columns` display
    /// columns, highlights marked (a mark cut by a line end is closed and reopened); "…" where the
    /// window cuts the text. Lines are returned without indentation.
    func snippet(_ text: String, highlights: [Range<Int>], columns: Int, lines: Int = 2) -> [String] {
        let scalars = Array(Self.printable(text).unicodeScalars)
        var start = 0
        if let first = highlights.first {
            // Start a little before the first highlight, so its context shows.
            var w = 0
            start = min(first.lowerBound, scalars.count)
            while start > 0, w + DisplayWidth.of(scalars[start - 1]) <= columns / 3 {
                start -= 1
                w += DisplayWidth.of(scalars[start])
            }
        }
        let open = color ? "\u{1B}[1;31m" : "[", close = color ? "\u{1B}[0m" : "]"
        let markWidth = color ? 0 : 1
        var out: [String] = []
        var line = start > 0 ? "…" : ""
        var used = start > 0 ? 1 : 0
        var marked = false
        var i = start
        var h = highlights.firstIndex { $0.upperBound > start } ?? highlights.count  // the next highlight
        while i < scalars.count {
            let opens = !marked && h < highlights.count && highlights[h].lowerBound <= i
            let w = DisplayWidth.of(scalars[i]) + (opens ? markWidth : 0)
            // The last line keeps a column for the "…" of a cut.
            let room = out.count == lines - 1 ? columns - 1 : columns
            // A mark that fits on a line is not cut: the line breaks before it ([50] / [00万美元]
            // would read as two figures).
            let whole =
                opens ? scalars[i..<min(highlights[h].upperBound, scalars.count)].reduce(2 * markWidth) { $0 + DisplayWidth.of($1) } : 0
            let keepWhole = opens && used > 0 && used + whole > room && whole <= room
            if keepWhole || used + w + (marked || opens ? markWidth : 0) > room {
                if marked { line += close }
                out.append(out.count == lines - 1 ? line + "…" : line)
                if out.count == lines { return out }
                line = marked ? open : ""
                used = marked ? markWidth : 0
            }
            if opens {
                line += open
                marked = true
            }
            line.unicodeScalars.append(scalars[i])
            used += w
            i += 1
            if marked, i >= highlights[h].upperBound {
                line += close
                used += markWidth
                marked = false
                h += 1
            }
        }
        if !line.isEmpty { out.append(line) }
        return out
    }
}
