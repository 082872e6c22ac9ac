import Index

/// A multiplicative adjustment beyond plain BM25, always reported with its reason.
public struct Boost: Codable, Equatable, Sendable {
    public var factor: Double
    public var reason: String
}

/// Everything needed to recompute a hit's score by hand.
public struct Explanation: Codable, Equatable, Sendable {
    public struct Term: Codable, Equatable, Sendable {
        public var part: String
        /// The forms searched as this one term, when the part expanded to its synonym group.
        public var variants: [String]?
        public var tf: Int
        public var df: Int
        public var idf: Double
        public var score: Double
    }
    /// Passages in the index.
    public var N: Int
    public var avgdl: Double
    public var dl: Int
    public var k1: Double
    public var b: Double
    public var terms: [Term]
    /// Σ of the terms' scores.
    public var bm25: Double
    public var boosts: [Boost]
    /// bm25 × Π boosts.
    public var score: Double
}

public struct Hit: Sendable {
    public var rank: Int
    public var score: Double
    public var document: DocumentSummary
    public var passage: StoredPassage
    /// Stable id, `FILE#N` (see `PassageReference`).
    public var passageID: String
    /// Unicode scalar offsets into `passage.text`, end exclusive, one per occurrence (`Occurrences`).
    public var highlights: [Range<Int>]
    /// For each highlight, the form it matched: the part as typed, or a form of its synonym group.
    public var matched: [String]
    /// How the score was computed; nil unless the search was asked to explain (`SearchOptions.explain`).
    public var explanation: Explanation?
}

/// A document ranked by its best passage.
public struct DocumentHit: Sendable {
    public var document: DocumentSummary
    public var bestScore: Double
    /// Matching passages of the document.
    public var passages: Int
    /// Id (`FILE#N`) of its best passage.
    public var bestPassageID: String
}

public struct SearchResults: Sendable {
    public var query: String
    /// All matching passages, not only those returned.
    public var total: Int
    public var hits: [Hit]
    /// What the engine did that the user should know (e.g. the word fallback).
    public var messages: [Message]
    /// The messages in English.
    public var notes: [String] { messages.map(\.english) }
    /// Documents by best passage; filled when asked for.
    public var documents: [DocumentHit]
    /// When nothing matched: the nearest strings the index holds for the parts that matched nothing.
    public var suggestions: [Suggestion] = []
}
