import Foundation
import Hummingbird
import NIOCore
import Research

/// The research views: `compare`, `kwic`, `report` (with a pasted term list, CSV/XLSX/MD/HTML/JSON
/// downloads), `targets` and `related`. Each API route answers with its command's `--json` value;
/// each page renders the same value (the command's own HTML writer where it has one, else a
/// template), with the command's other formats as downloads (`format=`).
enum ResearchViews {
    /// A report page from a Research HTML writer: a complete page with its own inline stylesheet
    /// and inline cell colours, so its policy allows inline style; no script at all.
    static let reportPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    static func registerAPI(on router: Router<some RequestContext>, context: RouteContext) {
        router.get("/api/compare") { request, _ in
            try Responses.json(
                ComparisonJSON(
                    try await ResearchRequests.comparison(try context.parameters(request), context.store.current(), context: context)))
        }
        router.get("/api/kwic") { request, _ in
            try Responses.json(
                ConcordanceJSON(
                    try await ResearchRequests.concordance(try context.parameters(request), context.store.current(), context: context)))
        }
        router.get("/api/report") { request, _ in try await apiReport(try context.parameters(request), context) }
        router.post("/api/report") { request, _ in try await apiReport(try await formParameters(request, context), context) }
        router.get("/api/targets") { request, _ in
            let t = try await ResearchRequests.targets(try context.parameters(request), context.store.current())
            return try Responses.json(TargetsJSON(t.tables, alignment: t.alignment))
        }
        router.get("/api/related") { request, _ in
            try Responses.json(
                try await ResearchRequests.related(try context.parameters(request), context.store.current(), context: context))
        }
    }

    static func apiReport(_ p: QueryParameters, _ context: RouteContext) async throws -> Response {
        let best = try p.int("best", default: 0, in: 0...20)
        return try Responses.json(
            TermReportJSON(try await ResearchRequests.report(p, context.store.current(), withPassages: false, best: best)))
    }

    /// The research forms: /research, and a view's address typed without parameters (/compare).
    static func forms() -> Response { Responses.html(PageRenderer.shared.render(ResearchPage.View(), "research")) }

    /// A view asked for with no parameters at all (its bare address) shows the forms, not a 400.
    static func bare(_ request: Request) -> Bool { (request.uri.query ?? "").isEmpty }

    static func registerPages(on router: Router<some RequestContext>, context: RouteContext) {
        router.get("/research") { _, _ in forms() }
        router.get("/compare") { request, _ in
            if bare(request) { return forms() }
            let p = try context.parameters(request)
            let c = try await ResearchRequests.comparison(p, context.store.current(), context: context)
            switch try format(p, ["html", "md", "json"]) {
            case "md": return Responses.download(ComparisonMarkdown.render(c), type: "text/markdown; charset=utf-8", fileName: "compare.md")
            case "json": return Responses.download(try pretty(ComparisonJSON(c)), type: Responses.jsonType, fileName: "compare.json")
            default:
                let keep = ["q", "docs", "best", "exact"].flatMap { name in p.all(name).map { (name, Optional($0)) } }
                return page(ComparisonHTML.render(c, language: .chinese), downloads: downloads("/compare", keep, ["md", "json"]))
            }
        }
        router.get("/kwic") { request, _ in
            if bare(request) { return forms() }
            let p = try context.parameters(request)
            let c = try await ResearchRequests.concordance(p, context.store.current(), context: context)
            switch try format(p, ["html", "csv", "json"]) {
            case "csv": return Responses.download(ConcordanceCSV.render(c), type: "text/csv; charset=utf-8", fileName: "kwic.csv")
            case "json": return Responses.download(try pretty(ConcordanceJSON(c)), type: Responses.jsonType, fileName: "kwic.json")
            default: return Responses.html(PageRenderer.shared.render(ResearchPage.kwic(c, p), "kwic"))
            }
        }
        router.get("/report") { request, _ in
            if bare(request) { return forms() }
            return try await report(try context.parameters(request), context)
        }
        router.post("/report") { request, _ in try await report(try await formParameters(request, context), context, posted: true) }
        router.get("/targets") { request, _ in
            let p = try context.parameters(request)
            let t = try await ResearchRequests.targets(p, context.store.current())
            switch try format(p, ["html", "csv", "json"]) {
            case "csv":
                let kind: IndicatorTable.Kind = try p.bool("achieved") ? .achieved : .target
                return Responses.download(
                    TargetsCSV.render(t.alignment, kind: kind), type: "text/csv; charset=utf-8", fileName: "targets.csv")
            case "json":
                return Responses.download(
                    try pretty(TargetsJSON(t.tables, alignment: t.alignment)), type: Responses.jsonType, fileName: "targets.json")
            default:
                return Responses.html(
                    PageRenderer.shared.render(ResearchPage.targets(t.alignment, tables: t.tables, notes: t.notes, p), "targets"))
            }
        }
    }

    /// `report`: the page (TermReportHTML), or a download in another of the command's formats.
    static func report(_ p: QueryParameters, _ context: RouteContext, posted: Bool = false) async throws -> Response {
        let format = try format(p, ["html", "csv", "xlsx", "md", "json"])
        let best = try p.int("best", default: format == "html" ? 3 : 0, in: 0...20)
        let r = try await ResearchRequests.report(p, context.store.current(), withPassages: format == "xlsx", best: best)
        switch format {
        case "csv": return Responses.download(TermReportCSV.render(r), type: "text/csv; charset=utf-8", fileName: "report.csv")
        case "xlsx":
            return Responses.download(
                Array(try TermReportXLSX.data(r)), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                fileName: "report.xlsx")
        case "md": return Responses.download(TermReportMarkdown.render(r), type: "text/markdown; charset=utf-8", fileName: "report.md")
        case "json": return Responses.download(try pretty(TermReportJSON(r)), type: Responses.jsonType, fileName: "report.json")
        default:
            // A posted term list cannot ride in a link: its other formats come from the form.
            let keep = ["terms", "docs", "per", "variants", "exact"].flatMap { name in p.all(name).map { (name, Optional($0)) } }
            return page(
                TermReportHTML.render(r, language: .chinese),
                downloads: posted ? [] : downloads("/report", keep, ["xlsx", "csv", "md", "json"]))
        }
    }

    /// Links to a view's other formats: its parameters with `format=`.
    static func downloads(_ path: String, _ keep: [(String, String?)], _ formats: [String]) -> [(label: String, url: String)] {
        formats.map { (label: $0.uppercased(), url: path + "?" + QueryParameters.encode(keep + [("format", $0)])) }
    }

    /// A report page from a Research HTML writer (the command's own report, in Chinese here), with the
    /// site's way back and the downloads in a bar on top: the standalone report has neither.
    static func page(_ html: String, downloads: [(label: String, url: String)] = []) -> Response {
        var bar = "<nav style=\"font:14px sans-serif;padding:6px 0;border-bottom:1px solid #ccc;margin-bottom:8px\">"
        bar += "<a href=\"/research\">← 研究视图</a> · <a href=\"/\">检索</a> · "
        bar +=
            downloads.isEmpty
            ? "其他格式：在研究视图的表单中选择“格式”"
            : "下载：" + downloads.map { "<a href=\"\(HTML.escape($0.url))\">\($0.label)</a>" }.joined(separator: " ")
        bar += "（内容与命令行的 HTML 报告相同）</nav>"
        let body = html.range(of: "<body>").map { html.replacingCharacters(in: $0, with: "<body>" + bar) } ?? bar + html
        var response = Responses.html(body)
        response.headers[.contentSecurityPolicy] = reportPolicy
        return response
    }

    static func format(_ p: QueryParameters, _ allowed: [String]) throws -> String {
        let f = try p.text("format", max: 10) ?? allowed[0]
        guard allowed.contains(f) else {
            throw ServerError.badRequest(
                "format must be \(allowed.joined(separator: ", ")), not “\(f)”", chinese: "格式只能是 \(allowed.joined(separator: "、"))，不是“\(f)”"
            )
        }
        return f
    }

    /// As the CLI writes it to a file: pretty-printed, keys sorted, a final line break.
    static func pretty<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONShapes.encode(value), as: UTF8.self) + "\n"
    }

    /// The URL's parameters and a form body's (`application/x-www-form-urlencoded`, as the report
    /// form posts a long pasted term list), at most `maxBodyBytes`.
    static func formParameters(_ request: Request, _ context: RouteContext) async throws -> QueryParameters {
        let type = request.headers[.contentType] ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw ServerError(.unsupportedMediaType, "post the form as application/x-www-form-urlencoded")
        }
        let body: ByteBuffer
        do { body = try await request.body.collect(upTo: context.limits.maxBodyBytes) } catch {
            throw ServerError(
                .contentTooLarge, "the form is larger than \(context.limits.maxBodyBytes) bytes",
                chinese: "表单超过 \(context.limits.maxBodyBytes) 字节；请把词表分成几份提交，或用命令行 report")
        }
        return try context.parameters(request).merging(QueryParameters(query: String(buffer: body)))
    }
}
