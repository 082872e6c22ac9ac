import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// The recovered outline of every document of the development set (../shared/corpus-dev, real texts
/// of other regions and shapes) against a gold outline written by reading it (Gold/dev/*.outline,
/// format in Gold/FORMAT.md): heading precision, recall and F1, each at least 95 %. Skipped when the
/// development set is absent.
@Suite(.enabled(if: Support.corpusDev != nil, "the development set ../shared/corpus-dev is absent"))
struct DevOutlineGoldTests {
    /// Each file of the development set and its gold outline (re-encoded copies share their original's).
    static let files: [(file: String, gold: String)] = [
        ("administrative_reconsideration_law_2023_pdf_extract.txt", "administrative_reconsideration_law_2023_pdf_extract"),
        ("beijing_data_zone_guiding_opinions_2022.txt", "beijing_data_zone_guiding_opinions_2022"),
        ("beijing_data_zone_guiding_opinions_2022.utf16le-bom.txt", "beijing_data_zone_guiding_opinions_2022"),
        ("guizhou_rural_payment_action_plan_2026_2028.md", "guizhou_rural_payment_action_plan_2026_2028"),
        ("guizhou_rural_payment_action_plan_2026_2028.gb18030.md", "guizhou_rural_payment_action_plan_2026_2028"),
        ("pboc_moa_rural_reform_finance_opinions_2025.md", "pboc_moa_rural_reform_finance_opinions_2025"),
        ("shanghai_lingang_new_area_measures_2019.txt", "shanghai_lingang_new_area_measures_2019"),
        ("tianjin_spring_festival_demand_response_rules_2021.txt", "tianjin_spring_festival_demand_response_rules_2021")
    ]

    static func document(_ file: String) throws -> Document {
        let dir = try #require(Support.corpusDev)
        return try Ingestor.ingest(fileAt: dir.appendingPathComponent(file))
    }

    @Test(arguments: files.map(\.file))
    func outlineF1(_ file: String) throws {
        let goldName = try #require(Self.files.first { $0.file == file }?.gold)
        let gold = try GoldOutline.load(goldName, subdirectory: "Gold/dev")
        let actual = GoldOutline.entries(try Self.document(file).headings)
        let score = OutlineScore(gold: gold, actual: actual)
        print(
            String(
                format: "outline F1 %@: precision %.3f recall %.3f F1 %.3f (%d gold, %d found, %d matched)",
                file, score.precision, score.recall, score.f1, gold.count, actual.count, score.matched))
        #expect(gold.count >= 10)
        #expect(score.f1 >= 0.95, "\(file): F1 \(score.f1)\n\(score.report.joined(separator: "\n"))")
    }
}

/// Gold outlines (`depth|label|title` lines) and recovered headings in the same comparable form.
enum GoldOutline {
    struct Entry: Equatable, Hashable, CustomStringConvertible {
        var depth: Int
        var label: String
        var title: String
        var description: String { "\(depth)|\(label)|\(title)" }
    }

    static func load(_ name: String, subdirectory: String) throws -> [Entry] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "outline", subdirectory: subdirectory))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            let f = line.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            guard f.count == 3, let d = Int(f[0]) else { return nil }
            return Entry(depth: d, label: CorpusSupport.comparable(f[1]), title: CorpusSupport.comparable(f[2]))
        }
    }

    static func entries(_ headings: [Heading]) -> [Entry] {
        headings.map { Entry(depth: $0.depth, label: CorpusSupport.comparable($0.label), title: CorpusSupport.comparable($0.title)) }
    }
}

/// Heading precision and recall: an entry is right when depth, label and title all equal the gold
/// entry's, matched in document order (longest common subsequence).
struct OutlineScore {
    var matched: Int
    var precision: Double
    var recall: Double
    var f1: Double
    var report: [String]

    init(gold: [GoldOutline.Entry], actual: [GoldOutline.Entry]) {
        let n = gold.count, m = actual.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = gold[i] == actual[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        matched = table[0][0]
        precision = m == 0 ? (n == 0 ? 1 : 0) : Double(matched) / Double(m)
        recall = n == 0 ? 1 : Double(matched) / Double(n)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        var lines: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, gold[i] == actual[j] {
                i += 1
                j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                lines.append("+ extra   \(actual[j])")
                j += 1
            } else {
                lines.append("- missing \(gold[i])")
                i += 1
            }
        }
        report = lines
    }
}
