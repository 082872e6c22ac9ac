import Foundation
import Query

/// The language a research page is written in: English in the reports the commands write
/// (`compare`/`report --format html`, handed on as files), Chinese on the web app's pages, which
/// policy staff read and whose forms and notes are Chinese (`Message`).
public enum PageLanguage: Sendable {
    case english, chinese
}

/// The fixed words of the comparison and term-report pages in one language. Written side by side,
/// as `Message`s are, so that a label added to a page is added in both or the build fails.
struct PageWords {
    let language: PageLanguage
    let comparison: String, occurrencesPerQuery: String, query: String, sideBySide: String
    let termReport: String, eachCell: String, linesNotCounted: String, bestPassages: String
    let total: String, characters: String, noteLabel: String

    static func of(_ language: PageLanguage) -> PageWords { language == .english ? english : chinese }

    static let english = PageWords(
        language: .english, comparison: "Comparison: ", occurrencesPerQuery: "Occurrences per query and document", query: "Query",
        sideBySide: "Side by side: chapters that mention it", termReport: "Term report",
        eachCell: "Each cell: occurrences of the query in the document, and the passages that contain it.",
        linesNotCounted: "Lines not counted", bestPassages: "Best passages", total: "Total", characters: "Characters",
        noteLabel: "note: ")

    static let chinese = PageWords(
        language: .chinese, comparison: "对比：", occurrencesPerQuery: "各查询在各文档中的出现次数", query: "查询",
        sideBySide: "并列：提及该词的章节", termReport: "词频报告", eachCell: "每格：查询在该文档中的出现次数，及包含它的段落数。",
        linesNotCounted: "未计入的行", bestPassages: "最相关的段落", total: "合计", characters: "字数", noteLabel: "注：")

    /// A note in this language.
    func note(_ m: Message) -> String { language == .english ? m.english : m.chinese }
    /// Why a line of a terms file was not counted, in this language.
    func problem(_ p: TermsFile.Problem) -> String { language == .english ? p.message : p.chinese }

    func occurrences(_ n: Int) -> String { language == .english ? counted(n, "occurrence") : "\(n) 次" }
    func passages(_ n: Int) -> String { language == .english ? counted(n, "passage") : "\(n) 段" }
    func documents(_ n: Int) -> String { language == .english ? counted(n, "document") : "\(n) 份文档" }
    func queries(_ n: Int) -> String { language == .english ? "\(n) quer\(n == 1 ? "y" : "ies")" : "\(n) 个查询" }

    /// "3 occurrences in 2 passages" / "2 段中出现 3 次".
    func occurrences(_ n: Int, inPassages p: Int) -> String {
        language == .english ? "\(occurrences(n)) in \(passages(p))" : "\(p) 段中出现 \(n) 次"
    }

    func line(_ n: Int) -> String { language == .english ? "line \(n)" : "第 \(n) 行" }
    func page(_ n: Int) -> String { language == .english ? "page \(n)" : "第 \(n) 页" }
    func score(_ s: Double) -> String { String(format: language == .english ? "score %.3f" : "得分 %.3f", s) }

    /// A rate: "0.25 per 1000 characters" / "每 1000 字 0.25 次".
    func rate(_ r: Double, per: Int) -> String {
        language == .english ? String(format: "%.2f per %d characters", r, per) : String(format: "每 %d 字 %.2f 次", per, r)
    }
}
