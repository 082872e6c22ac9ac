import Foundation
import Index
import TestSupport
import Testing

/// Views handed out by a reader (a postings cursor, the lengths array) keep the index mapping
/// alive: reading them after the reader itself is released must still return the index's values.
@Suite struct ViewLifetimeTests {
    static func buildIndex() throws -> URL {
        let dir = try Support.temporaryDirectory("index-lifetime")
        _ = try IndexBuilder.build(sources: [Support.corpus], into: dir, threads: 1)
        return dir
    }

    /// Opens a reader, takes a cursor over 发展 and the lengths, and lets the reader go.
    static func views(_ dir: URL) throws -> (cursor: PostingsCursor, lengths: IndexReader.Lengths, df: Int, first: Int32, length: Int) {
        let reader = try IndexReader(directory: dir)
        let term = try #require(try reader.term(TermKey.bigram(0x53D1, 0x5C55)))  // 发展
        let cursor = try reader.cursor(term)
        let first = try #require(cursor.passage)
        return (cursor, try reader.lengths(), term.df, first, try reader.length(Int(first)))
    }

    @Test func aCursorAndTheLengthsOutliveTheirReader() throws {
        let dir = try Self.buildIndex()
        defer { Support.remove(dir) }
        let v = try Self.views(dir)
        // Unrelated allocations, so freed address space would be reused if the views did not hold it.
        let noise = (0..<64).map { _ in [UInt8](repeating: 0xAB, count: 1 << 16) }
        #expect(noise.count == 64)
        #expect(v.cursor.passage == v.first)
        #expect(Int(v.lengths[Int(v.first)]) == v.length)
        var n = 0
        while v.cursor.passage != nil {
            _ = try v.cursor.positions()
            n += 1
            try v.cursor.next()
        }
        #expect(n == v.df)
        #expect(v.lengths.count > 1000)
    }
}
