import Foundation
import Testing

@testable import Query

/// The grammar's meaning, checked as set identities over the independent grep oracle.
@Suite struct QueryAlgebraTests {
    static func o(_ t: String) -> Set<Int> { Fixture.oracle(t) }
    static var all: Set<Int> { Set(0..<Fixture.reader.passageCount) }

    @Test(arguments: [("跨境电商", "海外仓", "物流"), ("服务贸易", "数字", "平台"), ("电商", "农村", "直播")])
    func andDistributesOverGroupedOr(_ a: String, _ b: String, _ c: String) throws {
        let found = try Fixture.ids("\(a) (\(b) OR \(c))")
        let ab = Self.o(a).intersection(Self.o(b)), ac = Self.o(a).intersection(Self.o(c))
        #expect(found == ab.union(ac))
        // |A (B OR C)| = |A∧B| + |A∧C| − |A∧B∧C|
        #expect(found.count == ab.count + ac.count - ab.intersection(Self.o(c)).count)
        // OR binds tighter than AND: the same without parentheses.
        #expect(try Fixture.ids("\(a) \(b) OR \(c)") == found)
    }

    @Test(arguments: [("跨境电商", "海外仓", "物流"), ("服务贸易", "数字", "平台")])
    func notOfAGroupSubtractsTheUnion(_ a: String, _ b: String, _ c: String) throws {
        let expected = Self.o(a).subtracting(Self.o(b).union(Self.o(c)))
        #expect(try Fixture.ids("\(a) -(\(b) OR \(c))") == expected)
        #expect(try Fixture.ids("\(a) NOT (\(b) | \(c))") == expected)
        #expect(try Fixture.ids("\(a) -\(b) -\(c)") == expected)
    }

    @Test func negationInsideOr() throws {
        // 海外仓 AND (NOT 跨境电商 OR RCEP): never more than 海外仓 alone.
        let found = try Fixture.ids("海外仓 -跨境电商 OR RCEP")
        #expect(found == Self.o("海外仓").intersection(Self.all.subtracting(Self.o("跨境电商")).union(Self.o("RCEP"))))
        #expect(found.isSubset(of: Self.o("海外仓")))
        #expect(try Fixture.ids("RCEP OR -跨境电商") == Self.o("RCEP").union(Self.all.subtracting(Self.o("跨境电商"))))
        #expect(try Fixture.ids("-跨境电商") == Self.all.subtracting(Self.o("跨境电商")))
    }

    @Test func explicitAndAndKeywordsInAnyCase() throws {
        let expected = Self.o("电商").intersection(Self.o("跨境"))
        #expect(try Fixture.ids("电商 AND 跨境") == expected)
        #expect(try Fixture.ids("电商 and 跨境") == expected)
        #expect(try Fixture.ids("电商 not 跨境") == Self.o("电商").subtracting(Self.o("跨境")))
        #expect(try Fixture.ids("跨境电商 or 跨境电子商务") == Self.o("跨境电商").union(Self.o("跨境电子商务")))
        #expect(try Fixture.ids("跨境电商｜跨境电子商务") == Self.o("跨境电商").union(Self.o("跨境电子商务")))
    }

    /// Queries are cleaned as documents are: spaces beside CJK characters go.
    @Test func queriesAreCleanedAsDocumentsAre() throws {
        #expect(try Fixture.ids("\"2025 年\"") == Self.o("2025年"))
        #expect(!Self.o("2025年").isEmpty)
        #expect(try Fixture.ids("\"外商直接投资 ( FDI )\"") == Self.o("外商直接投资( FDI )"))
        #expect(try Fixture.ids("\"外商直接投资 ( FDI )\"").count == 1)
        #expect(try Fixture.ids("\"跨境电商 B2B 出口\"") == Self.o("跨境电商B2B出口"))
        #expect(!Self.o("跨境电商B2B出口").isEmpty)
    }

    /// Dash, tilde and quote variants fold to one form, on both sides.
    @Test func punctuationVariantsFindEachOther() throws {
        let dash = try Fixture.ids("\"2021-2025\"")
        #expect(dash == Self.o("2021—2025"))
        #expect(!dash.isEmpty)
        for variant in ["2021–2025", "2021—2025", "2021－2025", "2021―2025"] { #expect(try Fixture.ids("\"\(variant)\"") == dash) }
        // Curly quotes inside a part are content; they fold to the straight quote.
        #expect(try Fixture.ids("“十四五”规划") == Self.o("\"十四五\"规划"))
        #expect(try Fixture.ids("“十四五”规划") == Self.o("“十四五”规划"))
        #expect(!Self.o("“十四五”规划").isEmpty)
    }
}
