import Foundation
import Mustache
import Research

/// Renders pages from the Mustache templates compiled into the binary (Templates/, embedded by
/// Package.swift). Every template declares `{{% CONTENT_TYPE: SAFE_HTML}}`: `{{value}}` is escaped
/// by `HTML.escape`, scalar by scalar. (Mustache's own HTML escaping compares whole Characters, so
/// a quote followed by a combining mark would pass unescaped and end an attribute.) The only
/// unescaped insertions, `{{{…HTML}}}`, take text already escaped by `HTML.marked`.
final class PageRenderer: Sendable {
    static let shared: PageRenderer = {
        do { return try PageRenderer() } catch { fatalError("a bundled template does not parse: \(error)") }
    }()

    static let templates: [String: [UInt8]] = [
        "layout": PackageResources.layout_mustache, "search": PackageResources.search_mustache,
        "help": PackageResources.help_mustache, "page": PackageResources.page_mustache,
        "document": PackageResources.document_mustache, "outline-node": PackageResources.outline_node_mustache,
        "show": PackageResources.show_mustache, "documents": PackageResources.documents_mustache,
        "reuse": PackageResources.reuse_mustache, "pair": PackageResources.pair_mustache,
        "error": PackageResources.error_mustache, "research": PackageResources.research_mustache,
        "kwic": PackageResources.kwic_mustache, "targets": PackageResources.targets_mustache
    ]

    struct SafeHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    private let library: MustacheLibrary

    init() throws {
        MustacheContentTypes.register(SafeHTML(), named: "SAFE_HTML")
        var library = MustacheLibrary()
        for (name, bytes) in Self.templates {
            do { try library.register(String(decoding: bytes, as: UTF8.self), named: name) } catch {
                throw NSError(domain: "PageRenderer", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(name).mustache: \(error)"])
            }
        }
        self.library = library
    }

    func render(_ view: Any, _ template: String) -> String {
        guard let page = library.render(view, withTemplate: template) else { fatalError("no template \(template)") }
        return page
    }

    func errorPage(_ e: ServerError) -> String {
        struct View {
            var formQuery = ""
            var status: Int
            var reason: String
            var message: String
        }
        return render(View(status: e.status.code, reason: e.status.reasonPhrase, message: e.chinese ?? e.message), "error")
    }
}
