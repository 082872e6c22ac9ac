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
    /// build's, then every block CRC and the table CRC recomputed, as Fuzz/'s fuzz-index does. The
    /// container (header · sections · table with per-block CRCs · footer) is assumed; when the
    /// footer or table cannot be located the bytes are returned with only the version changed.
    static func retargetIndexImage(_ image: Data) -> Data {
        var bytes = [UInt8](image)
        let n = bytes.count
        guard n >= IndexFormat.headerSize + IndexFormat.footerSize else { return image }
        func u32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
        func put32(_ v: UInt32, _ at: Int) { for k in 0..<4 { bytes[at + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        put32(IndexFormat.version, 8)
        let footer = n - IndexFormat.footerSize
        let tableOffset = u64(footer), tableLength = u64(footer + 8)
        guard tableOffset >= UInt64(IndexFormat.headerSize), tableOffset <= UInt64(footer),
            tableLength >= 4, tableLength <= UInt64(footer) - tableOffset
        else { return Data(bytes) }
        let tStart = Int(tableOffset), tEnd = tStart + Int(tableLength)
        var cursor = tStart + 4
        for _ in 0..<min(Int(u32(tStart)), 64) {
            guard cursor + 24 <= tEnd else { break }
            let offset = u64(cursor + 4), length = u64(cursor + 12), blocks = Int(u32(cursor + 20))
            cursor += 24
            guard offset <= UInt64(n), length <= UInt64(n) - offset, blocks <= (tEnd - cursor) / 4,
                blocks == (Int(length) + IndexFormat.blockSize - 1) / IndexFormat.blockSize
            else { break }
            for b in 0..<blocks {
                let lo = Int(offset) + b * IndexFormat.blockSize
                let hi = min(Int(offset) + Int(length), lo + IndexFormat.blockSize)
                put32(bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[lo..<hi])) }, cursor + 4 * b)
            }
            cursor += 4 * blocks
        }
        put32(bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[tStart..<tEnd])) }, footer + 16)
        return Data(bytes)
    }
}
