import Foundation
import Testing
@testable import Ingestion

/// Encoding detection and decoding: the same text in every supported encoding decodes to the same
/// string and ingests to the same passages; what is not text is refused with a useful error.
@Suite struct DecodingTests {
    /// GB18030 for Foundation: CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000 = 0x0632).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    enum Variant: String, CaseIterable, Sendable {
        case utf8, utf8BOM, utf16LEBOM, utf16BEBOM, utf16LE, utf16BE, gb18030

        /// The name `Document.encoding` must report.
        var reported: String {
            switch self {
            case .utf8: return "UTF-8"
            case .utf8BOM: return "UTF-8 (BOM)"
            case .utf16LEBOM: return "UTF-16LE (BOM)"
            case .utf16BEBOM: return "UTF-16BE (BOM)"
            case .utf16LE: return "UTF-16LE"
            case .utf16BE: return "UTF-16BE"
            case .gb18030: return "GB18030"
            }
        }

        func encode(_ text: String) throws -> [UInt8] {
            let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            switch self {
            case .utf8: return Array(text.utf8)
            case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            case .utf16LEBOM: return [0xFF, 0xFE] + le
            case .utf16BEBOM: return [0xFE, 0xFF] + be
            case .utf16LE: return le
            case .utf16BE: return be
            case .gb18030: return [UInt8](try #require(text.data(using: DecodingTests.gb18030)))
            }
        }
    }

    /// A short plan fragment: a chapter, a heading, a paragraph wrapped after ，, another heading.
    /// It has enough ASCII (digits, newlines) for UTF-16 without a BOM to be recognised by its zero bytes.
    static let sample = "第1章 总则\n\n1.做大优势产业贸易规模。\n发挥电子信息产业集群成链优势，到2027年电子信息产品进出口达到8000亿元，\n服务贸易规模超1600亿元。\n\n2.培育壮大外贸主体。\n"

    /// `sample` in GB18030, written from the GB18030 code table (e.g. 第 = B5 DA, 中 = D6 D0), not by a converter.
    static let sampleGB18030: [UInt8] = [
        0xB5, 0xDA, 0x31, 0xD5, 0xC2, 0x20, 0xD7, 0xDC, 0xD4, 0xF2, 0x0A, 0x0A, 0x31, 0x2E, 0xD7, 0xF6,
        0xB4, 0xF3, 0xD3, 0xC5, 0xCA, 0xC6, 0xB2, 0xFA, 0xD2, 0xB5, 0xC3, 0xB3, 0xD2, 0xD7, 0xB9, 0xE6,
        0xC4, 0xA3, 0xA1, 0xA3, 0x0A, 0xB7, 0xA2, 0xBB, 0xD3, 0xB5, 0xE7, 0xD7, 0xD3, 0xD0, 0xC5, 0xCF,
        0xA2, 0xB2, 0xFA, 0xD2, 0xB5, 0xBC, 0xAF, 0xC8, 0xBA, 0xB3, 0xC9, 0xC1, 0xB4, 0xD3, 0xC5, 0xCA,
        0xC6, 0xA3, 0xAC, 0xB5, 0xBD, 0x32, 0x30, 0x32, 0x37, 0xC4, 0xEA, 0xB5, 0xE7, 0xD7, 0xD3, 0xD0,
        0xC5, 0xCF, 0xA2, 0xB2, 0xFA, 0xC6, 0xB7, 0xBD, 0xF8, 0xB3, 0xF6, 0xBF, 0xDA, 0xB4, 0xEF, 0xB5,
        0xBD, 0x38, 0x30, 0x30, 0x30, 0xD2, 0xDA, 0xD4, 0xAA, 0xA3, 0xAC, 0x0A, 0xB7, 0xFE, 0xCE, 0xF1,
        0xC3, 0xB3, 0xD2, 0xD7, 0xB9, 0xE6, 0xC4, 0xA3, 0xB3, 0xAC, 0x31, 0x36, 0x30, 0x30, 0xD2, 0xDA,
        0xD4, 0xAA, 0xA1, 0xA3, 0x0A, 0x0A, 0x32, 0x2E, 0xC5, 0xE0, 0xD3, 0xFD, 0xD7, 0xB3, 0xB4, 0xF3,
        0xCD, 0xE2, 0xC3, 0xB3, 0xD6, 0xF7, 0xCC, 0xE5, 0xA1, 0xA3, 0x0A
    ]

    @Test func foundationGB18030MatchesTheCodeTable() throws {
        // The corpus-wide tests below use Foundation's encoder; check it against hand-written bytes first.
        #expect(try Variant.gb18030.encode("中国") == [0xD6, 0xD0, 0xB9, 0xFA])
        #expect(try Variant.gb18030.encode("跨境电商") == [0xBF, 0xE7, 0xBE, 0xB3, 0xB5, 0xE7, 0xC9, 0xCC])
        // Four-byte sequences (outside GBK): ¹ as in the corpus' footnote markers, and 의.
        #expect(try Variant.gb18030.encode("¹의") == [0x81, 0x30, 0x86, 0x31, 0x83, 0x33, 0x97, 0x35])
        #expect(try Variant.gb18030.encode(Self.sample) == Self.sampleGB18030)
    }

    @Test func handWrittenGB18030Decodes() throws {
        let decoded = try TextDecoder.decode(Self.sampleGB18030, file: "gb.txt")
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.text == Self.sample)
        let short = try TextDecoder.decode([0xD6, 0xD0, 0xB9, 0xFA, 0x0A], file: "zh.txt")
        #expect(short.text == "中国\n")
        #expect(short.encoding == "GB18030")
        let fourByte = try TextDecoder.decode([0xD4, 0xF6, 0xCB, 0xD9, 0x37, 0x2E, 0x39, 0x25, 0x81, 0x30, 0x86, 0x31], file: "sup.txt")
        #expect(fourByte.text == "增速7.9%¹")
    }

    @Test(arguments: Variant.allCases)
    func sampleDecodesInEveryEncoding(_ variant: Variant) throws {
        let bytes = try variant.encode(Self.sample)
        let decoded = try TextDecoder.decode(bytes, file: "sample.txt")
        #expect(decoded.text == Self.sample)
        #expect(decoded.encoding == variant.reported)

        let doc = try Ingestor.ingest(bytes: bytes, name: "sample.txt")
        #expect(doc.encoding == variant.reported)
        // Expected by reading the sample: two headings with a joined paragraph between them.
        #expect(doc.headings.map(\.display) == ["第1章 总则", "1.做大优势产业贸易规模", "2.培育壮大外贸主体"])
        let paragraphs = doc.passages.filter { $0.kind == .paragraph }
        #expect(paragraphs.count == 1)
        #expect(paragraphs.first?.text == "发挥电子信息产业集群成链优势，到2027年电子信息产品进出口达到8000亿元，服务贸易规模超1600亿元。")
        #expect(paragraphs.first?.firstLine == 4)
        #expect(paragraphs.first?.lastLine == 5)
        #expect(paragraphs.first?.path == ["第1章 总则", "1.做大优势产业贸易规模"])
    }

    static func metadata(_ name: String) throws -> DocumentMetadata? {
        try Catalog.load(directory: CorpusSupport.corpus).metadata(for: name + ".txt")
    }

    static func assertSameDocument(_ doc: Document, _ base: Document, _ variant: Variant) {
        #expect(doc.encoding == variant.reported)
        #expect(doc.title == base.title)
        #expect(doc.headings == base.headings)
        #expect(doc.passages.count == base.passages.count)
        #expect(doc.passages == base.passages, "\(doc.name) as \(variant.rawValue): passages differ")
    }

    /// Every bundled plan, re-encoded with a byte-order mark or as GB18030, ingests exactly as its UTF-8 original.
    @Test(arguments: CorpusSupport.names, [Variant.utf8BOM, .utf16LEBOM, .utf16BEBOM, .gb18030])
    func corpusInOtherEncodings(_ name: String, _ variant: Variant) throws {
        let raw = try CorpusSupport.raw(name)
        let base = try CorpusSupport.document(name)
        #expect(base.encoding == "UTF-8")
        let bytes = try variant.encode(raw)
        #expect(try TextDecoder.decode(bytes, file: name).text == raw)
        let doc = try Ingestor.ingest(bytes: bytes, name: name + ".txt", metadata: try Self.metadata(name))
        Self.assertSameDocument(doc, base, variant)
    }

    /// UTF-16 without a byte-order mark, every bundled plan (zero bytes of ASCII on one side, of
    /// ideographs such as 一 U+4E00 on the other).
    @Test(arguments: CorpusSupport.names, [Variant.utf16LE, .utf16BE])
    func corpusInUTF16WithoutBOM(_ name: String, _ variant: Variant) throws {
        let raw = try CorpusSupport.raw(name)
        let doc = try Ingestor.ingest(bytes: try variant.encode(raw), name: name + ".txt", metadata: try Self.metadata(name))
        Self.assertSameDocument(doc, try CorpusSupport.document(name), variant)
    }

    /// Windows (CRLF) and classic Mac (CR) line ends give the same lines, so the same line numbers.
    @Test(arguments: CorpusSupport.names, ["\r\n", "\r"])
    func lineEndings(_ name: String, _ newline: String) throws {
        let raw = try CorpusSupport.raw(name)
        let base = try CorpusSupport.document(name)
        let converted = raw.replacingOccurrences(of: "\n", with: newline)
        let doc = try Ingestor.ingest(bytes: Array(converted.utf8), name: name + ".txt", metadata: try Self.metadata(name))
        #expect(doc.headings == base.headings)
        #expect(doc.passages == base.passages)
    }

    /// Mixed line ends as exporters leave them (CR CR LF, a bare LF among CRLF, a CR inside a
    /// line): lines end at LF, so every line number is the one `grep -n` prints. Expected numbers
    /// from splitting the bytes at LF here, by Foundation.
    @Test func mixedLineEndsNumberLikeGrep() throws {
        let text = "第一章　总则\r\r\n第一条　为了规范管理，\r\n制定本办法。\n\r\n第二条　本办法适用于\r本市。\r\r\n第三条　施行日期。\n"
        let doc = try Ingestor.ingest(bytes: Array(text.utf8), name: "mixed.txt")
        // Split the bytes, not the String: Swift reads CR LF as one Character.
        let grepLines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        func grepLine(_ s: String) -> Int? { grepLines.firstIndex { $0.contains(s) }.map { $0 + 1 } }
        for label in ["第一章", "第一条", "第二条", "第三条"] {
            let heading = try #require(doc.headings.first { $0.label == label }, "\(label)")
            #expect(heading.line == grepLine(label), "\(label)")
        }
        // The CR inside a line is a space between its words, not a line end.
        #expect(doc.passages.contains { $0.text.contains("本办法适用于本市") || $0.text.contains("本办法适用于 本市") })
        #expect(doc.passages.allSatisfy { !$0.text.unicodeScalars.contains("\r") })
    }

    // MARK: Refusals

    @Test func emptyInputs() throws {
        #expect(throws: IngestionError.empty(file: "e.txt")) { try TextDecoder.decode([], file: "e.txt") }
        #expect(throws: IngestionError.empty(file: "e.txt")) { try Ingestor.ingest(bytes: [], name: "e.txt") }
        // Only a byte-order mark.
        #expect(throws: IngestionError.empty(file: "e.txt")) { try TextDecoder.decode([0xEF, 0xBB, 0xBF], file: "e.txt") }
        #expect(throws: IngestionError.empty(file: "e.txt")) { try TextDecoder.decode([0xFF, 0xFE], file: "e.txt") }
        #expect(throws: IngestionError.empty(file: "e.txt")) { try TextDecoder.decode([0xFE, 0xFF], file: "e.txt") }
        // Only whitespace, including ideographic spaces.
        #expect(throws: IngestionError.empty(file: "e.txt")) { try TextDecoder.decode(Array(" \n\t\r\n\u{3000}\n".utf8), file: "e.txt") }
    }

    @Test func emptyFileOnDisk() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ingestion-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("blank.txt")
        try Data().write(to: url)
        #expect(throws: IngestionError.empty(file: "blank.txt")) { try Ingestor.ingest(fileAt: url) }
        let missing = dir.appendingPathComponent("missing.txt")
        #expect {
            try Ingestor.ingest(fileAt: missing)
        } throws: { error in
            if case .unreadable(let file, _)? = error as? IngestionError { return file == missing.path }
            return false
        }
    }

    /// Deterministic pseudo-random bytes (64-bit LCG), so a failure can be reproduced.
    static func noise(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
    }

    static func isBinaryOrUndecodable(_ error: any Error) -> Bool {
        switch error as? IngestionError {
        case .binary?, .undecodable?: return true
        default: return false
        }
    }

    @Test func pngIsRefused() {
        let png: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00
        ]
        let bytes = png + Self.noise(count: 4096, seed: 42)
        #expect {
            try TextDecoder.decode(bytes, file: "image.png")
        } throws: { Self.isBinaryOrUndecodable($0) }
        #expect {
            try Ingestor.ingest(bytes: bytes, name: "image.png")
        } throws: { Self.isBinaryOrUndecodable($0) }
    }

    @Test(arguments: [1, 7, 2024])
    func randomBytesWithoutNULsAreRefused(_ seed: Int) {
        let bytes = Self.noise(count: 2048, seed: UInt64(seed)).map { $0 == 0 ? 1 : $0 }
        #expect {
            try TextDecoder.decode(bytes, file: "noise.bin")
        } throws: { Self.isBinaryOrUndecodable($0) }
    }

    /// UTF-16 without a BOM whose plan draws its 专栏 with rules (━━, ──: U+2501 and U+2500, whose
    /// low byte is a zero) and marks items with ① and ■: text, not a binary file.
    @Test(arguments: [Variant.utf16LE, .utf16BE])
    func utf16WithoutBOMAndRulesIsText(_ variant: Variant) throws {
        let rule = String(repeating: "━", count: 30), thin = String(repeating: "─", count: 30)
        let text = "某市商务发展行动计划\n\(rule)\n专栏1 重点工程\n\(thin)\n①建设海外仓■\n②培育主体≥20家\n\(rule)\n一、总体要求\n推动跨境电商发展。\n"
        let decoded = try TextDecoder.decode(try variant.encode(text), file: "rules.txt")
        #expect(decoded.text == text)
    }

    @Test func textWithNULsIsBinary() {
        let bytes = Array("推动跨境电商发展。".utf8) + [0x00] + Array("扩大进口。\n".utf8)
        #expect {
            try TextDecoder.decode(bytes, file: "nul.txt")
        } throws: { error in
            if case .binary(let file, _)? = error as? IngestionError { return file == "nul.txt" }
            return false
        }
    }

    /// A scan saved or renamed as a text file is named as the image it is.
    @Test func imagesAreNamed() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array("IHDR".utf8)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8)
        for (bytes, kind) in [(png, "PNG"), (jpeg, "JPEG")] {
            #expect {
                try TextDecoder.decode(bytes, file: "scan.txt")
            } throws: { error in
                if case .binary(_, let reason)? = error as? IngestionError { return reason.contains("\(kind) image") }
                return false
            }
        }
    }

    @Test func controlCharactersAreBinary() {
        // Valid UTF-8 made mostly of control characters is not prose.
        let bytes = Array("中国".utf8) + [UInt8](repeating: 0x01, count: 40) + Array("\n".utf8)
        #expect {
            try TextDecoder.decode(bytes, file: "ctl.txt")
        } throws: { error in
            if case .binary? = error as? IngestionError { return true }
            return false
        }
    }

    /// Offsets written by counting bytes: where the first byte that no encoding accepts sits.
    @Test func undecodableReportsByteOffset() {
        // GB18030 中国 (4 bytes), then 0xFF: neither valid UTF-8 nor valid GB18030.
        #expect(throws: IngestionError.undecodable(file: "bad.txt", encoding: "GB18030", byteOffset: 4)) {
            try TextDecoder.decode([0xD6, 0xD0, 0xB9, 0xFA, 0xFF, 0x41], file: "bad.txt")
        }
        // ASCII then 0xFF.
        #expect(throws: IngestionError.undecodable(file: "bad.txt", encoding: "GB18030", byteOffset: 2)) {
            try TextDecoder.decode([0x61, 0x62, 0xFF, 0x41], file: "bad.txt")
        }
        // GB18030 中 then a lead byte with an invalid trail (0x80 is never a valid GB18030 byte on its own).
        #expect(throws: IngestionError.undecodable(file: "bad.txt", encoding: "GB18030", byteOffset: 2)) {
            try TextDecoder.decode([0xD6, 0xD0, 0x80, 0x41], file: "bad.txt")
        }
        // UTF-16 with a BOM: offsets count the BOM too (中 at 2–3, a lone low surrogate at byte 4).
        #expect(throws: IngestionError.undecodable(file: "u16.txt", encoding: "UTF-16LE", byteOffset: 4)) {
            try TextDecoder.decode([0xFF, 0xFE, 0x2D, 0x4E, 0x00, 0xDC, 0x41, 0x00], file: "u16.txt")
        }
        // A UTF-8 BOM makes UTF-8 authoritative: BOM (3) + 中 (3), then 0xFF at byte 6 of the file.
        #expect(throws: IngestionError.undecodable(file: "bom.txt", encoding: "UTF-8", byteOffset: 6)) {
            try TextDecoder.decode([0xEF, 0xBB, 0xBF, 0xE4, 0xB8, 0xAD, 0xFF, 0x41], file: "bom.txt")
        }
        // The message names the file, the encoding and the offset.
        let message = IngestionError.undecodable(file: "bad.txt", encoding: "GB18030", byteOffset: 4).description
        #expect(message.contains("bad.txt") && message.contains("GB18030") && message.contains("byte 4"))
    }
}
