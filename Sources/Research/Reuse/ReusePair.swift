import Index
import Query

/// A passage as reuse results show it: where it stands and what it says. Text outside the index
/// (`similar --text`, a draft's passages) has no document, id or passage reference.
public struct ReusePassage: Equatable, Sendable {
    /// Global passage id in the index; nil for outside text.
    public var id: Int?
    /// Document index in the index; nil for outside text.
    public var document: Int?
    /// File name (for a draft, the draft's file name).
    public var doc: String?
    public var title: String?
    /// `FILE#N` as search prints it (`PassageReference`); nil for outside text.
    public var passage: String?
    /// Enclosing headings, outermost first.
    public var path: [String]
    /// The enclosing 专栏 box, if any.
    public var box: String?
    /// 1-based source line of the first character.
    public var line: Int?
    /// The PDF page it starts on (nil unpaged).
    public var page: Int?
    public var text: String

    public init(
        id: Int? = nil, document: Int? = nil, doc: String? = nil, title: String? = nil, passage: String? = nil, path: [String] = [],
        box: String? = nil, line: Int? = nil, page: Int? = nil, text: String
    ) {
        self.id = id
        self.document = document
        self.doc = doc
        self.title = title
        self.passage = passage
        self.path = path
        self.box = box
        self.line = line
        self.page = page
        self.text = text
    }

    /// A stored passage with its provenance.
    static func stored(_ id: Int, in reader: IndexReader) throws -> ReusePassage {
        let p = try reader.passage(id)
        let d = try reader.documentSummary(p.record.document)
        return ReusePassage(
            id: id, document: d.index, doc: d.name, title: d.title, passage: try PassageReference.format(reader, passage: id),
            path: p.path, box: p.box, line: p.record.firstLine, page: p.record.firstPage, text: p.text)
    }
}

/// Two passages that share text.
public struct ReusePair: Equatable, Sendable {
    /// Jaccard similarity of the two passages' shingle sets, 0…1.
    public var similarity: Double
    /// Share of the smaller shingle set found in the other (the overlap coefficient), 0…1: 1 when
    /// one passage stands whole inside the other.
    public var containment: Double
    /// Share of `a`'s shingles found in `b`, 0…1, for a draft passage `a` (`check-draft`): what its
    /// `--min` compares. nil for pairs of indexed passages (`similar`, `reuse`).
    public var found: Double?
    public var a: ReusePassage
    public var b: ReusePassage
    /// The shared runs of `a.text` and `b.text`.
    public var alignment: Alignment

    public init(similarity: Double, containment: Double, found: Double? = nil, a: ReusePassage, b: ReusePassage, alignment: Alignment) {
        self.similarity = similarity
        self.containment = containment
        self.found = found
        self.a = a
        self.b = b
        self.alignment = alignment
    }

    /// "similarity 0.17 · containment 1.00", and for a draft passage "· 17 % of the draft passage
    /// found": the figure `--min` compares named beside the others.
    public var figuresLine: String {
        var s = String(format: "similarity %.2f · containment %.2f", similarity, containment)
        if let found { s += String(format: " · %.0f %% of the draft passage found", found * 100) }
        return s
    }

    /// The figures from set sizes and their overlap.
    static func figures(_ sa: Int, _ sb: Int, overlap o: Int) -> (similarity: Double, containment: Double) {
        let union = sa + sb - o
        return (union == 0 ? 0 : Double(o) / Double(union), min(sa, sb) == 0 ? 0 : Double(o) / Double(min(sa, sb)))
    }
}

/// All pairs between two documents, A before B (see `ClauseReuse.reuse`), with how much of each
/// stands in the other.
public struct DocumentPair: Equatable, Sendable {
    public var a: DocumentSummary
    public var b: DocumentSummary
    /// Strongest first.
    public var pairs: [ReusePair]
    /// Passages of A (of B) that take part in the comparison, and how many of them have a pair here.
    public var aPassages: Int
    public var bPassages: Int
    public var aMatched: Int
    public var bMatched: Int
    /// Code points of A's compared passages covered by the shared spans of these pairs, over all
    /// code points of A's compared passages (the same for B): the share of A's text found in B.
    public var aShare: Double
    public var bShare: Double
}

/// One passage of a draft and the corpus passages in which it already stands.
public struct DraftPassage: Equatable, Sendable {
    public var passage: ReusePassage
    /// The passages that hold `--min` of it alone, strongest first; then those that add its other
    /// clauses, or, when none holds that much alone, those that together do, the one adding most
    /// first (`together` is then set). `a` is the draft passage.
    public var matches: [ReusePair]
    /// Share of the draft passage found in the union of `matches` when pieces were added; nil when
    /// each match holds `--min` of it alone and nothing else of it stands elsewhere.
    public var together: Double?

    public init(passage: ReusePassage, matches: [ReusePair], together: Double? = nil) {
        self.passage = passage
        self.matches = matches
        self.together = together
    }
}
