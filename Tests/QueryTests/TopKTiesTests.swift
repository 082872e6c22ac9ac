import Foundation
import Index
import Query
import TestSupport
import Testing

/// Top-k is exactly the first k of the full ranking, also where many passages tie: the bundled
/// corpus copied three times (each passage and its score three times over, as in the benchmark's
/// replicated corpora). Checks the staged boost bounds (a candidate's text is read only when its
/// record and path let it enter), the lead cache carried across searches, and the block-max path
/// over the planner's postings, each against the plain full ranking (`limit: nil`).
@Suite struct TopKTiesTests {
    static let directory: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-ties-\(getpid())")
        let source = root.appendingPathComponent("corpus")
        try? FileManager.default.removeItem(at: root)
        try! FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        let files = try! FileManager.default.contentsOfDirectory(at: Support.corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" && $0.lastPathComponent != "synonyms.txt" }
        for copy in 1...3 {
            for f in files {
                try! FileManager.default.copyItem(at: f, to: source.appendingPathComponent("copy\(copy)-\(f.lastPathComponent)"))
            }
        }
        let index = root.appendingPathComponent("index")
        _ = try! IndexBuilder.build(sources: [source], into: index, rebuild: true)
        return index
    }()

    static let reader = try! IndexReader(directory: directory)

    @Test(arguments: [
        "成都 重庆", "海外仓", "数字经济 服务贸易", "\"推动跨境电商\"", "\"加快发展\"", "电商", "的", "港", "发展", "电商 -跨境",
        "冷链物流 OR 中欧班列", "跨境电商 海外仓", "蒲江县", "蒲江", "蒲江 发展", "港 -的"
    ])
    func topKIsThePrefixOfTheFullRanking(_ query: String) throws {
        let searcher = Searcher(reader: Self.reader)
        let full = try searcher.search(query, options: SearchOptions(limit: nil, explain: true))
        #expect(full.total >= 3 && full.total % 3 == 0, "every passage is there three times")
        for k in [1, 10, 25] {
            // Twice: the second search finds the leads the first one cached.
            for _ in 0..<2 {
                let top = try searcher.search(query, options: SearchOptions(limit: k, explain: true))
                #expect(top.total == full.total)
                #expect(top.hits.map(\.passage.id) == full.hits.prefix(k).map(\.passage.id))
                for (a, b) in zip(top.hits, full.hits) {
                    #expect(abs(a.score - b.score) < 1e-12)
                    #expect(a.explanation == b.explanation)
                }
            }
        }
        let fresh = try Searcher(reader: Self.reader).search(query, options: SearchOptions(limit: 10, explain: true))
        #expect(fresh.hits.map(\.passage.id) == full.hits.prefix(10).map(\.passage.id))
    }

    /// Phrases whose rarest bigram lies outside the cover (offsets 0, 2, …, L−2) and drives the
    /// intersection: the passages grep finds, each with grep's count of occurrences as its tf.
    @Test(arguments: ["加快发展", "推动跨境电商", "建设国际消费中心城市", "数字经济", "服务贸易", "高质量发展", "优化营商环境", "跨境电子商务"])
    func phrasesDrivenByTheirRarestBigramMatchTheOracle(_ phrase: String) throws {
        let results = try Fixture.search("\"\(phrase)\"", limit: nil)
        let expected = Fixture.oracle(phrase)
        #expect(!expected.isEmpty)
        #expect(Set(results.hits.map(\.passage.id)) == expected)
        for hit in results.hits {
            let grepCount = Fixture.grep.passages[hit.passage.id].components(separatedBy: phrase).count - 1
            #expect(hit.explanation?.terms.first?.tf == grepCount)
        }
    }
}
