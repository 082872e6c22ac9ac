import Foundation
import Index
import Query
import TestSupport
import Testing

/// A document printed in Traditional characters gets the facts of its Simplified twin — region,
/// date, document number and issuer (joint issuers apart) — each as printed, so `region:重庆` and
/// `issuer:中国人民银行` select it: every bundled and development document, converted by OpenCC.
@Suite struct TraditionalFactsTests {
    static func facts(_ files: [(name: String, text: String)], in dir: URL) throws -> [String: DocumentFacts] {
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        var urls: [URL] = []
        for f in files {
            let url = docs.appendingPathComponent(f.name)
            try Support.write(f.text, to: url)
            urls.append(url)
        }
        _ = try IndexBuilder.build(sources: urls, into: dir.appendingPathComponent("index"))
        let searcher = Searcher(reader: try IndexReader(directory: dir.appendingPathComponent("index")))
        return Dictionary(uniqueKeysWithValues: try searcher.documents().map { ($0.name, $0) })
    }

    @Test func aTraditionalCopyHasItsTwinsFacts() throws {
        let originals = try Support.plainDocuments.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
        let simplified = try Self.facts(originals, in: try Support.temporaryDirectory("facts-s"))
        let traditional = try Self.facts(
            try originals.map { ($0.0, try Support.traditional($0.1)) }, in: try Support.temporaryDirectory("facts-t"))
        #expect(simplified.count == originals.count && traditional.count == originals.count)
        func simplifiedForm(_ s: String?) throws -> String? { try s.map { try Support.convert($0, "t2s.json") } }
        for (name, s) in simplified {
            let t = try #require(traditional[name])
            #expect(t.region == s.region && t.date == s.date, "\(name): \(t.region ?? "-") \(t.date ?? "-")")
            #expect(try simplifiedForm(t.issuer) == s.issuer, "\(name): issuer \(t.issuer ?? "-") for \(s.issuer ?? "-")")
            #expect(try simplifiedForm(t.number) == s.number, "\(name): number \(t.number ?? "-") for \(s.number ?? "-")")
            // As printed: the Traditional copy's own characters.
            if let issuer = t.issuer, issuer != s.issuer { #expect(try Support.traditional(s.issuer ?? "") == issuer, "\(name)") }
        }
        #expect(traditional.values.contains { $0.issuer == "中國人民銀行、農業農村部" })
    }
}
