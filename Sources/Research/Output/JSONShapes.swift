import Foundation
import Index
import Ingestion
import Query

/// The JSON contracts of the CLI's `--json` outputs (README, "JSON"), in one place so that the
/// CLI and the `serve` API write the same shapes: a passage, `search`, `show`, `stats`, `outline`.
public enum JSONShapes {
    /// Keys sorted (stable output); pretty-printed for people at a terminal, compact on the wire.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(value)
    }
}

/// One passage as every JSON output shows it (search hits, `show`, research views).
public struct PassageJSON: Encodable, Sendable {
    public var doc: String
    public var title: String
    public var path: [String]
    @NullWhenAbsent public var box: String?
    public var passage: String
    public var line: Int
    @NullWhenAbsent public var page: Int?
    /// The page the passage ends on (a passage may run onto the next page); null unpaged.
    @NullWhenAbsent public var lastPage: Int?
    public var text: String

    public init(document: DocumentSummary, passage p: StoredPassage, id: String) {
        doc = document.name
        title = document.title
        path = p.path
        box = p.box
        passage = id
        line = p.record.firstLine
        page = p.record.firstPage
        lastPage = p.record.lastPage
        text = p.text
    }
}

/// The JSON contract of `search --json` (README, "JSON").
public struct SearchJSON: Encodable, Sendable {
    public struct HitJSON: Encodable, Sendable {
        public var rank: Int
        public var score: Double
        public var passage: PassageJSON
        public var highlights: [[Int]]
        /// For each highlight, the form it matched (the part as typed, or a synonym).
        public var matched: [String]
        public var explain: Explanation?

        enum CodingKeys: String, CodingKey { case rank, score, highlights, matched, explain }

        public func encode(to encoder: Encoder) throws {
            try passage.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rank, forKey: .rank)
            try c.encode(score, forKey: .score)
            try c.encode(highlights, forKey: .highlights)
            try c.encode(matched, forKey: .matched)
            try c.encodeIfPresent(explain, forKey: .explain)
        }
    }

    public struct DocumentJSON: Encodable, Sendable {
        public var doc: String
        public var title: String
        public var score: Double
        public var passages: Int
        public var best: String
    }

    public var query: String
    public var total: Int
    public var notes: [String]
    public var hits: [HitJSON]
    public var documents: [DocumentJSON]?
    /// Only when nothing matched.
    public var suggestions: [Suggestion]?

    /// `hits` are the results' hits from `offset` on (the API's paging; the CLI starts at 0).
    public init(_ r: SearchResults, explain: Bool, documents: Bool, offset: Int = 0) {
        query = r.query
        total = r.total
        suggestions = r.total == 0 ? r.suggestions : nil
        notes = r.notes
        hits = r.hits.dropFirst(offset).map { h in
            HitJSON(
                rank: h.rank, score: h.score, passage: PassageJSON(document: h.document, passage: h.passage, id: h.passageID),
                highlights: h.highlights.map { [$0.lowerBound, $0.upperBound] }, matched: h.matched,
                explain: explain ? h.explanation : nil)
        }
        self.documents =
            documents
            ? r.documents.map {
                DocumentJSON(
                    doc: $0.document.name, title: $0.document.title, score: $0.bestScore, passages: $0.passages, best: $0.bestPassageID)
            } : nil
    }
}

/// `show --json`: a passage with its neighbours in the same document.
public struct PassageContextJSON: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var passage: PassageJSON
        public var current: Bool
        enum CodingKeys: String, CodingKey { case current }
        public func encode(to encoder: Encoder) throws {
            try passage.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(current, forKey: .current)
        }
    }
    public var passage: String
    public var passages: [Item]

    /// The passages shown around global passage `id`: up to `context` before and after, never
    /// crossing into another document.
    public static func window(_ reader: IndexReader, passage id: Int, context: Int) throws -> Range<Int> {
        let range = try reader.passageRange(ofDocument: try reader.passageRecord(id).document)
        return max(range.lowerBound, id - context)..<min(range.upperBound, id + context + 1)
    }

    /// `reference` is the id as the user gave it (`FILE#N`); `id` the passage it resolved to.
    public init(_ reader: IndexReader, reference: String, passage id: Int, context: Int) throws {
        let document = try reader.documentSummary(try reader.passageRecord(id).document)
        passage = reference
        passages = try Self.window(reader, passage: id, context: context).map { k in
            Item(
                passage: PassageJSON(
                    document: document, passage: try reader.passage(k), id: try PassageReference.format(reader, passage: k)),
                current: k == id)
        }
    }
}

/// `stats --json`.
public struct StatsJSON: Encodable, Sendable {
    public struct Document: Encodable, Sendable {
        public var doc, format: String
        public var passages: Int
    }

    public var index: String
    /// Each document with its source format and passage count.
    public var documents: Int, documentList: [Document]
    /// Documents per source format; bytes of each section of the index file.
    public var formats, sections: [String: Int]
    /// Index terms: distinct normalized characters plus distinct pairs of adjacent characters.
    public var passages, terms, characters, characterPairs, indexBytes: Int
    public var averagePassageLength: Double
    /// The paths the index is built from.
    public var sources: [String]

    public init(_ r: IndexReader, directory: URL) throws {
        let list = try (0..<r.documentCount).map { d in
            let info = try r.documentInfo(d)
            return Document(doc: info.name, format: info.format, passages: try r.passageRange(ofDocument: d).count)
        }
        index = directory.path
        documents = list.count
        documentList = list
        formats = Dictionary(list.map { ($0.format, 1) }, uniquingKeysWith: +)
        sections = Dictionary(r.sectionSizes().map { ($0.name, $0.bytes) }, uniquingKeysWith: +)
        passages = r.passageCount
        characters = r.characterCount
        characterPairs = r.characterPairCount
        terms = characters + characterPairs
        indexBytes = r.fileSize
        averagePassageLength = r.averageLength
        sources = try r.manifest().roots
    }
}

/// `outline --json`: the document's heading tree. The same shape for a file read by `outline` and
/// for a document of the index (`serve`'s /api/outline).
public struct OutlineJSON: Encodable, Sendable {
    public struct Node: Encodable, Sendable {
        public var kind: String
        public var label: String
        public var title: String
        public var depth: Int
        public var line: Int
        /// The PDF page the heading is on; null for unpaged formats.
        @NullWhenAbsent public var page: Int?
        public var children: [Node]
    }

    public var document: String
    public var title: String
    /// text, markdown, pdf, docx or html.
    public var format: String
    public var encoding: String
    /// Where the title came from, and the titles an issuing notice carries; absent when unknown.
    public var titleSource: String?
    public var noticeTitle: String?
    public var issuedTitle: String?
    public var headings: [Node]

    /// `pages` maps a source line to the page it is on (see `pages(_:)`).
    public init(
        document: String, title: String, format: String, encoding: String, metadata: DocumentMetadata, headings: [Heading],
        pages: [Int: Int]
    ) {
        self.document = document
        self.title = title
        self.format = format
        self.encoding = encoding
        titleSource = metadata.titleSource?.rawValue
        noticeTitle = metadata.noticeTitle
        issuedTitle = metadata.issuedTitle
        self.headings = Self.tree(headings, pages: pages)
    }

    /// A file read by `outline`, with its unheaded parts (`withParts`).
    public init(_ doc: Document) {
        self.init(
            document: doc.name, title: doc.title, format: doc.format, encoding: doc.encoding, metadata: doc.metadata,
            headings: Self.withParts(doc), pages: Self.pages(doc.passages.map { ($0.firstLine, $0.firstPage) }))
    }

    /// A file's headings with its unheaded parts (`outline`'s text form lists the same).
    public static func withParts(_ doc: Document) -> [Heading] {
        withParts(doc.headings, passages: doc.passages.map { ($0.path, $0.box != nil, $0.firstLine) })
    }

    /// The document's headings with its parts that have none, each where its first passage is:
    /// the issuing notice (发文通知) or a cover before the body, the 版记 after it. Their
    /// passages' paths name them, so the outline lists every part a search can show.
    public static func withParts(_ headings: [Heading], passages: [(path: [String], boxed: Bool, line: Int)]) -> [Heading] {
        let named = Set(headings.map(\.display))
        var parts: [Heading] = []
        var previous: String?
        for p in passages {
            let part = p.path.count == 1 && !p.boxed ? p.path[0] : nil
            if let part, part != previous, !named.contains(part), !parts.contains(where: { $0.label == part }) {
                parts.append(Heading(kind: .document, style: nil, depth: 1, label: part, title: "", line: p.line))
            }
            previous = p.path.first
        }
        return (headings + parts).enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// A document of an index.
    public init(_ reader: IndexReader, document d: Int) throws {
        let info = try reader.documentInfo(d)
        let records = try reader.passageRange(ofDocument: d).map { try reader.passageRecord($0) }
        let paths = try records.map { r in try reader.path(r.pathID) }
        self.init(
            document: info.name, title: info.title, format: info.format, encoding: info.encoding, metadata: info.metadata,
            headings: Self.withParts(info.headings, passages: zip(paths, records).map { ($0.headings, $0.box != nil, $1.firstLine) }),
            pages: Self.pages(records.map { ($0.firstLine, $0.firstPage) }))
    }

    /// The page of each passage's first line (a heading's line starts its passage).
    public static func pages(_ passages: [(line: Int, page: Int?)]) -> [Int: Int] {
        var pages: [Int: Int] = [:]
        for p in passages {
            if let page = p.page, pages[p.line] == nil { pages[p.line] = page }
        }
        return pages
    }

    /// Headings (in document order, with depths) as a tree: each heading's children are the
    /// deeper headings that follow it until the next heading of its depth or shallower.
    public static func tree(_ headings: [Heading], pages: [Int: Int] = [:]) -> [Node] {
        var roots: [Node] = []
        var stack: [Node] = []
        func close(to depth: Int) {
            while stack.count >= depth, let n = stack.popLast() {
                if stack.isEmpty { roots.append(n) } else { stack[stack.count - 1].children.append(n) }
            }
        }
        for h in headings {
            close(to: h.depth)
            stack.append(
                Node(kind: h.kind.rawValue, label: h.label, title: h.title, depth: h.depth, line: h.line, page: pages[h.line], children: [])
            )
        }
        close(to: 1)
        return roots
    }
}

/// `/api/documents` (and the page's document list): what the index knows of each document.
public struct DocumentsJSON: Encodable, Sendable {
    public struct Item: Encodable, Sendable {
        public var doc: String
        public var title: String
        @NullWhenAbsent public var region: String?
        /// The region came from the text, not the catalog.
        public var regionInferred: Bool
        @NullWhenAbsent public var issuer: String?
        @NullWhenAbsent public var date: String?
        /// The date came from the text, not the catalog.
        public var dateInferred: Bool
        public var format: String
        public var passages: Int
    }

    public var documents: [Item]

    public init(_ facts: [DocumentFacts]) {
        documents = facts.map {
            Item(
                doc: $0.name, title: $0.title, region: $0.region, regionInferred: $0.regionInferred, issuer: $0.issuer, date: $0.date,
                dateInferred: $0.dateInferred, format: $0.format, passages: $0.passages.count)
        }
    }
}

/// `similar --json`: the passage or text compared, the threshold, and the pairs found (each as in
/// `reuse --format json`, `a` being the compared passage).
public struct SimilarJSON: Encodable, Sendable {
    public var query: PairJSON.Side
    public var threshold: Double
    public var pairs: [PairJSON]

    public init(query: ReusePassage, threshold: Double, pairs: [ReusePair]) {
        self.query = PairJSON.Side(query)
        self.threshold = threshold
        self.pairs = pairs.map { PairJSON($0) }
    }
}
