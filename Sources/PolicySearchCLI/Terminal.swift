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
