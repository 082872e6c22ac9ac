/// A word from ICU segmentation, with offsets in Unicode scalars of the analysed text.
public struct Token: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case number, letter, kana, ideographic, punctuation
    }
    public var text: String
    /// Normalized form (NFKC_Casefold), what matching uses.
    public var normalized: String
    public var start: Int
    public var end: Int
    public var kind: Kind

    public init(text: String, normalized: String, start: Int, end: Int, kind: Kind) {
        self.text = text
        self.normalized = normalized
        self.start = start
        self.end = end
        self.kind = kind
    }

    /// Maps ICU's rule status ranges to a kind (test ranges, not single values).
    static func kind(forStatus status: Int32) -> Kind {
        switch status {
        case 100..<200: return .number
        case 200..<300: return .letter
        case 300..<400: return .kana
        case 400..<500: return .ideographic
        default: return .punctuation
        }
    }
}
