import Foundation
import Hummingbird
import Index
import Ingestion
import Query
import Research

/// A document of the index: its outline (`outline --json`'s tree) as navigation, then every
/// passage with an anchor named by its passage number (`/doc/FILE#N` is passage `FILE#N`) and one
/// per heading line (`#L120`). With `q`, the query's occurrences are highlighted throughout.
enum DocumentPage {
    struct View {
        var formQuery: String
        var title: String
        var name: String
        var format: String
        var hasRegion: Bool
        var region: String
        var hasIssuer: Bool
        var issuer: String
        var hasNumber: Bool
        var number: String
        var hasDate: Bool
        var date: String
        var passageCount: Int
        var outlineAPI: String
        var hasHighlight: Bool
        var highlightQuery: String
        var exact: Bool
        var occurrenceCount: Int
        var plainURL: String
        var hasOutline: Bool
        var outline: [Node]
        var passages: [PassageView]
    }

    struct Node {
        var line: Int
        var display: String
        var hasPage: Bool
        var pageNumber: Int
        var hasChildren: Bool
        var children: [Node]

        init(_ n: OutlineJSON.Node) {
            line = n.line
            display = Self.display(label: n.label, title: n.title)
            hasPage = n.page != nil
            pageNumber = n.page ?? 0
            hasChildren = !n.children.isEmpty
            children = n.children.map(Node.init)
        }

        /// 第五章 加快… and 专栏 4 发展… take a space after the label; （一）指导思想 and 1.标题 do not.
        static func display(label: String, title: String) -> String {
            guard !title.isEmpty else { return label }
            let spaced = label.unicodeScalars.last.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? false
            return label + (spaced ? " " : "") + title
        }
    }

    struct PassageView {
        var number: Int
        var passageID: String
        var kindClass: String
        var anchors: [String]
        var isHeading: Bool
        var level: Int
        /// Escaped by `HTML.marked`.
        var textHTML: String
    }

    static func render(name: String, query: String?, exact: Bool, _ generation: IndexGeneration, context: RouteContext) throws
        -> Response
    {
        let facts = try context.document(name, in: generation)
        let reader = generation.reader
        let info = try reader.documentInfo(facts.index)
        let outline = try OutlineJSON(reader, document: facts.index)
        let stored = try facts.passages.map { try reader.passage($0) }
        let marks = try query.map { try generation.marks($0, exact: exact, passages: Array(facts.passages)) } ?? stored.map { _ in [] }
        let anchors = headingAnchors(Self.lines(of: outline.headings), stored)
        let passages = stored.enumerated().map { i, p -> PassageView in
            let heading = p.record.kind == .heading ? info.headings.first { $0.line == p.record.firstLine } : nil
            return PassageView(
                number: i + 1, passageID: "\(facts.name)#\(i + 1)", kindClass: "kind-\(p.record.kind.rawValue)", anchors: anchors[i] ?? [],
                isHeading: heading != nil, level: min(6, (heading?.depth ?? 1) + 1), textHTML: HTML.marked(p.text, marks[i]))
        }
        let view = View(
            formQuery: query ?? "", title: facts.title, name: facts.name, format: facts.format, hasRegion: facts.region != nil,
            region: facts.region ?? "", hasIssuer: facts.issuer != nil, issuer: facts.issuer ?? "", hasNumber: facts.number != nil,
            number: facts.number ?? "", hasDate: facts.date != nil,
            date: facts.date ?? "", passageCount: stored.count, outlineAPI: "/api/outline?" + QueryParameters.encode([("doc", facts.name)]),
            hasHighlight: query != nil, highlightQuery: query ?? "", exact: exact, occurrenceCount: marks.reduce(0) { $0 + $1.count },
            plainURL: Links.document(facts.name), hasOutline: !outline.headings.isEmpty, outline: outline.headings.map(Node.init),
            passages: passages)
        return Responses.html(PageRenderer.shared.render(view, "document"))
    }

    /// `L<line>` anchors of the outline's entries (headings, and parts without one), each on the
    /// passage that holds its line.
    static func headingAnchors(_ lines: [Int], _ passages: [StoredPassage]) -> [Int: [String]] {
        var anchors: [Int: [String]] = [:]
        var k = 0
        for line in lines.sorted() {
            while k < passages.count, passages[k].record.lastLine < line { k += 1 }
            guard k < passages.count else { break }
            anchors[k, default: []].append("L\(line)")
        }
        return anchors
    }

    /// Every entry's line in an outline tree.
    static func lines(of nodes: [OutlineJSON.Node]) -> [Int] { nodes.flatMap { [$0.line] + lines(of: $0.children) } }
}
