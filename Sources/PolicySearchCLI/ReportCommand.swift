import Analysis
import ArgumentParser
import Foundation
import Query
import Research

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Count many queries across documents: a query × document table for spreadsheets and reports.",
        discussion: """
            FILE: UTF-8, one query per line (the query language of search), blank lines and # comments ignored, an \
            optional label after " = " (跨境电商 | 跨境电子商务 = 跨境电商（含全称）). A line that does not parse is \
            reported with its number and the others still run (exit status 1). Cells count occurrences as README, \
            "Counting" defines them, beside matching passages. CSV: UTF-8 with BOM, RFC 4180, the matrix alone. \
            XLSX (needs --out): the matrix as numbers and a sheet of every matching passage.
            """)

    @Option(help: ArgumentHelp("The queries, one per line (- reads standard input).", valueName: "FILE"))
    var terms: String

    @OptionGroup var documents: DocumentsOption
    var docs: String? { documents.spec }

    @Option(name: .customLong("format"), help: "Output format: csv, xlsx, md, html or json (default: from --out's extension, else csv).")
    var formatOption: ReportFormat?

    /// The format asked for, or the one --out's extension names.
    var format: ReportFormat { get throws { try OutputFormat.choose(formatOption, default: .csv, out: out) } }

    @Option(help: ArgumentHelp("Write to FILE instead of standard output (required for xlsx).", valueName: "FILE"))
    var out: String?

    @Option(help: ArgumentHelp("Add rates: occurrences per N characters of each document.", valueName: "N"))
    var per: Int?

    @Option(help: "Best passages quoted per query (html).")
    var best: Int = 3

    @Flag(help: "After a query that is one word of a synonym group, a row per form of the group, counted exactly.")
    var variants = false

    @OptionGroup var location: IndexOptions

    @OptionGroup var synonymOptions: SynonymOptions

    @OptionGroup var failEmpty: FailEmptyOption

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case csv, xlsx, md, html, json }

    func validate() throws {
        if let per, per <= 0 { throw ValidationError("--per must be a positive number of characters, e.g. 10000") }
        guard best >= 0 else { throw ValidationError("--best must be 0 or more") }
        if try format == .xlsx, out == nil { throw ValidationError("--format xlsx writes a binary file: give --out FILE.xlsx") }
    }

    func run() throws {
        // Read through a file handle, so a pipe (--terms <(…), /dev/stdin) works; "-" is standard input.
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: terms, isDirectory: &isFolder), isFolder.boolValue {
            throw CLIError("the terms file \(terms) is a folder; give a text file with one query per line")
        }
        if terms != "-", !FileManager.default.fileExists(atPath: terms) {
            throw CLIError(
                "the terms file \(terms) does not exist; give a text file with one query per line (docs/examples/terms.txt is one)")
        }
        let data: Data
        do {
            let handle = terms == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: terms))
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw CLIError("cannot read the terms file \(terms): \((error as NSError).localizedDescription)")
        }
        var file: TermsFile
        do { file = try TermsFile(data: data) } catch let e as TermsFile.FileError { throw CLIError("\(terms): \(e)") }
        let searcher = Searcher(reader: try location.open())
        searcher.synonyms = try synonymOptions.table(for: searcher.reader)
        if variants, let synonyms = searcher.synonyms { file = file.withVariantRows(synonyms, normalizer: Normalizer()) }
        let scope = try DocumentScope(searcher: searcher, spec: docs)
        DocumentsOption.printNotes(scope.notes)
        let progress = ProgressBar(label: "Counting", enabled: isatty(STDERR_FILENO) != 0)
        let report = try TermReport(
            terms: file, searcher: searcher, scope: scope, per: per, best: try format == .html ? best : 0,
            withPassages: try format == .xlsx,
            progress: progress.update)
        progress.finish()
        for row in report.rows {
            for note in row.notes { FileHandle.standardError.write("\(terms):\(row.entry.line): note: \(Terminal.printable(note))\n") }
        }
        for p in report.problems { FileHandle.standardError.write("\(terms):\(p.line): \(Terminal.printable(p.message))\n") }
        guard !report.rows.isEmpty else {
            throw CLIError(
                report.problems.isEmpty
                    ? "\(terms) holds no query (one per line; # starts a comment)" : "no line of \(terms) could be counted")
        }
        let summary = "\(report.rows.count) quer\(report.rows.count == 1 ? "y" : "ies") × \(counted(report.columns.count, "document"))"
        let inputs = ResearchOutput.Inputs(reader: searcher.reader, files: (terms == "-" ? [] : [terms]) + synonymOptions.files)
        switch try format {
        case .xlsx: try ResearchOutput.write(try TermReportXLSX.data(report), to: out ?? "", summary: summary, protecting: inputs)
        case .csv: try ResearchOutput.write(TermReportCSV.render(report), to: out, summary: summary, protecting: inputs)
        case .md: try ResearchOutput.write(TermReportMarkdown.render(report), to: out, summary: summary, protecting: inputs)
        case .html: try ResearchOutput.write(TermReportHTML.render(report), to: out, summary: summary, protecting: inputs)
        case .json: try ResearchOutput.write(try JSON.encode(TermReportJSON(report)) + "\n", to: out, summary: summary, protecting: inputs)
        }
        // Some lines were skipped, as `index` skipping some files: the rest is written, the status says so.
        if !report.problems.isEmpty { throw ExitCode(1) }
        try failEmpty.check(found: report.rows.reduce(0) { $0 + $1.totalOccurrences })
    }
}

/// A one-line progress bar on standard error, redrawn at most every 1% (only on a terminal).
final class ProgressBar {
    let label: String
    let enabled: Bool
    private var shown = -1

    init(label: String, enabled: Bool) {
        self.label = label
        self.enabled = enabled
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        let percent = done * 100 / total
        guard percent != shown else { return }
        shown = percent
        let filled = percent * 30 / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: 30 - filled)
        FileHandle.standardError.write("\r\(label) \(bar) \(done)/\(total)")
    }

    /// Clears the bar's line.
    func finish() {
        guard enabled, shown >= 0 else { return }
        FileHandle.standardError.write("\r\u{1B}[K")
    }
}
