import Foundation
import TestSupport
import Testing

@testable import Index

/// The index written does not depend on how the build was run: the number of threads (hence of
/// chunks) and whether the chunks' postings were kept raw or encoded before the merge.
@Suite struct BuildDeterminismTests {
    static func build(threads: Int, budget: Int, roots: [URL] = [Support.corpus]) throws -> [UInt8] {
        let dir = try Support.temporaryDirectory("index-determinism")
        defer { Support.remove(dir) }
        let manifest = IndexManifest(roots: roots.map(\.path))
        _ = try IndexBuilder.build(manifest, into: dir, rebuild: true, threads: threads, onWait: { _ in }, rawPostingsBudget: budget)
        try IndexReader(directory: dir).verify()
        return [UInt8](try Data(contentsOf: dir.appendingPathComponent(IndexFormat.fileName)))
    }

    @Test func threadsAndPostingsBudgetDoNotChangeTheIndex() throws {
        let reference = try Self.build(threads: 1, budget: IndexBuilder.rawPostingsBudget)
        #expect(try Self.build(threads: 3, budget: IndexBuilder.rawPostingsBudget) == reference)
        // Budget 0: every chunk encodes its postings, the merge decodes them.
        #expect(try Self.build(threads: 2, budget: 0) == reference)
    }

    /// The same for PDF and DOCX files, whose chunks differ from the texts' (they once laid out
    /// heading paths and document names chunk by chunk, so the bytes followed the thread count).
    @Test func threadsDoNotChangeAnIndexOfOtherFormats() throws {
        let fixtures = Support.root.appendingPathComponent("Tests/IngestionTests/Fixtures")
        let files = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
            .filter { ($0.hasSuffix(".pdf") || $0.hasSuffix(".docx")) && !$0.hasPrefix("password") && !$0.hasPrefix("scanned") }
            .map { fixtures.appendingPathComponent($0) }
        try #require(files.count >= 4)
        let reference = try Self.build(threads: 1, budget: IndexBuilder.rawPostingsBudget, roots: files)
        #expect(try Self.build(threads: 2, budget: IndexBuilder.rawPostingsBudget, roots: files) == reference)
        #expect(try Self.build(threads: 4, budget: IndexBuilder.rawPostingsBudget, roots: files) == reference)
    }
}
