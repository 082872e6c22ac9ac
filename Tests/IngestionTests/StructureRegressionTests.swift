import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// The cases of documents from other regions that the heading grammar and title rules once got
/// wrong, each on a short text built the way such documents are (GB/T 9704 notices, regulations
/// with 章 and 条, exports from legal databases, pages saved from government sites).
@Suite struct StructureRegressionTests {
    static func ingest(_ text: String, name: String = "doc.txt") -> Document { Ingestor.ingest(text: text, name: name) }

    static func outline(_ d: Document) -> [String] { d.headings.map { "\($0.depth)|\($0.display)" } }

    // MARK: Paragraphs

    /// A paragraph that a page break cut mid-sentence, the break left as a blank line by extraction,
    /// is one passage again when it already holds a finished sentence: read in the bundled plans,
    /// "城市能级全面 / 提升" (成都服务业, line 83) and "整体性谋划 / 和推进" (重庆商务, line 158).
    @Test(arguments: [
        ("chengdu-services-14th-fyp", "4. 辐射能级进一步提升。", "城市能级全面提升，“主干”支撑持续强化"),
        ("chongqing-commerce-14th-fyp", "坚持系统观念。", "整体性谋划和推进，统筹利用国内国际两个市场")
    ])
    func paragraphCutAtAPageBreakIsRejoined(_ name: String, _ lead: String, _ joined: String) throws {
        let d = try CorpusSupport.document(name)
        let p = try #require(d.passages.first { $0.text.contains(joined) }, "\(joined)")
        #expect(p.text.hasPrefix(lead.replacingOccurrences(of: " ", with: "")))
    }

    /// A short title line without a finished sentence still stays apart from the paragraph after it.
    @Test func titleAcrossABlankLineStaysApart() {
        let d = Self.ingest("某市促进消费工作方案\n\n一、总体要求\n\n加快培育新型消费\n\n推动消费提质升级，增强消费对经济发展的基础性作用。\n")
        #expect(d.passages.contains { $0.text == "加快培育新型消费" })
    }

    // MARK: Chapters and articles

    @Test func chapterGluedToItsFirstArticleKeepsItsTitle() throws {
        let d = Self.ingest(
            """
            广东省政务数据管理办法
            第一章　总则
            第一条　为了规范政务数据管理，制定本办法。
            第二条　本办法适用于本省行政区域内的政务数据管理。
            　第二章　目录管理　　第三条 　政务数据实行目录管理，目录由主管部门统一编制。
            第四条　政务部门应当按照目录要求采集数据。
            """)
        #expect(Self.outline(d) == ["1|第一章 总则", "2|第一条", "2|第二条", "1|第二章 目录管理", "2|第三条", "2|第四条"])
        let p = try #require(d.passages.first { $0.text.hasPrefix("第三条") })
        #expect(p.path == ["第二章 目录管理", "第三条"])
        #expect(p.text == "第三条政务数据实行目录管理，目录由主管部门统一编制。")
    }

    @Test func articlesAreEntriesWithOrWithoutCaptions() {
        let captioned = Self.ingest(
            """
            第一章　总则
            　　第一条　（目的和依据）
            　　为了推进新片区建设，制定本办法。
            　　第二条　（适用范围）
            　　本办法适用于新片区。
            """)
        #expect(Self.outline(captioned) == ["1|第一章 总则", "2|第一条 目的和依据", "2|第二条 适用范围"])
        let runIn = Self.ingest(
            """
            第一章 总则
            第一条 为了防止和纠正违法的或者不当的行政行为，制定本法。
            第二条 公民、法人或者其他组织认为行政机关的行政行为侵犯其合法权益的，适用本法。
            有下列情形之一的，可以申请：
            （一）对行政处罚决定不服；
            （二）对行政强制措施不服的，可以依照本法申请行政复议，行政机关应当受理
            """)
        #expect(Self.outline(runIn) == ["1|第一章 总则", "2|第一条", "2|第二条"])
    }

    /// A law of more than a hundred articles (公司法, 民法典): 第一百零一条 writes 零 for the missing
    /// tens, and the articles go on past it (four-digit numbers: `HeadingParserTests`).
    @Test func articlesPastOneHundred() throws {
        func numeral(_ n: Int) -> String {
            let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
            var s = "", zero = false
            for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] where n >= unit || !s.isEmpty {
                let k = n / unit % 10
                if k == 0 {
                    zero = !s.isEmpty
                    continue
                }
                if zero { s += "零" }
                zero = false
                s += (unit == 10 && k == 1 && s.isEmpty ? "" : d[k]) + name  // 十二, not 一十二
            }
            return s
        }
        #expect(
            [12, 99, 100, 101, 105, 110, 119, 1005, 1260].map(numeral) == [
                "十二", "九十九", "一百", "一百零一", "一百零五", "一百一十", "一百一十九", "一千零五", "一千二百六十"
            ])
        let numbers = Array(1...112)
        var lines = ["某省数据条例", "第一章 总则"]
        for n in numbers { lines.append("第\(numeral(n))条 第\(n)项规定的内容，依照本条例执行。") }
        let d = Self.ingest(lines.joined(separator: "\n"))
        #expect(Self.outline(d) == ["1|第一章 总则"] + numbers.map { "2|第\(numeral($0))条" })
        let p = try #require(d.passages.first { $0.text.contains("第103项") })
        #expect(p.path == ["第一章 总则", "第一百零三条"])
    }

    /// A box whose items are numbered with a higher rank than the section it stands in (一、 under
    /// 二、 › （一）, or under 第二部分 › (一) where 一、 is not used at all) keeps them as its items;
    /// the next （二） and the next top heading are the document's headings again.
    @Test(arguments: [
        (["一、发展基础", "二、重点任务", "三、保障措施"], ["1|一、发展基础", "1|二、重点任务", "2|（一）发展跨境电商", "3|专栏 3 重大平台", "2|（二）扩大服务贸易", "1|三、保障措施"]),
        (
            ["第一部分 发展基础", "第二部分 重点任务", "第三部分 保障措施"],
            ["1|第一部分 发展基础", "1|第二部分 重点任务", "2|（一）发展跨境电商", "3|专栏 3 重大平台", "2|（二）扩大服务贸易", "1|第三部分 保障措施"]
        )
    ])
    func higherRankedItemsStayInTheirBox(_ tops: [String], _ expected: [String]) {
        let text = [
            "某市商务发展规划", "", tops[0], "近年来全市商务发展取得明显成效。", tops[1], "（一）发展跨境电商", "支持企业建设海外仓。", "专栏3　重大平台",
            "一、跨境电商综合试验区", "二、综合保税区", "三、国际物流枢纽", "（二）扩大服务贸易", "推动服务贸易创新发展。", tops[2], "加强组织领导。"
        ].joined(separator: "\n")
        let d = Self.ingest(text + "\n")
        #expect(Self.outline(d) == expected)
        let item = d.passages.first { $0.text.hasPrefix("二、综合保税区") }
        #expect(item?.box == "专栏 3 重大平台")
    }

    /// A gazette's text export without form feeds: pages end in "- N -" and start with the
    /// gazette's running header. The header is furniture (not in the title, not in a paragraph),
    /// and the paragraph a page break cut is one passage again.
    @Test func runningHeaderBetweenPrintedPageNumbers() {
        let header = "成都市人民政府公报　　　　　　　　　　　2024年第6期"
        var lines = [header, "", "成都市优化营商环境条例实施细则", "", "第一章　总则", ""]
        let subjects = ["中小企业", "个体工商户", "外商投资企业", "科技型企业"], numbers = ["一", "二", "三", "四"]
        // Lines wrapped at one width (28 characters), as the export prints them.
        func wrapped(_ s: String) -> String { String(s.prefix(28)) }
        let cut = subjects.map { wrapped($0 + "在融资、用地、人才引进、技术改造、市场开拓、品牌建设、数字化转型") }
        for page in 0..<4 {
            lines += [
                wrapped("第\(numbers[page])条　为持续优化营商环境，激发市场主体活力，增强发展信心，支持"), cut[page], "", "- \(page + 1) -", "",
                header, "", "等方面给予支持，推动各项政策落地见效。", ""
            ]
        }
        let d = Self.ingest(lines.joined(separator: "\n"))
        #expect(d.title == "成都市优化营商环境条例实施细则")
        #expect(!d.passages.contains { $0.text.contains("公报") }, "\(d.passages.map(\.text))")
        for line in cut {
            #expect(d.passages.contains { $0.text.contains(line + "等方面给予支持") }, "\(d.passages.map(\.text))")
        }
    }

    @Test func twoIsNotANumeralInABoxTitle() throws {
        let d = Self.ingest(
            """
            一、推进数字化转型
            专栏6  两化融合贯标升级工程
            推动500家企业开展两化融合管理体系贯标。
            """)
        let box = try #require(d.headings.first { $0.kind == .box })
        #expect(box.label == "专栏 6")
        #expect(box.title == "两化融合贯标升级工程")
        #expect(d.passages.last?.box == "专栏 6 两化融合贯标升级工程")
    }

    // MARK: Front matter and titles

    @Test func exportHeaderIsFrontMatterNotTheTitle() throws {
        let d = Self.ingest(
            """
                【法宝引证码】 CLI.12.4638041
            原文链接：https://www.pkulaw.com/lar/0123456789abcdef.html
            广东省公共数据管理办法
            第一章　总则
            第一条　为了规范公共数据管理，根据《中华人民共和国数据安全法》等法律法规，制定本办法。
            """)
        #expect(d.title == "广东省公共数据管理办法")
        #expect(d.metadata.titleSource == .titleBlock)
        let noise = try #require(d.passages.first { $0.text.contains("法宝引证码") })
        #expect(noise.kind == .frontMatter)
        #expect(!d.passages.contains { $0.kind != .frontMatter && $0.text.contains("原文链接") })
    }

    @Test func aLawTheBodyCitesIsNotTheTitle() {
        let d = Self.ingest(
            """
            第一条　为了规范公共数据管理，根据《中华人民共和国数据安全法》《广东省数字经济促进条例》等法律法规，结合本省实际，制定本办法。
            第二条　本办法适用于本省公共数据的管理。
            """, name: "gd-public-data.txt")
        #expect(d.title == "gd-public-data.txt")
        #expect(d.metadata.titleSource == .fileName)
    }

    @Test func anAmendmentNoteIsNotTheTitle() {
        let d = Self.ingest(
            """
            易制毒化学品管理条例
            （2005年8月26日中华人民共和国国务院令第445号公布　根据2014年7月29日《国务院关于修改部分行政法规的决定》第一次修订　根据2016年2月6日《国务院关于修改部分行政法规的决定》第二次修订）
            第一章　总则
            第一条　为了加强易制毒化学品管理，规范易制毒化学品的生产、经营、购买、运输和进口、出口行为，制定本条例。
            """)
        #expect(d.title == "易制毒化学品管理条例")
        #expect(Self.outline(d) == ["1|第一章 总则", "2|第一条"])
    }

    @Test func aNoticeKeepsBothTitlesAndNamesTheIssuedDocument() {
        let d = Self.ingest(
            """
            北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知
            京经信发〔2022〕87号
            各区政府，各相关单位：
            　　现将《关于推进北京市数据专区建设的指导意见》印发给你们，请结合实际认真贯彻落实。根据《市政府关于加强数字政府建设的通知》要求执行。
            北京市经济和信息化局
            2022年11月21日
            关于推进北京市数据专区建设的指导意见
            　　一、总体要求
            　　（一）指导思想
            　　以习近平新时代中国特色社会主义思想为指导。
            """)
        #expect(d.title == "关于推进北京市数据专区建设的指导意见")
        #expect(d.metadata.titleSource == .issuedDocument)
        #expect(d.metadata.noticeTitle == "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知")
        #expect(d.metadata.issuedTitle == "关于推进北京市数据专区建设的指导意见")
        #expect(d.passages.first?.path == ["发文通知"])
        #expect(Self.outline(d) == ["1|一、总体要求", "2|（一）指导思想"])
    }

    @Test func aSiteSuffixIsNotPartOfTheTitle() {
        let d = Self.ingest(
            """
            市工业和信息化局关于印发2021年春节期间电力需求响应实施细则的通知_委局文件_政务公开
            天津政务网
            国网天津市电力公司，有关单位：
            """)
        #expect(d.metadata.noticeTitle == "市工业和信息化局关于印发2021年春节期间电力需求响应实施细则的通知")
        #expect(d.title == "2021年春节期间电力需求响应实施细则")
    }

    @Test func aTitleCutAtItsLineBreakIsJoined() {
        let d = Self.ingest(
            """
            **贵州省农村支付服务提质增效**

            **助力乡村振兴行动方案(2026-2028年)**

            为深入学习贯彻习近平总书记在贵州考察时的重要讲话精神，特制定本行动方案

            一、总体要求
            """, name: "gz.md")
        #expect(d.title == "贵州省农村支付服务提质增效助力乡村振兴行动方案(2026-2028年)")
        #expect(d.format == "markdown")
    }

    @Test func aTitleFollowedByContentsIsTheTitle() {
        let d = Self.ingest(
            """
            成都市“十四五”服务业发展规划
            目录
            一、发展背景 ........ 1
            二、总体要求 ........ 6
            三、重点产业 ........ 12
            一、发展背景
            “十三五”时期，成都服务业发展成效显著。
            二、总体要求
            三、重点产业
            """)
        #expect(d.title == "成都市“十四五”服务业发展规划")
        #expect(Self.outline(d) == ["1|一、发展背景", "1|二、总体要求", "1|三、重点产业"])
    }

    @Test func breadcrumbsAndFieldsAreNoTitlesAndADocumentNumberIsNotPartOfIt() {
        let d = Self.ingest(
            """
            首页 > 政务公开 > 通知
            来源：市政府办公厅
            市人民政府关于加快发展夜间经济的通知（某府发〔2023〕12号）
            各区人民政府：
            一、总体要求
            """)
        #expect(d.title == "市人民政府关于加快发展夜间经济的通知")
    }

    @Test func linesSeparatedByABlankLineAreNotJoined() {
        let d = Self.ingest("关于海外仓的通知\n\n甲市支持海外仓建设。\n")
        #expect(d.passages.map(\.text) == ["关于海外仓的通知", "甲市支持海外仓建设。"])
        #expect(d.title == "关于海外仓的通知")
    }

    // MARK: Several documents in one file

    @Test func aNoticeIssuingTwoDocumentsGivesEachItsEntry() {
        let d = Self.ingest(
            """
            某市人民政府关于印发《某市支持外贸发展若干政策》和《某市外贸高质量发展行动计划》的通知
            各区人民政府，市政府各部门：
            现将《某市支持外贸发展若干政策》和《某市外贸高质量发展行动计划》印发给你们，请认真贯彻执行。
            某市人民政府
            2023年5月6日
            某市支持外贸发展若干政策
            一、支持企业开拓市场
            对企业参加境外展会给予补助。
            二、支持外贸新业态
            对海外仓建设给予奖励。
            某市外贸高质量发展行动计划
            一、总体要求
            到2025年，全市外贸规模稳步增长。
            二、重点任务
            （一）培育外贸主体
            实施外贸主体培育工程。
            """)
        #expect(
            Self.outline(d) == [
                "1|一、支持企业开拓市场", "1|二、支持外贸新业态", "1|某市外贸高质量发展行动计划", "2|一、总体要求", "2|二、重点任务",
                "3|（一）培育外贸主体"
            ])
        #expect(d.passages.last?.path == ["某市外贸高质量发展行动计划", "二、重点任务", "（一）培育外贸主体"])
    }

    @Test func anAttachmentIsATopLevelEntry() {
        let d = Self.ingest(
            """
            关于开展2023年度营商环境评价工作的通知
            各区县人民政府：
            一、评价范围
            全市各区县。
            二、评价方式
            按照考评指标逐项评分。
            附件：1.考评指标
            　　　2.评分细则
            某市发展和改革委员会
            2023年3月1日
            附件1
            某市营商环境考评指标
            一、开办企业
            （一）办理环节
            二、获得电力
            附件2：《某市营商环境评分细则》
            一、评分方法
            """)
        #expect(
            Self.outline(d) == [
                "1|一、评价范围", "1|二、评价方式", "1|附件1 某市营商环境考评指标", "2|一、开办企业", "3|（一）办理环节", "2|二、获得电力",
                "1|附件2 某市营商环境评分细则", "2|一、评分方法"
            ])
        #expect(d.headings[2].kind == .document)
    }

    @Test func anUnnumberedCaptionBeforeItemsIsNotADocument() {
        let d = Self.ingest(
            """
            一、发展目标
            到2025年，全市外贸规模稳步增长。
            保障措施
            1.加强组织领导。建立工作专班。
            2.强化资金保障。统筹各类资金。
            """)
        #expect(!d.headings.contains { $0.kind == .document })
        #expect(Self.outline(d) == ["1|一、发展目标", "2|1.加强组织领导", "2|2.强化资金保障"])
    }

    @Test func aNumberPrintedInThePreviousParagraphIsNotLost() {
        let d = Self.ingest(
            """
            一、主要任务
            主要任务包括：1.开展试点，在三个区先行。
            2.扩大范围。总结试点经验。
            3.全面推广。在全市推开。
            """)
        // 2. and 3. continue the enumeration begun inside the paragraph: items, not headings.
        #expect(Self.outline(d) == ["1|一、主要任务"])
    }

    // MARK: Page furniture

    @Test func runningHeadersAndFootersAreRemovedByRepetition() {
        var pages: [String] = []
        for n in 1...4 {
            pages.append(
                """
                重庆市商务发展规划
                第\(n)段正文的内容，说明商务发展的重点任务。
                — \(n) —
                """)
        }
        let d = Self.ingest(pages.joined(separator: "\u{0C}"))
        let texts = d.passages.map(\.text)
        #expect(!texts.contains { $0.contains("重庆市商务发展规划") || $0.contains("—") })
        #expect(d.passages.first { $0.text.hasPrefix("第3段") }?.firstPage == 3)
        // The running header repeats the title: it is the title's evidence.
        #expect(d.title == "重庆市商务发展规划")
    }

    /// Attachments that each start a page (GB/T 9704) put 附件1, 附件2, 附件3 at the top of their
    /// pages: labels that differ in their numbers only, not a running header. Each stays the
    /// heading of its attachment, and a search finds it.
    @Test func attachmentLabelsAtPageTopsAreNotRunningHeaders() {
        let pages = [
            "某市人民政府办公室关于印发三个文件的通知\n\n各区人民政府：\n\n现将三个文件印发给你们，请认真贯彻执行。\n\n某市人民政府办公室\n2025年3月1日",
            "附件1\n\n某市促进跨境电商发展若干措施\n\n一、支持企业建设海外仓。对新建海外仓给予补助。",
            "附件2\n\n某市外贸主体培育行动方案\n\n一、实施破零倍增工程。开展外贸主体摸排。",
            "附件3\n\n某市重点项目清单\n\n一、平台类项目。建设跨境电商公共服务平台。"
        ]
        let d = Self.ingest(pages.joined(separator: "\u{0C}"))
        #expect(d.passages.first { $0.text.hasPrefix("一、实施破零倍增") }?.path.first == "附件2 某市外贸主体培育行动方案")
        #expect(d.passages.first { $0.text.hasPrefix("一、平台类项目") }?.path.first == "附件3 某市重点项目清单")
        #expect(d.passages.first { $0.text.hasPrefix("一、支持企业建设") }?.path.first == "附件1 某市促进跨境电商发展若干措施")
    }

    /// Inside 附件2, an unnumbered 附件：X is the attachment's own enclosure, a line of its text, not
    /// a further attachment of the file.
    @Test func anEnclosureLineInsideANumberedAttachment() {
        let d = Self.ingest(
            [
                "某市人民政府办公室关于印发两个文件的通知", "", "各区人民政府：", "", "现将两个文件印发给你们，请认真贯彻执行。", "", "某市人民政府办公室", "2025年3月1日", "",
                "附件1", "", "某市促进跨境电商发展若干措施", "", "一、支持企业建设海外仓。对新建海外仓给予补助。", "", "附件2", "", "某市外贸主体培育行动方案", "",
                "一、实施破零倍增工程。开展外贸主体摸排。", "", "附件：重点培育企业名单（另发）"
            ].joined(separator: "\n"))
        #expect(d.headings.filter { $0.kind == .document }.map(\.display) == ["附件1 某市促进跨境电商发展若干措施", "附件2 某市外贸主体培育行动方案"])
        #expect(d.passages.first { $0.text.hasPrefix("附件：重点培育") }?.path.first == "附件2 某市外贸主体培育行动方案")
    }

    /// A plan's unnumbered parts (前　言 before the numbered parts, 结束语 after them) are top-level
    /// headings: the closing paragraph is the 结束语's, not the last numbered heading's, and the
    /// numbered parts are not under 前言.
    @Test func prefaceAndClosingWordsAreUnnumberedParts() {
        let d = Self.ingest(
            [
                "某区“十五五”现代服务业发展规划", "", "前　言", "", "“十五五”时期是加快建设现代服务业集聚区的关键五年。", "", "第一部分　发展基础", "",
                "一、主要成就", "", "全区服务业增加值年均增长7.2%。", "", "第二部分　保障措施", "", "一、强化政策支持", "", "区级财政每年安排专项资金2亿元。", "",
                "结　束　语", "", "实现“十五五”服务业发展目标，任务艰巨、使命光荣。"
            ].joined(separator: "\n"))
        #expect(Self.outline(d) == ["1|前言", "1|第一部分 发展基础", "2|一、主要成就", "1|第二部分 保障措施", "2|一、强化政策支持", "1|结束语"])
        #expect(d.passages.first { $0.text.hasPrefix("实现“十五五”") }?.path == ["结束语"])
        #expect(d.passages.first { $0.text.hasPrefix("“十五五”时期") }?.path == ["前言"])
    }

    /// An amending 决定 numbers its amendments 一、二、…; one that ends in ： over the new text in quotes
    /// (三、将第十七条修改为： / “第十七条　…”) is an amendment like the others, not a heading the
    /// later amendments would be filed under.
    @Test func amendmentsBeforeQuotedTextAreItems() {
        let d = Self.ingest(
            [
                "某市人民政府关于修改《某市公共数据资源管理办法》的决定", "", "市人民政府决定对《某市公共数据资源管理办法》作如下修改：", "",
                "一、将第五条第二款中的“市政务服务管理局”修改为“市大数据发展局”。", "", "二、增加一条，作为第十四条之一：", "",
                "“第十四条之一　授权运营单位应当建立数据产品和服务定价机制。”", "", "三、将第十七条修改为：", "",
                "“第十七条　公共管理和服务机构违反本办法规定的，由市大数据发展局责令限期改正。”", "", "四、删去第十八条。", "", "本决定自公布之日起施行。"
            ].joined(separator: "\n"))
        #expect(Self.outline(d).isEmpty)
        #expect(d.passages.first { $0.text.hasPrefix("四、删去") }?.path == [])
    }

    /// An unnumbered 专栏 (its title set apart by a space) holds its items as any box does: they
    /// are the box's, not headings of the plan.
    @Test func anUnnumberedBoxHoldsItsItems() {
        let d = Self.ingest(
            [
                "某市数字贸易发展行动计划", "", "一、重点任务", "", "（一）培育数字贸易主体。支持企业拓展海外市场。", "", "专栏　数字贸易重点平台", "",
                "1.数字贸易公共服务平台", "", "2.跨境数据流动试点平台", "", "（二）完善发展环境。优化数字贸易营商环境。"
            ].joined(separator: "\n"))
        #expect(d.passages.first { $0.text.hasPrefix("2.跨境数据") }?.box == "专栏 数字贸易重点平台")
        #expect(!Self.outline(d).contains { $0.contains("1.数字贸易公共服务平台") })
    }

    /// Numbered sentences, not titles: one the margin cut after a clause (…统一设计、统 / 一发布。),
    /// and one whole sentence whose next sibling is a sentence with a clause (a list of
    /// conditions): none is a heading the others would be filed under.
    @Test func numberedSentencesAreNoHeadings() {
        let wrapped = Self.ingest(
            [
                "一、“四川老字号”标识是经四川省商务厅认定的老字号企业专用标识，由省商务厅统一设计、统", "一发布。",
                "二、被认定企业可在其经营场所、产品包装、宣传材料和网站等载体上使用“四川老字号”标识，", "使用时应当保持标识的完整性，不得变形、拆分或者与其他图形组合使用。",
                "三、被认定企业不得将标识转让、出租、出借给其他单位或者个人使用。"
            ].joined(separator: "\n"))
        #expect(Self.outline(wrapped).isEmpty)
        #expect(wrapped.passages.contains { $0.text.contains("统一设计、统一发布。") })
        let conditions = Self.ingest(
            [
                "关于做好2025年外经贸发展专项资金项目申报工作的通知", "", "一、申报条件", "（一）申报单位应当是在自治区行政区域内依法注册、具有独立法人资格的企业或者单位。",
                "（二）申报单位近三年内无违法违规行为，未被列入严重失信主体名单。", "（三）同一项目已获得其他财政资金支持的，不得重复申报。", "二、申报程序", "企业通过系统在线填报。"
            ].joined(separator: "\n"))
        #expect(Self.outline(conditions) == ["1|一、申报条件", "1|二、申报程序"])
    }

    /// A PDF's attachment title over its table: the table's header (序号 单位 联系人 联系电话, one line
    /// once extracted) is not part of the title.
    @Test func anAttachmentTitleStopsAtItsTablesHeader() {
        let d = Self.ingest(
            [
                "某省商务厅关于公布名单的公告", "", "现将有关名单公布如下。", "", "某省商务厅", "2025年3月1日", "\u{0C}附件3", "各市（州）商务主管部门联系方式",
                "序号 单位 联系人 联系电话", "1 成都市商务局 刘洋 028-61881234", "2 自贡市商务局 陈晨 0813-2201234"
            ].joined(separator: "\n"))
        #expect(d.headings.filter { $0.kind == .document }.map(\.display) == ["附件3 各市（州）商务主管部门联系方式"])
    }

    /// A series' header (四川省商务厅公告 over 2025年第3号) is no title: the issue's own title is.
    @Test func aSeriesHeaderIsNoTitle() {
        let d = Self.ingest(
            [
                "四川省商务厅公告", "2025年第3号", "关于公布第三批“四川老字号”名单的公告", "根据有关要求，经企业自愿申报、专家评审、网上公示等程序，认定46家企业为第三批“四川老字号”，现予公布。",
                "四川省商务厅", "2025年3月20日"
            ].joined(separator: "\n"))
        #expect(d.title == "关于公布第三批“四川老字号”名单的公告")
        #expect(Self.ingest("某市人民政府通告\n\n为加强管理，现就有关事项通告如下。\n").title == "某市人民政府通告")
    }

    /// A form feed in mid-line starts a page but not a line: source lines stay `grep -n`'s.
    @Test func aFormFeedInMidLineKeepsLineNumbers() {
        let d = Self.ingest("海外仓建设规划\n\n跨境电商\u{0C}换页符之后的海外仓。\n\n第三段提到海外仓布局。\n")
        let after = d.passages.first { $0.text.contains("换页符之后") }
        #expect(after?.lastLine == 3 && after?.lastPage == 2)
        #expect(d.passages.first { $0.text.hasPrefix("第三段") }?.firstLine == 5)
    }

    /// A cover that prints the title under a running header repeating it (a plan exported by a
    /// word processor): the header goes, the title stays a passage (found by a search for it).
    @Test func aCoverTitleUnderAHeaderRepeatingItStays() {
        var pages = ["重庆市商务发展规划\n重庆市商务发展规划\n重庆市人民政府\n2021年9月"]
        for n in 2...4 { pages.append("重庆市商务发展规划\n第\(n)段正文的内容，说明商务发展的重点任务。\n— \(n) —") }
        let d = Self.ingest(pages.joined(separator: "\u{0C}"))
        #expect(d.passages.filter { $0.text == "重庆市商务发展规划" }.map(\.firstLine) == [2])
        #expect(d.title == "重庆市商务发展规划")
    }

    @Test func aPrintedPagesURLFooterInterleavedWithTextLeavesTheText() {
        var text = "中华人民共和国行政复议法\n"
        for n in 1...3 {
            text += "2024/1/30 上午10:40 中华人民共和国行政复议法__中国政府网\n"
            text += "第\(n)条 行政复议机关应当依法履行职责，保障法律的正确实施。\n"
            text += "https://www.gov.cn/zhengce/content_6901584.htm \(n)/3\n\n"
        }
        text += "2024/1/30 上午10:40 中华人民共和国行政复议法__中国政府网\n"
        text += "第四条 除前款规定外，省、自治区、直辖市人民政府同时管辖对本机关作出的行政\n"
        text += "https://www.gov.cn/z行he为ngc不e/服co的ntent_6901584.htm 3/3\n"
        let d = Self.ingest(text)
        #expect(!d.passages.contains { $0.text.contains("gov.cn") || $0.text.contains("上午10:40") })
        #expect(d.passages.contains { $0.text == "第四条除前款规定外，省、自治区、直辖市人民政府同时管辖对本机关作出的行政行为不服的" })
    }

    @Test func boldHeadingsDoubledByExtractionAreRead() {
        let d = Self.ingest("第第一一章章 总总则则\n第一条 为了规范管理，制定本法。\n")
        #expect(Self.outline(d) == ["1|第一章 总则", "2|第一条"])
    }
}

/// Lines a page wrapped at its margin, as PDF extraction gives them: a wrapped title is one
/// passage, a list item wrapped at the margin is one item (not a heading cut from its sentence).
@Suite struct WrappedLineTests {
    /// A notice as `pdftotext -raw` prints LibreOffice's PDF of it: lines of a fixed width.
    static let notice = """
        广元市人民政府办公室
        关于印发《广元市推动外贸保稳提质实施方案》的通
        知
        各县（区）人民政府，市级各部门，有关单位：
        《广元市推动外贸保稳提质实施方案》已经市政府同意，现印发给你们，
        请结合实际认真贯彻落实。
        广元市推动外贸保稳提质实施方案
        一、重点任务
        （一）培育壮大外贸经营主体
        1.实施外贸主体培育行动。建立重点外贸企业联系制度，对年进出口额超过
        一亿元的企业实行一对一服务，帮助企业解决生产经营中遇到的困难和问
        题，推动外贸企业稳订单、拓市场、增效益，力争全年新增外贸实绩企业
        五十家以上，外贸主体数量和质量稳步提升，外贸发展基础不断夯实。
        2.支持龙头企业做大做强。鼓励龙头企业通过兼并重组、设立海外分支机
        构等方式整合资源，提升国际竞争力，带动上下游中小企业共同开拓国际
        市场，形成大中小企业融通发展的良好格局。
        （二）积极开拓国际市场
        1.支持企业参加境外展会。每年组织企业参加广交会、进博会、东盟博览
        会等重点展会，对企业参加境外展会的展位费给予补助，补助比例为展位
        费的百分之五十，单个企业每年补助不超过十万元。
        2.深度对接RCEP市场。
        （1）开展RCEP政策宣讲和培训，帮助企业用好关税减让和原产地累积
        规则；
        （2）支持企业在东盟国家设立营销网络和海外仓；
        （3）推动原产地证书“智能审核+自助打印”全覆盖。
        3.规范项目管理。项目申报、评审、验收和资金拨付的程序均依照本办法
        第三章有关规定执行，具体操作细则由市商务局另行制定。
        4.落实税收优惠。对符合条件的外贸企业落实研发费用加计扣除，按照
        （二）项规定享受优惠，具体以税务部门认定为准。
        二、保障措施
        加强组织领导，建立健全外贸工作协调机制，及时研究解决重大问题。
        """

    @Test func aWrappedItemIsOneItem() {
        let d = Ingestor.ingest(text: Self.notice, name: "notice.txt")
        #expect(!d.headings.contains { $0.label.hasPrefix("（1）") }, "\(d.headings.map(\.display))")
        let item = d.passages.first { $0.text.hasPrefix("（1）开展RCEP") }
        #expect(item?.text == "（1）开展RCEP政策宣讲和培训，帮助企业用好关税减让和原产地累积规则；")
        #expect(item?.path.last == "2.深度对接RCEP市场")
        #expect(d.passages.first { $0.text.hasPrefix("（3）推动") }?.path.last == "2.深度对接RCEP市场")
    }

    /// A line cut mid-sentence goes on into a next line that starts with a number citing a part
    /// (第三章有关规定…, （二）项规定…): a citation, not a heading or an item.
    @Test func aCitationAfterACutLineContinuesTheSentence() {
        let d = Ingestor.ingest(text: Self.notice, name: "notice.txt")
        #expect(d.passages.contains { $0.text.hasSuffix("均依照本办法第三章有关规定执行，具体操作细则由市商务局另行制定。") })
        #expect(d.passages.contains { $0.text.hasSuffix("按照（二）项规定享受优惠，具体以税务部门认定为准。") })
        #expect(!d.headings.contains { $0.label.hasPrefix("第三章") })
    }

    @Test func aWrappedTitleIsOnePassage() {
        let d = Ingestor.ingest(text: Self.notice, name: "notice.txt")
        #expect(d.metadata.noticeTitle == "广元市人民政府办公室关于印发《广元市推动外贸保稳提质实施方案》的通知")
        #expect(d.passages.contains { $0.text.hasSuffix("实施方案》的通知") && $0.lastLine == 3 })
        let plan = Ingestor.ingest(
            text: "某市人民政府关于加快推进跨境电子商务\n高质量发展的实施意见\n\n一、总体要求\n\n到2025年，全市跨境电商交易额突破100亿元。\n",
            name: "plan.txt")
        #expect(plan.passages.first?.text == "某市人民政府关于加快推进跨境电子商务高质量发展的实施意见")
        #expect(plan.passages.first?.firstLine == 1 && plan.passages.first?.lastLine == 2)
    }
}
