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

    /// Recomputes every block CRC and the table CRC of an index image in place (the Index
    /// module's own section-table code), so that mutations reach the structural checks behind the
    /// checksums. Returns false (and leaves the bytes alone) when the footer cannot be located.
    public static func repairChecksums(_ bytes: inout [UInt8]) -> Bool {
        IndexFormat.SectionTable.rewriteChecksums(in: &bytes)
    }
}
