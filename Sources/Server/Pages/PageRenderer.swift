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

    /// An error page in Chinese, with the way back to where the request came from: the search with
    /// its query still in the box, or the research forms.
    func errorPage(_ e: ServerError, path: String = "/", query: String? = nil) -> String {
        struct View {
            var formQuery: String
            var status: Int
            var reason: String
            var message: String
            var backURL: String
            var backLabel: String
        }
        let research = ["/compare", "/kwic", "/report", "/targets", "/research", "/reuse", "/similar"].contains(path)
        let back =
            research
            ? (url: "/research", label: "返回研究视图")
            : (url: query.map { "/?" + QueryParameters.encode([("q", $0)]) } ?? "/", label: "返回检索")
        return render(
            View(
                formQuery: query ?? "", status: e.status.code, reason: Self.reasons[e.status.code] ?? e.status.reasonPhrase,
                message: e.chinese ?? e.message, backURL: back.url, backLabel: back.label), "error")
    }

    static let reasons = [
        400: "请求有误", 404: "找不到", 405: "不支持这种请求方式", 413: "提交的内容太大", 414: "地址太长", 415: "提交的格式不对",
        422: "结果太多", 500: "内部错误", 503: "索引暂时不可用"
    ]
}
