import Foundation

/// Highlighting for people: ANSI bold colour on a terminal, [brackets] when piped or NO_COLOR is set.
struct Terminal {
    let color: Bool

    static var standardOutput: Terminal {
        Terminal(color: isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    func mark(_ s: String) -> String { color ? "\u{1B}[1;31m\(s)\u{1B}[0m" : "[\(s)]" }
    func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    /// The two sides of a word diff: red and green on a terminal, `[-…-]` and `{+…+}` otherwise.
    func removed(_ s: String) -> String { color ? "\u{1B}[31m\(s)\u{1B}[0m" : "[-\(s)-]" }
    func added(_ s: String) -> String { color ? "\u{1B}[32m\(s)\u{1B}[0m" : "{+\(s)+}" }

    /// Columns to fill: the terminal's width up to 100 on a terminal, 80 otherwise.
    var columns: Int {
        var size = winsize()
        guard color, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return min(Int(size.ws_col), 100)
    }

    /// A window of `text` around its highlights, each highlight marked; `width` in characters.
    func snippet(_ text: String, highlights: [Range<Int>], width: Int = 120) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = highlights.first else { return String(String.UnicodeScalarView(scalars.prefix(width))) }
        var lo = max(0, first.lowerBound - width / 4)
        let hi = min(scalars.count, lo + width)
        if hi - lo < width { lo = max(0, hi - width) }
        var out = lo > 0 ? "…" : ""
        var i = lo
        for h in highlights where h.lowerBound >= lo && h.lowerBound < hi {
            if h.lowerBound < i { continue }
            out += String(String.UnicodeScalarView(scalars[i..<h.lowerBound]))
            let end = min(h.upperBound, hi)
            out += mark(String(String.UnicodeScalarView(scalars[h.lowerBound..<end])))
            i = end
        }
        if i < hi { out += String(String.UnicodeScalarView(scalars[i..<hi])) }
        if hi < scalars.count { out += "…" }
        return out
    }
}
