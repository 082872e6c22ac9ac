import Foundation
import Index
import Query
import Research
import TestSupport

/// Indexes for the compare, kwic and report suites: the bundled corpus, and a small hostile corpus
/// (markup, ampersands, quotes and commas in the text, a catalog title with a line break and <script>).
enum ResearchFixture {
    static let corpusIndex: URL = build([Support.corpus], "corpus")
    static let reader = try! IndexReader(directory: corpusIndex)
    static let oracle = try! Oracle(reader: reader)

    /// The hostile corpus's folder and index.
    static let hostileCorpus: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-research-hostile-corpus-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try! Support.write(hostileText, to: dir.appendingPathComponent("hostile.txt"))
        try! Support.write(
            #"{"hostile.txt": {"title": "<script>alert(1)</script> 标题, 含 \"引号\"\n与换行 & 符号", "region": "测试省"}}"#,
            to: dir.appendingPathComponent("catalog.json"))
        return dir
    }()
    static let hostileIndex: URL = build([hostileCorpus], "hostile")
    static let hostileReader = try! IndexReader(directory: hostileIndex)

    /// Written for these tests: markup-like text survives cleaning as text (a < b > c, A&B, "C, D").
    static let hostileText = """
        测试文件

        一、总体要求

        跨境电商企业应当注意 a < b > c 的写法，A&B 公司与 "C, D" 联盟、&lt;script&gt; 这样的实体文本。

        二、主要任务

        跨境电商交易额达到1200亿元，培育20个跨境电商产业园。

        """

    static func build(_ sources: [URL], _ name: String) -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-research-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        _ = try! IndexBuilder.build(sources: sources, into: dir, rebuild: true)
        return dir
    }

    /// The oracle's passages of each document (global passage ids), by file name.
    static func oraclePassages(containing term: String) -> [String: Set<Int>] {
        var out: [String: Set<Int>] = [:]
        for p in oracle.passages(containing: term) { out[oracle.documents[p], default: []].insert(p) }
        return out
    }

    /// Runs the built CLI with the corpus index.
    static func run(_ arguments: [String]) throws -> Support.Output { try Support.run(arguments + ["--index", corpusIndex.path]) }
}
