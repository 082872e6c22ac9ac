import Foundation
import Index
import TestSupport
import Testing

@testable import Query

/// The labelled fields of a saved 政务公开 page give issuer, number and date where no catalog does,
/// and through them the region the filters use.
@Suite struct OpeningFieldsTests {
    @Test func fieldsOnTheirLineOrTheNext() {
        let f = OpeningFields(lines: [
            "天津政务网", "名 称 ：", "市工业和信息化局关于印发实施细则的通知", "发 布 机 构 ：", "天津市工业和信息化局", "发文字号：津工信电力〔2021〕3号",
            "成 文 日 期 ：", "发 文 日 期 ：", "2021年1月5日"
        ])
        #expect(f == OpeningFields(issuer: "天津市工业和信息化局", number: "津工信电力〔2021〕3号", date: "2021年1月5日"))
        // A label whose value is missing does not take the next label as its value.
        #expect(OpeningFields(lines: ["成文日期：", "发文日期：", "2021年1月5日"]).date == "2021年1月5日")
        #expect(OpeningFields(lines: ["推进数据要素市场化配置改革：总体要求"]) == OpeningFields())
    }

    /// The Tianjin notice of the development set, saved from its site without a catalog entry:
    /// its page says 发布机构 天津市工业和信息化局 and 发文字号 津工信电力〔2021〕3号 (read in the file).
    @Test func savedPageGetsItsRegionAndIssuer() throws {
        guard let dev = Support.corpusDev else { return }  // the development set is not beside this clone
        let file = dev.appendingPathComponent("tianjin_spring_festival_demand_response_rules_2021.txt")
        let dir = try Support.temporaryDirectory("opening-fields")
        defer { Support.remove(dir) }
        _ = try IndexBuilder.build(sources: [file], into: dir, threads: 1)
        let facts = try #require(try DocumentFacts.load(try IndexReader(directory: dir)).first)
        #expect(facts.issuer == "天津市工业和信息化局")
        #expect(facts.region == "天津市" && facts.regionInferred)
        #expect(facts.date == "2021" && facts.dateInferred)
    }
}
