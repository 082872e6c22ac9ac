import Foundation
import Query

/// A search as a URL states it, for the API and the page alike: the query as typed (`q`), document
/// filters given as their own parameters (`region=四川`, as facets set them), and paging. The
/// filters are added to the query in the query language's own syntax (`跨境电商 region:四川`), so a
/// URL's search is exactly the CLI's `policy-search search '跨境电商 region:四川'`.
struct SearchState: Sendable {
    static let filterFields: [DocumentFilter.Field] = [.doc, .region, .issuer, .year, .date]
    static let pageSize = 10

    /// The query as typed.
    var q: String
    var filters: [DocumentFilter]
    /// 1-based page of `pageSize` hits (pages only).
    var page: Int
    /// Every part as typed, no synonym expansion (the CLI's `--exact`).
    var exact: Bool

    init(q: String, filters: [DocumentFilter] = [], page: Int = 1, exact: Bool = false) {
        self.q = q
        self.filters = filters
        self.page = page
        self.exact = exact
    }

    init(_ p: QueryParameters, limits: ServerLimits) throws {
        q = try p.text("q", max: limits.maxQueryLength).map(QueryParameters.trimmed) ?? ""
        filters = try Self.filterFields.compactMap { field in
            guard let value = try p.text(field.rawValue, max: 200).map(QueryParameters.trimmed), !value.isEmpty else {
                return nil
            }
            guard !value.contains("\"") else {
                throw ServerError.badRequest("\(field.rawValue) cannot contain a straight quote (\")")
            }
            return DocumentFilter(field: field, value: value)
        }
        page = try p.int("page", default: 1, in: 1...(limits.maxResults / Self.pageSize))
        exact = try p.bool("exact")
    }

    var isEmpty: Bool { q.isEmpty && filters.isEmpty }

    /// The query the engine runs: what was typed, then each filter.
    var query: String {
        ([q].filter { !$0.isEmpty } + filters.map(Self.filterText)).joined(separator: " ")
    }

    /// `field:value`, quoted when the value holds a character that would end a word of the query.
    static func filterText(_ f: DocumentFilter) -> String {
        let special = f.value.contains { $0.isWhitespace || "()|｜,，\"“”".contains($0) }
        return f.field.rawValue + ":" + (special ? "\"\(f.value)\"" : f.value)
    }

    func filter(_ field: DocumentFilter.Field) -> String? { filters.first { $0.field == field }?.value }

    /// The same search with `field` set to `value` (nil removes it), from its first page.
    func with(_ field: DocumentFilter.Field, _ value: String?) -> SearchState {
        var s = self
        s.filters.removeAll { $0.field == field }
        if let value { s.filters.append(DocumentFilter(field: field, value: value)) }
        s.filters.sort { Self.order($0.field) < Self.order($1.field) }
        s.page = 1
        return s
    }

    func on(page: Int) -> SearchState {
        var s = self
        s.page = page
        return s
    }

    static func order(_ f: DocumentFilter.Field) -> Int { filterFields.firstIndex(of: f) ?? 0 }

    /// URL parameters, in a fixed order so equal searches have equal URLs.
    var pairs: [(String, String?)] {
        [("q", q)] + filters.map { ($0.field.rawValue, $0.value) } + [("exact", exact ? "1" : nil), ("page", page > 1 ? "\(page)" : nil)]
    }
}
