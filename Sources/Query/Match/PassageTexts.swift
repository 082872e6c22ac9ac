import Analysis
import Index

/// Stored passages and their normalized texts, read and normalized once (NEAR checks, tf
/// recounts, highlights and the hits shown all look at the same few passages, query after query).
final class PassageTexts {
    let reader: IndexReader
    let normalizer: Normalizer
    private var cache = PassageSlotCache<(passage: StoredPassage, normalized: NormalizedText)>(capacity: 4096)

    init(reader: IndexReader, normalizer: Normalizer) {
        self.reader = reader
        self.normalizer = normalizer
    }

    func get(_ passage: Int) throws -> (text: String, normalized: NormalizedText) {
        let entry = try self.entry(passage)
        return (entry.passage.text, entry.normalized)
    }

    /// The stored passage (`IndexReader.passage`), from the cache.
    func stored(_ passage: Int) throws -> StoredPassage { try entry(passage).passage }

    /// Both, with one lookup (a hit shown reads its stored passage and its highlights).
    func entry(_ passage: Int) throws -> (passage: StoredPassage, normalized: NormalizedText) {
        if let hit = cache.get(passage) { return hit }
        let stored = try reader.passage(passage)
        let entry = (stored, normalizer.normalize(stored.text))
        cache.set(passage, entry, passages: reader.passageCount)
        return entry
    }
}
