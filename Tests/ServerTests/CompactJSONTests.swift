import Analysis
import Foundation
import Index
import Query
import Research
import Testing

/// The server writes /api/search with `SearchJSON.compactJSON()`; it must be byte for byte what
/// the Encodable shape gives through `JSONEncoder`, which the CLI prints.
@Suite struct CompactJSONTests {
    @Test func compactWriterEqualsJSONEncoder() async throws {
        let f = try await ServerFixture.shared()
        let searcher = Searcher(reader: try IndexReader(directory: f.index))
        searcher.synonyms = try SynonymTable.load(f.corpus.appendingPathComponent(SynonymTable.fileName), normalizer: Normalizer())
        let queries = [
            "跨境电商", "电商 -跨境", "\"优化营商环境\" OR 海外仓", "发展", "港", "NEAR/20(跨境电商, 海外仓)", "window.pwned", "脚本 OR 引号",
            "跨境电商海外仓建设", "量子纠缠", "跨境电商 region:四川 year:2021..2023", "RCEP", "跨竟电商", "电子商务 -跨境"
        ]
        for q in queries {
            for (explain, documents) in [(false, false), (true, false), (true, true)] {
                let results = try searcher.search(q, options: SearchOptions(limit: 25, rankDocuments: documents))
                for offset in [0, 3] {
                    let value = SearchJSON(results, explain: explain, documents: documents, offset: offset)
                    let fast = String(decoding: value.compactJSON(), as: UTF8.self)
                    let reference = String(decoding: try JSONShapes.encode(value, pretty: false), as: UTF8.self)
                    // On a difference, say where: the texts from the first differing character.
                    let at = zip(fast, reference).prefix { $0 == $1 }.count
                    let shown = "“\(fast.dropFirst(at).prefix(80))” where JSONEncoder wrote “\(reference.dropFirst(at).prefix(80))”"
                    #expect(fast == reference, "\(q) explain \(explain) documents \(documents): \(shown)")
                }
            }
        }
    }

    @Test func escapesAndNumbers() throws {
        var w = CompactJSON()
        w.array(["a\"b\\c\n\t\r\u{8}\u{C}\u{1}\u{1F}/é中", "\u{2028}"]) { w, s in w.string(s) }
        let reference = try JSONEncoder().encode(["a\"b\\c\n\t\r\u{8}\u{C}\u{1}\u{1F}/é中", "\u{2028}"])
        let parsed = try JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String]
        #expect(parsed == ["a\"b\\c\n\t\r\u{8}\u{C}\u{1}\u{1F}/é中", "\u{2028}"])
        #expect(try JSONSerialization.jsonObject(with: reference) as? [String] == parsed)
        for x in [0.0, 1.0, -2.0, 1.25, 6.353783796433529, 1e-7, 123456789.5, 1e20, 0.1 + 0.2] {
            var d = CompactJSON()
            d.double(x)
            let e = JSONEncoder()
            #expect(d.bytes == Array(try e.encode(x)), "\(x)")
        }
    }
}
