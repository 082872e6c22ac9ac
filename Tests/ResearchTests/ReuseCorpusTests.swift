import Foundation
import Index
import Research
import TestSupport
import Testing

/// The shared clauses of the two Chengdu plans, found by reading both files: the 数字生活新服务 /
/// 发展数字服务 boxes hold the same clauses, the services plan's with a bullet (▶ or ➤) in front.
@Suite struct ReuseCorpusTests {
    static var finder: ClauseReuse { try! ClauseReuse(reader: ReuseFixture.reader) }
    static let groups = try! finder.reuse(threshold: 0.5)

    static func pair(_ lead: String) throws -> ReusePair {
        let a = ReuseFixture.passage(ReuseFixture.ecommerce, containing: lead)
        let b = ReuseFixture.passage(ReuseFixture.services, containing: lead)
        let found = groups.flatMap(\.pairs).filter { $0.a.id == a && $0.b.id == b }
        try #require(found.count == 1, "\(lead): no pair ecommerce#\(a) – services#\(b)")
        return found[0]
    }

    @Test(arguments: ["发展移动出行。", "发展智慧医疗。", "发展在线办公。"])
    func verbatimClausesAreFoundWithSimilarityOne(lead: String) throws {
        let p = try Self.pair(lead)
        // Same words; only the bullet differs, and bullets are not content.
        #expect(p.similarity == 1)
        #expect(p.containment == 1)
        // A (the earlier plan, 2021-12) is shared whole; B has only its bullet besides.
        #expect(ReuseFixture.gaps(p.a.text, p.alignment.spans.map(\.a)).isEmpty)
        let extra = ReuseFixture.gaps(p.b.text, p.alignment.spans.map(\.b)).map { ReuseFixture.slice(p.b.text, $0) }
        #expect(extra.count == 1 && ["▶", "➤"].contains(extra.first?.trimmingCharacters(in: .whitespaces)))
        #expect(p.alignment.pieces(p.a.text, p.b.text).filter { if case .removed = $0 { true } else { false } }.isEmpty)
    }

    /// 发展智慧体育: the services plan lists 大运会、世乒赛、足球亚洲杯、汤尤杯、世运会 where the
    /// e-commerce plan lists 大运会、世运会、汤尤杯; the rest of the clause is the same.
    @Test func editedClauseHasLowerSimilarityAndShowsTheEdit() throws {
        let p = try Self.pair("发展智慧体育。")
        #expect(p.similarity < 0.95 && p.similarity >= 0.8)
        let editA = ReuseFixture.range(of: "大运会、世运会、汤尤杯等", in: p.a.text)
        let editB = ReuseFixture.range(of: "大运会、世乒赛、足球亚洲杯、汤尤杯、世运会等", in: p.b.text)
        // Everything outside the edited list is marked shared; what is not shared lies inside it.
        for g in ReuseFixture.gaps(p.a.text, p.alignment.spans.map(\.a)) {
            #expect(editA.contains(g.lowerBound) && g.upperBound <= editA.upperBound)
        }
        for g in ReuseFixture.gaps(p.b.text, p.alignment.spans.map(\.b)) {
            let s = ReuseFixture.slice(p.b.text, g).trimmingCharacters(in: .whitespaces)
            #expect(s == "▶" || (editB.contains(g.lowerBound) && g.upperBound <= editB.upperBound), "\(s)")
        }
        let added = p.alignment.pieces(p.a.text, p.b.text).compactMap { if case .added(let s) = $0 { s } else { nil } }.joined()
        #expect(added.contains("乒赛") && added.contains("足球亚洲杯"))
    }

    /// 发展智慧文旅: "业内企业 and 专业人士" became "业内企业和专业人士", "打造成都" became "打造成成都".
    @Test func smallEditsAreShownAsWordDiff() throws {
        let p = try Self.pair("发展智慧文旅。")
        #expect(p.similarity < 1 && p.similarity > 0.8)
        let pieces = p.alignment.pieces(p.a.text, p.b.text)
        #expect(pieces.contains(.removed("and")) || pieces.contains(.removed(" and ")))
        #expect(pieces.contains(.added("和")))
        #expect(pieces.contains(.added("成")))
        let text = ReuseText(width: 80).render(ReuseReport(similarTo: p.a, pairs: [p], threshold: 0.5))
        #expect(text.contains("[-and-]{+和+}"))
    }

    @Test func unrelatedDocumentsYieldNoPairAtPointEight() throws {
        let strong = try Self.finder.reuse(threshold: 0.8)
        #expect(strong.count == 1)
        #expect(strong.first.map { [$0.a.name, $0.b.name] } == [ReuseFixture.ecommerce, ReuseFixture.services])
        // And at 0.8 the five box clauses are all the Chengdu plans share.
        #expect(strong.first?.pairs.count == 5)
    }

    @Test func documentPairSummaryCountsAndShares() throws {
        let chengdu = try #require(Self.groups.first { $0.a.name == ReuseFixture.ecommerce && $0.b.name == ReuseFixture.services })
        #expect(chengdu.aMatched == Set(chengdu.pairs.compactMap(\.a.id)).count)
        #expect(chengdu.bMatched <= chengdu.bPassages && chengdu.aMatched <= chengdu.aPassages)
        // Share of A's text in B: the matched passages' shared code points over all compared text of A.
        var total = 0
        for id in try ReuseFixture.reader.passageRange(ofDocument: chengdu.a.index) {
            let p = try ReuseFixture.reader.passage(id)
            // Headings and the indicator table's header row (line 265: 序号 具体指标 2020年数值 2025年目标值) are not compared.
            let headerRow = p.record.kind == .tableRow && p.record.firstLine == 265
            if p.record.kind != .heading && !headerRow && p.text.filter({ $0.isLetter || $0.isNumber }).count >= 20 {
                total += p.text.unicodeScalars.count
            }
        }
        let shared = chengdu.pairs.reduce(0) { $0 + $1.alignment.sharedA }  // one pair per A passage here
        #expect(Set(chengdu.pairs.compactMap(\.a.id)).count == chengdu.pairs.count)
        #expect(abs(chengdu.aShare - Double(shared) / Double(total)) < 1e-9)
    }

    /// Indicator tables print the same header row (类别 | 序号 | 指标 | 单位 | 2020年 | 2025年): not a
    /// copied clause. The bundled Chongqing and Sichuan plans share nothing else at 0.5.
    @Test func tableHeaderRowsAreNotClauses() throws {
        let reuse = try ClauseReuse(reader: ReuseFixture.reader, filter: PassageFilter())
        let pairs = try reuse.reuse(threshold: 0.5).flatMap(\.pairs)
        #expect(
            !pairs.contains { $0.a.text.contains("2025") && $0.a.text.contains("指标") && $0.a.text.contains(" | ") },
            "\(pairs.map(\.a.text))")
        let withHeadings = try ClauseReuse(reader: ReuseFixture.reader, filter: PassageFilter(includeHeadings: true))
        #expect(try withHeadings.reuse(threshold: 0.5).flatMap(\.pairs).contains { $0.a.text.contains("序号") && $0.b.text.contains("序号") })
    }

    @Test func documentSelectionRestrictsPairs() throws {
        let only = try ClauseReuse(
            reader: ReuseFixture.reader, filter: PassageFilter(documents: [ReuseFixture.document(ReuseFixture.ecommerce)]))
        #expect(try only.reuse(threshold: 0.5).isEmpty)  // one document: no pair across documents
        #expect(throws: ReuseError.threshold(0)) { try only.reuse(threshold: 0) }
    }
}
