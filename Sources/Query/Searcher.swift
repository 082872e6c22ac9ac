import Analysis
import Foundation
import Index
import Ingestion

public struct SearchOptions: Sendable {
    /// Hits to return; nil returns all.
    public var limit: Int?
    public var bm25: BM25
    /// Also rank documents by their best passage.
    public var rankDocuments: Bool

    public init(limit: Int? = 10, bm25: BM25 = BM25(), rankDocuments: Bool = false) {
        self.limit = limit
        self.bm25 = bm25
        self.rankDocuments = rankDocuments
    }
}

/// Runs queries against an index.
///
/// Every part is an exact phrase of normalized characters (`PhraseMatcher`), so the passages found
/// are exactly those whose normalized text contains the parts (AND across clauses, OR within one,
/// none of the excluded). Ranking is BM25 (`BM25`) with two visible adjustments for readers:
/// - a stand-alone heading line is ×0.5: it only names the topic; its section's paragraphs say
///   something about it, and they are lifted instead:
/// - a passage whose heading path or 专栏 title contains a matched part is ×1.25.
public final class Searcher {
    public static let headingLineBoost = Boost(factor: 0.5, reason: "heading line: the section's paragraphs carry the content")
    public static let sectionBoostFactor = 1.25

    public let reader: IndexReader
    private let normalizer = Normalizer()
    private var analyzer: Analyzer?

    public init(reader: IndexReader) {
        self.reader = reader
    }

    struct Term {
        var text: String
        var scalars: [UInt32]
        var matches: PhraseMatches
    }

    public func search(_ query: String, options: SearchOptions = SearchOptions()) throws -> SearchResults {
        let parsed = try QueryParser.parse(query)
        var notes: [String] = []
        var clauses: [[Term]] = []
        for clause in parsed.clauses {
            let terms = try clause.compactMap(term)
            guard !terms.isEmpty else {
                throw QueryError(message: "“\(clause.map(\.text).joined(separator: " OR "))” has nothing to search for after normalization")
            }
            if terms.count == 1, !clause[0].quoted, terms[0].matches.count == 0, let split = try fallback(terms[0]) {
                notes.append("No exact match for “\(terms[0].text)”; searched its words \(split.map { "“\($0.text)”" }.joined(separator: " + ")) instead (quote it to require the exact phrase)")
                clauses.append(contentsOf: split.map { [$0] })
            } else {
                clauses.append(terms)
            }
        }
        let excluded = try parsed.excluded.compactMap(term)

        // Candidates: every clause matches, no exclusion does, the document passes the filters.
        var candidates: [Int32]? = nil
        for clause in clauses {
            var union = Set<Int32>()
            for t in clause { union.formUnion(t.matches.passages) }
            candidates = candidates.map { $0.filter(union.contains) } ?? union.sorted()
        }
        var passages = candidates ?? []
        if !excluded.isEmpty {
            let out = Set(excluded.flatMap(\.matches.passages))
            passages.removeAll(where: out.contains)
        }
        if !parsed.documentFilters.isEmpty {
            let allowed = try allowedPassages(parsed.documentFilters)
            passages.removeAll { p in !allowed.contains { $0.contains(Int(p)) } }
        }

        // Score: BM25 for all, boosts in order of BM25 until no remaining passage can enter the top.
        let n = reader.passageCount
        let avgdl = reader.averageLength
        var scored: [(passage: Int32, bm25: Double, explanation: Explanation?)] = []
        scored.reserveCapacity(passages.count)
        for p in passages {
            let record = try reader.passageRecord(Int(p))
            var terms: [Explanation.Term] = []
            var sum = 0.0
            for clause in clauses {
                for t in clause {
                    guard let i = t.matches.index(of: p) else { continue }
                    let tf = t.matches.starts[i].count
                    let df = t.matches.count
                    let idf = options.bm25.idf(documentFrequency: df, count: n)
                    let s = options.bm25.termScore(tf: tf, idf: idf, length: record.words, averageLength: avgdl)
                    terms.append(.init(part: t.text, tf: tf, df: df, idf: idf, score: s))
                    sum += s
                }
            }
            scored.append((p, sum, Explanation(N: n, avgdl: avgdl, dl: record.words, k1: options.bm25.k1, b: options.bm25.b,
                                               terms: terms, bm25: sum, boosts: [], score: sum)))
        }
        scored.sort { $0.bm25 != $1.bm25 ? $0.bm25 > $1.bm25 : $0.passage < $1.passage }

        // Boosts are at most `sectionBoostFactor`: once a passage's BM25 times that falls below the
        // k-th best final score, no later passage (lower BM25) can enter the top k.
        let matchedTerms = clauses.flatMap { $0 }
        let limit = options.limit ?? Int.max
        let exhaustive = options.limit == nil || options.rankDocuments
        var final: [(passage: Int32, score: Double, explanation: Explanation)] = []
        func precedes(_ a: (passage: Int32, score: Double, explanation: Explanation), _ b: (passage: Int32, score: Double, explanation: Explanation)) -> Bool {
            a.score != b.score ? a.score > b.score : a.passage < b.passage
        }
        for s in scored {
            if !exhaustive, final.count >= limit, limit == 0 || s.bm25 * Self.sectionBoostFactor < final[limit - 1].score { break }
            var e = s.explanation!
            e.boosts = try boosts(for: Int(s.passage), terms: matchedTerms)
            e.score = e.boosts.reduce(e.bm25) { $0 * $1.factor }
            let entry = (s.passage, e.score, e)
            var lo = 0, hi = final.count
            while lo < hi { let mid = (lo + hi) / 2; if precedes(final[mid], entry) { lo = mid + 1 } else { hi = mid } }
            final.insert(entry, at: lo)
            if !exhaustive, final.count > limit { final.removeLast() }
        }

        var documents: [DocumentHit] = []
        if options.rankDocuments {
            var best: [Int: (Double, Int32, Int)] = [:]
            for f in final {
                let d = try reader.passageRecord(Int(f.passage)).document
                if let b = best[d] { best[d] = (b.0, b.1, b.2 + 1) } else { best[d] = (f.score, f.passage, 1) }
            }
            documents = try best.sorted { $0.value.0 != $1.value.0 ? $0.value.0 > $1.value.0 : $0.value.1 < $1.value.1 }
                .map { DocumentHit(document: try reader.documentInfo($0.key), bestScore: $0.value.0, passages: $0.value.2) }
        }

        var hits: [Hit] = []
        for (rank, f) in final.prefix(limit).enumerated() {
            let stored = try reader.passage(Int(f.passage))
            hits.append(Hit(rank: rank + 1, score: f.score, document: try reader.documentInfo(stored.record.document),
                            passage: stored, passageID: try PassageReference.format(reader, passage: Int(f.passage)), highlights: highlights(in: stored.text, passage: f.passage, terms: matchedTerms),
                            explanation: f.explanation))
        }
        return SearchResults(query: query, total: passages.count, hits: hits, notes: notes, documents: documents)
    }

    private func term(_ part: ParsedQuery.Part) throws -> Term? {
        let scalars = normalizer.fold(part.text)
        guard !scalars.isEmpty else { return nil }
        return Term(text: part.text, scalars: scalars, matches: try PhraseMatcher.match(scalars, in: reader))
    }

    /// A long run of Chinese with no exact match is split into ICU words (ANDed).
    private func fallback(_ t: Term) throws -> [Term]? {
        let han = t.scalars.filter { $0 >= 0x3400 }.count
        guard han >= 4 else { return nil }
        if analyzer == nil { analyzer = try Analyzer() }
        let words = analyzer!.queryWords(t.text).filter { !normalizer.fold($0).isEmpty }
        guard words.count >= 2 else { return nil }
        return try words.compactMap { try term(.init(text: $0, quoted: true)) }
    }

    private func boosts(for passage: Int, terms: [Term]) throws -> [Boost] {
        let stored = try reader.passage(passage)
        if stored.record.kind == .heading { return [Self.headingLineBoost] }
        let context = normalizer.fold(([stored.box ?? ""] + stored.path).joined(separator: "\u{1F}"))
        for t in terms where t.matches.index(of: Int32(passage)) != nil && contains(context, t.scalars) {
            return [Boost(factor: Self.sectionBoostFactor, reason: "section heading mentions “\(t.text)”")]
        }
        return []
    }

    private func contains(_ haystack: [UInt32], _ needle: [UInt32]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }

    private func highlights(in text: String, passage: Int32, terms: [Term]) -> [Range<Int>] {
        let normalized = normalizer.normalize(text)
        var spans: [Range<Int>] = []
        for t in terms {
            guard let i = t.matches.index(of: passage) else { continue }
            for s in t.matches.starts[i] {
                let lo = Int(s), hi = Int(s) + t.scalars.count - 1
                guard hi < normalized.sourceOffsets.count else { continue }
                spans.append(Int(normalized.sourceOffsets[lo])..<(Int(normalized.sourceOffsets[hi]) + 1))
            }
        }
        spans.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for s in spans {
            if let last = merged.last, s.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, s.upperBound)
            } else {
                merged.append(s)
            }
        }
        return merged
    }

    private func allowedPassages(_ filters: [String]) throws -> [Range<Int>] {
        let keys = filters.map { $0.lowercased() }
        var ranges: [Range<Int>] = []
        for d in 0..<reader.documentCount {
            let info = try reader.documentInfo(d)
            let hay = (info.name + "\u{1F}" + info.title).lowercased()
            if keys.contains(where: { hay.contains($0) }) { ranges.append(try reader.passageRange(ofDocument: d)) }
        }
        return ranges
    }
}
