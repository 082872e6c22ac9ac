import Analysis
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
            #expect(hit.explanation?.terms.first?.tf == expected.count)
        }
    }

    /// In an OR of overlapping parts, the highlights are what `grep -o '跨境电商\|电商'` finds (at
    /// each position the longest part, then on from its end); each part's tf still counts its own
    /// occurrences.
    @Test func overlappingPartsOfAnOrCountAsGrepDoes() throws {
        let r = try Fixture.search("跨境电商 OR 电商", limit: nil)
        #expect(r.total == Fixture.oracle("电商").count)
        let long = Array("跨境电商".unicodeScalars), short = Array("电商".unicodeScalars)
        for hit in r.hits {
            let p = hit.passage.id
            let text = Array(Fixture.grep.passages[p].unicodeScalars)
            var spans: [Range<Int>] = []
            var i = 0
            while i < text.count {
                if let form = [long, short].first(where: { i + $0.count <= text.count && text[i..<(i + $0.count)].elementsEqual($0) }) {
                    spans.append(i..<(i + form.count))
                    i += form.count
                } else {
                    i += 1
                }
            }
            #expect(hit.highlights == spans)
            let tfs = Dictionary(uniqueKeysWithValues: try #require(hit.explanation).terms.map { ($0.part, $0.tf) })
            #expect(tfs["电商"] == Fixture.grep.occurrences(of: "电商", inPassage: p).count)
        }
    }

    /// Forms of a group that chain (会展 = 展会 on 会展会展会) count as `grep -o -E '会展|展会'` counts
    /// them, and every highlight is one of the forms (a merged run of overlapping matches was one
    /// occurrence, highlighted as 会展会展会展会, and counted 4 where grep counts 7).
    @Test func chainedFormsOfAGroupCountAsGrepDoes() throws {
        let dir = try Support.temporaryDirectory("chained")
        defer { Support.remove(dir) }
        let text = "会展会展会展会。会展会。展会展会。举办会展会议。"
        let file = dir.appendingPathComponent("chain.txt")
        try "第一章 总则\n\n\(text)\n".write(to: file, atomically: false, encoding: .utf8)
        let groups = dir.appendingPathComponent("groups.txt")
        try "会展 = 展会\n".write(to: groups, atomically: false, encoding: .utf8)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        searcher.synonyms = try SynonymTable.load(groups, normalizer: Normalizer())
        let hit = try #require(
            try searcher.search("会展", options: SearchOptions(limit: nil, explain: true)).hits.first { $0.passage.text == text })
        // Read off the text: 会展|会展|会展|会 。会展|会 。展会|展会 。举办|会展|会议 → 3 + 1 + 2 + 1.
        let grep = Process()
        grep.executableURL = URL(fileURLWithPath: "/usr/bin/grep")
        grep.arguments = ["-o", "-E", "会展|展会", file.path]
        let out = Pipe()
        grep.standardOutput = out
        try grep.run()
        let lines = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        grep.waitUntilExit()
        #expect(lines.count == 7)
        #expect(hit.explanation?.terms.first?.tf == 7)
        let scalars = Array(text.unicodeScalars)
        #expect(hit.highlights.map { String(String.UnicodeScalarView(scalars[$0])) } == lines.map(String.init))
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
        try "第一段哈哈哈。\n\n第二段哈哈哈哈，发展发展发。\n\n第三段没有。\n".write(to: file, atomically: false, encoding: .utf8)
        _ = try IndexBuilder.build(sources: [file], into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        let r = try searcher.search("哈哈", options: SearchOptions(limit: nil, explain: true))
        #expect(r.total == 2)
        let tfs = Dictionary(uniqueKeysWithValues: r.hits.map { ($0.passage.text.hasPrefix("第一") ? 1 : 2, $0.explanation?.terms[0].tf) })
        #expect(tfs == [1: 1, 2: 2])
        #expect(r.hits.allSatisfy { $0.highlights.count == $0.explanation?.terms[0].tf })
        let f = try searcher.search("发展发", options: SearchOptions(limit: nil, explain: true))
        #expect(f.hits.first?.explanation?.terms[0].tf == 1)
    }

    /// The match loop looks for a needle's first scalar eight at a time: starts on either side of
    /// an eight-scalar window, in the last window, and a needle as long as the text, are all
    /// found, as a scalar-by-scalar scan finds them (every position of texts of 0–40 scalars).
    @Test func matchesAtEveryWindowEdge() {
        func naive(_ n: [UInt32], _ h: [UInt32]) -> [Int] {
            var out: [Int] = [], i = 0
            while i + n.count <= h.count {
                if Array(h[i..<(i + n.count)]) == n {
                    out.append(i)
                    i += n.count
                } else {
                    i += 1
                }
            }
            return out
        }
        let a = UInt32(0x8DE8), b = UInt32(0x5883), x = UInt32(0x3002)
        for length in 0...40 {
            for at in 0..<max(length, 1) {
                for needle in [[a], [a, b], [a, b, a]] {
                    var text = [UInt32](repeating: x, count: length)
                    for (k, c) in needle.enumerated() where at + k < length { text[at + k] = c }
                    if length > 20 { text[length - 1] = a }  // a first scalar alone at the end
                    #expect(Occurrences.starts(of: needle, in: text) == naive(needle, text), "length \(length), at \(at)")
                }
            }
        }
        #expect(Occurrences.starts(of: [a, b], in: [a, b]) == [0])
        #expect(Occurrences.starts(of: [a, b], in: [a]) == [])
    }
}
