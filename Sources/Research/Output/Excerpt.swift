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
        let start = max(0, min((highlights.first?.lowerBound ?? 0) - limit / 4, s.count - limit))
        let end = min(s.count, start + limit)
        let lead = start > 0 ? 1 : 0
        self.text = (start > 0 ? "…" : "") + String(String.UnicodeScalarView(s[start..<end])) + (end < s.count ? "…" : "")
        self.highlights = highlights.compactMap { h in
            let lo = max(h.lowerBound, start), hi = min(h.upperBound, end)
            return lo < hi ? (lo - start + lead)..<(hi - start + lead) : nil
        }
    }
}
