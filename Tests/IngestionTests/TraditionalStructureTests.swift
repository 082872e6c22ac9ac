import Foundation
import TestSupport
import Testing

@testable import Ingestion

/// A plan printed in Traditional characters (第一節, 第三條, 專欄 2, 附錄1, …實施意見) has the outline
/// of its Simplified twin: every bundled and development document, converted by OpenCC, keeps
/// its headings (kind, depth, line) and every passage its place, with the headings' text as printed.
@Suite struct TraditionalStructureTests {
    static let documents = Support.plainDocuments

    @Test(arguments: documents)
    func aTraditionalCopyHasTheSameOutline(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let traditionalText = try Support.traditional(text)
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
        let ideographs = Array(ScriptVariants.pairs.unicodeScalars.filter { $0.value >= 0x3400 })
        #expect(ideographs.count % 2 == 0)
        let t = stride(from: 0, to: ideographs.count, by: 2).map { ideographs[$0] }
        let s = stride(from: 1, to: ideographs.count, by: 2).map { ideographs[$0] }
        #expect(t.count == s.count && t.count > 200)
        let converted = try Support.convert(t.map { String($0) }.joined(separator: "\n"), "t2s.json").split(separator: "\n")
        #expect(converted.count == t.count)
        for (k, c) in converted.enumerated() where k < s.count {
            #expect(c == String(s[k]), "\(t[k]) → \(c), the table says \(s[k])")
        }
        // Simplified text is read as it is.
        #expect(ScriptVariants.folded("第三节 专栏1 附录") == "第三节 专栏1 附录")
        #expect(ScriptVariants.folded("第三節 專欄1 附錄") == "第三节 专栏1 附录")
    }
}
