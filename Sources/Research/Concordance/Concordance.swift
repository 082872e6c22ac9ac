import Analysis
import Index
import Query

/// A keyword-in-context concordance (`kwic`): every occurrence of a query (the one counting
/// definition, `Searcher.occurrences`) with the text before and after it inside its passage, cut
/// to a number of display columns (East Asian Width: CJK characters take two).
public struct Concordance: Sendable {
    public enum Order: String, CaseIterable, Sendable {
        /// Catalog order of documents, then position.
        case doc
        /// By the left context read backwards from the match (the word before it first), as concordancers sort.
        case left
        /// By the right context.
        case right
    }

    public struct Line: Sendable {
        public var documentName: String
        public var documentTitle: String
        /// `FILE#N`.
        public var passageID: String
        /// Global passage number.
        public var passage: Int
        /// The passage's first source line.
        public var line: Int
        /// The passage's first page (PDFs), nil for sources without pages.
        public var page: Int?
        /// Heading path, with the 专栏 title last.
        public var path: [String]
        /// At most `width` display columns of the passage before the match, and after it.
        public var left: String
        public var match: String
        public var right: String
        /// Where the match starts in the passage (Unicode scalars).
        public var offset: Int
        /// Column of the document in the scope (catalog order).
        var column: Int
        /// The left context reversed and the right context (up to `keyLength` characters): the sort keys.
        var leftKey: [UInt32]
        var rightKey: [UInt32]
    }

    public var query: String
    public var notes: [String] { messages.map(\.english) }
    /// The same in both languages (the web page shows the Chinese).
    public var messages: [Message]
    /// Notes on the documents covered: undated ones a `--docs` date selection leaves out, copies
    /// whose mentions every total counts again (`DocumentScope.notes`).
    public var documentNotes: [Message]
    public var width: Int
    public var lines: [Line]
    /// Matching passages the lines come from.
    public var passages: Int

    /// Characters of context the sorts look at; lines equal that far keep document order.
    static let keyLength = 64

    public init(query: String, searcher: Searcher, scope: DocumentScope, width: Int, order: Order = .doc) throws {
        let tally = try QueryTally(query, searcher: searcher, scope: scope)
        self.query = query
        messages = tally.messages
        documentNotes = scope.notes
        self.width = width
        passages = tally.totalPassages
        lines = []
        for m in tally.matches {
            let stored = try searcher.reader.passage(m.passage)
            let document = scope.documents[m.column]
            let id = try PassageReference.format(searcher.reader, passage: m.passage)
            let s = Array(stored.text.unicodeScalars)
            func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }
            // A context needs at most `width` columns, so only a window beside the match is
            // converted (the whole passage per occurrence made a long passage quadratic); a
            // scalar is at least one column unless it is a combining mark, hence the margin.
            let reach = width * 4 + 16
            for o in m.occurrences {
                let before = text(max(0, o.lowerBound - reach)..<o.lowerBound)
                let after = text(o.upperBound..<min(s.count, o.upperBound + reach))
                lines.append(
                    Line(
                        documentName: document.name, documentTitle: document.title, passageID: id, passage: m.passage,
                        line: stored.record.firstLine, page: stored.record.firstPage, path: stored.path + (stored.box.map { [$0] } ?? []),
                        left: DisplayWidth.suffix(before, columns: width), match: text(o),
                        right: DisplayWidth.prefix(after, columns: width),
                        offset: o.lowerBound, column: m.column,
                        leftKey: s[max(0, o.lowerBound - Self.keyLength)..<o.lowerBound].reversed().map(\.value),
                        rightKey: s[o.upperBound..<min(s.count, o.upperBound + Self.keyLength)].map(\.value)))
            }
        }
        sort(order)
    }

    /// Reorders the lines; ties keep document order.
    public mutating func sort(_ order: Order) {
        func documentOrder(_ a: Line, _ b: Line) -> Bool {
            (a.column, a.passage, a.offset) < (b.column, b.passage, b.offset)
        }
        switch order {
        case .doc: lines.sort(by: documentOrder)
        case .left:
            lines.sort { a, b in a.leftKey != b.leftKey ? a.leftKey.lexicographicallyPrecedes(b.leftKey) : documentOrder(a, b) }
        case .right:
            lines.sort { a, b in a.rightKey != b.rightKey ? a.rightKey.lexicographicallyPrecedes(b.rightKey) : documentOrder(a, b) }
        }
    }
}
