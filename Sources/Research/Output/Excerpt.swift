/// A window of a passage around its first highlight, for table cells that cannot hold the whole
/// text: at most `limit` characters, "…" where it cuts, highlights shifted into the window.
public struct Excerpt: Equatable, Sendable {
    public var text: String
    public var highlights: [Range<Int>]

    public init(_ text: String, highlights: [Range<Int>], limit: Int) {
        let s = Array(text.unicodeScalars)
        guard s.count > limit, limit > 0 else {
            self.text = text
            self.highlights = highlights
            return
        }
        let first = highlights.first?.lowerBound ?? 0
        var start = max(0, min(first - limit / 4, s.count - limit))
        // Not inside a figure or a Latin word (…5亿元 of 12.5亿元 reads as another amount): the start
        // moves back to take it whole, the end back before it.
        for _ in 0..<Self.maximumShift where start > 0 && Self.joins(s[start - 1], s[start]) { start -= 1 }
        var end = min(s.count, start + limit)
        for _ in 0..<Self.maximumShift where end < s.count && end - 1 > first && Self.joins(s[end - 1], s[end]) { end -= 1 }
        let lead = start > 0 ? 1 : 0
        self.text = (start > 0 ? "…" : "") + String(String.UnicodeScalarView(s[start..<end])) + (end < s.count ? "…" : "")
        self.highlights = highlights.compactMap { h in
            let lo = max(h.lowerBound, start), hi = min(h.upperBound, end)
            return lo < hi ? (lo - start + lead)..<(hi - start + lead) : nil
        }
    }

    static let maximumShift = 16

    /// Whether two neighbouring characters belong to one figure or word (digits, Latin letters, and
    /// the decimal point, thousands comma and percent sign inside a figure, full-width forms too).
    static func joins(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        func alphanumeric(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
                || (0xFF10...0xFF19).contains(v) || (0xFF21...0xFF3A).contains(v) || (0xFF41...0xFF5A).contains(v)
        }
        func inFigure(_ c: Unicode.Scalar) -> Bool { ".,%．％".unicodeScalars.contains(c) }
        return (alphanumeric(a) || inFigure(a)) && (alphanumeric(b) || inFigure(b)) && (alphanumeric(a) || alphanumeric(b))
    }
}
