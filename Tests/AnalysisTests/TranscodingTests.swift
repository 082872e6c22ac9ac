import Foundation
import Testing

@testable import Analysis

/// Word counts and normalization read a string's UTF-8 directly: they must give what the plain
/// per-scalar and UTF-16 paths give, on every line of the bundled corpus and on text with 2-, 3-
/// and 4-byte characters (Latin with accents, full-width forms, CJK Extension B, emoji).
@Suite struct TranscodingTests {
    static let lines: [String] = {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("corpus")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()) ?? []
        var lines = files.flatMap { name -> [String] in
            let text = (try? String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
        lines += [
            "", "a", "Ünïcödé café 2025", "ＲＣＥＰ２０２５年（一）", "𠀀𠀁 跨境电商 🚀 ok", "𪚥字𫠠，海外仓。", "\u{00A0}\u{3000}⼯⺠"
        ]
        return lines
    }()

    @Test func wordCountFromUTF8EqualsUTF16Count() throws {
        let breaker = try WordBreaker()
        #expect(Self.lines.count > 1000)
        var words = 0
        for line in Self.lines {
            let count = breaker.countWords(line)
            #expect(count == breaker.countWords(Array(line.utf16)), "\(line)")
            words += count
        }
        #expect(words > 10000)
    }

    @Test func normalizationFromUTF8EqualsPerScalarFolding() {
        let normalizer = Normalizer()
        var compared = 0
        for line in Self.lines {
            let scalars = Array(line.unicodeScalars)
            // Traditional text takes OpenCC's path first (tested in TraditionalFoldingTests).
            if scalars.contains(where: { $0.value >= 0x3400 && TraditionalFolding.isCandidate($0.value) }) { continue }
            var expected: [UInt32] = [], offsets: [Int32] = []
            for (i, s) in scalars.enumerated() {
                // ASCII keeps its controls and spaces (only letters are folded); the rest folds through ICU.
                let v = s.value
                for f in v < 0x80 ? [v >= 0x41 && v <= 0x5A ? v + 0x20 : v] : normalizer.fold(v) {
                    expected.append(f)
                    offsets.append(Int32(i))
                }
            }
            let got = normalizer.normalize(line)
            #expect(got.scalars == expected && got.sourceOffsets == offsets, "\(line)")
            compared += 1
        }
        #expect(compared > 1000)
    }
}
