/// `compare --format json`:
///
///     {"documents": [{"doc", "title", "region", "date"}], "notes": [string],
///      "queries": [{"query", "notes", "occurrences", "passages",
///        "documents": [{"doc", "occurrences", "passages",
///                       "sections": [{"path", "occurrences", "passages"}],
///                       "best": [passage], "targets": [target]}],
///        "sideBySide": [[{"doc", "chapter", "occurrences", "passages", "best": passage, "targets": [target]} | null]]}]}
///
/// A passage has the keys of every passage in the JSON outputs (doc, title, path, box, passage,
/// line, page, lastPage, text) plus "score" and "highlights" (code-point offsets into text, end exclusive);
/// a target is {"passage", "line", "chapter", "sentence", "highlights", "quantities"}, offsets into "sentence".
public struct ComparisonJSON: Encodable, Sendable {
    struct Document: Encodable {
        var doc: String
        var title: String
        @NullWhenAbsent var region: String?
        @NullWhenAbsent var date: String?
    }

    struct Section: Encodable {
        var path: [String]
        var occurrences: Int
        var passages: Int
    }

    struct Target: Encodable {
        var passage: String
        var line: Int
        @NullWhenAbsent var chapter: String?
        var sentence: String
        var highlights: [[Int]]
        var quantities: [[Int]]

        init(_ t: Comparison.Target) {
            passage = t.passageID
            line = t.line
            chapter = t.chapter
            sentence = t.sentence
            highlights = t.highlights.map { [$0.lowerBound, $0.upperBound] }
            quantities = t.quantities.map { [$0.lowerBound, $0.upperBound] }
        }
    }

    struct Column: Encodable {
        var doc: String
        var occurrences: Int
        var passages: Int
        var sections: [Section]
        var best: [QuotedPassageJSON]
        var targets: [Target]
    }

    struct Cell: Encodable {
        var doc: String
        var chapter: String
        var occurrences: Int
        var passages: Int
        var best: QuotedPassageJSON
        var targets: [Target]
    }

    struct Entry: Encodable {
        var query: String
        var notes: [String]
        var occurrences: Int
        var passages: Int
        var documents: [Column]
        var sideBySide: [[Cell?]]

        enum CodingKeys: String, CodingKey { case query, notes, occurrences, passages, documents, sideBySide }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(query, forKey: .query)
            try c.encode(notes, forKey: .notes)
            try c.encode(occurrences, forKey: .occurrences)
            try c.encode(passages, forKey: .passages)
            try c.encode(documents, forKey: .documents)
            var rows = c.nestedUnkeyedContainer(forKey: .sideBySide)
            for row in sideBySide {
                var cells = rows.nestedUnkeyedContainer()
                for cell in row {
                    if let cell { try cells.encode(cell) } else { try cells.encodeNil() }
                }
            }
        }
    }

    var documents: [Document]
    /// Notes on the documents covered (`DocumentScope.notes`); a query's own are in its entry.
    var notes: [String]
    var queries: [Entry]

    public init(_ comparison: Comparison) {
        let docs = comparison.documents
        documents = docs.map { Document(doc: $0.name, title: $0.title, region: $0.region, date: $0.date) }
        notes = comparison.documentNotes.map(\.english)
        queries = comparison.entries.map { e in
            Entry(
                query: e.query, notes: e.notes, occurrences: e.occurrences, passages: e.passages,
                documents: e.columns.enumerated().map { c, col in
                    Column(
                        doc: docs[c].name, occurrences: col.occurrences, passages: col.passages,
                        sections: col.sections.map { Section(path: $0.path, occurrences: $0.occurrences, passages: $0.passages) },
                        best: col.best.map(QuotedPassageJSON.init), targets: col.targets.map(Target.init))
                },
                sideBySide: e.rows.map { row in
                    row.enumerated().map { c, cell in
                        cell.map {
                            Cell(
                                doc: docs[c].name, chapter: $0.chapter, occurrences: $0.occurrences, passages: $0.passages,
                                best: QuotedPassageJSON($0.best), targets: $0.targets.map(Target.init))
                        }
                    }
                })
        }
    }
}

/// A quoted passage in JSON: the keys every passage has in the JSON outputs (doc, title, path, box,
/// passage, line, page, lastPage, text; box and pages null when absent), then score (null when unranked) and highlights.
public struct QuotedPassageJSON: Encodable, Sendable {
    var quote: QuotedPassage

    public init(_ quote: QuotedPassage) { self.quote = quote }

    enum CodingKeys: String, CodingKey { case doc, title, path, box, passage, line, page, lastPage, text, score, highlights }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(quote.documentName, forKey: .doc)
        try c.encode(quote.documentTitle, forKey: .title)
        try c.encode(quote.passage.path, forKey: .path)
        try c.encode(quote.passage.box, forKey: .box)
        try c.encode(quote.id, forKey: .passage)
        try c.encode(quote.passage.record.firstLine, forKey: .line)
        try c.encode(quote.passage.record.firstPage, forKey: .page)
        try c.encode(quote.passage.record.lastPage, forKey: .lastPage)
        try c.encode(quote.text, forKey: .text)
        try c.encode(quote.score, forKey: .score)
        try c.encode(quote.highlights.map { [$0.lowerBound, $0.upperBound] }, forKey: .highlights)
    }
}
