/// The column layout of a `TermReport` as a table, defined once for CSV, XLSX, Markdown and HTML:
///
///     Query | title₁ … titleₙ | title₁ passages … titleₙ passages | Total | Total passages
///           [| title₁ per N characters … titleₙ per N characters | Total per N characters]
///
/// one row per query (its label, if any), and with `per` a footer row "Characters" holding each
/// document's length in the occurrence columns and their sum under Total.
public struct TermMatrix: Sendable {
    public enum Cell: Equatable, Sendable {
        case text(String)
        case count(Int)
        case rate(Double)
        case empty
    }

    public var header: [String]
    public var rows: [[Cell]]
    /// The footer row (document lengths), with `per`.
    public var footer: [Cell]?

    public init(_ report: TermReport) {
        let titles = report.columns.map(\.header)
        header = ["Query"] + titles + titles.map { $0 + " passages" } + ["Total", "Total passages"]
        if let per = report.per { header += titles.map { $0 + " per \(per) characters" } + ["Total per \(per) characters"] }
        rows = report.rows.map { row in
            var cells: [Cell] = [.text(row.entry.name)] + row.occurrences.map(Cell.count) + row.passages.map(Cell.count)
            cells += [.count(row.totalOccurrences), .count(row.totalPassages)]
            if report.per != nil {
                cells += zip(row.occurrences, report.columns).map { n, c in
                    report.rate(n, characters: c.characters).map(Cell.rate) ?? .empty
                }
                cells.append(report.rate(row.totalOccurrences, characters: report.totalCharacters).map(Cell.rate) ?? .empty)
            }
            return cells
        }
        if report.per != nil {
            let n = report.columns.count
            footer =
                [.text("Characters")] + report.columns.map { .count($0.characters) } + Array(repeating: .empty, count: n)
                + [.count(report.totalCharacters), .empty] + Array(repeating: .empty, count: n + 1)
        }
    }

    /// Header, rows and footer.
    public var allRows: [[Cell]] { [header.map(Cell.text)] + rows + (footer.map { [$0] } ?? []) }
}
