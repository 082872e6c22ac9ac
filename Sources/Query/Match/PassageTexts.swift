import Analysis
import Index

/// Stored passage texts and their normalized forms, read and normalized once per query (NEAR
/// checks, tf recounts and highlights all look at the same few passages).
final class PassageTexts {
    let reader: IndexReader
    let normalizer: Normalizer
    private var cache: [Int: (text: String, normalized: NormalizedText)] = [:]

    init(reader: IndexReader, normalizer: Normalizer) {
        self.reader = reader
        self.normalizer = normalizer
    }

    func get(_ passage: Int) throws -> (text: String, normalized: NormalizedText) {
        if let hit = cache[passage] { return hit }
        let text = try reader.passage(passage).text
        let entry = (text, normalizer.normalize(text))
        if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
        cache[passage] = entry
        return entry
    }
}
