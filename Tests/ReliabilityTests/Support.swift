import Foundation
import Index
import Query
import TestSupport

extension Support {
    /// What a search answered, comparable across readers: total, and each hit's id and score.
    struct Answer: Equatable, CustomStringConvertible {
        var total: Int
        var hits: [String]
        var description: String { "total \(total): " + hits.joined(separator: ", ") }
    }

    static func answer(_ reader: IndexReader, _ query: String, limit: Int? = 5) throws -> Answer {
        let r = try Searcher(reader: reader).search(query, options: SearchOptions(limit: limit))
        return Answer(total: r.total, hits: r.hits.map { "\($0.passageID)@\(String(format: "%.6f", $0.score))" })
    }
}

/// A deterministic pseudo-random sequence (SplitMix64), so kill times are the same on every run.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

extension Support {
    /// An index image (as a fuzzer input) made current: the header's format version set to this
    /// build's, then every block CRC and the table CRC recomputed, as Fuzz/'s fuzz-index does (both
    /// through the Index module's section-table code).
    static func retargetIndexImage(_ image: Data) -> Data {
        var bytes = [UInt8](image)
        IndexFormat.retarget(&bytes)
        return Data(bytes)
    }
}
