import Foundation
@testable import Index
import TestSupport
import Testing

/// The records view top-k reads candidates through must give exactly what `passageRecord` gives
/// (whole records, and the three fields ranking reads), for every passage, and keep the mapping
/// alive after its reader is released.
@Suite struct PassageRecordsTests {
    @Test func theViewAgreesWithPassageRecordEverywhere() throws {
        let dir = try Support.temporaryDirectory("index-records")
        defer { Support.remove(dir) }
        _ = try IndexBuilder.build(sources: [Support.corpus], into: dir, threads: 1)
        var reader: IndexReader? = try IndexReader(directory: dir)
        let view = try reader!.passageRecords()
        let expected = try (0..<reader!.passageCount).map { try reader!.passageRecord($0) }
        #expect(expected.count > 1000)
        #expect(Set(expected.map(\.kind)).count >= 3, "headings, paragraphs and more kinds are read")
        reader = nil
        for (id, record) in expected.enumerated() {
            #expect(try view.record(id) == record)
            // What ranking reads of every candidate: the same kind, length and path.
            let fields = try view.rankingFields(id)
            #expect(fields.kind == record.kind && fields.length == record.length && fields.pathID == record.pathID)
        }
        #expect(throws: IndexError.self) { try view.record(expected.count) }
        #expect(throws: IndexError.self) { try view.record(-1) }
        #expect(throws: IndexError.self) { try view.rankingFields(expected.count) }
        #expect(throws: IndexError.self) { try view.rankingFields(-1) }
    }

    /// The ranking loop decodes a kind code with a switch, the writer with the table's order:
    /// every code the table defines maps back to its kind, and the next one to none.
    @Test func kindCodesDecodeAsTheTableEncodesThem() {
        for (code, kind) in PassageTable.kinds.enumerated() { #expect(PassageTable.kind(code) == kind) }
        #expect(PassageTable.kind(PassageTable.kinds.count) == nil)
        #expect(PassageTable.kind(-1) == nil)
    }
}
