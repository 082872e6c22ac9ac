import Foundation
import TestSupport
import Testing

/// The research views through the server: each API answer is its CLI command's JSON for the same
/// request; each page renders (with the command's own HTML where it has one), the other formats
/// download, and the hostile fixture stays text.
@Suite struct ResearchViewTests {
    func same(_ api: Any, _ cli: Any, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let equal: Bool =
            switch (api, cli) {
            case (let a as [String: Any], let b as [String: Any]): NSDictionary(dictionary: a).isEqual(to: b)
            case (let a as [Any], let b as [Any]): NSArray(array: a).isEqual(to: b)
            default: false
            }
        #expect(equal, "\(what): API and CLI JSON differ", sourceLocation: sourceLocation)
    }

    /// `policy-search ARGUMENTS --index …` printing any JSON value.
    func cli(_ f: ServerFixture, _ arguments: [String]) async throws -> Any {
        let out = try await ServerFixture.run(arguments + ["--index", f.index.path])
        #expect(out.status == 0, "\(arguments): \(out.stderr)")
        return try JSONSerialization.jsonObject(with: Data(out.stdout.utf8))
    }

    func api(_ f: ServerFixture, _ target: String) async throws -> Any {
        let reply = try await f.get(target)
        #expect(reply.status == 200, "\(target): \(reply.text.prefix(200))")
        return try JSONSerialization.jsonObject(with: reply.body)
    }

    @Test func apiAnswersAreTheCommandsJSON() async throws {
        let f = try await ServerFixture.shared()
        same(
            try await api(f, "/api/compare?q=\(enc("跨境电商"))&q=\(enc("海外仓"))&docs=\(enc("region:四川"))&best=2"),
            try await cli(f, ["compare", "跨境电商", "海外仓", "--docs", "region:四川", "--best", "2", "--format", "json"]), "compare")
        same(
            try await api(f, "/api/kwic?q=\(enc("海外仓"))&width=12&sort=left"),
            try await cli(f, ["kwic", "海外仓", "--width", "12", "--sort", "left", "--format", "json"]), "kwic")
        same(try await api(f, "/api/targets"), try await cli(f, ["targets", "--format", "json"]), "targets")
        same(
            try await api(f, "/api/targets?achieved=1"), try await cli(f, ["targets", "--achieved", "--format", "json"]),
            "targets --achieved")
        same(
            try await api(f, "/api/related?q=\(enc("海外仓"))&limit=8"), try await cli(f, ["related", "海外仓", "--limit", "8", "--json"]),
            "related")
        let terms = "# 商务\n跨境电商\n海外仓\n数字贸易 | 数字服务贸易\n"
        let file = try Support.temporaryDirectory("terms").appendingPathComponent("terms.txt")
        try Support.write(terms, to: file)
        same(
            try await api(f, "/api/report?terms=\(enc(terms))&per=10000&variants=1"),
            try await cli(f, ["report", "--terms", file.path, "--per", "10000", "--variants", "--format", "json"]), "report")
    }

    /// A view whose documents are chosen by date says on its page, as the commands do on
    /// standard error, how many undated documents the choice leaves out (the bundled corpus has
    /// one): compare and report in their own HTML and Markdown, kwic and targets on the page.
    @Test func pagesSayWhatADateSelectionLeavesOut() async throws {
        let f = try await ServerFixture.shared()
        let docs = "&docs=" + enc("year:2021..2022")
        for target in ["/compare?q=\(enc("跨境电商"))", "/report?terms=\(enc("跨境电商\n海外仓"))"] {
            // The page in Chinese, as the site is; the Markdown download in the command's English.
            for (format, note) in [("", "份没有日期的文档"), ("&format=md", "leaves out 1 document without a date")] {
                let reply = try await f.get(target + docs + format)
                #expect(reply.status == 200, "\(target)")
                #expect(reply.text.contains(note), "\(target)\(format)")
                if format.isEmpty { #expect(!reply.text.contains("--docs"), "\(target): the page names the form's field, not the flag") }
                #expect(!(try await f.get(target + format)).text.contains(note), "\(target)\(format) without --docs")
            }
        }
        for target in ["/kwic?q=\(enc("海外仓"))", "/targets?achieved=0"] {
            let reply = try await f.get(target + docs)
            #expect(reply.status == 200 && reply.text.contains("份没有日期的文档"), "\(target): \(reply.text.prefix(300))")
        }
    }

    /// The web app's compare and report pages are written in Chinese, their notes too: a synonym
    /// note points to the form's “精确” box, not to the command's --exact. Their counts are the API's;
    /// the commands' own --format html stays English.
    @Test func researchPagesSpeakChinese() async throws {
        let f = try await ServerFixture.shared()
        let compare = try await f.get("/compare?q=\(enc("跨境电商"))&q=\(enc("海外仓"))")
        #expect(compare.text.contains("<h1>对比：跨境电商 · 海外仓</h1>") && compare.text.contains("<h2>各查询在各文档中的出现次数</h2>"))
        #expect(compare.text.contains("“跨境电商”同时检索了同义词 “跨境电子商务”；加引号或选“精确”则只查所输入的词"))
        for english in ["--exact", "also searched as", "occurrence", " passages", "Side by side", " · line "] {
            #expect(!compare.text.contains(english), "compare page: \(english)")
        }
        let entries = try #require(
            (try await api(f, "/api/compare?q=\(enc("跨境电商"))&q=\(enc("海外仓"))") as? [String: Any])?["queries"] as? [[String: Any]])
        for e in entries {
            let (n, p) = (try #require(e["occurrences"] as? Int), try #require(e["passages"] as? Int))
            #expect(compare.text.contains("<p>\(p) 段中出现 \(n) 次</p>"), "\(e["query"] ?? "")")
        }
        let report = try await f.get("/report?terms=\(enc("跨境电商\n海外仓"))&per=10000")
        #expect(report.text.contains("<h1>词频报告</h1>") && report.text.contains("2 个查询 × "))
        #expect(
            report.text.contains("<th>合计</th>") && report.text.contains("<th scope=\"row\">字数</th>") && report.text.contains("每 10000 字"))
        #expect(report.text.contains("同时检索了同义词") && report.text.contains("<h2>最相关的段落</h2>"))
        for english in ["--exact", "also searched as", "Term report", " passages", "Total", "per 10000 characters", " · score "] {
            #expect(!report.text.contains(english), "report page: \(english)")
        }
        // Lines of a term list not counted say why in Chinese too.
        let bad = try await f.get("/report?terms=\(enc("跨境电商\n(跨境\n跨境电商"))")
        #expect(bad.text.contains("<h2>未计入的行</h2>") && bad.text.contains("第 3 行: <code>跨境电商</code> — 与第 1 行重复；只计一次"))
        #expect(bad.text.contains("括号不配对：这里的“(”没有对应的“)”（第 1 列）") && !bad.text.contains("unbalanced") && !bad.text.contains("counted once"))
        let cli = try await ServerFixture.run(["compare", "跨境电商", "--format", "html", "--index", f.index.path])
        #expect(cli.stdout.contains("<h1>Comparison: 跨境电商</h1>") && cli.stdout.contains("quote it or use --exact"))
    }

    @Test func pagesAndDownloads() async throws {
        let f = try await ServerFixture.shared()
        // compare and report are their commands' HTML pages: their inline stylesheet allowed, no script.
        for target in ["/compare?q=\(enc("跨境电商"))", "/report?terms=\(enc("跨境电商\n海外仓"))"] {
            let reply = try await f.get(target)
            #expect(reply.status == 200 && reply.headers["content-type"] == "text/html; charset=utf-8", "\(target)")
            #expect(reply.headers["content-security-policy"]?.hasPrefix("default-src 'none'; style-src 'unsafe-inline'") == true)
            #expect(!(reply.headers["content-security-policy"] ?? "").contains("script"))
            #expect(!reply.text.contains("<script"), "\(target)")
            // The standalone report gets the site's way back and its other formats as links.
            #expect(reply.text.contains("<a href=\"/research\">← 研究视图</a>"), "\(target)")
        }
        let compare = try await f.get("/compare?q=\(enc("跨境电商"))&q=\(enc("海外仓"))")
        #expect(
            compare.text.contains("href=\"/compare?q=\(enc("跨境电商"))&amp;q=\(enc("海外仓"))&amp;format=md\""), "\(compare.text.prefix(800))")
        let kwic = try await f.get("/kwic?q=\(enc("海外仓"))")
        let lines = try #require(try await api(f, "/api/kwic?q=\(enc("海外仓"))") as? [Any])
        #expect(kwic.text.components(separatedBy: "<td class=\"match\"><mark>海外仓</mark></td>").count - 1 == lines.count)
        let targets = try await f.get("/targets")
        #expect(targets.status == 200 && targets.text.contains("电子商务交易额"))
        #expect(try await f.get("/research").text.contains("action=\"/report\" method=\"post\""))
        // A view's bare address, as typed, shows the forms; with a parameter missing it is still a 400.
        for bare in ["/compare", "/kwic", "/report"] {
            let reply = try await f.get(bare)
            #expect(reply.status == 200 && reply.text.contains("action=\"/report\" method=\"post\""), "\(bare)")
        }
        #expect(try await f.get("/compare?docs=x").status == 400)
        let downloads: [(String, String, String)] = [
            ("/compare?q=\(enc("海外仓"))&format=md", "text/markdown", "compare.md"),
            ("/kwic?q=\(enc("海外仓"))&format=csv", "text/csv", "kwic.csv"),
            ("/report?terms=\(enc("海外仓"))&format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "report.xlsx"),
            ("/targets?format=json", "application/json", "targets.json")
        ]
        for (target, type, name) in downloads {
            let reply = try await f.get(target)
            #expect(reply.status == 200 && reply.headers["content-type"]?.hasPrefix(type) == true, "\(target)")
            #expect(reply.headers["content-disposition"] == "attachment; filename=\"\(name)\"", "\(target)")
        }
        // An XLSX workbook is a ZIP archive.
        #expect(try await f.get("/report?terms=\(enc("海外仓"))&format=xlsx").body.prefix(2) == Data("PK".utf8))
    }

    @Test func aReportFormPostedWithALongTermList() async throws {
        let f = try await ServerFixture.shared()
        // 300 queries: beyond a URL's 8 KiB once percent-encoded, fine in a form body.
        let terms = (1...300).map { "跨境电商 OR 海外仓 OR 第\($0)条" }.joined(separator: "\n")
        let body = Data(("format=json&terms=" + enc(terms)).utf8)
        #expect(body.count > 8192)
        let port = f.port
        let reply = try await blocking {
            try HTTPReply.request(
                port: port, target: "/report", method: "POST",
                extraHeaders: ["Content-Type: application/x-www-form-urlencoded", "Content-Length: \(body.count)"], body: body)
        }
        #expect(reply.status == 200 && reply.headers["content-disposition"] == "attachment; filename=\"report.json\"")
        let rows = (try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])?["rows"] as? [Any]
        #expect(rows?.count == 300)
        let elsewhere = try await blocking {
            try HTTPReply.request(port: port, target: "/kwic", method: "POST", extraHeaders: ["Content-Length: 0"])
        }
        #expect(elsewhere.status == 405 && elsewhere.headers["allow"] == "GET, HEAD")
    }

    @Test func errorsNameTheParameter() async throws {
        let f = try await ServerFixture.shared()
        for (target, words) in [
            ("/api/compare", ["q is required"]), ("/api/compare?q=\(enc("-跨境"))", ["only excludes"]),
            ("/api/kwic?q=\(enc("\"海外"))", ["quote"]), ("/api/kwic?q=a&sort=up", ["sort"]), ("/api/report", ["terms is required"]),
            ("/api/report?terms=\(enc("# only a comment"))", ["no query"]), ("/kwic?q=a&format=pdf", ["格式只能是 html、csv、json", "返回研究视图"])
        ] {
            let reply = try await f.get(target)
            #expect(reply.status == 400, "\(target)")
            for w in words { #expect(reply.text.contains(w), "\(target): \(reply.text.prefix(200))") }
        }
    }

    @Test func hostileTextStaysText() async throws {
        let f = try await ServerFixture.shared()
        for target in [
            "/kwic?q=\(enc("window.pwned"))", "/compare?q=\(enc("window.pwned"))", "/report?terms=\(enc("window.pwned"))",
            "/targets?docs=\(enc("hostile"))"
        ] {
            let reply = try await f.get(target)
            #expect(reply.status == 200, "\(target)")
            #expect(!reply.text.contains("<script data-note") && !reply.text.contains("<img src=x"), "\(target)")
            #expect(!reply.text.contains("<script>window.pwned"), "\(target)")
        }
    }
}
