import Foundation
import Research
import Query

/// Pages of the research views that have no HTML writer of their own (`kwic`, `targets`), and the
/// page of forms that leads to all of them. `compare` and `report` pages are their commands' HTML.
enum ResearchPage {
    struct View {
        var formQuery = ""
    }

    struct Download {
        var label: String
        var url: String
    }

    struct KwicView {
        var formQuery: String
        var query: String
        var notes: [String]
        var count: Int
        var passages: Int
        var downloads: [Download]
        var lines: [KwicLine]
    }

    struct KwicLine {
        var url: String
        var passage: String
        var title: String
        var path: String
        var left: String
        var match: String
        var right: String
    }

    static func kwic(_ c: Concordance, _ p: QueryParameters) -> KwicView {
        let keep = ["q", "docs", "width", "sort", "exact"].map { ($0, p.string($0)) }
        return KwicView(
            formQuery: c.query, query: c.query, notes: (c.documentNotes + c.messages).map(\.chinese), count: c.lines.count,
            passages: c.passages,
            downloads: ["csv", "json"].map {
                Download(label: $0.uppercased(), url: "/kwic?" + QueryParameters.encode(keep + [("format", $0)]))
            },
            lines: c.lines.map {
                KwicLine(
                    url: Links.passage($0.passageID, query: c.query, exact: (try? p.bool("exact")) ?? false), passage: $0.passageID,
                    title: $0.documentTitle,
                    path: $0.path.joined(separator: " › "), left: $0.left, match: $0.match, right: $0.right)
            })
    }

    struct TargetsView {
        var formQuery = ""
        var heading: String
        var notes: [String]
        var documents: [TargetsColumn]
        var hasRows: Bool
        var rows: [TargetsRow]
        var downloads: [Download]
    }

    struct TargetsColumn {
        var title: String
        var url: String
    }

    struct TargetsRow {
        var indicator: String
        var unit: String
        var cells: [TargetsCell]
    }

    struct TargetsCell {
        var listed: Bool
        var value: String
        var url: String
        var passage: String
    }

    static func targets(_ a: IndicatorAlignment, tables: [IndicatorTable], notes: [Message], _ p: QueryParameters) -> TargetsView {
        let achieved = (try? p.bool("achieved")) ?? false
        let keep = ["docs", "achieved"].map { ($0, p.string($0)) }
        let rows = a.lines.map { line in
            TargetsRow(
                indicator: line.indicator, unit: line.unit ?? "",
                cells: line.cells.map { cell in
                    guard let cell else { return TargetsCell(listed: false, value: "", url: "", passage: "") }
                    let main = (achieved ? cell.achieved : cell.target) ?? "–"
                    let value =
                        (cell.baseline.map { $0 + " → " } ?? "") + main + (line.unit == nil ? (cell.unit.map { " " + $0 } ?? "") : "")
                    return TargetsCell(listed: true, value: value, url: Links.passage(cell.passage), passage: cell.passage)
                })
        }
        let rowCount = tables.reduce(0) { $0 + $1.rows.count }
        return TargetsView(
            heading: "\(achieved ? "完成情况" : "指标") · \(tables.count) 张表，\(rowCount) 行，\(a.columns.count) 份文档", notes: notes.map(\.chinese),
            documents: a.columns.map { TargetsColumn(title: $0.title, url: Links.document($0.name)) }, hasRows: !rows.isEmpty, rows: rows,
            downloads: ["csv", "json"].map {
                Download(label: $0.uppercased(), url: "/targets?" + QueryParameters.encode(keep + [("format", $0)]))
            })
    }
}
