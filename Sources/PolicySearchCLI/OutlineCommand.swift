import ArgumentParser
import Foundation
import Ingestion
import Research

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline", abstract: "Show the heading tree recovered from a file.")

    @Argument(help: "A text file.")
    var file: String

    @Flag(help: "Print JSON: the document's title, format and a tree of {label, title, depth, line, page, kind, children}.")
    var json = false

    func run() throws {
        let url = URL(fileURLWithPath: file)
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
        print(doc.title + "  (\(doc.name), \(doc.encoding), \(doc.passages.count) passages)")
        for h in doc.headings {
            print(String(repeating: "  ", count: h.depth) + h.display + "  " + Terminal.standardOutput.dim("line \(h.line)"))
        }
    }
}
