import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// A document exported from HTML with every inline run on a line of its own (the Tianjin rules of
/// the development set: 依据《…开展 / 2021 / 年电力需求响应工作的通知》（津工信电力〔 / 2021 / 〕 / 2 / 号）): its
/// sentences are whole passages again, so phrases across the breaks are found, and the body's
/// first sentence after the dot-leader contents is body text, not contents. Expectations from
/// reading the file; counts against the file with its line breaks taken out (Foundation, not the
/// program's normalizer).
@Suite(.enabled(if: Support.corpusDev != nil, "the development set ../shared/corpus-dev is absent"))
struct InlineRunTests {
    static let file = "tianjin_spring_festival_demand_response_rules_2021.txt"

    static func document() throws -> Document {
        try Ingestor.ingest(fileAt: try #require(Support.corpusDev).appendingPathComponent(file))
    }

    /// The file's text with line breaks removed: the sentences as the page showed them.
    static func joined() throws -> String {
        try String(contentsOf: try #require(Support.corpusDev).appendingPathComponent(file), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "")
    }

    @Test func sentencesAreWholeAgain() throws {
        let doc = try Self.document()
        func passage(containing phrase: String) -> Passage? { doc.passages.first { $0.text.contains(phrase) } }
        // Body text right after the contents (lines 135–141).
        let intro = try #require(passage(containing: "根据《电力需求侧管理办法（修订版）》（发改运行规〔2017〕1690号）等文件要求，为组织做好2021年春节期间"))
        #expect(intro.text.hasSuffix("特制订本实施细则。"))
        #expect(intro.firstLine == 135)
        let period = try #require(passage(containing: "本次需求响应实施时间为2021年2月13日至2021年2月15日"))
        #expect(period.path == ["二、实施方式", "（一）实施时间及规模"])
        #expect(period.text.contains("每日0:00至6:00，预计填谷响应总规模为50万千瓦"))
        let background = try #require(passage(containing: "满足了超过1000万平米居民采暖需求"))
        #expect(background.path == ["一、实施背景"])
        #expect(background.text.hasPrefix("2018~2020年，我市连续在春节期间"))
    }

    /// Every occurrence in the page's sentences is in one passage: none is cut by a break.
    @Test(arguments: ["2021年春节期间", "2021年2月", "万千瓦", "元/千瓦时", "〔2021〕2号"])
    func occurrencesMatchTheJoinedText(_ phrase: String) throws {
        let doc = try Self.document()
        let inPassages = doc.passages.reduce(0) { $0 + $1.text.components(separatedBy: phrase).count - 1 }
        let inText = try Self.joined().components(separatedBy: phrase).count - 1
        #expect(inText > 0)
        #expect(inPassages == inText, "\(doc.passages.filter { $0.text.contains(phrase) }.map { "\($0.firstLine) \($0.text.prefix(30))" })")
    }

    /// The numbers alone on a line are few in ordinary text: the bundled plans keep their lines.
    @Test func ordinaryTextIsNotTakenForInlineRuns() throws {
        for name in CorpusSupport.names {
            let lines = try CorpusSupport.raw(name).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { LineCleaner.clean($0.element, line: $0.offset + 1) }
            #expect(!StructureBuilder.breaksAtInlineRuns(lines[...]), "\(name)")
        }
        let tianjin = try String(contentsOf: try #require(Support.corpusDev).appendingPathComponent(Self.file), encoding: .utf8)
        let lines = tianjin.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { LineCleaner.clean($0.element, line: $0.offset + 1) }
        #expect(StructureBuilder.breaksAtInlineRuns(lines[...]))
    }
}
