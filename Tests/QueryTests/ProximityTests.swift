import Foundation
import TestSupport
import Testing

@testable import Query

/// NEAR/N(A, B) against positions found independently by the oracle (Foundation's string search
/// over Foundation-normalized text).
@Suite struct ProximityTests {
    /// Passages where an occurrence of `a` and one of `b` are within `n` characters: the gap from
    /// the end of one to the start of the other is at most n (overlapping counts as near).
    static func oracleNear(_ a: String, _ b: String, _ n: Int) -> Set<Int> {
        let g = Fixture.grep
        return Set(
            g.passages.indices.filter { p in
                let sa = g.occurrences(of: a, inPassage: p), sb = g.occurrences(of: b, inPassage: p)
                return sa.contains { x in sb.contains { y in max(x.lowerBound, y.lowerBound) - min(x.upperBound, y.upperBound) <= n } }
            })
    }

    /// The binary search for a near span answers as the pairwise check does, on random ascending,
    /// non-overlapping spans (the shape `Occurrences.spans` returns) and every distance up to 12.
    @Test func neighbourSearchEqualsThePairwiseCheck() {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        func spans() -> [Range<Int>] {
            var out: [Range<Int>] = [], at = next(5)
            for _ in 0..<next(12) {
                let length = 1 + next(4)
                out.append(at..<(at + length))
                at += length + next(8)
            }
            return out
        }
        for _ in 0..<2_000 {
            let xs = spans(), ys = spans(), d = next(13)
            for x in xs {
                let pairwise = ys.contains { max(x.lowerBound, $0.lowerBound) - min(x.upperBound, $0.upperBound) <= d }
                #expect(Proximity.hasNeighbour(x, in: ys, distance: d) == pairwise, "\(x) \(ys) \(d)")
            }
        }
    }

    @Test(arguments: [
        ("跨境电商", "海外仓", 0), ("跨境电商", "海外仓", 10), ("跨境电商", "海外仓", 40), ("服务贸易", "数字", 5),
        ("电商", "直播", 3), ("消费", "城市", 1), ("港", "物流", 20), ("发展", "高质量", 0)
    ])
    func nearEqualsOracle(_ a: String, _ b: String, _ n: Int) throws {
        let expected = Self.oracleNear(a, b, n)
        #expect(try Fixture.ids("NEAR/\(n)(\(a), \(b))") == expected)
        #expect(try Fixture.ids("NEAR/\(n)(\(b), \(a))") == expected, "NEAR is unordered")
        // Never more than both parts anywhere in the passage.
        #expect(expected.isSubset(of: Fixture.oracle(a).intersection(Fixture.oracle(b))))
    }

    @Test func distanceMatters() throws {
        let tight = try Fixture.ids("NEAR/2(跨境电商, 海外仓)"), loose = try Fixture.ids("NEAR/200(跨境电商, 海外仓)")
        #expect(tight.isSubset(of: loose))
        #expect(tight.count < loose.count)
        #expect(try Fixture.ids("NEAR/10000(跨境电商, 海外仓)") == Fixture.oracle("跨境电商").intersection(Fixture.oracle("海外仓")))
    }

    /// The highlights of a NEAR hit are exactly the occurrences that stand near the other part.
    @Test func highlightsAreTheNearOccurrences() throws {
        let r = try Fixture.search("NEAR/8(跨境电商, 海外仓)", limit: nil)
        #expect(r.total > 0)
        for hit in r.hits {
            let p = hit.passage.id
            let sa = Fixture.grep.occurrences(of: "跨境电商", inPassage: p), sb = Fixture.grep.occurrences(of: "海外仓", inPassage: p)
            func gap(_ x: Range<Int>, _ y: Range<Int>) -> Int { max(x.lowerBound, y.lowerBound) - min(x.upperBound, y.upperBound) }
            let near = sa.filter { x in sb.contains { gap(x, $0) <= 8 } } + sb.filter { y in sa.contains { gap($0, y) <= 8 } }
            // The stored text has no characters that NFKC expands, so oracle offsets are text offsets.
            #expect(hit.highlights == near.sorted { $0.lowerBound < $1.lowerBound })
        }
    }
}
