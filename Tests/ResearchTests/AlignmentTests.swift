import Analysis
import Foundation
import Research
import TestSupport
import Testing

/// Spans mark exactly the shared text, checked against computations that do not use `Alignment`:
/// Foundation's normalization, a dynamic-programming LCS, and a longest-common-substring search.
@Suite struct AlignmentTests {
    /// Normalized characters without whitespace, independently of the engine (Foundation NFKC + lowercase).
    static func characters(_ s: String) -> [Character] { Array(Oracle.normalize(s).filter { !$0.isWhitespace }) }

    /// Length of a longest common subsequence (O(nm) table).
    static func lcs(_ a: [Character], _ b: [Character]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var row = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() { row[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], row[j]) }
            previous = row
        }
        return previous[b.count]
    }

    /// Length of a longest common substring.
    static func longestCommonRun(_ a: [Character], _ b: [Character]) -> Int {
        var best = 0
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var row = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() where x == y {
                row[j + 1] = previous[j] + 1
                best = max(best, row[j + 1])
            }
            previous = row
        }
        return best
    }

    static let pairs: [ReusePair] = try! ClauseReuse(reader: ReuseFixture.reader).reuse(threshold: 0.3).flatMap(\.pairs)

    @Test func spansAreSharedTextAscendingAndNoLongerThanTheLCS() throws {
        #expect(Self.pairs.count >= 5)
        for p in Self.pairs {
            var ea = 0, eb = 0
            var shared = 0
            for s in p.alignment.spans {
                #expect(s.a.lowerBound >= ea && s.b.lowerBound >= eb && !s.a.isEmpty && !s.b.isEmpty)
                ea = s.a.upperBound
                eb = s.b.upperBound
                let x = Self.characters(ReuseFixture.slice(p.a.text, s.a)), y = Self.characters(ReuseFixture.slice(p.b.text, s.b))
                #expect(x == y, "\(p.a.passage!) \(String(x)) ≠ \(String(y))")
                shared += x.count
            }
            // Disjoint common runs in order form a common subsequence: never more than the LCS.
            #expect(shared <= Self.lcs(Self.characters(p.a.text), Self.characters(p.b.text)))
        }
    }

    /// Nothing shared is left unmarked: between two consecutive spans, the unmarked text of a and of b
    /// have no run of 5 or more characters in common (a shingle's length: what the measure counts).
    @Test func noSharedRunIsLeftUnmarked() throws {
        for p in Self.pairs {
            let na = p.a.text.unicodeScalars.count, nb = p.b.text.unicodeScalars.count
            let ends = p.alignment.spans.map { ($0.a, $0.b) } + [(na..<na, nb..<nb)]
            var ia = 0, ib = 0
            for (sa, sb) in ends {
                let ga = Self.characters(ReuseFixture.slice(p.a.text, ia..<sa.lowerBound))
                let gb = Self.characters(ReuseFixture.slice(p.b.text, ib..<sb.lowerBound))
                #expect(Self.longestCommonRun(ga, gb) < 5, "\(p.a.passage!) / \(p.b.passage!): \(String(ga)) | \(String(gb))")
                ia = sa.upperBound
                ib = sb.upperBound
            }
        }
    }

    @Test func verbatimPairsAreMarkedWhole() throws {
        for p in Self.pairs
        where Self.characters(p.a.text).filter({ $0.isLetter || $0.isNumber })
            == Self.characters(p.b.text).filter({ $0.isLetter || $0.isNumber })
        {
            #expect(p.alignment.sharedA == p.a.text.unicodeScalars.count)
            #expect(
                p.alignment.spans.reduce(0) { $0 + Self.characters(ReuseFixture.slice(p.b.text, $1.b)).count }
                    == Self.lcs(Self.characters(p.a.text), Self.characters(p.b.text)))
        }
    }

    /// A clause copied whole into the middle of a stitched paragraph is shared text, though the
    /// text cut on either side is as long as it (a fold meant for stray characters once took it).
    @Test func aClauseInTheMiddleOfAStitchedParagraphIsShared() {
        let middle = "加强组织领导。建立市商务发展工作协调机制，统筹推进规划实施，各县（市、区）要结合实际制定具体落实方案，明确责任分工，确保各项任务落到实处。"
        let before = "完善城乡商贸流通体系。实施县域商业建设行动，健全县乡村三级物流配送体系，推动农村电商与快递物流协同发展，畅通工业品下乡和农产品进城双向流通渠道。"
        let after = "大力发展数字贸易。培育数字内容、软件信息、工业互联网等数字服务出口新业态，鼓励企业承接离岸服务外包，建设数字贸易公共服务平台，推动数字经济和服务贸易融合发展。"
        let a = before + middle + after
        let alignment = Alignment(a, middle, normalizer: Normalizer())
        let start = before.unicodeScalars.count
        #expect(alignment.spans.map(\.a) == [start..<(start + middle.unicodeScalars.count)], "\(alignment.spans)")
        #expect(alignment.sharedB == middle.unicodeScalars.count)
    }

    @Test func editsOnSmallTexts() {
        let n = Normalizer()
        let same = Alignment("全面推进ＲＣＥＰ实施", "全面推进 RCEP 实施", normalizer: n)
        #expect(same.spans.count == 1 && same.spans[0].a == 0..<10 && same.spans[0].b == 0..<12)
        let edited = Alignment("到2025年，实现电商交易额1000亿元", "到2025年，实现电商交易额1200亿元", normalizer: n)
        #expect(
            edited.pieces("到2025年，实现电商交易额1000亿元", "到2025年，实现电商交易额1200亿元") == [
                .same("到2025年，实现电商交易额1"), .removed("0"), .added("2"), .same("00亿元")
            ])
        // Stray shared characters inside rewritten text are not shown as shared.
        let rewritten = Alignment("发展大运会、世运会、汤尤杯等赛事", "发展大运会、世乒赛、足球亚洲杯、汤尤杯、世运会等赛事", normalizer: n)
        #expect(
            rewritten.pieces("发展大运会、世运会、汤尤杯等赛事", "发展大运会、世乒赛、足球亚洲杯、汤尤杯、世运会等赛事").allSatisfy {
                if case .same(let s) = $0 { s.count >= 2 } else { true }
            })
        #expect(Alignment("", "新增内容", normalizer: n).spans.isEmpty)
    }
}
