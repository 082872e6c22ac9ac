import Foundation
import Index
import TestSupport
import Testing

@testable import Query

/// One counting definition (README, "Counting"): an occurrence is a leftmost non-overlapping match
/// (what grep -o counts); tf, highlights and counts agree with it and with the oracle.
@Suite struct CountingTests {
    @Test(arguments: ["跨境电商", "电商", "发展", "港", "RCEP", "2025年", "“十四五”规划", "十四五"])
    func tfAndHighlightsCountOccurrences(_ term: String) throws {
        let r = try Fixture.search(term, limit: nil)
        for hit in r.hits {
            let expected = Fixture.grep.occurrences(of: term, inPassage: hit.passage.id)
            #expect(hit.highlights.count == expected.count)
            #expect(hit.explanation.terms.first?.tf == expected.count)
        }
    }

    /// In an OR of overlapping parts, overlapping occurrences merge into one highlight; each
    /// part's tf still counts its own occurrences.
    @Test func overlappingPartsOfAnOrMerge() throws {
        let r = try Fixture.search("跨境电商 OR 电商", limit: nil)
        #expect(r.total == Fixture.oracle("电商").count)
        for hit in r.hits {
            let p = hit.passage.id
            var spans = (Fixture.grep.occurrences(of: "跨境电商", inPassage: p) + Fixture.grep.occurrences(of: "电商", inPassage: p))
                .sorted { $0.lowerBound < $1.lowerBound }
            var merged: [Range<Int>] = []
            for s in spans {
                if let last = merged.last, s.lowerBound < last.upperBound {
                    merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, s.upperBound)
                } else {
                    merged.append(s)
                }
            }
            spans = merged
            #expect(hit.highlights == spans)
            let tfs = Dictionary(uniqueKeysWithValues: hit.explanation.terms.map { ($0.part, $0.tf) })
            #expect(tfs["电商"] == Fixture.grep.occurrences(of: "电商", inPassage: p).count)
        }
    }

    /// 哈哈 occurs once in 哈哈哈 (non-overlapping), though the index's positional count sees two.
    /// A synonym group's index counts are summed without reading texts only when no two
    /// occurrences of its forms can overlap; every way they can is caught.
    @Test func groupsWhoseFormsCanOverlapAreRecounted() {
        func can(_ forms: [String]) -> Bool { Occurrences.canOverlap(forms.map { $0.unicodeScalars.map(\.value) }) }
        #expect(!can(["跨境电商", "跨境电子商务"]))
        #expect(!can(["综保区", "综合保税区"]))
        #expect(can(["电商", "跨境电商"]), "one form inside another")
        #expect(can(["发展", "展会"]), "a suffix of one is a prefix of the other")
        #expect(can(["会展", "展会"]))
        #expect(can(["哈哈"]), "a form that overlaps itself")
        #expect(can(["服贸会", "服贸会"]), "the same form twice")
        #expect(!can(["港"]))
    }

    @Test func overlappingOccurrencesOfOnePartCountOnce() throws {
        let dir = try Support.temporaryDirectory("counting")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("overlap.txt")
        try "第一段哈哈哈。\n\n第二段哈哈哈哈，发展发展发。\n\n第三段没有。\n".write(to: file, atomically: true, encoding: .utf8)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        let r = try searcher.search("哈哈", options: SearchOptions(limit: nil))
        #expect(r.total == 2)
        let tfs = Dictionary(uniqueKeysWithValues: r.hits.map { ($0.passage.text.hasPrefix("第一") ? 1 : 2, $0.explanation.terms[0].tf) })
        #expect(tfs == [1: 1, 2: 2])
        #expect(r.hits.allSatisfy { $0.highlights.count == $0.explanation.terms[0].tf })
        let f = try searcher.search("发展发", options: SearchOptions(limit: nil))
        #expect(f.hits.first?.explanation.terms[0].tf == 1)
    }
}
