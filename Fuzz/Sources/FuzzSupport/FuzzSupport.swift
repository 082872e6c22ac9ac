import Foundation
import Index
import Query

/// Shared by the fuzz targets: a small real index to search, and checksum repair for index inputs.
public enum FuzzFixture {
    /// The repository's corpus folder (the package is built from source, so #filePath is valid).
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    /// An index of the first 120 lines of each corpus file, built once per process.
    public static let searcher: Searcher = {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("policy-fuzz-fixture-\(getpid())")
        let src = base.appendingPathComponent("src"), dir = base.appendingPathComponent("index")
        try? FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        for f in files {
            guard let text = try? String(contentsOf: corpus.appendingPathComponent(f), encoding: .utf8) else { continue }
            let slice = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(120).joined(separator: "\n")
            try? slice.write(to: src.appendingPathComponent(f), atomically: false, encoding: .utf8)
        }
        if files.isEmpty {
            try? "第一章 总则\n发展跨境电商，优化营商环境。RCEP ５Ｇ\n（一）指导思想\n1.做大规模。\n".write(
                to: src.appendingPathComponent("fallback.txt"), atomically: false, encoding: .utf8)
        }
        do {
            _ = try IndexBuilder.build(sources: [src], into: dir, threads: 1)
            let reader = try IndexReader(directory: dir)
            try? FileManager.default.removeItem(at: base)  // the reader keeps its mapping
            return Searcher(reader: reader)
        } catch {
            fatalError("fuzz fixture: cannot build the index: \(error)")
        }
    }()

    /// Recomputes every block CRC and the table CRC of a format-1 index image in place, so that
    /// mutations reach the structural checks behind the checksums. Returns false (and leaves the
    /// bytes alone) when the footer or section table cannot be located.
    public static func repairChecksums(_ bytes: inout [UInt8]) -> Bool {
        let n = bytes.count
        guard n >= IndexFormat.headerSize + IndexFormat.footerSize else { return false }
        func u32(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        func u64(_ at: Int) -> UInt64 { UInt64(u32(at)) | UInt64(u32(at + 4)) << 32 }
        func put32(_ v: UInt32, _ at: Int) { for k in 0..<4 { bytes[at + k] = UInt8((v >> (8 * UInt32(k))) & 0xFF) } }
        let footer = n - IndexFormat.footerSize
        let tableOffset = u64(footer), tableLength = u64(footer + 8)
        guard tableOffset >= UInt64(IndexFormat.headerSize), tableOffset <= UInt64(footer),
            tableLength >= 4, tableLength <= UInt64(footer) - tableOffset
        else { return false }
        let tStart = Int(tableOffset), tEnd = tStart + Int(tableLength)
        var cursor = tStart
        let count = Int(u32(cursor))
        cursor += 4
        for _ in 0..<min(count, 64) {
            guard cursor + 24 <= tEnd else { break }
            let offset = u64(cursor + 4), length = u64(cursor + 12)
            let blocks = Int(u32(cursor + 20))
            cursor += 24
            guard offset <= UInt64(n), length <= UInt64(n) - offset, blocks <= (tEnd - cursor) / 4,
                blocks == (Int(length) + IndexFormat.blockSize - 1) / IndexFormat.blockSize
            else { break }
            for b in 0..<blocks {
                let lo = Int(offset) + b * IndexFormat.blockSize
                let hi = min(Int(offset) + Int(length), lo + IndexFormat.blockSize)
                let crc = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[lo..<hi])) }
                put32(crc, cursor + 4 * b)
            }
            cursor += 4 * blocks
        }
        let tableCRC = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[tStart..<tEnd])) }
        put32(tableCRC, footer + 16)
        return true
    }
}
