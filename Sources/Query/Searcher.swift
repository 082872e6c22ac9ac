import Analysis
import Foundation
import Index

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

/// Runs queries against an index. One `Searcher` per thread (it caches normalized heading paths);
/// the `IndexReader` underneath may be shared.
///
/// Every part is an exact phrase of normalized characters (`PhraseMatcher`), so the passages found
/// are exactly those whose normalized text contains the parts (AND across clauses, OR within one,
/// none of the excluded). Ranking is BM25 (`BM25`) with two visible adjustments for readers:
/// - a stand-alone heading line is ×0.5: it only names the topic; its section's paragraphs say
///   something about it, and they are lifted instead:
/// - a passage whose heading path or 专栏 title contains a matched part is ×1.25.
///
/// Top-k without scoring everything twice: BM25 is computed for every match (it is cheap: tf from
/// the postings, dl from a dense array); boosts, which need the passage's record and path, are
/// computed for the best k by BM25 and then only for passages whose BM25 × 1.25 could still beat
/// the k-th final score.
public final class Searcher {
    public static let headingLineBoost = Boost(factor: 0.5, reason: "heading line: the section's paragraphs carry the content")
    public static let sectionBoostFactor = 1.25

    public let reader: IndexReader
    let normalizer = Normalizer()
    private var analyzer: Analyzer?
    private var foldedPaths: [Int: [UInt32]] = [:]

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
        if let fast = try searchSingleTerm(query, parsed, options: options) { return fast }
        let (clauses, excluded, notes) = try resolve(parsed)
        let passages = try candidates(clauses: clauses, excluded: excluded, filters: parsed.documentFilters)

        // BM25 of every candidate, walking each term's matches in step with the candidates.
        let terms = clauses.flatMap { $0 }
        let n = reader.passageCount
        let avgdl = reader.averageLength
        let idfs = terms.map { options.bm25.idf(documentFrequency: $0.matches.count, count: n) }
        let lengths = try reader.lengths()
        var bm25 = [Double](repeating: 0, count: passages.count)
        var cursors = [Int](repeating: 0, count: terms.count)
        let termPassages = terms.map(\.matches.passages), termTFs = terms.map(\.matches.tfs)
        let bm = options.bm25
        for (i, p) in passages.enumerated() {
            let dl = Int(lengths[Int(p)])
            var sum = 0.0
            for k in termPassages.indices {
                var c = cursors[k]
                termPassages[k].withUnsafeBufferPointer { ps in
                    while c < ps.count, ps[c] < p { c += 1 }
                    if c < ps.count, ps[c] == p {
                        sum += bm.termScore(tf: Int(termTFs[k][c]), idf: idfs[k], length: dl, averageLength: avgdl)
                    }
                }
                cursors[k] = c
            }
            bm25[i] = sum
        }

        let limit = options.limit ?? Int.max
        var boostCache: [Int: [Int]] = [:]
        func finalScore(_ i: Int) throws -> (score: Double, boosts: [Boost]) {
            let p = passages[i]
            let b = try self.boosts(for: Int(p), terms: terms, matched: { terms[$0].matches.index(of: p) != nil }, cache: &boostCache)
            return (b.reduce(bm25[i]) { $0 * $1.factor }, b)
        }
        // Ranked entries carry the candidate's index in `passages`.
        var ranked: [TopK<Int>.Entry] = []
        if options.limit == nil || options.rankDocuments {
            ranked = try passages.indices.map { TopK.Entry(passage: passages[$0], score: try finalScore($0).score, payload: $0) }
            ranked.sort(by: TopK.precedes)
        } else {
            // The best k by BM25 get their boosts; then anyone whose BM25 × the largest boost could
            // still reach the k-th final score.
            var byBM25 = TopK<Int>(limit)
            for i in passages.indices where byBM25.admits(passages[i], bm25[i]) {
                byBM25.insert(.init(passage: passages[i], score: bm25[i], payload: i))
            }
            var top = TopK<Int>(limit)
            var seen = [Bool](repeating: false, count: passages.count)
            for e in byBM25.entries {
                seen[e.payload] = true
                top.insert(.init(passage: e.passage, score: try finalScore(e.payload).score, payload: e.payload))
            }
            for i in passages.indices where !seen[i] && bm25[i] * Self.sectionBoostFactor >= top.threshold {
                top.insert(.init(passage: passages[i], score: try finalScore(i).score, payload: i))
            }
            ranked = top.entries
        }

        var documents: [DocumentHit] = []
        if options.rankDocuments {
            var best: [Int: (score: Double, rank: Int, count: Int)] = [:]
            for (r, entry) in ranked.enumerated() {
                let d = try reader.passageRecord(Int(entry.passage)).document
                if let b = best[d] { best[d] = (b.score, b.rank, b.count + 1) } else { best[d] = (entry.score, r, 1) }
            }
            documents = try best.sorted { $0.value.rank < $1.value.rank }
                .map { DocumentHit(document: try reader.documentSummary($0.key), bestScore: $0.value.score, passages: $0.value.count) }
        }

        var hits: [Hit] = []
        for (rank, entry) in ranked.prefix(limit).enumerated() {
            let p = entry.passage
            let explanation = try explain(
                p, bm25: bm25[entry.payload], score: entry.score, terms: terms, idfs: idfs,
                options: options, boosts: finalScore(entry.payload).boosts)
            hits.append(
                try hit(
                    p, rank: rank + 1, score: entry.score, terms: terms.filter { $0.matches.index(of: p) != nil },
                    explanation: explanation))
        }
        return SearchResults(query: query, total: passages.count, hits: hits, notes: notes, documents: documents)
    }

    /// Each part matched against the index; a long unmatched run of Chinese split into words.
    private func resolve(_ parsed: ParsedQuery) throws -> (clauses: [[Term]], excluded: [Term], notes: [String]) {
        var notes: [String] = []
        var clauses: [[Term]] = []
        for clause in parsed.clauses {
            let terms = try clause.compactMap(term)
            guard !terms.isEmpty else {
                throw QueryError(message: "“\(clause.map(\.text).joined(separator: " OR "))” has nothing to search for after normalization")
            }
            if terms.count == 1, !clause[0].quoted, terms[0].matches.count == 0, let split = try fallback(terms[0]) {
                notes.append(
                    "No exact match for “\(terms[0].text)”; searched its words \(split.map { "“\($0.text)”" }.joined(separator: " + ")) instead (quote it to require the exact phrase)"
                )
                clauses.append(contentsOf: split.map { [$0] })
            } else {
                clauses.append(terms)
            }
        }
        return (clauses, try parsed.excluded.compactMap(term), notes)
    }

    func hit(_ p: Int32, rank: Int, score: Double, terms: [Term], explanation: Explanation) throws -> Hit {
        let stored = try reader.passage(Int(p))
        let document = try reader.documentSummary(stored.record.document)
        return Hit(
            rank: rank, score: score, document: document,
            passage: stored, passageID: try PassageReference.format(reader, passage: Int(p), document: document),
            highlights: highlights(in: stored.text, terms: terms), explanation: explanation)
    }

    /// Passages that match every clause, no exclusion, and the document filters; ascending.
    private func candidates(clauses: [[Term]], excluded: [Term], filters: [String]) throws -> [Int32] {
        let sets = clauses.map { clause in clause.count == 1 ? clause[0].matches.passages : SortedSet.union(clause.map(\.matches.passages))
        }
        var result = sets.min { $0.count < $1.count } ?? []
        for s in sets { result = SortedSet.intersection(result, s) }
        for e in excluded { result = SortedSet.subtracting(result, e.matches.passages) }
        if !filters.isEmpty {
            let allowed = try allowedPassages(filters)
            result.removeAll { p in !allowed.contains { $0.contains(Int(p)) } }
        }
        return result
    }

    private func explain(
        _ p: Int32, bm25: Double, score: Double, terms: [Term], idfs: [Double], options: SearchOptions,
        boosts: [Boost]
    ) throws -> Explanation {
        let dl = try reader.length(Int(p))
        var parts: [Explanation.Term] = []
        for (k, t) in terms.enumerated() {
            guard let i = t.matches.index(of: p) else { continue }
            let tf = Int(t.matches.tfs[i])
            parts.append(
                .init(
                    part: t.text, tf: tf, df: t.matches.count, idf: idfs[k],
                    score: options.bm25.termScore(tf: tf, idf: idfs[k], length: dl, averageLength: reader.averageLength)))
        }
        return Explanation(
            N: reader.passageCount, avgdl: reader.averageLength, dl: dl, k1: options.bm25.k1, b: options.bm25.b,
            terms: parts, bm25: bm25, boosts: boosts, score: score)
    }

    func term(_ part: ParsedQuery.Part) throws -> Term? {
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

    /// Heading line ×0.5; a heading path that mentions a part matched in the passage ×1.25.
    /// `cache` keeps, per path id, the indices of the terms its headings contain.
    func boosts(for passage: Int, terms: [Term], matched: (Int) -> Bool, cache: inout [Int: [Int]]) throws -> [Boost] {
        let record = try reader.passageRecord(passage)
        if record.kind == .heading { return [Self.headingLineBoost] }
        let mentioned: [Int]
        if let hit = cache[record.pathID] {
            mentioned = hit
        } else {
            let context = try foldedPath(record.pathID)
            mentioned = terms.indices.filter { !Self.occurrences(of: terms[$0].scalars, in: context).isEmpty }
            cache[record.pathID] = mentioned
        }
        for k in mentioned where matched(k) {
            return [Boost(factor: Self.sectionBoostFactor, reason: "section heading mentions “\(terms[k].text)”")]
        }
        return []
    }

    /// A path's headings and box, normalized as queries are; kept across searches.
    private func foldedPath(_ id: Int) throws -> [UInt32] {
        if let hit = foldedPaths[id] { return hit }
        let path = try reader.path(id)
        let folded = normalizer.fold(([path.box ?? ""] + path.headings).joined(separator: "\u{1F}"))
        foldedPaths[id] = folded
        return folded
    }

    /// Start offsets of every (possibly overlapping) occurrence of `needle` in `haystack`.
    static func occurrences(of needle: [UInt32], in haystack: [UInt32]) -> [Int] {
        guard !needle.isEmpty, haystack.count >= needle.count else { return [] }
        var result: [Int] = []
        let first = needle[0]
        outer: for i in 0...(haystack.count - needle.count) where haystack[i] == first {
            for j in 1..<needle.count where haystack[i + j] != needle[j] { continue outer }
            result.append(i)
        }
        return result
    }

    /// Spans of the original text (Unicode scalar offsets) covering each occurrence; overlaps merged.
    func highlights(in text: String, terms: [Term]) -> [Range<Int>] {
        let normalized = normalizer.normalize(text)
        var spans: [Range<Int>] = []
        for t in terms {
            for s in Self.occurrences(of: t.scalars, in: normalized.scalars) {
                let hi = s + t.scalars.count - 1
                spans.append(Int(normalized.sourceOffsets[s])..<(Int(normalized.sourceOffsets[hi]) + 1))
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
            let info = try reader.documentSummary(d)
            let hay = (info.name + "\u{1F}" + info.title).lowercased()
            if keys.contains(where: { hay.contains($0) }) { ranges.append(try reader.passageRange(ofDocument: d)) }
        }
        return ranges
    }
}

/// Operations on ascending arrays of passage ids.
enum SortedSet {
    static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var r: [Int32] = []
        r.reserveCapacity(min(a.count, b.count))
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                r.append(a[i])
                i += 1
                j += 1
            }
        }
        return r
    }

    static func subtracting(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var r: [Int32] = []
        r.reserveCapacity(a.count)
        var j = 0
        for x in a {
            while j < b.count, b[j] < x { j += 1 }
            if j < b.count, b[j] == x { continue }
            r.append(x)
        }
        return r
    }

    static func union(_ lists: [[Int32]]) -> [Int32] {
        var r = lists.flatMap { $0 }
        r.sort()
        var out: [Int32] = []
        out.reserveCapacity(r.count)
        for x in r where out.last != x { out.append(x) }
        return out
    }
}
