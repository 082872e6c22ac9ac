/// The one counting definition of the product.
///
/// An occurrence of a part in a passage is a leftmost, non-overlapping match of the part's
/// normalized text in the passage's normalized text (cleaned as ingestion cleaned it, then
/// NFKC_Casefold with dash/tilde/quote folding) — what `grep -o` counts. A part's tf (BM25), the
/// highlights of a hit, the lines of a KWIC concordance and the cells of a report all follow it.
/// Several forms together — a synonym group's, or the wanted parts of a whole query (not those
/// under NOT) — are matched as `grep -o 'A\|B'` matches them: from the left, at each position the
/// longest form that matches there, then on from its end (跨境电商 OR 电商 on 跨境电商 is one
/// occurrence, 跨境电商; 会展 OR 展会 on 会展会 is one, 会展). For NEAR only the occurrences that
/// stand near each other count.
public enum Occurrences {
    /// Start offsets of the leftmost non-overlapping occurrences of `needle` in `haystack`.
    public static func starts(of needle: [UInt32], in haystack: [UInt32]) -> [Int] { matches(needle, haystack, overlapping: false) }

    /// Every start of `needle` in `haystack`, overlapping ones included.
    static func everyStart(of needle: [UInt32], in haystack: [UInt32]) -> [Int] { matches(needle, haystack, overlapping: true) }

    private static func matches(_ needle: [UInt32], _ haystack: [UInt32], overlapping: Bool) -> [Int] {
        var result: [Int] = []
        forEachStart(of: needle, in: haystack, overlapping: overlapping) { result.append($0) }
        return result
    }

    /// The same starts handed to `body` one by one (highlighting collects them without an array each).
    static func forEachStart(of needle: [UInt32], in haystack: [UInt32], overlapping: Bool = true, _ body: (Int) -> Void) {
        needle.withUnsafeBufferPointer { n in
            haystack.withUnsafeBufferPointer { h in
                var i = 0
                while let s = firstStart(n, in: h, from: i) {
                    body(s)
                    i = s + (overlapping ? 1 : n.count)
                }
            }
        }
    }

    /// The first start at or after `from` of `n` in `h`: the one matching loop of this file. The
    /// needle's first scalar is looked for eight at a time (one vector compare; a Chinese
    /// passage holds it rarely), and only where it stands is the rest compared.
    @inline(__always)
    private static func firstStart(_ n: UnsafeBufferPointer<UInt32>, in h: UnsafeBufferPointer<UInt32>, from: Int) -> Int? {
        guard let first = n.first, h.count >= n.count, from <= h.count - n.count else { return nil }
        let last = h.count - n.count  // the last possible start
        let base = UnsafeRawPointer(h.baseAddress!)
        let wanted = SIMD8<UInt32>(repeating: first)
        var i = from
        while i <= last {
            if i + 8 <= h.count {
                let lanes = base.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<UInt32>.self) .== wanted
                guard any(lanes) else {
                    i &+= 8
                    continue
                }
            }
            // A candidate in the next eight (or the tail): checked one by one.
            for k in i...min(i &+ 7, last) where h[k] == first {
                var j = 1
                while j < n.count, h[k &+ j] == n[j] { j &+= 1 }
                if j == n.count { return k }
            }
            i &+= 8
        }
        return nil
    }

    /// The spans (normalized offsets) of a term's forms — the part and its synonyms — in `text`:
    /// one form's leftmost non-overlapping occurrences; several forms' as `grep -o` finds their
    /// alternation (`leftmostLongest`).
    public static func spans(of forms: [[UInt32]], in text: [UInt32]) -> [Range<Int>] {
        if forms.count == 1 { return starts(of: forms[0], in: text).map { $0..<($0 + forms[0].count) } }
        return leftmostLongest(forms.flatMap { f in everyStart(of: f, in: text).map { $0..<($0 + f.count) } })
    }

    /// Of candidate spans (overlapping in any way), the ones `grep -o` reports for the alternation
    /// of their forms: ordered by start, the longest first; each kept when it starts at or after
    /// the end of the last one kept. Every kept span is one form's match.
    public static func leftmostLongest(_ spans: [Range<Int>]) -> [Range<Int>] {
        let sorted = spans.sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        var out: [Range<Int>] = []
        for s in sorted where s.lowerBound >= (out.last?.upperBound ?? 0) { out.append(s) }
        return out
    }

    /// Whether any of `forms` occurs in `text` (the same matching as `spans`, stopping at the first
    /// occurrence and allocating nothing): ranking asks it of many candidates' leads and paths.
    public static func occurs(_ forms: [[UInt32]], in text: [UInt32]) -> Bool {
        text.withUnsafeBufferPointer { h in forms.contains { f in f.withUnsafeBufferPointer { firstStart($0, in: h, from: 0) != nil } } }
    }

    /// Whether occurrences of `needle` can overlap (it has a proper prefix that is also a suffix,
    /// as 哈哈 or 发展发): then the index's positional count, which counts overlaps, must be redone.
    public static func canOverlap(_ needle: [UInt32]) -> Bool {
        guard needle.count >= 2 else { return false }
        for k in 1..<needle.count where needle[..<k].elementsEqual(needle[(needle.count - k)...]) { return true }
        return false
    }

    /// Whether occurrences of a term's forms can overlap one another or themselves: a form holds
    /// another (or equals it), or a proper suffix of one is a proper prefix of one (itself
    /// included). Only then can the index's per-form counts, summed, differ from the counting
    /// definition (跨境电商 = 跨境电子商务 cannot: their counts add up; 电商 = 跨境电商 can).
    public static func canOverlap(_ forms: [[UInt32]]) -> Bool {
        for (i, a) in forms.enumerated() {
            for (j, b) in forms.enumerated() {
                if i == j {
                    if canOverlap(a) { return true }
                    continue
                }
                if occurs([b], in: a) { return true }
                for k in 1..<max(1, min(a.count, b.count)) where a[(a.count - k)...].elementsEqual(b[..<k]) { return true }
            }
        }
        return false
    }
}
