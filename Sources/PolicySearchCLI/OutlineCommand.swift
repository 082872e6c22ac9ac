import ArgumentParser
import Foundation
import Ingestion
import Research

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline", abstract: "Show the heading tree recovered from a file.")

    @Argument(help: "A document: text, Markdown, PDF, DOCX or HTML.")
    var file: String

    @Flag(help: "Print JSON: the document's title, format and a tree of {label, title, depth, line, page, kind, children}.")
    var json = false

    func run() throws {
        let url = URL(fileURLWithPath: file)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw CLIError("\(file) is a folder; outline reads one document (e.g. \(file)/plan.pdf)")
        }
        let doc: Document
        do {
            doc = try Ingestor.ingest(fileAt: url, catalog: (try? Catalog.load(directory: url.deletingLastPathComponent())) ?? Catalog())
        } catch let e as IngestionError {
            throw CLIError(message: e.description)
        }
        if json {
            try JSON.print(OutlineJSON(doc))
            return
        }
        let pages = OutlineJSON.pages(doc.passages.map { ($0.firstLine, $0.firstPage) })
        print(doc.title + "  (\(doc.name), \(doc.format), \(doc.encoding), \(counted(doc.passages.count, "passage")))")
        for h in OutlineJSON.withParts(doc) {
            let place = pages[h.line].map { "p. \($0), line \(h.line)" } ?? "line \(h.line)"
            print(String(repeating: "  ", count: h.depth) + h.display + "  " + Terminal.standardOutput.dim(place))
        }
    }
}
