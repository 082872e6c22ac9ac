import Index
import Ingestion
import Query

/// What can go wrong when comparing clauses, with what to do about it.
public enum ReuseError: Error, CustomStringConvertible, Equatable {
    case threshold(Double)
    case noContent

    public var description: String {
        switch self {
        case .threshold(let t): return "threshold \(t) is outside (0, 1]; give a similarity such as 0.5"
        case .noContent: return "the text has no letters or digits to compare"
        }
    }

    /// The same in Chinese, for the web pages.
    public var chinese: String {
        switch self {
        case .threshold(let t): return "相似度阈值 \(t) 不在 (0, 1] 之内，请写如 0.5 的数"
        case .noContent: return "这段文字没有可比较的字母或数字"
        }
    }
}

/// Shared, copied and edited clauses across the documents of an index (see `Shingler` for the
/// measure, `PrefixFilter` for how candidates are found, `Alignment` for the shared spans).
///
/// Built once per index and filter: it reads every compared passage through the public
/// `IndexReader` API and keeps their shingle sets in memory (about 4 bytes per character).
public final class ClauseReuse {
    public let reader: IndexReader
    public let filter: PassageFilter
    let corpus: ShingleCorpus
    private var postings: PrefixFilter.Postings?
    /// Each document's date as `docs` and `year:` read it (catalog, else its text), loaded once.
    private var dates: [String?]?

    public init(reader: IndexReader, filter: PassageFilter = PassageFilter(), shingleSize: Int = Shingler.defaultSize) throws {
        self.reader = reader
        self.filter = filter
        corpus = try ShingleCorpus(reader: reader, filter: filter, shingler: Shingler(size: shingleSize))
    }

    /// Passages taking part in comparisons.
    public var comparedPassages: Int { corpus.count }

    static func check(_ t: Double) throws {
        guard t > 0, t <= 1 else { throw ReuseError.threshold(t) }
    }

    // MARK: All pairs

    /// Global passage ids of every pair from different documents with similarity ≥ `threshold`, and
    /// the figures, without alignment (what the benchmark times; `reuse` adds spans and grouping).
    public func pairs(threshold: Double) throws -> [(a: Int, b: Int, similarity: Double, containment: Double)] {
        try Self.check(threshold)
        return PrefixFilter.allPairs(corpus, threshold: threshold).map { m in
            let f = ReusePair.figures(corpus.size(Int(m.x)), corpus.size(Int(m.y)), overlap: Int(m.overlap))
            return (corpus.passages[Int(m.x)], corpus.passages[Int(m.y)], f.similarity, f.containment)
        }
    }

    /// Every pair of passages from different documents with similarity ≥ `threshold`, grouped by
    /// document pair. In each group A is the earlier document by date (catalog, else its text) when both are dated,
    /// else the one indexed first, so B is the one that may have copied. Groups come strongest first
    /// (the larger of the two shares of text), pairs by similarity.
    public func reuse(threshold: Double) throws -> [DocumentPair] {
        try Self.check(threshold)
        var groups: [[Int32]: [ReusePair]] = [:]
        for m in PrefixFilter.allPairs(corpus, threshold: threshold) {
            var (x, y) = (Int(m.x), Int(m.y))
            if try !precedes(Int(corpus.documents[x]), Int(corpus.documents[y])) { swap(&x, &y) }
            let pair = try makePair(
                a: try ReusePassage.stored(corpus.passages[x], in: reader), b: try ReusePassage.stored(corpus.passages[y], in: reader),
                sizes: (corpus.size(x), corpus.size(y)), overlap: Int(m.overlap))
            groups[[corpus.documents[x], corpus.documents[y]], default: []].append(pair)
        }
        var perDocument: [Int32: (passages: Int, length: Int)] = [:]
        for r in 0..<corpus.count {
            perDocument[corpus.documents[r], default: (0, 0)].passages += 1
            perDocument[corpus.documents[r], default: (0, 0)].length += Int(corpus.textLengths[r])
        }
        var result: [DocumentPair] = []
        for (docs, pairs) in groups {
            let a = perDocument[docs[0]]!, b = perDocument[docs[1]]!
            result.append(
                DocumentPair(
                    a: try reader.documentSummary(Int(docs[0])), b: try reader.documentSummary(Int(docs[1])), pairs: Self.sorted(pairs),
                    aPassages: a.passages, bPassages: b.passages,
                    aMatched: Set(pairs.compactMap(\.a.id)).count, bMatched: Set(pairs.compactMap(\.b.id)).count,
                    aShare: Double(Self.covered(pairs, side: \.a)) / Double(max(a.length, 1)),
                    bShare: Double(Self.covered(pairs, side: \.b)) / Double(max(b.length, 1))))
        }
        return result.sorted {
            let l = max($0.aShare, $0.bShare), r = max($1.aShare, $1.bShare)
            return l != r ? l > r : ($0.a.index, $0.b.index) < ($1.a.index, $1.b.index)
        }
    }

    // MARK: One passage or text against the index

    /// Passages of other documents that hold at least `threshold` of the passage's shingles (every
    /// passage with similarity ≥ `threshold` does), most similar first. `a` is the given passage.
    public func similar(toPassage id: Int, threshold: Double, limit: Int? = nil) throws -> [ReusePair] {
        let query = try ReusePassage.stored(id, in: reader)
        return try matches(for: query, threshold: threshold, limit: limit)
    }

    /// The same for any text.
    public func similar(toText text: String, threshold: Double, limit: Int? = nil) throws -> [ReusePair] {
        try matches(for: ReusePassage(text: text), threshold: threshold, limit: limit)
    }

    /// A draft's passages (the same filter as the index's) with the corpus passages in which each
    /// already stands (containment of the draft passage ≥ `threshold`), and the passages holding
    /// its other clauses, or, where none holds that much alone, the passages that together do
    /// (`DraftPieces`: a paragraph stitched from copied clauses). Passages without a match are
    /// listed too, with no matches.
    /// - Parameter indexedAs: the draft's own document in the index, if it is indexed: left out,
    ///   or every passage would be found in itself.
    public func check(draft: Document, threshold: Double, indexedAs: Int? = nil) throws -> [DraftPassage] {
        try Self.check(threshold)
        var result: [DraftPassage] = []
        for p in draft.passages where filter.admits(p.kind, text: p.text, letters: corpus.shingler.content(p.text).count) {
            let passage = ReusePassage(
                document: indexedAs, doc: draft.name, title: draft.title, path: p.path, box: p.box, line: p.firstLine, page: p.firstPage,
                text: p.text)
            let whole = try matches(for: passage, threshold: threshold, limit: nil, draft: true)
            var checked = try pieces(of: passage, threshold: threshold, given: whole)
            checked.matches = whole + checked.matches
            result.append(checked)
        }
        return result
    }

    /// The draft passage with the indexed passages that together hold `threshold` of it, if any;
    /// with `given` (passages that hold it alone), those that add its other clauses.
    private func pieces(of passage: ReusePassage, threshold: Double, given: [ReusePair]) throws -> DraftPassage {
        let set = corpus.shingleSet(passage.text)
        guard set.count > 0 else { throw ReuseError.noContent }
        if postings == nil { postings = PrefixFilter.Postings(corpus) }
        let cover = DraftPieces.cover(
            set, threshold: threshold, in: corpus, postings: postings!, excluding: passage.document, given: Set(given.compactMap(\.b.id)))
        var pairs: [ReusePair] = []
        for m in cover.records {
            let y = Int(m.y)
            var pair = try makePair(
                a: passage, b: try ReusePassage.stored(corpus.passages[y], in: reader), sizes: (set.count, corpus.size(y)),
                overlap: Int(m.overlap))
            pair.found = Double(m.overlap) / Double(set.count)
            pairs.append(pair)
        }
        return DraftPassage(passage: passage, matches: pairs, together: pairs.isEmpty ? nil : Double(cover.together) / Double(set.count))
    }

    /// - Parameter draft: `query` is a draft passage: each pair carries the share of it found.
    private func matches(for query: ReusePassage, threshold: Double, limit: Int?, draft: Bool = false) throws -> [ReusePair] {
        try Self.check(threshold)
        let set = corpus.shingleSet(query.text)
        guard set.count > 0 else { throw ReuseError.noContent }
        if postings == nil { postings = PrefixFilter.Postings(corpus) }
        var pairs: [ReusePair] = []
        // A draft passage is judged by the share of it found; `similar` by similarity or containment.
        let candidates =
            draft
            ? PrefixFilter.containing(set, threshold: threshold, in: corpus, postings: postings!)
            : PrefixFilter.sharing(set, in: corpus, postings: postings!).filter { m in
                let f = ReusePair.figures(set.count, corpus.size(Int(m.y)), overlap: Int(m.overlap))
                return max(f.similarity, f.containment) >= threshold - 1e-9
            }
        for m in candidates {
            let y = Int(m.y)
            if let d = query.document, Int(corpus.documents[y]) == d { continue }
            var pair = try makePair(
                a: query, b: try ReusePassage.stored(corpus.passages[y], in: reader), sizes: (set.count, corpus.size(y)),
                overlap: Int(m.overlap))
            if draft { pair.found = Double(m.overlap) / Double(set.count) }
            pairs.append(pair)
        }
        let sorted = Self.sorted(pairs)
        return limit.map { Array(sorted.prefix($0)) } ?? sorted
    }

    // MARK: Helpers

    private func makePair(a: ReusePassage, b: ReusePassage, sizes: (Int, Int), overlap: Int) throws -> ReusePair {
        let f = ReusePair.figures(sizes.0, sizes.1, overlap: overlap)
        return ReusePair(
            similarity: f.similarity, containment: f.containment, a: a, b: b,
            alignment: Alignment(a.text, b.text, normalizer: corpus.shingler.normalizer))
    }

    /// Strongest first; ties in document order.
    static func sorted(_ pairs: [ReusePair]) -> [ReusePair] {
        pairs.sorted {
            if $0.similarity != $1.similarity { return $0.similarity > $1.similarity }
            if $0.containment != $1.containment { return $0.containment > $1.containment }
            return ($0.a.id ?? -1, $0.b.id ?? -1) < ($1.a.id ?? -1, $1.b.id ?? -1)
        }
    }

    /// Code points of one side's passages covered by the union of their spans.
    static func covered(_ pairs: [ReusePair], side: KeyPath<ReusePair, ReusePassage>) -> Int {
        var ranges: [Int: [Range<Int>]] = [:]
        for p in pairs {
            let spans = p.alignment.spans.map { side == \ReusePair.a ? $0.a : $0.b }
            ranges[p[keyPath: side].id ?? -1, default: []].append(contentsOf: spans)
        }
        var total = 0
        for (_, rs) in ranges {
            var end = 0
            for r in rs.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                total += max(0, r.upperBound - max(r.lowerBound, end))
                end = max(end, r.upperBound)
            }
        }
        return total
    }

    /// Whether document `x` comes before `y`: the earlier date when both are dated (the catalog's,
    /// else the one its text states, as `docs` shows), else index order.
    private func precedes(_ x: Int, _ y: Int) throws -> Bool {
        if let dx = try date(x), let dy = try date(y), dx != dy { return dx < dy }
        return x < y
    }

    private func date(_ d: Int) throws -> String? {
        if dates == nil { dates = try DocumentFacts.load(reader).map(\.date) }
        return dates![d]
    }
}
