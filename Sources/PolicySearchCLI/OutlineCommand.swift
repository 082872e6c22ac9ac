import ArgumentParser
import Foundation
import Ingestion

struct OutlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outline", abstract: "Show the heading tree recovered from a file.")

    @Argument(help: "A document: text, Markdown, PDF, DOCX or HTML.")
    var file: String

    @Flag(help: "Print JSON: the document's title, format and a tree of {label, title, depth, line, page, kind, children}.")
    var json = false

    struct Node: Encodable {
        var kind: String
        var label: String
        var title: String
        var depth: Int
        var line: Int
        /// The PDF page the heading is on; null for unpaged formats.
        var page: Int?
        var children: [Node]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(label, forKey: .label)
            try c.encode(title, forKey: .title)
            try c.encode(depth, forKey: .depth)
            try c.encode(line, forKey: .line)
            try c.encode(page, forKey: .page)  // null when unpaged
            try c.encode(children, forKey: .children)
        }

        enum CodingKeys: String, CodingKey { case kind, label, title, depth, line, page, children }
    }

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
        let pages = Self.pages(doc)
        if json {
            struct Out: Encodable {
                var document: String
                var title: String
                /// text, markdown, pdf, docx or html.
                var format: String
                var encoding: String
                var titleSource: String?
                var noticeTitle: String?
                var issuedTitle: String?
                var headings: [Node]
            }
            try JSON.print(
                Out(
                    document: doc.name, title: doc.title, format: doc.format, encoding: doc.encoding,
                    titleSource: doc.metadata.titleSource?.rawValue, noticeTitle: doc.metadata.noticeTitle,
                    issuedTitle: doc.metadata.issuedTitle, headings: Self.tree(doc.headings, pages: pages)))
            return
        }
        print(doc.title + "  (\(doc.name), \(doc.format), \(doc.encoding), \(doc.passages.count) passages)")
        for h in doc.headings {
            let place = pages[h.line].map { "p. \($0), line \(h.line)" } ?? "line \(h.line)"
            print(String(repeating: "  ", count: h.depth) + h.display + "  " + Terminal.standardOutput.dim(place))
        }
    }

    /// The page of each passage's first line (a heading's line starts its passage).
    static func pages(_ doc: Document) -> [Int: Int] {
        var pages: [Int: Int] = [:]
        for p in doc.passages {
            if let page = p.firstPage, pages[p.firstLine] == nil { pages[p.firstLine] = page }
        }
        return pages
    }

    static func tree(_ headings: [Heading], pages: [Int: Int] = [:]) -> [Node] {
        var roots: [Node] = []
        var stack: [Node] = []
        func close(to depth: Int) {
            while stack.count >= depth, let n = stack.popLast() {
                if stack.isEmpty { roots.append(n) } else { stack[stack.count - 1].children.append(n) }
            }
        }
        for h in headings {
            close(to: h.depth)
            stack.append(
                Node(kind: h.kind.rawValue, label: h.label, title: h.title, depth: h.depth, line: h.line, page: pages[h.line], children: [])
            )
        }
        close(to: 1)
        return roots
    }
}
