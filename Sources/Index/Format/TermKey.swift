/// Index terms: every normalized character (unigram) and every pair of adjacent normalized
/// characters within a passage (bigram), packed in one sortable integer.
///
/// bigram (a, b) → a << 21 | b; unigram a → a << 21 | 0x1FFFFF. Unicode scalars fit in 21 bits,
/// and 0x1FFFFF is above every scalar, so keys of one first character are contiguous, ending
/// with the character's unigram. A passage's last character c also gets the pair (c, end) with
/// `end` = 0x1FFFFE, no scalar: then a character's passages and counts are exactly those of its
/// pairs together (`IndexReader` answers a unigram from them when its own list is left out).
public enum TermKey {
    static let unigramMarker: UInt64 = 0x1F_FFFF
    /// The second "character" of the pair that ends a passage.
    static let end: UInt32 = 0x1F_FFFE

    public static func unigram(_ a: UInt32) -> UInt64 { UInt64(a) << 21 | unigramMarker }
    public static func bigram(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    public static func isUnigram(_ key: UInt64) -> Bool { key & unigramMarker == unigramMarker }

    /// The keys of the pairs that start with `key`'s first character (the end pair included).
    static func pairs(startingLike key: UInt64) -> ClosedRange<UInt64> {
        let first = key & ~unigramMarker
        return first...(first | UInt64(end))
    }

    static func isEnd(_ key: UInt64) -> Bool { key & unigramMarker == UInt64(end) }

    /// The first character's unigram key, for any key.
    static func unigram(of key: UInt64) -> UInt64 { key | unigramMarker }
}
