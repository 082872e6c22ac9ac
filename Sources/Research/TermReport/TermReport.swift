import Index
import Query

/// Counts of many queries across documents (`report --terms FILE`): one row per query, one column
/// per document of the scope, in catalog order. A cell is the query's exact occurrences in the
/// document (`QueryTally`), beside its matching passages; with `per`, rates per `per` characters.
public struct TermReport: Sendable {
    public struct Column: Sendable {
        public var document: DocumentFacts
        /// The title, or "title (file name)" when another selected document has the same title.
        public var header: String
        /// Unicode scalars of the document's passage texts (the text that is counted).
        public var characters: Int
    }

    public struct Row: Sendable {
        public var entry: TermsFile.Entry
        /// What the reader should know about the query (`QueryTally.messages`), in both languages.
        public var messages: [Message]
        public var notes: [String] { messages.map(\.english) }
        public var occurrences: [Int]
        public var passages: [Int]
        /// Matching passages, ascending, with their column and occurrence count.
        public var matches: [(passage: Int, column: Int, occurrences: Int)]
        /// The best passages by BM25 inside the scope (filled when asked for).
        public var best: [QuotedPassage]

        public var totalOccurrences: Int { occurrences.reduce(0, +) }
        public var totalPassages: Int { passages.reduce(0, +) }
    }

    public var columns: [Column]
    public var rows: [Row]
    /// Lines of the terms file that could not be used, with the reason.
    public var problems: [TermsFile.Problem]
    /// Rates per this many characters, when asked for.
    public var per: Int?
    /// Notes on the documents covered: undated ones a `--docs` date selection leaves out, copies
    /// whose mentions every total counts again (`DocumentScope.notes`).
    public var documentNotes: [Message] = []
    /// Every matching passage of every row (id `FILE#N` and stored text), when asked for (XLSX's second sheet).
    public var passages: [Int: (id: String, passage: StoredPassage)]

    public var totalCharacters: Int { columns.reduce(0) { $0 + $1.characters } }

    /// Rate of `count` per `per` characters of `characters` (nil without `per` or for an empty text).
    public func rate(_ count: Int, characters: Int) -> Double? {
        guard let per, characters > 0 else { return nil }
        return Double(count) * Double(per) / Double(characters)
    }

    /// Counts every entry of `terms`. A query that does not parse or plan joins `problems` with its
    /// line number; the rest still run. `best` passages per row are ranked, and the matching
    /// passages read (`withPassages`), only when asked. `progress` is called after each entry with (done, total).
    public init(
        terms: TermsFile, searcher: Searcher, scope: DocumentScope, per: Int? = nil, best: Int = 0, withPassages: Bool = false,
        progress: ((Int, Int) -> Void)? = nil
    ) throws {
        self.per = per
        documentNotes = scope.notes
        columns = try Self.columns(scope, reader: searcher.reader)
        rows = []
        passages = [:]
        problems = terms.problems
        for (i, entry) in terms.entries.enumerated() {
            do {
                let tally = try QueryTally(entry.query, searcher: searcher, scope: scope)
                let ranked = best > 0 ? try Ranking.hits(entry.query, searcher: searcher, scope: scope, limit: best) : []
                rows.append(
                    Row(
                        entry: entry, messages: tally.messages, occurrences: tally.occurrences, passages: tally.passages,
                        matches: tally.matches.map { ($0.passage, $0.column, $0.occurrences.count) },
                        best: ranked.map { QuotedPassage(hit: $0.hit) }))
                if withPassages {
                    for m in tally.matches where passages[m.passage] == nil {
                        passages[m.passage] = (
                            try PassageReference.format(searcher.reader, passage: m.passage), try searcher.reader.passage(m.passage)
                        )
                    }
                }
            } catch let e as QueryError {
                let chinese = (e.chinese ?? e.message) + (e.column.map { "（第 \($0) 列）" } ?? "")
                problems.append(TermsFile.Problem(line: entry.line, text: entry.query, Message(english: e.description, chinese: chinese)))
            }
            progress?(i + 1, terms.entries.count)
        }
        problems.sort { $0.line < $1.line }
    }

    static func columns(_ scope: DocumentScope, reader: IndexReader) throws -> [Column] {
        var titles: [String: Int] = [:]
        for d in scope.documents { titles[d.title, default: 0] += 1 }
        return try scope.documents.map { d in
            var characters = 0
            for p in d.passages { characters += try reader.passage(p).text.unicodeScalars.count }
            return Column(document: d, header: titles[d.title]! > 1 ? "\(d.title) (\(d.name))" : d.title, characters: characters)
        }
    }
}
