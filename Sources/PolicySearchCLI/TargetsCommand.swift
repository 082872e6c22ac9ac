import ArgumentParser
import Foundation
import Query
import Research

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "Indicator tables (主要指标 / 主要目标) of the plans as rows: indicator, unit, baseline, target.",
        discussion: """
            Finds every indicator table by its shape (a header of 指标, 单位, years such as 2020年/2025年, 属性 or 年均增长 \
            columns) and reads its rows, values as printed (≥1200, 【135】, —). The same indicator of several plans lines \
            up on one row in the text and CSV views. Tables whose year columns all lie before the plan's period (十三五 \
            完成情况) hold achieved values, not targets: --achieved lists them instead. Example: policy-search targets --docs 重庆
            """)

    @OptionGroup var documents: DocumentsOption
    var docs: String? { documents.spec }

    @Option(
        name: .customLong("format"),
        help: "Output format: text, csv or json (see README for the JSON contract) (default: from --out's extension, else text).")
    var formatOption: TargetsFormat?

    /// The format asked for, or the one --out's extension names.
    var format: TargetsFormat { get throws { try OutputFormat.choose(formatOption, default: .text, out: out) } }

    @Option(help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var out: String?

    @Flag(help: "List the tables of achieved values (十三五 完成情况) instead of the target tables.")
    var achieved = false

    @OptionGroup var location: IndexOptions

    @OptionGroup var synonymOptions: SynonymOptions

    enum TargetsFormat: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    func validate() throws { _ = try format }

    func run() throws {
        let searcher = Searcher(reader: try location.open())
        let scope = try DocumentScope(searcher: searcher, spec: docs)
        // Targets count no mentions: a copy is only a column more.
        DocumentsOption.printNotes(scope.selectionNotes)
        let found = try IndicatorTables(searcher: searcher, scope: scope)
        let tables = achieved ? found.achievedTables : found.targetTables
        let left = achieved ? found.targetTables : found.achievedTables
        let alignment = IndicatorAlignment(
            tables, order: scope.documents.map(\.name), synonyms: try synonymOptions.table(for: searcher.reader))
        let rendered: String
        switch try format {
        case .json: rendered = try JSON.encode(TargetsJSON(tables, alignment: alignment)) + "\n"
        case .csv: rendered = TargetsCSV.render(alignment, kind: achieved ? .achieved : .target)
        case .text:
            rendered = TargetsText.render(
                alignment, tables: tables, left: left, kind: achieved ? .achieved : .target, documents: scope.documents.count)
        }
        let rows = tables.reduce(0) { $0 + $1.rows.count }
        try ResearchOutput.write(
            rendered, to: out, summary: "\(rows) indicator row\(rows == 1 ? "" : "s")",
            protecting: .init(reader: searcher.reader, files: synonymOptions.files))
    }
}
