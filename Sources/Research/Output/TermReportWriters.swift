import Foundation

/// `report --format csv`: the matrix alone (`TermMatrix`), as `CSV` writes it.
public enum TermReportCSV {
    public static func render(_ report: TermReport) -> String {
        CSV.render(
            TermMatrix(report).allRows.map { row in
                row.map { cell -> CSV.Cell in
                    switch cell {
                    case .text(let s): .text(s)
                    case .count(let n): .integer(n)
                    case .rate(let x): .decimal(x)
                    case .empty: .text("")
                    }
                }
            })
    }
}

/// `report --format xlsx`: sheet "Counts", the matrix as numbers with the header row and the query
/// column frozen; sheet "Passages", every matching passage of every query; sheet "Notes", when
/// there are any, what the Markdown and HTML reports say under the matrix (a part that occurs
/// nowhere as written, a line not counted), so a workbook handed on carries them too.
public enum TermReportXLSX {
    public static func workbook(_ report: TermReport) -> Workbook {
        let matrix = TermMatrix(report)
        let counts = Workbook.Sheet(
            name: "Counts",
            rows: matrix.allRows.map { row in
                row.map { cell -> Workbook.Cell in
                    switch cell {
                    case .text(let s): .text(s)
                    case .count(let n): .integer(n)
                    case .rate(let x): .decimal(x)
                    case .empty: .empty
                    }
                }
            }, frozenRows: 1, frozenColumns: 1, widths: [30] + Array(repeating: 14, count: matrix.header.count - 1))
        var passages: [[Workbook.Cell]] = [
            ["Query", "Document", "Title", "Passage", "Path", "Line", "Occurrences", "Text"].map(Workbook.Cell.text)
        ]
        for row in report.rows {
            for m in row.matches {
                let d = report.columns[m.column].document
                guard let p = report.passages[m.passage] else { continue }
                let path = p.passage.path + (p.passage.box.map { [$0] } ?? [])
                passages.append([
                    .text(row.entry.name), .text(d.name), .text(d.title), .text(p.id), .text(path.joined(separator: " › ")),
                    .integer(p.passage.record.firstLine), .integer(m.occurrences), .text(p.passage.text)
                ])
            }
        }
        let sheet2 = Workbook.Sheet(name: "Passages", rows: passages, frozenRows: 1, widths: [24, 30, 30, 34, 40, 8, 12, 100])
        let notes = Self.notes(report)
        guard notes.count > 1 else { return Workbook(sheets: [counts, sheet2]) }
        return Workbook(sheets: [counts, sheet2, Workbook.Sheet(name: "Notes", rows: notes, frozenRows: 1, widths: [8, 30, 120])])
    }

    /// Line of the terms file, its query, and the note or the reason it was not counted; first the
    /// notes on the documents covered (no line: they concern every row).
    private static func notes(_ report: TermReport) -> [[Workbook.Cell]] {
        var rows: [(line: Int, cells: [Workbook.Cell])] = []
        for row in report.rows {
            rows += row.notes.map { (row.entry.line, [.integer(row.entry.line), .text(row.entry.name), .text($0)]) }
        }
        rows += report.problems.map {
            (
                $0.line,
                [.integer($0.line), .text($0.text), .text($0.message.contains("not counted") ? $0.message : "not counted: " + $0.message)]
            )
        }
        let documents = report.documentNotes.map { [Workbook.Cell.text(""), .text(""), .text($0.english)] }
        return [["Line", "Term", "Note"].map(Workbook.Cell.text)] + documents + rows.sorted { $0.line < $1.line }.map(\.cells)
    }

    public static func data(_ report: TermReport) throws -> Data { try workbook(report).data() }
}

/// `report --format md`: the matrix with each cell as "occurrences (passages)", then notes and
/// the lines that could not be used.
public enum TermReportMarkdown {
    public static func render(_ report: TermReport) -> String {
        var out = "# Term report\n\n"
        out +=
            "\(report.rows.count) quer\(report.rows.count == 1 ? "y" : "ies") × \(counted(report.columns.count, "document")). Cells: occurrences (matching passages)"
        if let per = report.per { out += "; after · occurrences per \(per) characters of the document" }
        out += ".\n\n"
        for note in report.documentNotes { out += "> note: \(Markdown.escape(note.english))\n\n" }
        let header = ["Query"] + report.columns.map { Markdown.escape($0.header) } + ["Total"]
        let numeric = Set(1..<header.count)
        func cell(_ n: Int, _ p: Int, characters: Int) -> String {
            "\(n) (\(p))" + (report.rate(n, characters: characters).map { String(format: " · %.2f", $0) } ?? "")
        }
        let rows = report.rows.map { row in
            [Markdown.escape(row.entry.name)]
                + zip(zip(row.occurrences, row.passages), report.columns).map { cell($0.0, $0.1, characters: $1.characters) }
                + [cell(row.totalOccurrences, row.totalPassages, characters: report.totalCharacters)]
        }
        out += Markdown.table(header: header, rows: rows, numeric: numeric)
        if report.per != nil {
            out += "\nCharacters: " + report.columns.map { "\(Markdown.escape($0.header)) \($0.characters)" }.joined(separator: "; ") + "\n"
        }
        let notes = report.rows.flatMap { row in
            row.notes.map { "- line \(row.entry.line) (\(Markdown.escape(row.entry.name))): \(Markdown.escape($0))" }
        }
        if !notes.isEmpty { out += "\n## Notes\n\n" + notes.joined(separator: "\n") + "\n" }
        if !report.problems.isEmpty {
            out +=
                "\n## Lines not counted\n\n"
                + report.problems.map { "- line \($0.line): \(Markdown.escape($0.message))" }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
