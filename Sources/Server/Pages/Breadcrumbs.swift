import Ingestion

/// A passage's heading path as links into its document view: each heading links to the anchor of
/// the line it starts on (`#L120`), found as the last heading with that display text before the
/// passage; a path entry that is no heading (front matter: 发文通知, 批复) links to the passage.
struct Crumb {
    var label: String
    var url: String
}

enum Breadcrumbs {
    static func crumbs(
        document: String, path: [String], box: String?, line: Int, headings: [Heading], passageNumber: Int
    ) -> (path: [Crumb], box: Crumb?) {
        func link(_ display: String, kind: Heading.Kind) -> Crumb {
            let h = headings.last { $0.kind == kind && $0.line <= line && $0.display == display }
            return Crumb(label: display, url: Links.document(document, anchor: h.map { "L\($0.line)" } ?? "\(passageNumber)"))
        }
        return (path.map { link($0, kind: .numbered) }, box.map { link($0, kind: .box) })
    }
}
