/// The one counting definition of the product.
///
/// An occurrence of a part in a passage is a leftmost, non-overlapping match of the part's
/// normalized text in the passage's normalized text (cleaned as ingestion cleaned it, then
/// NFKC_Casefold with dash/tilde/quote folding) — what `grep -o` counts. A part's tf (BM25), the
/// highlights of a hit, the lines of a KWIC concordance and the cells of a report all follow it.
/// For a whole query, a passage's occurrences are the occurrences of its wanted parts (not those
/// under NOT), with overlapping spans of different parts merged into one (跨境电商 OR 电商 on the
/// text 跨境电商 is one occurrence), and for NEAR only the occurrences that stand near each other.
public enum Occurrences {
    /// Start offsets of the leftmost non-overlapping occurrences of `needle` in `haystack`.
    public static func starts(of needle: [UInt32], in haystack: [UInt32]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var result: [Int] = []
        let first = needle[0], n = needle.count
        var i = 0
        let last = haystack.count - n
        outer: while i <= last {
            if haystack[i] != first {
                i += 1
                continue
            }
            for j in 1..<n where haystack[i + j] != needle[j] {
                i += 1
                continue outer
            }
            result.append(i)
            i += n
        }
        return result
    }

    /// The spans (normalized offsets) of a term's forms — the part and its synonyms — in `text`: each
    /// form's occurrences, with overlapping occurrences of different forms merged into one.
    public static func spans(of forms: [[UInt32]], in text: [UInt32]) -> [Range<Int>] {
        let all = forms.flatMap { f in starts(of: f, in: text).map { $0..<($0 + f.count) } }
        return forms.count == 1 ? all : merged(all)
    }

    /// Whether any of `forms` occurs in `text` (the same matching as `spans`, stopping at the first
    /// occurrence and allocating nothing): ranking asks it of many candidates' leads and paths.
    public static func occurs(_ forms: [[UInt32]], in text: [UInt32]) -> Bool {
        text.withUnsafeBufferPointer { h in
            forms.contains { form in
                form.withUnsafeBufferPointer { n in
                    guard let first = n.first, h.count >= n.count else { return false }
                    for i in 0...(h.count - n.count) where h[i] == first {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    return false
                }
            }
        }
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
                if !starts(of: b, in: a).isEmpty { return true }
                for k in 1..<max(1, min(a.count, b.count)) where a[(a.count - k)...].elementsEqual(b[..<k]) { return true }
            }
        }
        return false
    }

    /// Sorted spans with overlapping ones merged (touching spans stay apart: two occurrences).
    public static func merged(_ spans: [Range<Int>]) -> [Range<Int>] {
        let sorted = spans.sorted { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound < $1.upperBound }
        var out: [Range<Int>] = []
        for s in sorted {
            if let last = out.last, s.lowerBound < last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, s.upperBound)
            } else {
                out.append(s)
            }
        }
        return out
    }
}
