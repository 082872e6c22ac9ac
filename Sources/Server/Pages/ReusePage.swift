import Foundation
import Hummingbird
import Research

/// Clause reuse as a page: the `ReuseReport` the CLI prints (`reuse`, `similar`), its words in
/// Chinese, each pair with both passages side by side (shared runs marked) and the diff (`<del>`
/// only in A, `<ins>` only in B).
enum ReusePage {
    struct View {
        var formQuery = ""
        var heading: String
        var isReuse: Bool
        var min: String
        var docs: String
        var notes: [String]
        var hasDownloads: Bool
        var downloads: [Download]
        var apiURL: String
        var groups: [Group]
        var hasPairs: Bool
    }

    struct Download {
        var label: String
        var url: String
    }

    struct Group {
        var groupHeading: String
        var hasSummary: Bool
        var summary: [String]
        var pairs: [Pair]
    }

    struct Pair {
        var number: Int
        var similarity: String
        var containment: String
        var sides: [Side]
        var pieces: [Piece]
    }

    struct Side {
        var tag: String
        var hasLink: Bool
        var link: String
        var name: String
        var sideTitle: String
        var path: String
        /// Escaped by `HTML.marked`.
        var textHTML: String
    }

    struct Piece {
        var same = false
        var removed = false
        var added = false
        var text: String
    }

    static func render(
        _ report: ReuseReport, isReuse: Bool, min: Double, docs: String?, downloads: [Download], apiURL: String
    ) -> Response {
        let groups = report.groups.map { g in
            Group(
                groupHeading: g.headingMessage.chinese, hasSummary: !g.summaryMessages.isEmpty, summary: g.summaryMessages.map(\.chinese),
                pairs: g.pairs.enumerated().map { pair($1, number: $0 + 1) })
        }
        let view = View(
            heading: report.titleMessage.chinese, isReuse: isReuse, min: String(format: "%g", min), docs: docs ?? "",
            notes: report.messages.map(\.chinese),
            hasDownloads: !downloads.isEmpty, downloads: downloads, apiURL: apiURL, groups: groups, hasPairs: report.pairCount > 0)
        return Responses.html(PageRenderer.shared.render(view, "reuse"))
    }

    static func pair(_ p: ReusePair, number: Int) -> Pair {
        func side(_ tag: String, _ s: ReusePassage, _ marks: [Range<Int>]) -> Side {
            Side(
                tag: tag, hasLink: s.passage != nil, link: s.passage.map { Links.passage($0) } ?? "",
                name: s.passage ?? s.doc ?? "文本", sideTitle: s.title ?? "",
                path: (s.path + (s.box.map { [$0] } ?? [])).joined(separator: " › "),
                textHTML: HTML.marked(s.text, marks))
        }
        let pieces = p.alignment.pieces(p.a.text, p.b.text).map { piece -> Piece in
            switch piece {
            case .same(let t): Piece(same: true, text: t)
            case .removed(let t): Piece(removed: true, text: t)
            case .added(let t): Piece(added: true, text: t)
            }
        }
        return Pair(
            number: number, similarity: String(format: "%.2f", p.similarity), containment: String(format: "%.2f", p.containment),
            sides: [side("A", p.a, p.alignment.spans.map(\.a)), side("B", p.b, p.alignment.spans.map(\.b))], pieces: pieces)
    }
}
