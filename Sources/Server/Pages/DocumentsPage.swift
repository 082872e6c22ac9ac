import Hummingbird
import Research

/// Every document of the index (`/api/documents`'s value), linking to its document view.
enum DocumentsPage {
    struct View {
        var formQuery = ""
        var count: Int
        var documents: [Row]
    }

    struct Row {
        var url: String
        var title: String
        var region: String
        var regionInferred: Bool
        var issuer: String
        var date: String
        var dateInferred: Bool
        var passages: Int
        var doc: String
        var format: String
    }

    static func render(_ generation: IndexGeneration) -> Response {
        let rows = DocumentsJSON(generation.facts).documents.map {
            Row(
                url: Links.document($0.doc), title: $0.title, region: $0.region ?? "", regionInferred: $0.regionInferred,
                issuer: $0.issuer ?? "", date: $0.date ?? "", dateInferred: $0.dateInferred, passages: $0.passages, doc: $0.doc,
                format: $0.format)
        }
        return Responses.html(PageRenderer.shared.render(View(count: rows.count, documents: rows), "documents"))
    }
}
