import Foundation
import TestSupport
import Testing

/// Every API endpoint answers with the JSON its CLI command prints for the same request on the same
/// index (the README's contracts): compared as parsed JSON, value for value.
@Suite struct APIContractTests {
    func same(_ api: [String: Any], _ cli: [String: Any], _ what: String) {
        #expect(NSDictionary(dictionary: api).isEqual(to: cli), "\(what): API and CLI JSON differ")
    }

    @Test func searchEqualsCLI() async throws {
        let f = try await ServerFixture.shared()
        let cases: [(api: String, cli: [String])] = [
            ("q=\(enc("跨境电商"))&limit=5&explain=true", ["search", "跨境电商", "--json", "--limit", "5", "--explain"]),
            ("q=\(enc("跨境电商"))&region=\(enc("四川"))", ["search", "跨境电商 region:四川", "--json"]),
            ("q=\(enc("电商 -跨境"))&documents=1&limit=3", ["search", "电商 -跨境", "--json", "--documents", "--limit", "3"]),
            ("q=\(enc("\"优化营商环境\" OR 海外仓"))&year=2021", ["search", "\"优化营商环境\" OR 海外仓 year:2021", "--json"]),
            ("q=\(enc("数字经济"))&k1=2&b=0.5&limit=4", ["search", "数字经济", "--json", "--k1", "2", "--b", "0.5", "--limit", "4"]),
            ("q=\(enc("量子纠缠"))", ["search", "量子纠缠", "--json"]),
            ("q=\(enc("跨境电商"))&exact=1&plain=1&limit=3", ["search", "跨境电商", "--json", "--exact", "--plain", "--limit", "3"]),
            ("q=\(enc("跨竟电商"))", ["search", "跨竟电商", "--json"])
        ]
        for c in cases {
            let api = try await f.json("/api/search?" + c.api)
            same(api, try await f.cli(c.cli), c.api)
            #expect(api["query"] != nil && api["hits"] is [Any])
        }
    }

    @Test func offsetPagesThroughTheSameRanking() async throws {
        let f = try await ServerFixture.shared()
        let page2 = try await f.json("/api/search?q=\(enc("跨境电商"))&offset=5&limit=5")
        let top10 = try await f.cli(["search", "跨境电商", "--json", "--limit", "10"])
        let hits = try #require(page2["hits"] as? [[String: Any]])
        let expected = try #require(top10["hits"] as? [[String: Any]])
        #expect(hits.map { $0["rank"] as? Int } == Array(6...10))
        #expect(NSArray(array: hits).isEqual(to: Array(expected[5...])))
        #expect(page2["total"] as? Int == top10["total"] as? Int)
    }

    @Test func passageEqualsShow() async throws {
        let f = try await ServerFixture.shared()
        for (id, context) in [("chongqing-commerce-14th-fyp.txt#42", 2), ("chengdu-ecommerce-14th-fyp.txt#1", 3)] {
            let api = try await f.json("/api/passage?id=\(enc(id))&context=\(context)")
            same(api, try await f.cli(["show", id, "--json", "--context", "\(context)"]), id)
            let items = try #require(api["passages"] as? [[String: Any]])
            #expect(items.filter { $0["current"] as? Bool == true }.map { $0["passage"] as? String } == [id])
        }
    }

    @Test func outlineEqualsOutlineOfTheFile() async throws {
        let f = try await ServerFixture.shared()
        for name in ["chongqing-commerce-14th-fyp.txt", "chengdu-services-14th-fyp.txt"] {
            let api = try await f.json("/api/outline?doc=\(enc(name))")
            let file = f.corpus.appendingPathComponent(name).path
            same(api, try await ServerFixture.cli(["outline", file, "--json"]), name)
        }
        // The issuing notice (重庆市人民政府办公厅关于印发…的通知, lines 3–), then 第一篇 … 第五篇, read from the plan.
        let parts = try await f.json("/api/outline?doc=chongqing-commerce-14th-fyp.txt")["headings"] as? [[String: Any]]
        #expect(parts?.map { $0["label"] as? String } == ["发文通知", "第一篇", "第二篇", "第三篇", "第四篇", "第五篇"])
        #expect(parts?.first?["line"] as? Int == 3)
    }

    @Test func statsEqualsCLI() async throws {
        let f = try await ServerFixture.shared()
        same(try await f.json("/api/stats"), try await f.cli(["stats", "--json"]), "stats")
    }

    @Test func reuseAndSimilarEqualCLI() async throws {
        let f = try await ServerFixture.shared()
        same(try await f.json("/api/reuse?min=0.8"), try await f.cli(["reuse", "--min", "0.8", "--format", "json"]), "reuse")
        same(
            try await f.json("/api/reuse?min=0.6&docs=\(enc("成都"))&minLength=30"),
            try await f.cli(["reuse", "--min", "0.6", "--docs", "成都", "--min-length", "30", "--format", "json"]), "reuse --docs")
        let id = "chengdu-ecommerce-14th-fyp.txt#115"
        let similar = try await f.json("/api/similar?id=\(enc(id))")
        same(similar, try await f.cli(["similar", id, "--json"]), "similar")
        // The 智慧文旅 clause's edited copy in the services plan (README, "Clause reuse").
        let pairs = try #require(similar["pairs"] as? [[String: Any]])
        #expect(pairs.contains { ($0["b"] as? [String: Any])?["passage"] as? String == "chengdu-services-14th-fyp.txt#307" })
        let text = "整合产学研等各相关机构、业内企业和专业人士共同创建成都全域旅游大数据联合创新实验室"
        same(
            try await f.json("/api/similar?text=\(enc(text))&min=0.2&limit=3"),
            try await f.cli(["similar", "--text", text, "--json", "--min", "0.2", "--limit", "3"]), "similar --text")
    }

    @Test func documentsListsEveryIndexedDocumentWithItsCatalogFacts() async throws {
        let f = try await ServerFixture.shared()
        let docs = try #require(try await f.json("/api/documents")["documents"] as? [[String: Any]])
        let catalog = try JSONSerialization.jsonObject(with: Data(contentsOf: Support.corpus.appendingPathComponent("catalog.json")))
        let names = Set(Array((catalog as? [String: Any] ?? [:]).keys) + [ServerFixture.hostileName])
        #expect(Set(docs.compactMap { $0["doc"] as? String }) == names)
        let chongqing = try #require(docs.first { $0["doc"] as? String == "chongqing-commerce-14th-fyp.txt" })
        #expect(chongqing["region"] as? String == "重庆市" && chongqing["date"] as? String == "2021-11-12")
        #expect(chongqing["issuer"] as? String == "重庆市人民政府办公厅" && chongqing["regionInferred"] as? Bool == false)
        #expect(chongqing["dateInferred"] as? Bool == false)
        let stats = try await f.json("/api/stats")
        #expect(docs.reduce(0) { $0 + ($1["passages"] as? Int ?? 0) } == stats["passages"] as? Int)
    }
}
