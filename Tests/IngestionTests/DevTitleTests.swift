import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// Titles of the development set's documents, as their own title blocks print them (README of
/// ../shared/corpus-dev): never export noise, a site's suffix, a cited law or a title cut at its
/// line break; for an issuing notice the issued document's title, with the notice's kept beside it.
@Suite(.enabled(if: Support.corpusDev != nil, "the development set ../shared/corpus-dev is absent"))
struct DevTitleTests {
    struct Expected: Sendable, CustomStringConvertible {
        var file: String
        var title: String
        var notice: String?
        var description: String { file }
    }

    static let expected: [Expected] = [
        Expected(file: "administrative_reconsideration_law_2023_pdf_extract.txt", title: "中华人民共和国行政复议法"),
        Expected(
            file: "beijing_data_zone_guiding_opinions_2022.txt", title: "关于推进北京市数据专区建设的指导意见",
            notice: "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知"),
        Expected(
            file: "beijing_data_zone_guiding_opinions_2022.utf16le-bom.txt", title: "关于推进北京市数据专区建设的指导意见",
            notice: "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知"),
        Expected(file: "guizhou_rural_payment_action_plan_2026_2028.md", title: "贵州省农村支付服务提质增效助力乡村振兴行动方案(2026-2028年)"),
        Expected(
            file: "guizhou_rural_payment_action_plan_2026_2028.gb18030.md", title: "贵州省农村支付服务提质增效助力乡村振兴行动方案(2026-2028年)"),
        // Spaces between ideographs are layout to the cleaner; the one between joint issuers is put back
        // (中国人民银行 农业农村部, as line 1 prints it).
        Expected(
            file: "pboc_moa_rural_reform_finance_opinions_2025.md", title: "关于加强金融服务农村改革推进乡村全面振兴的意见",
            notice: "中国人民银行 农业农村部印发《关于加强金融服务农村改革推进乡村全面振兴的意见》"),
        Expected(file: "shanghai_lingang_new_area_measures_2019.txt", title: "中国(上海)自由贸易试验区临港新片区管理办法"),
        Expected(
            file: "tianjin_spring_festival_demand_response_rules_2021.txt", title: "2021年春节期间电力需求响应实施细则",
            notice: "市工业和信息化局关于印发2021年春节期间电力需求响应实施细则的通知")
    ]

    @Test(arguments: expected)
    func titleFromTheTitleBlock(_ e: Expected) throws {
        let d = try Ingestor.ingest(fileAt: try #require(Support.corpusDev).appendingPathComponent(e.file))
        #expect(d.title == e.title)
        #expect(d.metadata.noticeTitle == e.notice)
        #expect(d.metadata.titleSource == (e.notice == nil ? .titleBlock : .issuedDocument))
        if e.notice != nil { #expect(d.metadata.issuedTitle == e.title) }
    }

    @Test func theCatalogStillOverrides() throws {
        let dev = try #require(Support.corpusDev)
        let file = "beijing_data_zone_guiding_opinions_2022.txt"
        let catalog = Catalog(entries: [file: DocumentMetadata(title: "北京市数据专区指导意见")])
        let d = try Ingestor.ingest(fileAt: dev.appendingPathComponent(file), catalog: catalog)
        #expect(d.title == "北京市数据专区指导意见")
        #expect(d.metadata.titleSource == .catalog)
        #expect(d.metadata.issuedTitle == "关于推进北京市数据专区建设的指导意见")
    }
}
