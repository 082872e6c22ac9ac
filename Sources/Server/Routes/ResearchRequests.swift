import Analysis
import Foundation
import Query
import Research

/// The research views for the API and the pages: `compare`, `kwic`, `report`, `targets` and
/// `related` build the same Research values as their CLI commands, from URL (or form) parameters
/// named as the commands' options, on the research queue (see `ResearchQueue`).
enum ResearchRequests {
    /// `compare QUERY… [--docs SPEC] [--best N]`: `q` repeated, one query each.
    static func comparison(_ p: QueryParameters, _ generation: IndexGeneration, context: RouteContext) async throws -> Comparison {
        let queries = try p.all("q").map { q in try checked(q, context: context) }
        guard !queries.isEmpty else {
            throw ServerError.badRequest("q is required: one query per q parameter, e.g. q=跨境电商&q=海外仓", chinese: "请至少填写一个查询")
        }
        guard queries.count <= 10 else {
            throw ServerError.badRequest(
                "at most 10 queries are compared at once, not \(queries.count)", chinese: "一次最多比较 10 个查询，不是 \(queries.count) 个")
        }
        for q in queries where q.hasPrefix("-") {
            throw ServerError.badRequest(
                "“\(q)” only excludes; each q is one query, so give a query of several parts in one: 电商 -跨境",
                chinese: "“\(q)”只有排除，没有要统计的词；每个查询框是一个查询，排除要和词写在一起：电商 -跨境")
        }
        let docs = try p.text("docs", max: 500)
        let best = try p.int("best", default: 3, in: 0...20)
        let exact = try p.bool("exact")
        return try await generation.research.run {
            try generation.withSearcher(exact: exact) { s in
                try Comparison(queries: queries, searcher: s, scope: try DocumentScope(searcher: s, spec: docs), bestPerDocument: best)
            }
        }
    }

    /// `kwic QUERY [--docs SPEC] [--width N] [--sort doc|left|right]`.
    static func concordance(_ p: QueryParameters, _ generation: IndexGeneration, context: RouteContext) async throws -> Concordance {
        guard let q = try p.text("q", max: context.limits.maxQueryLength) else {
            throw ServerError.badRequest("q is required", chinese: "请填写查询")
        }
        let query = try checked(q, context: context)
        let docs = try p.text("docs", max: 500)
        let width = try p.int("width", default: 30, in: 1...200)
        let sortName = try p.text("sort", max: 10) ?? "doc"
        guard let order = Concordance.Order(rawValue: sortName) else {
            throw ServerError.badRequest("sort must be doc, left or right, not “\(sortName)”", chinese: "排序只能是 doc、left 或 right")
        }
        let exact = try p.bool("exact")
        return try await generation.research.run {
            try generation.withSearcher(exact: exact) { s in
                try Concordance(query: query, searcher: s, scope: try DocumentScope(searcher: s, spec: docs), width: width, order: order)
            }
        }
    }

    /// `report --terms FILE [--docs SPEC] [--per N] [--best N] [--variants]`: `terms` holds the
    /// file's text (one query per line, # comments), as pasted into the page's form.
    static func report(_ p: QueryParameters, _ generation: IndexGeneration, withPassages: Bool, best: Int) async throws -> TermReport {
        guard let terms = try p.text("terms", max: 20_000) else {
            throw ServerError.badRequest(
                "terms is required: the queries, one per line (# starts a comment)", chinese: "请填写词表：每行一个查询，# 开始注释")
        }
        var file: TermsFile
        do { file = try TermsFile(data: Data(terms.utf8)) } catch let e as TermsFile.FileError {
            throw ServerError.badRequest("terms: \(e)", chinese: "词表无法读取：\(e)")
        }
        guard file.entries.count <= 500 else {
            throw ServerError.badRequest(
                "at most 500 queries per report, not \(file.entries.count)",
                chinese: "一份报告最多 500 个查询，现在有 \(file.entries.count) 个；请分成几份，或用命令行 report")
        }
        let docs = try p.text("docs", max: 500)
        let per = try p.string("per").map { _ in try p.int("per", default: 10_000, in: 1...10_000_000) }
        let exact = try p.bool("exact")
        if try p.bool("variants"), !exact, let synonyms = generation.synonyms {
            file = file.withVariantRows(synonyms, normalizer: Normalizer())
        }
        let entries = file
        let report = try await generation.research.run {
            try generation.withSearcher(exact: exact) { s in
                try TermReport(
                    terms: entries, searcher: s, scope: try DocumentScope(searcher: s, spec: docs), per: per, best: best,
                    withPassages: withPassages)
            }
        }
        guard !report.rows.isEmpty else {
            let why = report.problems.map { "line \($0.line): \($0.message)" }.joined(separator: "; ")
            throw ServerError.badRequest(
                why.isEmpty ? "terms holds no query (one per line; # starts a comment)" : "no line could be counted: \(why)",
                chinese: why.isEmpty ? "词表里没有查询（每行一个，# 开始注释）" : "没有一行能统计：\(why)")
        }
        return report
    }

    /// `targets [--docs SPEC] [--achieved]`: the indicator tables, aligned across documents.
    static func targets(_ p: QueryParameters, _ generation: IndexGeneration) async throws -> (
        tables: [IndicatorTable], alignment: IndicatorAlignment, notes: [Message]
    ) {
        let docs = try p.text("docs", max: 500)
        let achieved = try p.bool("achieved")
        let synonyms = generation.synonyms
        return try await generation.research.run {
            try generation.withSearcher { s in
                let scope = try DocumentScope(searcher: s, spec: docs)
                let found = try IndicatorTables(searcher: s, scope: scope)
                let tables = achieved ? found.achievedTables : found.targetTables
                return (tables, IndicatorAlignment(tables, order: scope.documents.map(\.name), synonyms: synonyms), scope.selectionNotes)
            }
        }
    }

    /// `related QUERY [--limit N]`: words found with the query more than chance would have it.
    static func related(_ p: QueryParameters, _ generation: IndexGeneration, context: RouteContext) async throws -> RelatedTerms {
        guard let q = try p.text("q", max: context.limits.maxQueryLength) else {
            throw ServerError.badRequest("q is required", chinese: "请填写查询")
        }
        let limit = try p.int("limit", default: 20, in: 1...200)
        let exact = try p.bool("exact")
        return try await generation.research.run {
            try generation.withSearcher(exact: exact) { s in
                try RelatedTerms.compute(q, searcher: s, analyzer: try Analyzer(), limit: limit)
            }
        }
    }

    /// A query that parses (a malformed one is a 400 naming its column before any work is done).
    static func checked(_ q: String, context: RouteContext) throws -> String {
        let n = q.unicodeScalars.count
        guard n <= context.limits.maxQueryLength else {
            throw ServerError.badRequest(
                "a query is \(n) characters long; the limit is \(context.limits.maxQueryLength)",
                chinese: "有个查询长 \(n) 个字符，上限是 \(context.limits.maxQueryLength)")
        }
        _ = try QueryParser.parse(q)
        return q
    }
}
