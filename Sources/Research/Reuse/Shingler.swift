import Analysis

/// One character shingle: `Shingler.size` consecutive content characters, packed exactly (up to five
/// 21-bit code points in 105 bits), so two shingles are equal only when their characters are.
public struct Shingle: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    /// One word hashed instead of two: building sets hashes every shingle of the corpus.
    public func hash(into hasher: inout Hasher) { hasher.combine(high &* 0x9E37_79B9_7F4A_7C15 ^ low) }
}

/// Turns a passage into the set of its character shingles.
///
/// **Why this measure.** A copied clause keeps long runs of identical characters even when a few
/// words are inserted, replaced or moved; overlapping runs of k characters (k-shingles) capture that
/// without a word segmenter (ICU splits new policy vocabulary unpredictably, see ARCHITECTURE.md).
/// The set of a passage's shingles gives two figures: Jaccard |A∩B| / |A∪B| (how alike two
/// passages are as wholes) and containment |A∩B| / |B| (how much of B stands in A, high when B is a
/// clause lifted into a longer paragraph). One edited character changes at most k shingles, so a
/// 100-character clause with one substitution keeps a Jaccard near 0.9; moved sentences keep all
/// but the k−1 shingles across each seam. k = 5: at 4, stock phrases of four characters
/// (加快推进, 高质量发展) shared by unrelated clauses raise the background similarity; at 6 and
/// more, a single edit costs too much for short clauses.
///
/// Only letters and digits of the normalized text (the index's own `Normalizer`: NFKC, case folding)
/// form shingles: punctuation, bullets (▶ ➤) and spaces are typesetting that differs between plans
/// without changing what a clause says. The alignment (`Alignment`) still shows them.
///
/// **What it misses.** Paraphrase with other words (no shared runs); a clause split across two
/// passages or merged into one is matched only through containment, and only above the threshold;
/// very short passages (under ~20 characters) have too few shingles for a meaningful figure, which
/// is why they are left out by default. Sets ignore repetition: a passage that says a phrase twice
/// is the same set as one that says it once.
public final class Shingler {
    public static let defaultSize = 5
    public let size: Int
    /// The index's normalization; also lent to `Alignment`.
    public let normalizer = Normalizer()

    public init(size: Int = Shingler.defaultSize) {
        precondition((1...5).contains(size), "shingles hold 1 to 5 characters")
        self.size = size
    }

    /// The normalized letters and digits of `text`, in order.
    public func content(_ text: String) -> [UInt32] {
        normalizer.fold(text).filter(Self.isContent)
    }

    /// The distinct shingles of `text` (a text shorter than `size` content characters has one shingle,
    /// itself, if it has any content at all).
    public func shingles(_ text: String) -> [Shingle] {
        shingles(content: content(text))
    }

    public func shingles(content c: [UInt32]) -> [Shingle] {
        if c.isEmpty { return [] }
        if c.count < size { return [pack(c[...])] }
        var seen = Set<Shingle>()
        var out: [Shingle] = []
        out.reserveCapacity(c.count - size + 1)
        for i in 0...(c.count - size) {
            let s = pack(c[i..<(i + size)])
            if seen.insert(s).inserted { out.append(s) }
        }
        return out
    }

    /// Calls `body` with every shingle of `c` in order, repeats included (no set to build).
    func forEachShingle(content c: [UInt32], _ body: (Shingle) -> Void) {
        if c.isEmpty { return }
        if c.count < size { return body(pack(c[...])) }
        for i in 0...(c.count - size) { body(pack(c[i..<(i + size)])) }
    }

    private func pack(_ s: ArraySlice<UInt32>) -> Shingle {
        var high: UInt64 = 0, low: UInt64 = 0
        for v in s {
            // 21 bits per code point, shifted through 128 bits.
            high = (high << 21) | (low >> 43)
            low = (low << 21) | UInt64(v & 0x1F_FFFF)
        }
        return Shingle(high: high | UInt64(s.count) << 60, low: low)
    }

    /// Letters and digits (any script); everything else is punctuation, symbol or space.
    static func isContent(_ v: UInt32) -> Bool {
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }
}
