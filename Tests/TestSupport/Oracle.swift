import Foundation
import Index

/// An independent grep over an index's stored (cleaned) passage texts: OpenCC's command-line
/// Traditional→Simplified conversion, then Foundation's NFKC and lowercasing, never the engine's
/// own `Normalizer`, so a shared bug cannot hide itself.
public struct Oracle: Sendable {
    /// Every stored passage's text, normalized by `Oracle.normalize`.
    public let passages: [String]
    /// Each passage's document file name.
    public let documents: [String]

    public init(reader: IndexReader) throws {
        var texts: [String] = []
        var names: [String] = []
        for d in 0..<reader.documentCount {
            let name = try reader.documentSummary(d).name
            for p in try reader.passageRange(ofDocument: d) {
                texts.append(try reader.passage(p).text)
                names.append(name)
            }
        }
        passages = try Self.simplified(texts).map(Self.normalize)
        documents = names
    }

    /// The texts converted Traditional→Simplified by the `opencc` program (package `opencc`,
    /// installed by scripts/setup) in one run: the same phrase-aware t2s table the engine folds
    /// with, reached through a different door.
    public static func simplified(_ texts: [String]) throws -> [String] {
        let separator = "\n\u{1E}\n"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oracle-opencc-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.txt")
        let output = dir.appendingPathComponent("out.txt")
        try Data(texts.joined(separator: separator).utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/opencc")
        process.arguments = ["-c", "t2s.json", "-i", input.path, "-o", output.path]
        try process.run()
        process.waitUntilExit()
        let converted = String(decoding: try Data(contentsOf: output), as: UTF8.self).components(separatedBy: separator)
        guard process.terminationStatus == 0, converted.count == texts.count else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "opencc failed; run scripts/setup"])
        }
        return converted
    }

    /// NFKC, then lowercase, then dash, tilde and quote variants as their ASCII forms: the
    /// independent stand-in for the engine's normalization (README, "Matching").
    public static func normalize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            switch c {
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}", "\u{FE58}": out.append("-")
            case "\u{301C}", "\u{223C}": out.append("~")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{301D}", "\u{301E}": out.append("\"")
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out.append("'")
            default: out.append(c)
            }
        }
        return String(out)
    }

    /// Scalar-offset ranges of the non-overlapping occurrences of `term` in passage `p`, found
    /// with Foundation's string search.
    public func occurrences(of term: String, inPassage p: Int) -> [Range<Int>] {
        Self.occurrences(of: Self.normalize(term), in: passages[p])
    }

    public static func occurrences(of needle: String, in hay: String) -> [Range<Int>] {
        guard !needle.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var from = hay.startIndex
        while let r = hay.range(of: needle, options: .literal, range: from..<hay.endIndex) {
            let lo = hay.unicodeScalars.distance(from: hay.startIndex, to: r.lowerBound)
            result.append(lo..<(lo + needle.unicodeScalars.count))
            from = r.upperBound
        }
        return result
    }

    /// Passages whose normalized text contains the normalized `term`.
    public func passages(containing term: String) -> Set<Int> {
        let t = Self.normalize(term)
        guard !t.isEmpty else { return [] }
        return Set(passages.indices.filter { passages[$0].contains(t) })
    }

}
