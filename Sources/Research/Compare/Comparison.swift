import Index
import Query

/// How several documents treat the same subject (`compare`): for each query, per document (the
/// columns, in catalog order) its counts, the sections that mention it, its best passages by BM25
/// and the quantities it states next to the query; then the side-by-side rows, one per top-level
/// chapter that mentions it, aligned across documents (`ChapterAlignment`).
public struct Comparison: Sendable {
    /// A heading path (with the 专栏 title last) and what it holds of the query.
    public struct Section: Sendable {
        public var path: [String]
        public var occurrences: Int
        public var passages: Int
    }

    /// A sentence that states a quantity next to the query (`QuantityStatements`).
    public struct Target: Sendable {
        public var passageID: String
        public var line: Int
        public var chapter: String?
        public var sentence: String
        /// The query's occurrences and the quantities, scalar offsets into `sentence`.
        public var highlights: [Range<Int>]
        public var quantities: [Range<Int>]
    }

    /// One document's treatment of one query.
    public struct Column: Sendable {
        public var occurrences: Int
        public var passages: Int
        /// In document order.
        public var sections: [Section]
        /// Best first (BM25 × boosts, as `search` ranks).
        public var best: [QuotedPassage]
        /// In document order.
        public var targets: [Target]
    }

    /// One top-level chapter of one document that mentions the query.
    public struct ChapterCell: Sendable {
        public var chapter: String
        public var occurrences: Int
        public var passages: Int
        /// Its best passage by BM25.
        public var best: QuotedPassage
        public var targets: [Target]
    }

    public struct Entry: Sendable {
        public var query: String
        /// What the reader should know about the query (`QueryTally.messages`), in both languages.
        public var messages: [Message]
        public var notes: [String] { messages.map(\.english) }
        /// One per document of `Comparison.documents`.
        public var columns: [Column]
        /// Side by side: one cell per document, nil where it has no chapter in that row.
        public var rows: [[ChapterCell?]]

        public var occurrences: Int { columns.reduce(0) { $0 + $1.occurrences } }
        public var passages: Int { columns.reduce(0) { $0 + $1.passages } }
    }

    public var documents: [DocumentFacts]
    public var entries: [Entry]
    /// Best passages quoted per document.
    public var bestPerDocument: Int
    /// Notes on the documents covered: undated ones a `--docs` date selection leaves out, copies
    /// whose mentions every total counts again (`DocumentScope.notes`).
    public var documentNotes: [Message]

    public init(queries: [String], searcher: Searcher, scope: DocumentScope, bestPerDocument: Int = 3) throws {
        documents = scope.documents
        self.bestPerDocument = bestPerDocument
        documentNotes = scope.notes
        let tables = TableTargets(reader: searcher.reader)
        entries = try queries.map { try Self.entry($0, searcher: searcher, scope: scope, best: bestPerDocument, tables: tables) }
    }

    static func entry(_ query: String, searcher: Searcher, scope: DocumentScope, best k: Int, tables: TableTargets) throws -> Entry {
        let tally = try QueryTally(query, searcher: searcher, scope: scope)
        // Every matching passage, ranked: the best of each document and of each chapter come from it.
        let ranked = try Ranking.hits(query, searcher: searcher, scope: scope, limit: nil)
        var rank: [Int: Int] = [:]
        for (r, h) in ranked.enumerated() { rank[h.hit.passage.id] = r }
        var columns: [Column] = []
        var chapters: [[ChapterCell]] = []
        for c in scope.documents.indices {
            let hits = ranked.filter { $0.column == c }.map(\.hit)
            let byDocumentOrder = hits.sorted { $0.passage.id < $1.passage.id }
            let targets = try byDocumentOrder.flatMap { h in try tables.targets(h, in: scope.documents[c]) ?? Self.targets(h) }
            columns.append(
                Column(
                    occurrences: tally.occurrences[c], passages: tally.passages[c], sections: sections(byDocumentOrder),
                    best: hits.prefix(k).map(QuotedPassage.init(hit:)), targets: targets))
            chapters.append(chapterCells(byDocumentOrder, rank: rank, targets: targets))
        }
        let aligned = ChapterAlignment.rows(chapters.map { $0.map(\.chapter) })
        let rows = aligned.map { row in row.enumerated().map { c, i in i.map { chapters[c][$0] } } }
        return Entry(query: query, messages: tally.messages, columns: columns, rows: rows)
    }

    /// Heading paths in document order with their counts.
    static func sections(_ hits: [Hit]) -> [Section] {
        var out: [Section] = []
        var index: [[String]: Int] = [:]
        for h in hits {
            let path = h.passage.path + (h.passage.box.map { [$0] } ?? [])
            if let i = index[path] {
                out[i].occurrences += h.highlights.count
                out[i].passages += 1
            } else {
                index[path] = out.count
                out.append(Section(path: path, occurrences: h.highlights.count, passages: 1))
            }
        }
        return out
    }

    /// Top-level chapters in document order, each with its counts, best passage and targets.
    static func chapterCells(_ hits: [Hit], rank: [Int: Int], targets: [Target]) -> [ChapterCell] {
        var out: [ChapterCell] = []
        var index: [String: Int] = [:]
        for h in hits {
            let chapter = ChapterTitle.chapter(of: h.passage.path)?.title ?? noChapter
            if let i = index[chapter] {
                out[i].occurrences += h.highlights.count
                out[i].passages += 1
                if rank[h.passage.id, default: .max] < rank[out[i].best.passage.id, default: .max] { out[i].best = QuotedPassage(hit: h) }
            } else {
                index[chapter] = out.count
                out.append(
                    ChapterCell(
                        chapter: chapter, occurrences: h.highlights.count, passages: 1, best: QuotedPassage(hit: h),
                        targets: targets.filter { ($0.chapter ?? noChapter) == chapter }))
            }
        }
        return out
    }

    /// What a passage outside every heading (a preamble) is listed under.
    public static let noChapter = "（正文前）"

    static func targets(_ h: Hit) -> [Target] {
        let scalars = Array(h.passage.text.unicodeScalars)
        let statements =
            h.passage.record.kind == .tableRow
            ? QuantityStatements.findInRow(h.passage.text, occurrences: h.highlights)
            : QuantityStatements.find(in: h.passage.text, occurrences: h.highlights)
        return statements.map { st in
            let shift = { (r: Range<Int>) in (r.lowerBound - st.sentence.lowerBound)..<(r.upperBound - st.sentence.lowerBound) }
            return Target(
                passageID: h.passageID, line: h.passage.record.firstLine, chapter: ChapterTitle.chapter(of: h.passage.path)?.title,
                sentence: String(String.UnicodeScalarView(scalars[st.sentence])),
                highlights: h.highlights.filter { st.sentence.contains($0.lowerBound) }.map { r in
                    shift(r.lowerBound..<min(r.upperBound, st.sentence.upperBound))
                },
                quantities: st.quantities.map(shift))
        }
    }
}
