import Foundation
import Testing
@testable import Index
import Ingestion
import TestSupport

/// Round trip, atomic replacement, incremental updates, and refusal of damaged or foreign files.
@Suite struct IndexFileTests {
    static let corpus = Support.corpus

    static func temporaryDirectory(_ name: String) throws -> URL { try Support.temporaryDirectory("index-\(name)") }

    static func copyCorpus(to dir: URL) throws {
        for f in try FileManager.default.contentsOfDirectory(atPath: corpus.path) {
            try FileManager.default.copyItem(at: corpus.appendingPathComponent(f), to: dir.appendingPathComponent(f))
        }
    }

    @Test func roundTripKeepsEveryPassage() throws {
        let dir = try Self.temporaryDirectory("roundtrip")
        _ = try IndexBuilder.build(sources: [Self.corpus], into: dir)
        let reader = try IndexReader(directory: dir)
        let catalog = try Catalog.load(directory: Self.corpus)
        var id = 0
        for d in 0..<reader.documentCount {
            let info = try reader.documentInfo(d)
            let doc = try Ingestor.ingest(fileAt: Self.corpus.appendingPathComponent(info.name), catalog: catalog)
            #expect(info.title == doc.title)
            #expect(info.headings == doc.headings)
            for p in doc.passages {
                let stored = try reader.passage(id)
                #expect(stored.text == p.text && stored.path == p.path && stored.box == p.box)
                #expect(stored.record.firstLine == p.firstLine && stored.record.lastLine == p.lastLine && stored.record.kind == p.kind)
                id += 1
            }
        }
        #expect(id == reader.passageCount)
        try reader.verify()
    }

    @Test func unchangedFilesAreReusedAndRemovedFilesDisappear() throws {
        let src = try Self.temporaryDirectory("src")
        let dir = try Self.temporaryDirectory("incremental")
        try Self.copyCorpus(to: src)
        let first = try IndexBuilder.build(sources: [src], into: dir)
        #expect(first.analyzed.count == 5 && first.reused.isEmpty)
        let before = try IndexReader(directory: dir).passageCount

        try FileManager.default.removeItem(at: src.appendingPathComponent("sichuan-trade-power-opinions-draft.txt"))
        let appended = src.appendingPathComponent("chengdu-services-14th-fyp.txt")
        let handle = try FileHandle(forWritingTo: appended)
        handle.seekToEndOfFile()
        handle.write(Data("\n\n附：新增一段关于量子纠缠通信的说明。\n".utf8))
        try handle.close()

        let second = try IndexBuilder.build(sources: [src], into: dir)
        #expect(second.analyzed == ["chengdu-services-14th-fyp.txt"])
        #expect(Set(second.reused).count == 3)
        #expect(second.removed == ["sichuan-trade-power-opinions-draft.txt"])
        let reader = try IndexReader(directory: dir)
        #expect(reader.documentCount == 4)
        #expect(reader.passageCount != before)
        let names = try (0..<reader.documentCount).map { try reader.documentInfo($0).name }
        #expect(!names.contains("sichuan-trade-power-opinions-draft.txt"))
        try reader.verify()
    }

    /// A file indexed under other reading rules (an older build's, or one from before revisions
    /// were kept) is read again: its bytes alone do not make it reusable.
    @Test func filesReadUnderOtherRulesAreReadAgain() throws {
        let dir = try Self.temporaryDirectory("rules")
        _ = try IndexBuilder.build(sources: [Self.corpus.appendingPathComponent("sichuan-trade-power-opinions-draft.txt")], into: dir)
        let stored = try IndexReader(directory: dir).documentInfo(0).source
        #expect(stored.rules == Ingestor.rulesRevision)
        var now = stored
        now.modified += 1
        #expect(stored.reusable(for: now))
        for older in [nil, Ingestor.rulesRevision - 1] {
            var old = stored
            old.rules = older
            #expect(!old.reusable(for: now))
        }
        var edited = now
        edited.hash = "0000000000000000"
        #expect(!stored.reusable(for: edited))
    }

    @Test func replacingTheIndexLeavesOpenReadersWorking() throws {
        let dir = try Self.temporaryDirectory("atomic")
        _ = try IndexBuilder.build(sources: [Self.corpus], into: dir)
        let old = try IndexReader(directory: dir)
        let oldText = try old.passage(3).text
        let single = Self.corpus.appendingPathComponent("sichuan-trade-power-opinions-draft.txt")
        _ = try IndexBuilder.build(sources: [single], into: dir)
        // The old reader still reads the old file (its inode survives the rename)…
        #expect(try old.passage(3).text == oldText)
        try old.verify()
        // …and a new reader sees the new one. No temporary file is left behind.
        #expect(try IndexReader(directory: dir).documentCount == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aStaleTemporaryFileDoesNotAffectTheIndex() throws {
        let dir = try Self.temporaryDirectory("crash")
        _ = try IndexBuilder.build(sources: [Self.corpus], into: dir)
        // A crash mid-write leaves a partial temporary file; the index itself is untouched.
        try Data(repeating: 0xAB, count: 1000).write(to: dir.appendingPathComponent(".index.psx.tmp-99999"))
        let reader = try IndexReader(directory: dir)
        try reader.verify()
    }

    static func damaged(_ name: String, _ change: (inout [UInt8]) -> Void) throws -> URL {
        let dir = try temporaryDirectory(name)
        _ = try IndexBuilder.build(sources: [corpus.appendingPathComponent("sichuan-trade-power-opinions-draft.txt")], into: dir)
        let file = dir.appendingPathComponent(IndexFormat.fileName)
        var bytes = [UInt8](try Data(contentsOf: file))
        change(&bytes)
        try Data(bytes).write(to: file)
        return dir
    }

    @Test func aFlippedByteIsReportedNotReturned() throws {
        // Flip one byte in each region of the file: every one is detected, at open or by verify().
        let size = try [UInt8](Data(contentsOf: Self.damaged("size") { _ in }.appendingPathComponent(IndexFormat.fileName))).count
        for offset in stride(from: 0, to: size, by: max(1, size / 97)) {
            let dir = try Self.damaged("flip") { $0[offset] ^= 0x5A }
            #expect(throws: IndexError.self, "flip at \(offset) of \(size)") {
                let r = try IndexReader(directory: dir)
                try r.verify()
            }
        }
    }

    @Test func corruptionMessageSuggestsRebuild() throws {
        let dir = try Self.damaged("message") { $0[$0.count / 2] ^= 0xFF }
        do {
            let r = try IndexReader(directory: dir)
            try r.verify()
            Issue.record("corruption not detected")
        } catch let e as IndexError {
            #expect(e.description.contains("index --rebuild"))
        }
        // A truncated file has lost what it was built from too: the advice names the sources' form.
        let truncated = try Self.damaged("truncated") { $0.removeLast($0.count - 100) }
        #expect {
            try IndexReader(directory: truncated)
        } throws: { error in
            (error as? IndexError)?.description.contains("`policy-search index PATH… --rebuild --index") == true
        }
    }

    @Test func truncatedForeignAndFutureFilesAreRefused() throws {
        let truncated = try Self.damaged("truncated") { $0.removeLast($0.count / 3) }
        #expect(throws: IndexError.self) { try IndexReader(directory: truncated) }

        let foreign = try Self.damaged("foreign") { $0 = Array("SQLite format 3\u{0}".utf8) + $0 }
        #expect(throws: IndexError.notAnIndex(path: foreign.appendingPathComponent(IndexFormat.fileName).path)) {
            try IndexReader(directory: foreign)
        }

        let future = try Self.damaged("future") { $0[8] = 99 }
        #expect(
            throws: IndexError.incompatibleVersion(
                path: future.appendingPathComponent(IndexFormat.fileName).path, found: 99, supported: IndexFormat.version)
        ) {
            try IndexReader(directory: future)
        }

        let empty = try Self.damaged("empty") { $0 = [] }
        #expect(throws: IndexError.self) { try IndexReader(directory: empty) }

        let missing = try Self.temporaryDirectory("missing")
        #expect(throws: IndexError.missing(path: missing.path)) { try IndexReader(directory: missing) }
    }

    @Test func aSecondWriterWaitsForTheLock() throws {
        let dir = try Self.temporaryDirectory("lock")
        let held = try IndexLock(directory: dir)
        #expect(throws: IndexError.locked(path: dir.path, pid: getpid())) {
            _ = try IndexLock(directory: dir, wait: false)
        }
        withExtendedLifetime(held) {}
    }

    @Test func badFilesAreSkippedAndTheRestIndexed() throws {
        let src = try Self.temporaryDirectory("bad")
        try FileManager.default.copyItem(
            at: Self.corpus.appendingPathComponent("sichuan-trade-power-opinions-draft.txt"),
            to: src.appendingPathComponent("good.txt"))
        try Data().write(to: src.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]).write(
            to: src.appendingPathComponent("image.txt"))
        let dir = try Self.temporaryDirectory("bad-index")
        let report = try IndexBuilder.build(sources: [src], into: dir)
        #expect(report.analyzed == ["good.txt"])
        #expect(report.skipped.count == 2)
        // The path names the file; the reason says what is wrong without naming it again.
        #expect(Set(report.skipped.map { URL(fileURLWithPath: $0.file).lastPathComponent }) == ["empty.txt", "image.txt"])
        #expect(report.skipped.allSatisfy { !$0.reason.contains(URL(fileURLWithPath: $0.file).lastPathComponent) && !$0.reason.isEmpty })
    }
}

@Suite struct ChecksumTests {
    @Test func crc32cKnownVectors() {
        // RFC 3720 B.4 check value, and the empty string.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }
}

/// Postings lists damaged in ways checksums cannot see (a crafted file recomputes them): the
/// cursor refuses them instead of returning out-of-range values.
@Suite struct PostingsCursorValidationTests {
    static func encoded(count: Int, positions: [UInt32]? = nil) -> [UInt8] {
        let passages = (0..<UInt32(count)).map { $0 * 2 }
        let tfs = [UInt32](repeating: positions == nil ? 1 : UInt32(positions!.count / count), count: count)
        let lengths = [UInt32](repeating: 10, count: count * 2)
        var out = ByteBuffer()
        passages.withUnsafeBufferPointer { p in
            tfs.withUnsafeBufferPointer { t in
                (positions ?? []).withUnsafeBufferPointer { pos in
                    lengths.withUnsafeBufferPointer { l in
                        PostingsFormat.encode(passages: p, tfs: t, positions: pos, positional: positions != nil, lengths: l, into: &out)
                    }
                }
            }
        }
        return out.bytes + [UInt8](repeating: 0, count: BitPacking.padding)
    }

    static func cursor(_ bytes: [UInt8], df: Int, positional: Bool = false) throws -> PostingsCursor {
        let storage = IndexStorage(copying: bytes)
        return try PostingsCursor(storage: storage, raw: storage.bytes, df: df, positional: positional, passageCount: 1000, path: "test")
    }

    @Test func wellFormedListWalksInOrderAndOutOfOrder() throws {
        let c = try Self.cursor(Self.encoded(count: 300), df: 300)
        try c.seek(block: 2)
        #expect(c.blockPassages.first == 512)
        try c.seek(block: 0)
        #expect(c.passage == 0)
        try c.advance(to: 401)
        #expect(c.passage == 402)
    }

    /// `advance(to:)` lands on the first passage not below the target: within the decoded block,
    /// in a later block entered anywhere (a binary search), and past the end (nil).
    @Test func advanceLandsOnTheFirstPassageNotBelowTheTarget() throws {
        let bytes = Self.encoded(count: 300)  // passages 0, 2, …, 598: blocks of 128, 128, 44
        func expected(_ t: Int32) -> Int32? { t > 598 ? nil : t + (t & 1) }
        for t: Int32 in 0...600 {
            let fresh = try Self.cursor(bytes, df: 300)
            try fresh.advance(to: t)
            #expect(fresh.passage == expected(t), "from the start to \(t)")
        }
        let c = try Self.cursor(bytes, df: 300)
        var t: Int32 = 0
        while t <= 600 {
            try c.advance(to: t)
            #expect(c.passage == expected(t), "onwards to \(t)")
            t += 1 + t % 7
        }
    }

    @Test func outOfRangeSkipEntryIsRefusedWhenBlocksLoadOutOfOrder() throws {
        var bytes = Self.encoded(count: 300)
        // The skip table's last passages are packed at 10 bits (598 < 1024) after 4 width bytes:
        // entry 0 becomes 1023, beyond the 1000 passages of the index.
        #expect(bytes[0] == 10)
        bytes[4] = 0xFF
        bytes[5] |= 0x03
        #expect(throws: IndexError.self) {
            let c = try Self.cursor(bytes, df: 300)
            try c.seek(block: 1)
        }
    }

    @Test func hugePositionIsRefused() throws {
        // One posting whose only position is 2^31 − 2: a phrase offset added to it would overflow.
        #expect(throws: IndexError.self) {
            let c = try Self.cursor(Self.encoded(count: 1, positions: [0x7FFF_FFFE]), df: 1, positional: true)
            _ = try c.positions()
        }
    }
}
