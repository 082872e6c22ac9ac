import Foundation
import Testing

@testable import Ingestion

/// Layouts a newcomer trial brought (round 10), each written as such a document prints it: a
/// 政策解读 in questions and answers, 一． nested under 一、, a law's clause that opens by citing a
/// chapter, and tables typed with full-width spaces between their cells.
@Suite struct QuestionAndTableLayoutTests {
    /// A 答记者问's numbered questions are its headings; each answer is filed under its question.
    @Test func numberedQuestionsAreHeadings() {
        let text = """
            《某市促进跨境电子商务高质量发展若干措施》政策解读

            近日，市人民政府办公室印发《若干措施》。市商务局相关负责人接受了记者采访。

            一、问：《若干措施》出台的背景是什么？

            答：跨境电子商务是发展速度最快的外贸新业态，我市跨境电商仍存在海外仓布局不足等问题。

            二、问：对海外仓建设有哪些支持政策，申报时间如何安排？

            答：对企业新建的海外仓，按照实际投资额的20%给予一次性补助。

            3.是否需要提交审计报告？需要，以申报通知为准。
            """
        let d = Ingestor.ingest(text: text, name: "jiedu.txt")
        #expect(
            d.headings.map(\.display) == ["一、问：《若干措施》出台的背景是什么？", "二、问：对海外仓建设有哪些支持政策，申报时间如何安排？"])
        let answer = d.passages.first { $0.text.hasPrefix("答：对企业新建") }
        #expect(answer?.path == ["二、问：对海外仓建设有哪些支持政策，申报时间如何安排？"])
        // A question with its answer on the same line is an item, not a heading.
        #expect(d.passages.contains { $0.text.hasPrefix("3.是否需要提交审计报告") && $0.kind != .heading })
    }

    /// Unnumbered questions followed by their answers (问：…？ / 答：…) are headings too; questions
    /// are siblings, numbered or not; a question with no answer after it is text.
    @Test func unnumberedQuestionsWithAnswersAreHeadings() {
        let text = """
            市商务局负责人就《若干措施》答记者问

            问：《若干措施》出台的背景是什么？

            答：跨境电子商务是外贸新业态，我市海外仓布局仍显不足。

            问：申请海外仓补助需要哪些材料？

            答：企业应当提交海外仓建设或租赁合同、投资凭证等材料。

            问：还有哪些问题需要进一步研究？

            下一步将会同有关部门研究完善配套细则。
            """
        let d = Ingestor.ingest(text: text, name: "qa.txt")
        #expect(d.headings.map(\.display) == ["问：《若干措施》出台的背景是什么？", "问：申请海外仓补助需要哪些材料？"])
        #expect(d.headings.map(\.depth) == [1, 1])
        #expect(d.passages.first { $0.text.hasPrefix("答：企业应当提交") }?.path == ["问：申请海外仓补助需要哪些材料？"])
        let followUp = Ingestor.ingest(
            text:
                "某措施政策解读\n\n三、问：对海外仓建设有哪些支持政策？\n\n答：按投资额的20%给予补助。\n\n问：申请补助需要哪些材料？\n\n答：提交合同和投资凭证。\n\n四、问：政策的适用期限是多久？\n\n答：自2024年6月1日起施行。\n",
            name: "followup.txt")
        #expect(followUp.headings.map(\.depth) == [1, 1, 1])
    }

    /// An answer's numbered points (（一）…（五）) are filed under its question, whatever rank their
    /// numbering has beside the questions'; the next question, numbered or not, closes them; a
    /// request ending in 。 is a question too when its answer follows.
    @Test func answersHoldTheirNumbering() {
        for label in ["", "1.", "一、"] {
            let text = """
                市商务局负责人就《若干措施》答记者问

                \(label)问：《若干措施》包括哪些主要内容？

                答：《若干措施》共五个方面。

                （一）培育壮大经营主体

                支持企业开展跨境电商业务。

                （二）完善物流通道和海外仓布局

                对新建海外仓给予补助。

                问：海外仓建设方面有哪些支持政策？

                答：按投资额的20%给予一次性补助。

                问：请介绍一下下一步的工作打算。

                答：抓好政策宣传解读。
                """
            let d = Ingestor.ingest(text: text, name: "qa.txt")
            let question = "\(label)问：《若干措施》包括哪些主要内容？"
            #expect(
                d.headings.map(\.display) == [
                    question, "（一）培育壮大经营主体", "（二）完善物流通道和海外仓布局", "问：海外仓建设方面有哪些支持政策？", "问：请介绍一下下一步的工作打算。"
                ], "\(label)")
            #expect(d.headings.map(\.depth) == [1, 2, 2, 1, 1], "\(label)")
            #expect(d.passages.first { $0.text.hasPrefix("对新建海外仓") }?.path == [question, "（二）完善物流通道和海外仓布局"])
            #expect(d.passages.first { $0.text.hasPrefix("答：按投资额") }?.path == ["问：海外仓建设方面有哪些支持政策？"])
        }
    }

    /// Questions as press conferences print them: two questions in one, one without its mark,
    /// a reporter's (记者：…？), and a question with its answer on the same line.
    @Test func questionsInTheirOtherForms() {
        let text = """
            某市新闻发布会答问实录

            问：《方案》共有多少项改革举措？主要分为哪几个方面？

            答：《方案》共提出120项改革举措，分为五个方面。

            问：申报材料包括哪些

            答：申报材料包括申请表、营业执照复印件等。

            记者：企业开办时间压缩到多少？

            答：压缩至1个工作日以内。

            问：《方案》何时施行？答：自2024年1月1日起施行。

            问：对于个体工商户有什么支持措施？

            答：设立个体工商户服务专区。
            """
        let d = Ingestor.ingest(text: text, name: "qa.txt")
        #expect(
            d.headings.map(\.display) == [
                "问：《方案》共有多少项改革举措？主要分为哪几个方面？", "问：申报材料包括哪些", "记者：企业开办时间压缩到多少？", "问：《方案》何时施行？",
                "问：对于个体工商户有什么支持措施？"
            ])
        #expect(d.headings.allSatisfy { $0.depth == 1 })
        #expect(d.passages.first { $0.text.hasPrefix("答：自2024年") }?.path == ["问：《方案》何时施行？"])
        #expect(d.passages.first { $0.text.hasPrefix("答：压缩至") }?.path == ["记者：企业开办时间压缩到多少？"])
    }

    /// 一． under 三、 is a level below it, and 四、 continues the 一、 sequence; in a document that
    /// mixes 一、 and 二． for one level, 二． is that level's.
    @Test func chineseNumeralWithDotIsItsOwnLevel() {
        let nested = Ingestor.ingest(
            text:
                "某区实施意见\n\n一、总体要求\n\n到2025年，建成智能工厂10家。\n\n二、重点任务\n\n推进智能化改造。\n\n三、保障措施\n\n一．加强组织领导\n\n成立工作专班。\n\n二.强化资金保障\n\n统筹专项资金。\n\n四、督导考核\n\n纳入年度考核。\n",
            name: "nested.txt")
        #expect(nested.headings.map(\.display) == ["一、总体要求", "二、重点任务", "三、保障措施", "一．加强组织领导", "二.强化资金保障", "四、督导考核"])
        #expect(nested.headings.map(\.depth) == [1, 1, 1, 2, 2, 1])
        let mixed = Ingestor.ingest(
            text: "某区实施意见\n\n一、总体要求\n\n加快发展。\n\n二．重点任务\n\n推进改造。\n\n三、保障措施\n\n加强领导。\n", name: "mixed.txt")
        #expect(mixed.headings.map(\.depth) == [1, 1, 1])
        let only = Ingestor.ingest(
            text: "某区实施意见\n\n一．总体要求\n\n（一）指导思想\n\n加快发展。\n\n二．重点任务\n\n推进改造。\n", name: "only.txt")
        #expect(only.headings.map(\.display) == ["一．总体要求", "（一）指导思想", "二．重点任务"])
        #expect(only.headings.map(\.depth) == [1, 2, 1])
    }

    /// A clause that opens by citing a chapter (第三章规定的…) is text of its article; the real
    /// 第三章 after it stays a chapter.
    @Test func aClauseCitingAChapterIsNoChapter() {
        let text = """
            某市养老服务促进办法

            第一章　总则

            第一条　为了促进养老服务发展，制定本办法。

            第二章　居家社区养老服务

            第二条　街道应当建设社区养老服务综合体。

            第三章规定的机构养老服务设施，可以同时提供居家社区养老服务。

            第三章　机构养老服务

            第三条　养老机构应当依法办理登记。
            """
        let d = Ingestor.ingest(text: text, name: "law.txt")
        #expect(d.headings.filter { $0.style == .chapter }.map(\.display) == ["第一章 总则", "第二章 居家社区养老服务", "第三章 机构养老服务"])
        let clause = d.passages.first { $0.text.hasPrefix("第三章规定的") }
        #expect(clause?.path == ["第二章 居家社区养老服务", "第二条"])
        #expect(
            HeadingParser.shape(of: HeadingParser.parse(Array("第三章　机构养老服务".unicodeScalars))!)
                == .standalone(title: Array("机构养老服务".unicodeScalars)))
        // Citations of several parts, or of an article in a chapter, are sentences too.
        let citations = [
            "第三章、第四章规定的罚款，由住房城乡建设部门实施。", "第三章和第四章规定的事项，依照本办法执行。", "第三章至第五章的规定，适用于物业服务企业。",
            "第三章第十条规定的情形除外。"
        ]
        for citation in citations {
            #expect(HeadingParser.shape(of: HeadingParser.parse(Array(citation.unicodeScalars))!) == .item, "\(citation)")
        }
    }

    /// Rows typed with full-width spaces between cells are table rows, each its own passage on its
    /// own line; the attachment title above them stays a title. A title spaced letter by letter or
    /// a chapter's gap is text.
    @Test func fullWidthSpacedRowsAreTableRows() {
        let text = """
            某市数字经济行动方案

            一、重点任务

            加快发展集成电路产业。

            附件1

            某市数字经济重点任务分工表

            序号　重点任务　牵头单位　责任单位

            1　提升芯片设计能力　市发展改革委　市科技局

            2　补齐制造封测短板　市经济信息化局　各区县政府
            """
        let d = Ingestor.ingest(text: text, name: "table.txt")
        #expect(d.headings.contains { $0.kind == .document && $0.title == "某市数字经济重点任务分工表" })
        let rows = d.passages.filter { $0.kind == .tableRow }
        #expect(rows.map(\.firstLine) == [11, 13, 15])
        #expect(rows.last?.text.contains("补齐制造封测短板") == true && rows.last?.text.contains("市经济信息化局") == true)
        #expect(LineCleaner.ideographicSpaceCells(Array("总　　则".unicodeScalars)) == nil)
        // Two-character names padded to three in a list of people: text, the names whole.
        let present = "出席：王立新、李　明、张海燕、马国强、刘　芳、杨志勇"
        #expect(LineCleaner.ideographicSpaceCells(Array(present.unicodeScalars)) == nil)
        #expect(LineCleaner.clean(Substring(present), line: 1).text == "出席：王立新、李明、张海燕、马国强、刘芳、杨志勇")
        #expect(LineCleaner.ideographicSpaceCells(Array("第一章　总　　则".unicodeScalars)) == nil)
        #expect(LineCleaner.ideographicSpaceCells(Array("发布时间：2024-05-20　来源：某市商务局".unicodeScalars)) == nil)
        #expect(LineCleaner.ideographicSpaceCells(Array("序号　重点任务　牵头单位".unicodeScalars))?.count == 3)
        // A regulation's adoption note spaced into its clauses is one line of text, found as a phrase.
        let note = "（2024年3月8日省人民政府第25次常务会议审议通过　2024年3月20日省人民政府令第321号公布　自2024年5月1日起施行）"
        #expect(LineCleaner.ideographicSpaceCells(Array(note.unicodeScalars)) == nil)
        #expect(LineCleaner.ideographicSpaceCells(Array("（1）　提升芯片设计能力　市发展改革委".unicodeScalars))?.count == 3)
    }
}
