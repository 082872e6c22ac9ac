import ArgumentParser
import Foundation
import Ingestion

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline", abstract: "Show the heading tree recovered from a file.")

    @Argument(help: "A text file.")
    var file: String

    @Flag(help: "Print JSON: a tree of {label, title, depth, line, kind, children}.")
    var json = false

    struct Node: Encodable {
        var kind: String
        var label: String
        var title: String
        var depth: Int
        var line: Int
        var children: [Node]
    }

    func run() throws {
        let url = URL(fileURLWithPath: file)
        let doc: Document
        do {
            doc = try Ingestor.ingest(fileAt: url, catalog: (try? Catalog.load(directory: url.deletingLastPathComponent())) ?? Catalog())
        } catch let e as IngestionError {
            throw CLIError(message: e.description)
        }
        if json {
            struct Out: Encodable {
                var document: String
                var title: String
                var encoding: String
                var headings: [Node]
            }
            try JSON.print(Out(document: doc.name, title: doc.title, encoding: doc.encoding, headings: Self.tree(doc.headings)))
            return
        }
        print(doc.title + "  (\(doc.name), \(doc.encoding), \(doc.passages.count) passages)")
        for h in doc.headings {
            print(String(repeating: "  ", count: h.depth) + h.display + "  " + Terminal.standardOutput.dim("line \(h.line)"))
        }
    }

    static func tree(_ headings: [Heading]) -> [Node] {
        var roots: [Node] = []
        var stack: [Node] = []
        func close(to depth: Int) {
            while stack.count >= depth, let n = stack.popLast() {
                if stack.isEmpty { roots.append(n) } else { stack[stack.count - 1].children.append(n) }
            }
        }
        for h in headings {
            close(to: h.depth)
            stack.append(Node(kind: h.kind.rawValue, label: h.label, title: h.title, depth: h.depth, line: h.line, children: []))
        }
        close(to: 1)
        return roots
    }
}
