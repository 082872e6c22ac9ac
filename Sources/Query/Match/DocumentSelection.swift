import Analysis

/// `--docs SPEC` of the research commands, one definition for all of them: either filters in the
/// query language (`region:四川 -doc:草案`, `year:2021..2023 OR issuer:人民政府`) or, more simply,
/// file-name or title fragments separated by commas (`成都,chongqing`), any of which selects; names
/// separated by spaces are read so when the whole names no document.
public enum DocumentSelection {
    public static func parse(_ spec: String) throws -> QueryExpression {
        let usesFilters = DocumentFilter.Field.allCases.contains {
            spec.lowercased().contains($0.rawValue + ":") || spec.contains($0.rawValue + "：")
        }
        if usesFilters {
            // Commas list names; between filters they would be read into the first one's value.
            if spec.contains(/[,，、]\s*[A-Za-zＡ-Ｚａ-ｚ]+[:：]/) {
                throw QueryError(
                    message: "--docs joins filters with OR (either) or a space (both), not commas: --docs 'region:成都 OR region:重庆'",
                    chinese: "文档范围的筛选条件之间用 OR（任一）或空格（同时满足）连接，不用逗号：region:成都 OR region:重庆")
            }
            let e = try QueryParser.parse(spec)
            guard onlyFilters(e) else {
                throw QueryError(
                    message:
                        "--docs takes filters (doc:, region:, issuer:, year:, date:) or comma-separated document names, not search terms",
                    chinese: "文档范围只能写筛选条件（doc: region: issuer: year: date:）或逗号分隔的文件名，不能写检索词")
            }
            return e
        }
        let fragments = spec.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" }).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard !fragments.isEmpty else {
            throw QueryError(
                message: "--docs needs document names or filters, e.g. --docs 成都,chongqing or --docs region:四川",
                chinese: "文档范围要写文件名或筛选条件，如 成都,chongqing 或 region:四川")
        }
        let filters = fragments.map { QueryExpression.filter(DocumentFilter(field: .doc, value: $0)) }
        return filters.count == 1 ? filters[0] : .or(filters)
    }

    static func onlyFilters(_ e: QueryExpression) -> Bool {
        switch e {
        case .filter: return true
        case .term, .near: return false
        case .and(let items), .or(let items): return items.allSatisfy(onlyFilters)
        case .not(let inner): return onlyFilters(inner)
        }
    }

    /// The documents (indices) the selection keeps.
    public static func select(_ e: QueryExpression, from documents: [DocumentFacts], normalizer: Normalizer) -> Set<Int> {
        Set(documents.filter { keeps(e, $0, normalizer) }.map(\.index))
    }

    /// `undated`: a date or year filter keeps a document without a date too (what the selection
    /// would hold if undated documents had the dates asked for).
    private static func keeps(_ e: QueryExpression, _ d: DocumentFacts, _ n: Normalizer, undated: Bool = false) -> Bool {
        switch e {
        case .filter(let f):
            if undated, d.date == nil, f.field == .year || f.field == .date { return true }
            return f.selects(d, normalizer: n)
        case .and(let items): return items.allSatisfy { keeps($0, d, n, undated: undated) }
        case .or(let items): return items.contains { keeps($0, d, n, undated: undated) }
        case .not(let inner): return !keeps(inner, d, n, undated: undated)
        case .term, .near: return true
        }
    }

    /// The documents without a date that the selection's year: or date: filters leave out, and
    /// that its other filters keep.
    static func undatedLeftOut(_ e: QueryExpression, from documents: [DocumentFacts], normalizer n: Normalizer) -> Int {
        documents.filter { $0.date == nil && keeps(e, $0, n, undated: true) && !keeps(e, $0, n) }.count
    }
}

extension Searcher {
    /// What the reader of a view over `--docs SPEC` should know of its selection: the undated
    /// documents its year: or date: filters leave out (a view counts none of them).
    public func selectionNotes(_ spec: String) throws -> [Message] {
        let expression = try DocumentSelection.parse(spec)
        let n = DocumentSelection.undatedLeftOut(expression, from: try documents(), normalizer: normalizer)
        return n > 0 ? [QueryPlanner.undatedLeftOut("--docs \(spec)", chinese: "文档范围 \(spec)", n)] : []
    }

    /// The documents `--docs SPEC` selects (see `DocumentSelection`); an error when none.
    public func documents(matching spec: String) throws -> Set<Int> {
        var expression = try DocumentSelection.parse(spec)
        let all = try documents()
        var selected = DocumentSelection.select(expression, from: all, normalizer: normalizer)
        // Names separated by spaces (成都 重庆, as typed in a web form), when the whole names nothing.
        let words = spec.split(whereSeparator: \.isWhitespace)
        if selected.isEmpty, words.count > 1, !spec.contains(where: { ",，、:：".contains($0) }) {
            expression = try DocumentSelection.parse(words.joined(separator: ","))
            selected = DocumentSelection.select(expression, from: all, normalizer: normalizer)
        }
        guard !selected.isEmpty else {
            // A date filter may be why: the documents it would have kept but for their missing date.
            let undated = DocumentSelection.undatedLeftOut(expression, from: all, normalizer: normalizer)
            throw QueryError(
                message: "--docs \(spec) matches no document of the index (see `policy-search docs`)"
                    + (undated > 0 ? "; its date filter leaves out \(undated) document\(undated == 1 ? "" : "s") without a date" : ""),
                chinese: "文档范围“\(spec)”没有选中任何文档（见文档列表；多个文件名用逗号分隔）"
                    + (undated > 0 ? "；其日期条件排除了 \(undated) 份没有日期的文档" : ""))
        }
        // In a list of names each must name something: a misspelt one would silently narrow the view.
        if case .or(let names) = expression, names.allSatisfy({ if case .filter(let f) = $0 { f.field == .doc } else { false } }) {
            for case .filter(let f) in names where DocumentSelection.select(.filter(f), from: all, normalizer: normalizer).isEmpty {
                throw QueryError(
                    message: "--docs: “\(f.value)” matches no document of the index (see `policy-search docs`)",
                    chinese: "文档范围中的“\(f.value)”没有选中任何文档（见文档列表；多个文件名用逗号分隔）")
            }
        }
        return selected
    }
}
