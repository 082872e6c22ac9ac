import Foundation
import TestSupport
import Testing

@testable import Query

/// doc:, region:, issuer:, year:, date: against the bundled catalog, read here independently.
@Suite struct FilterTests {
    static let catalog: [String: [String: String]] = {
        let data = try! Data(contentsOf: Support.corpus.appendingPathComponent("catalog.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: [String: String]]
    }()

    /// Passages of the documents whose catalog entry satisfies `keep`.
    static func passages(where keep: (String, [String: String]) -> Bool) -> Set<Int> {
        Set(
            Fixture.grep.passages.indices.filter { p in
                let name = Fixture.grep.documents[p]
                return keep(name, catalog[name] ?? [:])
            })
    }

    @Test func docFilterNegatedExcludes() throws {
        let chengdu = Self.passages { name, entry in name.contains("chengdu") || (entry["title"] ?? "").contains("成都") }
        #expect(try Fixture.ids("服务贸易 -doc:成都") == Fixture.oracle("服务贸易").subtracting(chengdu))
        #expect(try Fixture.ids("服务贸易 doc:成都") == Fixture.oracle("服务贸易").intersection(chengdu))
        #expect(try Fixture.ids("服务贸易 doc:ＣＨＥＮＧＤＵ") == Fixture.oracle("服务贸易").intersection(chengdu))
    }

    /// 成都市 is a city of 四川省: region:四川 takes in its plans.
    @Test func regionIncludesTheProvincesCities() throws {
        let sichuan = Self.passages { _, e in ["四川省", "成都市"].contains(e["region"] ?? "") }
        #expect(try Fixture.ids("电商 region:四川") == Fixture.oracle("电商").intersection(sichuan))
        #expect(try Fixture.ids("电商 region:四川省") == Fixture.oracle("电商").intersection(sichuan))
        let chengdu = Self.passages { _, e in e["region"] == "成都市" }
        #expect(try Fixture.ids("电商 region:成都") == Fixture.oracle("电商").intersection(chengdu))
        // A province and its city together select the city's.
        #expect(try Fixture.ids("电商 region:四川省成都市") == Fixture.oracle("电商").intersection(chengdu))
        #expect(try Fixture.ids("电商 region:四川成都") == Fixture.oracle("电商").intersection(chengdu))
        // A value that is no place's name selects nothing, even when it holds one (非四川 must not
        // select 四川; 四川重庆 is two places, written region:四川 OR region:重庆).
        for value in ["非四川", "不含四川", "-重庆", "四川重庆", "xx重庆"] {
            #expect(try Fixture.ids("电商 region:\(value)").isEmpty, "\(value)")
        }
        let chongqing = Self.passages { _, e in e["region"] == "重庆市" }
        #expect(try Fixture.ids("电商 region:重庆") == Fixture.oracle("电商").intersection(chongqing))
        #expect(try Fixture.ids("电商 (region:重庆 OR region:成都)") == Fixture.oracle("电商").intersection(chongqing.union(chengdu)))
    }

    @Test func yearsAndDates() throws {
        func dated(_ keep: (String) -> Bool) -> Set<Int> { Self.passages { _, e in e["date"].map(keep) ?? false } }
        #expect(try Fixture.ids("电商 year:2021") == Fixture.oracle("电商").intersection(dated { $0.hasPrefix("2021") }))
        let range = dated { ["2021", "2022"].contains(String($0.prefix(4))) }
        #expect(try Fixture.ids("电商 year:2021..2022") == Fixture.oracle("电商").intersection(range))
        #expect(try Fixture.ids("电商 year:2021-2022") == Fixture.oracle("电商").intersection(range))
        #expect(try Fixture.ids("电商 date:2021-11") == Fixture.oracle("电商").intersection(dated { $0.hasPrefix("2021-11") }))
        #expect(try Fixture.ids("电商 -year:2021") == Fixture.oracle("电商").subtracting(dated { $0.hasPrefix("2021") }))
        // Date ranges, ends included whole (..2022-03 holds 2022-03-31), either end open.
        let from = dated { $0 >= "2021-11-12" && $0 <= "2022-03-31" }
        #expect(!from.isEmpty && from != dated { _ in true })
        #expect(try Fixture.ids("电商 date:2021-11-12..2022-03") == Fixture.oracle("电商").intersection(from))
        // A date written in Chinese ends with its last field, as the dashed form does: 2021年 takes
        // in a document dated only 2021.
        #expect(DocumentFilter.unifiedDate("2021年") == "2021" && DocumentFilter.unifiedDate("2022年5月") == "2022-05")
        // As ranges are written in Chinese text: ～, —, 至.
        for written in ["2021-11-12～2022-03", "2021-11-12—2022-03", "2021年11月12日至2022年3月"] {
            #expect(try Fixture.ids("电商 date:\(written)") == Fixture.oracle("电商").intersection(from), "\(written)")
        }
        #expect(try Fixture.ids("电商 date:..2021-12") == Fixture.oracle("电商").intersection(dated { $0 <= "2021-12-31" }))
        #expect(try Fixture.ids("电商 date:2022..") == Fixture.oracle("电商").intersection(dated { $0 >= "2022" }))
        for bad in ["date:2022..2021", "date:abc", "date:2021..abc", "date:2022至2021"] {
            #expect(throws: QueryError.self, "\(bad)") { try Fixture.search("电商 \(bad)") }
        }
    }

    @Test func issuer() throws {
        let government = Self.passages { _, e in (e["issuer"] ?? "").contains("人民政府") }
        #expect(!government.isEmpty)
        #expect(try Fixture.ids("电商 issuer:人民政府") == Fixture.oracle("电商").intersection(government))
    }

    /// date:2021-1 is January 2021 (fields compare whole), not a string prefix of 2021-11: the
    /// fixture's catalog dates no document in January 2021, and the note says how it was read.
    @Test func anUnpaddedDateMeansItsField() throws {
        let january = Self.passages { _, e in (e["date"] ?? "").hasPrefix("2021-01") }
        #expect(january.isEmpty)
        let r = try Fixture.search("电商 date:2021-1")
        #expect(r.total == 0)
        #expect(r.notes.contains { $0.contains("date:2021-1 matches no document") && $0.contains("it means 2021-01") }, "\(r.notes)")
    }

    @Test func aFilterThatSelectsNothingSaysSo() throws {
        let r = try Fixture.search("电商 region:西藏")
        #expect(r.total == 0)
        #expect(r.notes.contains { $0.contains("region:西藏") && $0.contains("no document") })
        // A filter alone lists its documents' passages.
        #expect(try Fixture.ids("doc:chongqing") == Self.passages { name, _ in name.contains("chongqing") })
    }
}
