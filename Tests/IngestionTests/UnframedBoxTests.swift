import Testing

@testable import Ingestion

/// A 专栏 in a text file with no frame: the body's prose after a list of finished items is the
/// section's again, while a box of titled items over descriptions, or of prose, keeps what
/// follows until the next heading (nothing in the text says where it ends).
@Suite struct UnframedBoxTests {
    static func ingest(_ box: String) -> Document {
        Ingestor.ingest(
            text: """
                某市数字经济发展行动方案

                一、夯实数字基础设施

                加快新型基础设施建设，提升网络支撑能力。

                \(box)

                到2025年，全市数据中心标准机架达到5万个。

                二、推进产业数字化

                实施制造业数字化转型行动。
                """, name: "plan.txt")
    }

    static func passage(_ d: Document, _ prefix: String) -> Passage? { d.passages.first { $0.text.hasPrefix(prefix) } }

    @Test(arguments: [
        "专栏1　新型基础设施重点工程\n1．5G网络：新建5G基站1万个。\n2．千兆光网：实现城区全覆盖。",
        "专栏1　新型基础设施重点工程\n▶ 新建5G基站1万个。\n\n▶ 千兆光网实现城区全覆盖。",
        "专栏1　新型基础设施重点工程\n5G网络：新建5G基站1万个。\n千兆光网：实现城区全覆盖。",
        "专栏1　新型基础设施重点工程\n1．5G网络：新建5G基站1万个。\n注：数据为累计数。",
        // A table typed with full-width spaces, and its note.
        "专栏1　新型基础设施重点工程\n指标　单位　2025年\n5G基站数量　万个　1\n千兆光网覆盖率　%　100\n注：5G基站1万个为累计数。"
    ])
    func proseAfterFinishedItemsLeavesTheBox(_ box: String) throws {
        let d = Self.ingest(box)
        let item = try #require(d.passages.first { $0.text.contains("5G基站1万个") || $0.text.contains("5G基站数量") })
        #expect(item.box == "专栏 1 新型基础设施重点工程")
        if box.contains("注：") { #expect(Self.passage(d, "注：")?.box == "专栏 1 新型基础设施重点工程") }
        let prose = try #require(Self.passage(d, "到2025年"))
        #expect(prose.box == nil)
        #expect(prose.path == ["一、夯实数字基础设施"])
    }

    @Test(arguments: [
        // Items that are titles over their descriptions.
        "专栏1　新型基础设施重点工程\n1．5G网络建设工程\n新建5G基站1万个。",
        // A box of prose.
        "专栏1　新型基础设施重点工程\n新建5G基站1万个，实现城区全覆盖。",
        // An item whose description goes on in a paragraph set right under it.
        "专栏1　新型基础设施重点工程\n1．5G网络：新建5G基站1万个。\n同步建设室内分布系统。"
    ])
    func otherBoxesKeepWhatFollowsUntilTheNextHeading(_ box: String) throws {
        let d = Self.ingest(box)
        #expect(Self.passage(d, "到2025年")?.box == "专栏 1 新型基础设施重点工程")
        #expect(Self.passage(d, "实施制造业")?.box == nil)
    }
}
