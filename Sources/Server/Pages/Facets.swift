import Query

/// Facet counts for a search: how many of its matching passages each document, region and year
/// holds. A value's count is defined by the filter its link adds (`region:四川省` takes in the
/// cities of 四川 as the query language does), so it equals the total of the filtered search.
struct FacetValueView {
    var label: String
    var count: Int
    var url: String
    var active: Bool
    var field: String
}

struct FacetGroupView {
    var heading: String
    var values: [FacetValueView]
    /// Matching passages in documents without a value for the field (no filter selects them, so
    /// they are a count without a link): with it the group adds up to the total.
    var hasUnset = false
    var unset = 0
}

enum Facets {
    static let shown = 10

    static func groups(_ state: SearchState, matches: [Int32], in generation: IndexGeneration) -> [FacetGroupView] {
        let perDocument = counts(matches, generation.facts)
        let present = generation.facts.filter { perDocument[$0.index] > 0 }
        func values(_ field: DocumentFilter.Field, _ candidates: [(value: String, label: String)]) -> [FacetValueView] {
            var seen = Set<String>()
            let rows = candidates.filter { seen.insert($0.value).inserted }.map { c -> FacetValueView in
                let filter = DocumentFilter(field: field, value: c.value)
                let count = generation.documents(selectedBy: filter).reduce(0) { $0 + perDocument[$1] }
                let active = state.filter(field) == c.value
                return FacetValueView(
                    label: c.label, count: count, url: Links.search(state.with(field, active ? nil : c.value)), active: active,
                    field: field.rawValue)
            }
            return Array(rows.filter { $0.count > 0 }.sorted { ($0.count, $1.label) > ($1.count, $0.label) }.prefix(shown))
        }
        let byCount = present.sorted { (perDocument[$0.index], $1.index) > (perDocument[$1.index], $0.index) }
        let undated = present.filter { year($0.date) == nil }.reduce(0) { $0 + perDocument[$1.index] }
        let groups = [
            FacetGroupView(heading: "文档", values: values(.doc, byCount.prefix(shown).map { ($0.name, $0.title) })),
            FacetGroupView(heading: "地区", values: values(.region, present.compactMap { $0.region.map { ($0, $0) } })),
            FacetGroupView(
                heading: "年份", values: values(.year, present.compactMap { year($0.date).map { ($0, $0) } }), hasUnset: undated > 0,
                unset: undated)
        ]
        return groups.filter { !$0.values.isEmpty || $0.hasUnset }
    }

    /// Matching passages per document (passages ascending, each document's passages contiguous).
    static func counts(_ matches: [Int32], _ facts: [DocumentFacts]) -> [Int] {
        let order = facts.indices.sorted { facts[$0].passages.lowerBound < facts[$1].passages.lowerBound }
        var perDocument = [Int](repeating: 0, count: facts.count)
        var k = 0
        for p in matches.map(Int.init) {
            while k < order.count, facts[order[k]].passages.upperBound <= p { k += 1 }
            guard k < order.count, facts[order[k]].passages.contains(p) else { continue }
            perDocument[facts[order[k]].index] += 1
        }
        return perDocument
    }

    /// The year of a catalog date (2021-11-12, 2021年11月, 2021).
    static func year(_ date: String?) -> String? {
        guard let date, date.unicodeScalars.count >= 4 else { return nil }
        let y = String(date.unicodeScalars.prefix(4))
        return y.allSatisfy(\.isASCII) && Int(y) != nil ? y : nil
    }
}
