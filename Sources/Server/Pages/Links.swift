import Foundation

/// URLs of the pages, built in one place. Every document name and query is percent-encoded here
/// (names are file names: any character but "/" can occur), then HTML-escaped by the templates.
enum Links {
    /// `exact` keeps the search's exact mode (no synonym groups) for the highlighted occurrences.
    static func document(_ name: String, query: String? = nil, exact: Bool = false, anchor: String? = nil) -> String {
        var url = "/doc/" + QueryParameters.formEncode(name)
        if let query, !query.isEmpty { url += "?" + QueryParameters.encode([("q", query), ("exact", exact ? "1" : nil)]) }
        if let anchor { url += "#" + QueryParameters.formEncode(anchor) }
        return url
    }

    /// The document view at passage `FILE#N`: the passage id is the document's URL and its anchor.
    static func passage(_ id: String, query: String? = nil, exact: Bool = false) -> String {
        guard let hash = id.lastIndex(of: "#") else { return document(id, query: query, exact: exact) }
        return document(String(id[..<hash]), query: query, exact: exact, anchor: String(id[id.index(after: hash)...]))
    }

    static func show(_ id: String, query: String? = nil, exact: Bool = false, context: Int? = nil) -> String {
        "/show?"
            + QueryParameters.encode([
                ("id", id), ("context", context.map { "\($0)" }), ("q", query), ("exact", exact && query != nil ? "1" : nil)
            ])
    }

    static func similar(_ id: String) -> String { "/similar?" + QueryParameters.encode([("id", id)]) }

    static func search(_ state: SearchState) -> String {
        let q = QueryParameters.encode(state.pairs)
        return q.isEmpty ? "/" : "/?" + q
    }

    static func apiSearch(_ state: SearchState) -> String {
        "/api/search?" + QueryParameters.encode(state.pairs.filter { $0.0 != "page" })
    }
}
