/// The part of a passage a result card shows: the whole passage when short, else a window around
/// its first highlight, with the highlights that fall inside it (code-point ranges, as `Hit`'s).
enum Snippet {
    static func window(_ text: String, _ marks: [Range<Int>], width: Int = 220) -> (text: String, marks: [Range<Int>]) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width else { return (text, marks) }
        let first = marks.first?.lowerBound ?? 0
        var start = max(0, first - width / 4)
        let end = min(scalars.count, start + width)
        start = max(0, min(start, end - width))
        let prefix = start > 0 ? "…" : ""
        let suffix = end < scalars.count ? "…" : ""
        let shift = prefix.unicodeScalars.count - start
        let kept = marks.compactMap { m -> Range<Int>? in
            let l = max(m.lowerBound, start), u = min(m.upperBound, end)
            return l < u ? (l + shift)..<(u + shift) : nil
        }
        return (prefix + String(String.UnicodeScalarView(scalars[start..<end])) + suffix, kept)
    }
}
