import Foundation
import TestSupport
import Testing

@testable import Ingestion

/// The 落款 (the issuing organs and the date under the last paragraph, GB/T 9704) signs the whole
/// document: its lines are filed under the document, not under the numbered item they follow.
@Suite struct SignatureTests {
    static func passage(_ d: Document, _ text: String) -> Passage? { d.passages.first { $0.text == text } }

    /// The development set's joint opinions (pboc_moa…) end 七、… › （十九）… and then the two banks'
    /// signature and the date, each on its own line.
    @Test(.enabled(if: Support.corpusDev != nil, "the development set ../shared/corpus-dev is absent"))
    func theDevelopmentSetsSignature() throws {
        let dev = try #require(Support.corpusDev)
        let d = try Ingestor.ingest(fileAt: dev.appendingPathComponent("pboc_moa_rural_reform_finance_opinions_2025.md"))
        let tail = d.passages.suffix(3)
        #expect(tail.map(\.text) == ["中国人民银行", "农业农村部", "2025年7月17日"])
        #expect(tail.allSatisfy { $0.path.isEmpty && $0.box == nil }, "\(tail.map(\.path))")
        // The last item's own paragraph stays under it.
        let last = try #require(d.passages.last { $0.text.hasPrefix("（十九）做好宣传推广和监测评估") })
        #expect(last.path == ["七、加强政策保障和组织推动", "（十九）做好宣传推广和监测评估"])
    }

    static let notice = """
        某市关于加快跨境电商发展的实施意见

        一、总体要求

        （一）发展目标。到2027年，全市跨境电商交易额突破1000亿元。

        二、保障措施

        （一）加强组织领导。市商务局牵头建立工作专班。

        （二）强化资金保障。统筹用好各级专项资金。

        某市人民政府办公厅
        某市商务局
        2024年3月6日
        （此件公开发布）

        """

    @Test func aSignatureAfterTheLastItemIsTheDocuments() {
        let d = Ingestor.ingest(text: Self.notice, name: "notice.txt")
        for line in ["某市人民政府办公厅", "某市商务局", "2024年3月6日", "（此件公开发布）"] {
            let p = Self.passage(d, line)
            #expect(p != nil && p?.path == [] && p?.box == nil, "\(line): \(p?.path ?? ["missing"])")
        }
        #expect(Self.passage(d, "（二）强化资金保障。统筹用好各级专项资金。")?.path == ["二、保障措施", "（二）强化资金保障"])
        // Before an attachment, and before the 版记, as well; a date written in numerals too.
        let attached = Ingestor.ingest(
            text: Self.notice.replacingOccurrences(of: "2024年3月6日", with: "二〇二四年三月六日")
                + "附件：某市跨境电商重点项目清单\n\n一、项目一\n\n抄送：市委各部门。\n某市人民政府办公厅                    2024年3月6日印发\n",
            name: "attached.txt")
        #expect(Self.passage(attached, "二〇二四年三月六日")?.path == [])
        #expect(Self.passage(attached, "某市商务局")?.path == [])
        // The zero typed as a white circle (○), and the seal's place after the organ.
        let sealed = Ingestor.ingest(
            text: Self.notice.replacingOccurrences(of: "某市商务局\n2024年3月6日", with: "某市商务局（盖章）\n二○二四年三月六日"), name: "sealed.txt")
        for line in ["某市商务局（盖章）", "二○二四年三月六日"] {
            #expect(Self.passage(sealed, line)?.path == [], "\(line): \(Self.passage(sealed, line)?.path ?? ["missing"])")
        }
    }

    /// What only looks like one stays where it is: a date line followed by more of the text, short
    /// lines at the end without a date, and a closing date under a section whose text follows it.
    @Test func whatIsNotASignature() {
        let dateThenText = Ingestor.ingest(
            text: "某市工作方案\n\n一、工作安排\n\n2024年3月6日\n\n召开动员大会，部署全年工作。\n", name: "a.txt")
        #expect(Self.passage(dateThenText, "2024年3月6日")?.path == ["一、工作安排"])
        let undated = Ingestor.ingest(text: "某市工作方案\n\n一、牵头单位\n\n市商务局\n市财政局\n", name: "b.txt")
        #expect(Self.passage(undated, "市财政局")?.path == ["一、牵头单位"])
        let sentence = Ingestor.ingest(text: "某市工作方案\n\n一、附则\n\n本方案自2024年3月6日起施行。\n", name: "c.txt")
        #expect(Self.passage(sentence, "本方案自2024年3月6日起施行。")?.path == ["一、附则"])
    }
}
