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
