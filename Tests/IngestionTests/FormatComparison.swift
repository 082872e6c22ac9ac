import Foundation
import TestSupport
@testable import Ingestion

/// Compares a document read from PDF, DOCX or HTML with the same document read from its plain text,
/// as search sees them: the outline, and for every passage of the text the passage that holds its
/// words in the other format, under the same heading path.
enum FormatComparison {
    /// Differences between the outlines (depth, label, title), as + extra / - missing lines.
    static func outlineDifferences(text: Document, other: Document) -> [String] {
        let a = GoldOutline.entries(text.headings), b = GoldOutline.entries(other.headings)
        return OutlineScore(gold: a, actual: b).report
    }

    /// Passages of the text whose opening and closing words (six characters at each end; the first
    /// four of each cell of a table row) are not found in a passage of the other format
    /// with the same path. Passages shorter than six characters and front matter (a cover's layout
    /// differs by format) are not compared.
    static func provenanceDifferences(text: Document, other: Document) -> [String] {
        provenanceProblems(text: text, other: other).map(\.message)
    }

    static func provenanceProblems(text: Document, other: Document) -> [(line: Int, message: String)] {
        var index: [String: [String]] = [:]
        for p in other.passages where p.kind != .frontMatter {
            index[p.path.joined(separator: " › "), default: []].append(CorpusSupport.comparable(p.text))
        }
        var problems: [(line: Int, message: String)] = []
        for p in text.passages where p.kind != .frontMatter {
            let t = CorpusSupport.comparable(p.text)
            let path = p.path.joined(separator: " › ")
            let candidates = index[path] ?? []
            // A table row's cells: a PDF keeps a table's words, not its rows.
            var phrases: [String] = []
            if p.kind == .tableRow {
                let cells: [String] = p.text.components(separatedBy: " | ").map(CorpusSupport.comparable)
                phrases = cells.filter { $0.count >= 4 }.map { String($0.prefix(4)) }
            } else if t.count >= 6 {
                phrases = [String(t.prefix(6)), String(t.suffix(6))]
            }
            for phrase in phrases where !candidates.contains(where: { $0.contains(phrase) }) {
                let elsewhere = other.passages.first { CorpusSupport.comparable($0.text).contains(phrase) }
                problems.append(
                    (
                        p.firstLine,
                        "line \(p.firstLine) «\(phrase)» under [\(path)] → "
                            + (elsewhere.map { "found under [\($0.path.joined(separator: " › "))]" } ?? "not found")
                    ))
            }
        }
        return problems
    }

    /// The share of the text's body passages (paragraphs, headings, footnotes; not table rows, whose
    /// layout a PDF does not keep) that the other format has as one passage with the same text
    /// under the same path.
    static func identicalShare(text: Document, other: Document) -> Double {
        var index: Set<String> = []
        for p in other.passages where p.kind != .frontMatter {
            index.insert(p.path.joined(separator: " › ") + "\u{1F}" + CorpusSupport.comparable(p.text))
        }
        let compared = text.passages.filter { $0.kind != .frontMatter && $0.kind != .tableRow }
        guard !compared.isEmpty else { return 1 }
        let same = compared.filter { index.contains($0.path.joined(separator: " › ") + "\u{1F}" + CorpusSupport.comparable($0.text)) }
        return Double(same.count) / Double(compared.count)
    }

    /// Pages of a PDF as `pdftotext -raw` prints them (form feeds between pages), comparable; nil without it.
    static func pdftotextPages(_ pdf: URL) -> [String]? {
        let tool = URL(fileURLWithPath: "/usr/bin/pdftotext")
        guard FileManager.default.isExecutableFile(atPath: tool.path),
            let out = try? Support.Child(["-raw", pdf.path, "-"], executable: tool).wait(timeout: 60), out.status == 0
        else { return nil }
        return out.stdout.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { CorpusSupport.comparable(String($0)) }
    }

    /// Lines of a PDF as `pdftotext -raw` prints them (a form feed starts a page's first line); nil without it.
    static func pdftotextLines(_ pdf: URL) -> [String]? {
        let tool = URL(fileURLWithPath: "/usr/bin/pdftotext")
        guard FileManager.default.isExecutableFile(atPath: tool.path),
            let out = try? Support.Child(["-raw", pdf.path, "-"], executable: tool).wait(timeout: 60), out.status == 0
        else { return nil }
        return out.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { $0.filter { $0 != "\u{0C}" } }
    }

    /// PDF passages whose first words do not start on their first page or whose last words do not
    /// end on their last page, by an independent reading of the pages (pdftotext).
    static func pageDifferences(_ doc: Document, pages: [String]) -> [String] {
        let pageChars = pages.map { Array($0) }
        var problems: [String] = []
        for p in doc.passages {
            guard let first = p.firstPage, let last = p.lastPage, first >= 1, first <= last, last <= pages.count else {
                problems.append("line \(p.firstLine): pages \(String(describing: p.firstPage))–\(String(describing: p.lastPage))")
                continue
            }
            let t = Array(CorpusSupport.comparable(p.text))
            guard t.count >= 8 else { continue }
            let span = Array(pageChars[(first - 1)..<last].joined())
            let head = Array(t.prefix(6)), tail = Array(t.suffix(6))
            // Bold text may be extracted with doubled characters (第第二二章章), which the reader undoes.
            let starts = [head, doubled(head)].contains { h in occurrences(of: h, in: span).contains { $0 < pageChars[first - 1].count } }
            let ends = [tail, doubled(tail)].contains { t in
                occurrences(of: t, in: span).contains { $0 + t.count > span.count - pageChars[last - 1].count }
            }
            if !starts { problems.append("line \(p.firstLine) «\(String(head))» does not start on page \(first)") }
            if !ends { problems.append("line \(p.lastLine) «\(String(tail))» does not end on page \(last)") }
        }
        return problems
    }

    private static func doubled(_ s: [Character]) -> [Character] { s.flatMap { [$0, $0] } }

    private static func occurrences(of needle: [Character], in haystack: [Character]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        return (0...(haystack.count - needle.count)).filter { i in
            haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle
        }
    }
}
