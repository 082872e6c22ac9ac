/// Index terms: every normalized character (unigram) and every pair of adjacent normalized
/// characters within a passage (bigram), packed in one sortable integer.
///
/// bigram (a, b) → a << 21 | b; unigram a → a << 21 | 0x1FFFFF. Unicode scalars fit in 21 bits,
/// and 0x1FFFFF is above every scalar, so keys of one first character are contiguous.
public enum TermKey {
    static let unigramMarker: UInt64 = 0x1F_FFFF

    public static func unigram(_ a: UInt32) -> UInt64 { UInt64(a) << 21 | unigramMarker }
    public static func bigram(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
    public static func isUnigram(_ key: UInt64) -> Bool { key & unigramMarker == unigramMarker }
}
