import Foundation
import Testing
@testable import Ingestion

/// The recovered outline of each bundled document against a gold outline written by reading it
/// (Gold/*.outline, format in Gold/FORMAT.md).
@Suite struct OutlineGoldTests {
    struct Entry: Equatable, CustomStringConvertible {
        var depth: Int
        var label: String
        var title: String
        var description: String { "\(depth)|\(label)|\(title)" }
    }

    static func gold(_ name: String) throws -> [Entry] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "outline", subdirectory: "Gold"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let f = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard f.count == 3, let d = Int(f[0]) else { return nil }
            return Entry(depth: d, label: CorpusSupport.comparable(f[1]), title: CorpusSupport.comparable(f[2]))
        }
    }

    static func recovered(_ name: String) throws -> [Entry] {
        try CorpusSupport.document(name).headings.map {
            Entry(depth: $0.depth, label: CorpusSupport.comparable($0.label), title: CorpusSupport.comparable($0.title))
        }
    }

    @Test(arguments: CorpusSupport.names)
    func outlineMatchesGold(_ name: String) throws {
        let expected = try Self.gold(name)
        let actual = try Self.recovered(name)
        #expect(expected.count > 10)
        let diff = actual.difference(from: expected)
        var report: [String] = []
        for change in diff {
            switch change {
            case .insert(let o, let e, _): report.append("+ extra   #\(o) \(e)")
            case .remove(let o, let e, _): report.append("- missing #\(o) \(e)")
            }
        }
        #expect(report.isEmpty, "\(name): \(report.count) differences\n\(report.joined(separator: "\n"))")
    }
}
