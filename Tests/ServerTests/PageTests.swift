import Foundation
import Index
import TestSupport
import Testing

/// The pages, checked against the index by an independent grep (`Oracle`) and against the API:
/// result cards, highlights, breadcrumbs, facets whose counts are the filtered totals, paging,
/// document anchors, context, clause reuse.
@Suite struct PageTests {
    func page(_ f: ServerFixture, _ target: String, status: Int = 200, sourceLocation: SourceLocation = #_sourceLocation) async throws
        -> String
    {
        let reply = try await f.get(target)
        #expect(reply.status == status, "\(target)", sourceLocation: sourceLocation)
        #expect(reply.headers["content-type"] == "text/html; charset=utf-8", sourceLocation: sourceLocation)
        return reply.text
    }

    func matches(_ pattern: String, in text: String) -> [[String]] {
        let re = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return re.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(
            of: "&#39;", with: "'"
        )
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
    }

    func total(_ html: String) -> Int? { matches(#"<p class="total"><strong>(\d+)</strong>"#, in: html).first.flatMap { Int($0[1]) } }

    func oracle(_ f: ServerFixture) throws -> Oracle { try Oracle(reader: IndexReader(directory: f.index)) }

    /// 跨境电商's synonym group as corpus/synonyms.txt writes it (a plain part searches every form).
    static let forms: [String] = {
        let text = (try? String(contentsOf: Support.corpus.appendingPathComponent("synonyms.txt"), encoding: .utf8)) ?? ""
        let line = text.split(separator: "\n").first { $0.hasPrefix("跨境电商 =") } ?? "跨境电商"
        return line.split(separator: "#")[0].split(separator: "=").map { $0.trimmingCharacters(in: .whitespaces) }
    }()

    /// Passages holding any form of 跨境电商.
    func matching(_ o: Oracle) -> Set<Int> { Self.forms.reduce(into: Set<Int>()) { $0.formUnion(o.passages(containing: $1)) } }

    @Test func searchShowsHighlightedCardsWithBreadcrumbs() async throws {
        let f = try await ServerFixture.shared()
        let html = try await page(f, "/?q=\(enc("跨境电商"))")
        #expect(Self.forms == ["跨境电商", "跨境电子商务"])
        let expected = matching(try oracle(f)).count
        #expect(total(html) == expected)
        let cards = html.components(separatedBy: "<li class=\"hit\"").dropFirst()
        #expect(cards.count == 10)
        for card in cards {
            let marks = matches("<mark>(.*?)</mark>", in: card).map { Oracle.normalize(unescape($0[1])) }
            #expect(!marks.isEmpty && marks.allSatisfy(Self.forms.contains))
            let crumbs = try #require(matches(#"<nav class="crumbs"[^>]*>(.*?)</nav>"#, in: card).first?[1])
            #expect(crumbs.contains("class=\"doc-title\" href=\"/doc/") && crumbs.contains(" › "))
            #expect(card.contains("<details class=\"why\"><summary>得分 ") && card.contains("<td>跨境电商</td>"))
            #expect(card.contains("href=\"/show?id=") && card.contains("href=\"/similar?id="))
        }
        // Each breadcrumb heading links to an anchor that the document view has.
        let first = try #require(matches(##"<a href="(/doc/[^"#]+)#(L\d+)">"##, in: cards.first!).first)
        #expect(try await page(f, first[1]).contains("id=\"\(first[2])\""))
    }

    @Test func facetCountsAreTheFilteredTotalsAndTheLinksFilter() async throws {
        let f = try await ServerFixture.shared()
        let html = try await page(f, "/?q=\(enc("跨境电商"))")
        let facets = matches(#"<a class="facet" href="([^"]+)" data-field="(\w+)">([^<]*)</a> <span class="count">(\d+)</span>"#, in: html)
        #expect(Set(facets.map { $0[2] }) == ["doc", "region", "year"])
        let o = try oracle(f)
        let hits = matching(o)
        func count(_ docs: (String) -> Bool) -> Int { hits.filter { docs(o.documents[$0]) }.count }
        // From the catalog (corpus/catalog.json and the fixture's entry): 成都 is a city of 四川.
        let expected: [String: Int] = [
            "成都市": count { $0.hasPrefix("chengdu-") },
            "四川省": count { $0.hasPrefix("chengdu-") || $0.hasPrefix("sichuan-") || $0 == ServerFixture.hostileName },
            "2021": count { $0 == "chengdu-ecommerce-14th-fyp.txt" || $0 == "chongqing-commerce-14th-fyp.txt" },
            "成都市电子商务发展“十四五”规划": count { $0 == "chengdu-ecommerce-14th-fyp.txt" }
        ]
        for (label, n) in expected {
            let facet = try #require(facets.first { $0[3] == label }, "facet \(label)")
            #expect(Int(facet[4]) == n, "facet \(label)")
        }
        // The years and the undated documents' count add up to the total (a year each, or none).
        let years = facets.filter { $0[2] == "year" }.reduce(0) { $0 + Int($1[4])! }
        let undated = matches(#"<li class="unset">无日期 <span class="count">(\d+)</span></li>"#, in: html).first.map { Int($0[1])! } ?? 0
        #expect(years + undated == total(html) && undated > 0, "\(years) + \(undated)")
        // Clicking a facet: the page it opens reports that many passages, and says which filter.
        for facet in facets {
            let filtered = try await page(f, unescape(facet[1]))
            #expect(total(filtered) == Int(facet[4]), "\(facet[3])")
            #expect(filtered.contains("class=\"chip\""))
            #expect(filtered.contains("class=\"facet active\" href=\"/?q=\(enc("跨境电商"))\" data-field=\"\(facet[2])\""))
        }
    }

    @Test func sharedURLRendersTheSameResultsAsTheAPI() async throws {
        let f = try await ServerFixture.shared()
        let html = try await page(f, "/?q=\(enc("跨境电商"))&region=\(enc("成都"))&page=2")
        let api = try await f.json("/api/search?q=\(enc("跨境电商"))&region=\(enc("成都"))&offset=10&limit=10")
        let ids = matches(#"<a class="pid" href="[^"]+">([^<]+)</a>"#, in: html).map { unescape($0[1]) }
        #expect(ids == (api["hits"] as? [[String: Any]])?.compactMap { $0["passage"] as? String })
        #expect(html.contains("<ol class=\"hits\" start=\"11\">") && total(html) == api["total"] as? Int)
        #expect(html.contains("rel=\"prev\" href=\"/?q=\(enc("跨境电商"))&amp;region=\(enc("成都"))\""))
        #expect(html.contains("<code class=\"query\">跨境电商 region:成都</code>"))
    }

    /// More matches than the server lists: the last page says the list stops there.
    @Test func cappedResultsSaySo() async throws {
        let f = try await ServerFixture.shared()
        let many = try await page(f, "/?q=\(enc("-跨境电商"))&page=100")
        let count = try #require(total(many))
        try #require(count > 1000, "the fixture needs more than 1,000 matches: \(count)")
        #expect(many.contains("class=\"capped\"") && many.contains("前 1000 段"))
        #expect(try await !page(f, "/?q=\(enc("跨境电商"))").contains("class=\"capped\""))
        // A page past the last is refused with the range, not answered empty.
        let past = try await f.get("/?q=\(enc("海外仓"))&page=3")
        #expect(past.status == 400 && past.text.contains("这个查询只有 2 页"), "\(past.status) \(past.text.prefix(300))")
        // The error page keeps the query in the box and links back to its search.
        #expect(past.text.contains("<a href=\"/?q=\(enc("海外仓"))\">返回检索</a>") && past.text.contains("<h1>400 请求有误</h1>"))
    }

    @Test func documentViewAnchorsEveryPassageAndHeading() async throws {
        let f = try await ServerFixture.shared()
        let name = "chongqing-commerce-14th-fyp.txt"
        let html = try await page(f, "/doc/\(name)?q=\(enc("跨境电商"))")
        let docs = try #require(try await f.json("/api/documents")["documents"] as? [[String: Any]])
        let n = try #require(docs.first { $0["doc"] as? String == name }?["passages"] as? Int)
        let ids = matches(#"<div class="passage [^"]+" id="(\d+)">"#, in: html).map { Int($0[1])! }
        #expect(ids == Array(1...n))
        let anchors = Set(matches(#"<span class="anchor" id="(L\d+)">"#, in: html).map { $0[1] })
        let outline = matches(##"<li><a href="#(L\d+)">"##, in: html).map { $0[1] }
        #expect(!outline.isEmpty && outline.allSatisfy(anchors.contains))
        #expect(html.contains("<h2>第一篇 开启全面建设商务强市新征程</h2>") || html.contains(">第一篇"))
        let o = try oracle(f)
        var occurrences = 0
        for p in o.passages.indices where o.documents[p] == name {
            for form in Self.forms { occurrences += o.occurrences(of: form, inPassage: p).count }
        }
        #expect(html.components(separatedBy: "<mark>").count - 1 == occurrences)
        // Exact mode, from a search's links: only the form typed (the oracle's count of 跨境电商 alone).
        let search = try await page(f, "/?q=\(enc("跨境电商"))&exact=1")
        let links = matches(#"href="(/(doc/|show\?)[^"]+)""#, in: search).map { $0[1] }.filter { $0.contains("q=") }
        #expect(!links.isEmpty && links.allSatisfy { $0.contains("exact=1") }, "\(links.prefix(3))")
        let exact = try await page(f, "/doc/\(name)?q=\(enc("跨境电商"))&exact=1")
        var typed = 0
        for p in o.passages.indices where o.documents[p] == name { typed += o.occurrences(of: "跨境电商", inPassage: p).count }
        #expect(typed < occurrences && exact.components(separatedBy: "<mark>").count - 1 == typed)
        // Only passages the whole query selects are marked: 海外仓 -跨境 marks none of the passages
        // where 海外仓 stands with 跨境 (the oracle's), and the count is theirs, as kwic counts.
        let excluded = try await page(f, "/doc/\(name)?q=\(enc("海外仓 -跨境"))&exact=1")
        var kept = 0
        for p in o.passages.indices where o.documents[p] == name && o.occurrences(of: "跨境", inPassage: p).isEmpty {
            kept += o.occurrences(of: "海外仓", inPassage: p).count
        }
        #expect(excluded.components(separatedBy: "<mark>").count - 1 == kept)
        #expect(excluded.contains("：\(kept) 处"))
        let all = o.passages.indices.filter { o.documents[$0] == name }.reduce(0) { $0 + o.occurrences(of: "海外仓", inPassage: $1).count }
        #expect(kept < all, "the document has 海外仓 beside 跨境 (else the check proves nothing)")
    }

    /// A long query that occurs nowhere as written is searched as its words (跨境电商海外仓 →
    /// 跨境电商 + 海外仓): the page a result links to marks those words, as the result did, in the
    /// passages holding both (the oracle's count, 跨境电商 exactly with exact=1).
    @Test func documentViewMarksTheWordsOfAnUnmatchedQuery() async throws {
        let f = try await ServerFixture.shared()
        let name = "chengdu-ecommerce-14th-fyp.txt"
        let o = try oracle(f)
        var expected = 0
        for p in o.passages.indices where o.documents[p] == name {
            let a = o.occurrences(of: "跨境电商", inPassage: p).count, b = o.occurrences(of: "海外仓", inPassage: p).count
            if a > 0 && b > 0 { expected += a + b }
        }
        let html = try await page(f, "/doc/\(name)?q=\(enc("跨境电商海外仓"))&exact=1")
        #expect(expected > 0 && html.components(separatedBy: "<mark>").count - 1 == expected)
    }

    @Test func showPageHasTheNeighboursWithTheirPaths() async throws {
        let f = try await ServerFixture.shared()
        let id = "chongqing-commerce-14th-fyp.txt#42"
        let html = try await page(f, "/show?id=\(enc(id))&context=2")
        let api = try #require(try await f.json("/api/passage?id=\(enc(id))&context=2")["passages"] as? [[String: Any]])
        let sections = html.components(separatedBy: "<section class=\"ctx").dropFirst()
        #expect(sections.count == api.count && api.count == 5)
        let current = try #require(sections.first { $0.hasPrefix(" current") })
        let text = try #require(api.first { $0["current"] as? Bool == true }?["text"] as? String)
        #expect(unescape(current).contains(text))
        #expect(current.contains("href=\"/doc/chongqing-commerce-14th-fyp.txt#42\""))
        // Each path reads document › headings, with no separator left dangling at its end.
        #expect(!html.contains("<span class=\"sep\"> › </span></nav>") && current.contains("class=\"doc-title\""))
    }

    @Test func suggestionsWhenNothingMatches() async throws {
        let f = try await ServerFixture.shared()
        // 跨竟电商 (a wrong 竟) matches nothing; the index holds 跨境电商.
        let html = try await page(f, "/?q=\(enc("跨竟电商 海外仓"))")
        #expect(total(html) == 0)
        #expect(html.contains("<a href=\"/?q=\(enc("跨境电商 海外仓"))\">跨境电商</a>"))
        // Its count is that of the search the link runs, not of 跨境电商 alone.
        let linked = try await f.json("/api/search?q=\(enc("跨境电商 海外仓"))&limit=1")
        let alone = try await f.json("/api/search?q=\(enc("跨境电商"))&limit=1")
        let n = try #require(linked["total"] as? Int)
        #expect(n < (alone["total"] as? Int ?? 0))
        #expect(html.contains(">跨境电商</a>（\(n) 段）"), "\(html.components(separatedBy: "suggest").dropFirst().first?.prefix(300) ?? "")")
    }

    @Test func malformedQueryExplainsAndPoints() async throws {
        let f = try await ServerFixture.shared()
        let html = try await page(f, "/?q=\(enc("跨境电商 \"海外仓"))", status: 400)
        // Said in Chinese, as the page is (the API keeps the English message).
        #expect(html.contains("class=\"error\"") && html.contains("引号不配对"))
        #expect(html.contains("<pre class=\"pointer\">跨境电商 &quot;海外仓\n         ^</pre>"))
        #expect(html.contains("id=\"syntax\""))
        let api = try await f.get("/api/search?q=\(enc("跨境电商 \"海外仓"))")
        #expect(api.status == 400 && api.text.contains("unbalanced quote"))
        // Notes too: the synonym expansion of the bundled starter set, and a kwic page's.
        let notes = try await page(f, "/?q=\(enc("跨境电商"))")
        #expect(notes.contains("“跨境电商”同时检索了同义词 “跨境电子商务”") && !notes.contains("also searched as"))
        let kwic = try await page(f, "/kwic?q=\(enc("营商环境优化"))")
        #expect(kwic.contains("原文未出现，计为 0") && !kwic.contains("occurs nowhere"))
    }

    @Test func homeHelpAndDocuments() async throws {
        let f = try await ServerFixture.shared()
        let home = try await page(f, "/")
        #expect(home.contains("6 份政策文件") && home.contains("id=\"syntax\"") && home.contains("name=\"q\" value=\"\""))
        #expect(try await page(f, "/help").contains("NEAR/20(跨境电商, 海外仓)"))
        let list = try await page(f, "/documents")
        #expect(list.contains("<h1>文档（6）</h1>") && list.contains("href=\"/doc/chongqing-commerce-14th-fyp.txt\""))
        #expect(try await page(f, "/missing", status: 404).contains("404"))
    }

    @Test func reuseAndSimilarPagesShowThePairsSideBySide() async throws {
        let f = try await ServerFixture.shared()
        let html = try await page(f, "/reuse?min=0.8")
        let pairs = try #require(try await f.json("/api/reuse?min=0.8")["pairs"] as? [[String: Any]])
        #expect(!pairs.isEmpty && html.components(separatedBy: "<div class=\"pair\">").count - 1 == pairs.count)
        #expect(html.contains("<del>") || html.contains("<ins>"))
        #expect(html.contains("href=\"/reuse/download?min=0.8&amp;format=md\""))
        // The page's words in Chinese, as the site's are (the downloads keep the command's English):
        // the pair count the note gives is the API's.
        #expect(html.contains("<h1>条款复用</h1>") && html.contains("相似度 ≥ 0.80 的条款 \(pairs.count) 对"), "\(html.prefix(1500))")
        #expect(html.contains("的文字见于 B") && !html.contains("Clause reuse") && !html.contains("of its text in"))
        let md = try await f.get("/reuse/download?min=0.8&format=md")
        #expect(md.status == 200 && md.text.hasPrefix("# Clause reuse"))
        // ?format= on the page itself, as the other research pages take it; a format it cannot write is refused.
        #expect(try await f.get("/reuse?min=0.8&format=md").text == md.text)
        let xlsx = try await f.get("/reuse?min=0.8&format=xlsx")
        #expect(xlsx.status == 400 && xlsx.text.contains("格式只能是 md、html 或 json"))
        let similar = try await page(f, "/similar?id=\(enc("chengdu-ecommerce-14th-fyp.txt#115"))")
        #expect(similar.contains("href=\"/doc/chengdu-services-14th-fyp.txt#307\""))
        #expect(similar.contains("<del>and</del>") && similar.contains("<ins>和</ins>"))
        #expect(similar.contains("与 chengdu-ecommerce-14th-fyp.txt#115（第 ") && similar.contains(" 相似的段落</h1>"))
        #expect(similar.contains("其他文档中相似度或包含度 ≥ ") && !similar.contains("Passages similar to"))
    }
}
