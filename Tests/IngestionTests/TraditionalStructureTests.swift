import Foundation
import OpenCCFacade
import TestSupport
import Testing

@testable import Ingestion

/// A plan printed in Traditional characters (第一節, 第三條, 專欄 2, 附錄1, …實施意見) has the outline
/// of its Simplified twin: every bundled and development document, converted by OpenCC, keeps
/// its headings (kind, depth, line) and every passage its place, with the headings' text as printed.
@Suite struct TraditionalStructureTests {
    /// `text` converted by an OpenCC configuration (s2t.json: Simplified to Traditional).
    static func convert(_ text: String, _ config: String) throws -> String {
        let converter = try #require(pf_opencc_open(config), "OpenCC cannot open \(config)")
        defer { pf_opencc_close(converter) }
        let bytes = Array(text.utf8)
        let out = try #require(
            bytes.withUnsafeBufferPointer { b in
                b.withMemoryRebound(to: CChar.self) { pf_opencc_convert(converter, $0.baseAddress, $0.count) }
            })
        defer { pf_opencc_free(out) }
        return String(cString: out)
    }

    /// `text` in Traditional characters, each converted alone (OpenCC's s2t, one character at a
    /// time): a character doubled by a PDF's bold stays doubled (复复 → 複複, where the phrase
    /// table would make it 複復).
    static func traditional(_ text: String) throws -> String {
        let unique = Array(Set(text.unicodeScalars.filter { $0.value >= 0x3400 }))
        let converted = try convert(unique.map { String($0) }.joined(separator: "\n"), "s2t.json").split(separator: "\n")
        try #require(converted.count == unique.count)
        var map: [Unicode.Scalar: String] = [:]
        for (c, t) in zip(unique, converted) { map[c] = String(t) }
        return text.unicodeScalars.map { map[$0] ?? String($0) }.joined()
    }

    /// The bundled corpus and the development set's UTF-8 originals.
    static let documents: [URL] = {
        var urls = (try? FileManager.default.contentsOfDirectory(at: Support.corpus, includingPropertiesForKeys: nil)) ?? []
        urls = urls.filter { $0.pathExtension == "txt" && $0.lastPathComponent != "synonyms.txt" }
        if let dev = Support.corpusDev {
            let files = (try? FileManager.default.contentsOfDirectory(at: dev, includingPropertiesForKeys: nil)) ?? []
            // Not the re-encoded copies (x.gb18030.md): the same text.
            urls += files.filter {
                ["txt", "md"].contains($0.pathExtension) && $0.deletingPathExtension().pathExtension.isEmpty
                    && $0.lastPathComponent != "README.md"
            }
        }
        return urls.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }()

    @Test(arguments: documents)
    func aTraditionalCopyHasTheSameOutline(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let traditionalText = try Self.traditional(text)
        let simplified = Ingestor.ingest(text: text, name: url.lastPathComponent)
        let traditional = Ingestor.ingest(text: traditionalText, name: url.lastPathComponent)
        let name = url.lastPathComponent
        #expect(traditional.headings.map(\.line) == simplified.headings.map(\.line), "\(name): heading lines")
        #expect(traditional.headings.map(\.depth) == simplified.headings.map(\.depth), "\(name): heading depths")
        #expect(traditional.headings.map(\.kind) == simplified.headings.map(\.kind), "\(name): heading kinds")
        let k = Array(zip(traditional.passages, simplified.passages)).firstIndex {
            $0.firstLine != $1.firstLine || $0.path.count != $1.path.count
        }
        #expect(
            k == nil && traditional.passages.count == simplified.passages.count,
            "\(name): passage \(k ?? -1): \(k.map { "\(traditional.passages[$0].text.prefix(40)) \(traditional.passages[$0].path) ≠ \(simplified.passages[$0].text.prefix(40)) \(simplified.passages[$0].path)" } ?? "")"
        )
        #expect(traditional.passages.map(\.path.count) == simplified.passages.map(\.path.count), "\(name): paths")
        #expect(traditional.passages.map { $0.box != nil } == simplified.passages.map { $0.box != nil }, "\(name): boxes")
        // Headings keep the characters they were printed in.
        let printed = String(String.UnicodeScalarView(traditionalText.unicodeScalars.filter { !CharacterClass.isSpace($0) }))
        for h in traditional.headings where h.kind == .numbered && !h.title.isEmpty {
            let title = String(String.UnicodeScalarView(h.title.unicodeScalars.filter { !CharacterClass.isSpace($0) }))
            #expect(printed.contains(title), "\(name): \(h.title) is not printed so")
        }
    }

    /// Each pair of the table is OpenCC's: the Traditional character converts to the Simplified one.
    @Test func theTableIsOpenCCs() throws {
        let t = Array(ScriptVariants.traditional.unicodeScalars.filter { $0.value >= 0x3400 })
        let s = Array(ScriptVariants.simplified.unicodeScalars.filter { $0.value >= 0x3400 })
        #expect(t.count == s.count && t.count > 200)
        let converted = try Self.convert(t.map { String($0) }.joined(separator: "\n"), "t2s.json").split(separator: "\n")
        #expect(converted.count == t.count)
        for (k, c) in converted.enumerated() where k < s.count {
            #expect(c == String(s[k]), "\(t[k]) → \(c), the table says \(s[k])")
        }
        // Simplified text is read as it is.
        #expect(ScriptVariants.folded("第三节 专栏1 附录") == "第三节 专栏1 附录")
        #expect(ScriptVariants.folded("第三節 專欄1 附錄") == "第三节 专栏1 附录")
    }
}
