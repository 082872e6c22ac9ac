import Foundation
import Index

/// An independent grep over an index's stored (cleaned) passage texts: Foundation's NFKC and
/// lowercasing, never the engine's own `Normalizer`, so a shared bug cannot hide itself.
public struct Oracle: Sendable {
    /// Every stored passage's text, normalized by `Oracle.normalize`.
    public let passages: [String]
    /// Each passage's document file name.
    public let documents: [String]

    public init(reader: IndexReader) throws {
        var texts: [String] = []
        var names: [String] = []
        for d in 0..<reader.documentCount {
            let name = try reader.documentSummary(d).name
            for p in try reader.passageRange(ofDocument: d) {
                texts.append(Self.normalize(try reader.passage(p).text))
                names.append(name)
            }
        }
        passages = texts
        documents = names
    }

    /// NFKC, then lowercase: the independent stand-in for the engine's NFKC_Casefold.
    public static func normalize(_ s: String) -> String {
        s.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// Passages whose normalized text contains the normalized `term`.
    public func passages(containing term: String) -> Set<Int> {
        let t = Self.normalize(term)
        guard !t.isEmpty else { return [] }
        return Set(passages.indices.filter { passages[$0].contains(t) })
    }

}
