import Foundation
import Index
import Research
import TestSupport

/// One index of the bundled corpus for the reuse suites, and lookups by what the documents say.
enum ReuseFixture {
    static let indexDirectory: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-research-tests-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        _ = try! IndexBuilder.build(sources: [Support.corpus], into: dir, rebuild: true)
        return dir
    }()

    static let reader = try! IndexReader(directory: indexDirectory)

    static let ecommerce = "chengdu-ecommerce-14th-fyp.txt"
    static let services = "chengdu-services-14th-fyp.txt"

    static func document(_ name: String) -> Int {
        (0..<reader.documentCount).first { try! reader.documentSummary($0).name == name }!
    }

    /// The one passage of document `name` whose text contains `fragment` (read from the file).
    static func passage(_ name: String, containing fragment: String) -> Int {
        let ids = try! reader.passageRange(ofDocument: document(name)).filter { try! reader.passage($0).text.contains(fragment) }
        precondition(ids.count == 1, "\(fragment) in \(name): \(ids.count) passages")
        return ids[0]
    }

    static func text(_ id: Int) -> String { try! reader.passage(id).text }

    /// The text of `s` at code-point range `r`.
    static func slice(_ s: String, _ r: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(s.unicodeScalars)[r]))
    }

    /// The code-point range of `fragment` in `s`.
    static func range(of fragment: String, in s: String) -> Range<Int> {
        let r = s.range(of: fragment)!
        let start = s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: r.lowerBound)
        return start..<(start + fragment.unicodeScalars.count)
    }

    /// Code-point ranges of `s` not covered by `spans` (ascending, disjoint), whitespace-only gaps dropped.
    static func gaps(_ s: String, _ spans: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        for r in spans + [s.unicodeScalars.count..<s.unicodeScalars.count] {
            if i < r.lowerBound, !slice(s, i..<r.lowerBound).allSatisfy(\.isWhitespace) { out.append(i..<r.lowerBound) }
            i = r.upperBound
        }
        return out
    }
}
