/// The values ingestion produces: a document with its heading outline and its passages.
///
/// A `Document` is what every later layer consumes. Offsets and lines refer to the source file as the
/// user sees it (1-based lines), so provenance can be checked by opening the file.

/// Metadata that the text itself may not carry; comes from the corpus catalog when present.
public struct DocumentMetadata: Codable, Equatable, Sendable {
    /// Where `Document.title` came from.
    public enum TitleSource: String, Codable, Sendable {
        /// The catalog's `title`.
        case catalog
        /// The document an issuing notice (印发…的通知) carries: `issuedTitle`.
        case issuedDocument
        /// The document's own title block (its opening title lines).
        case titleBlock
        /// What the format marks as the title (`<title>`, `<h1>`, the largest line of a PDF's first page).
        case format
        case fileName
    }
    public var title: String?
    public var issuer: String?
    public var date: String?
    public var region: String?
    /// The title of the issuing notice or release, when the document is issued by one
    /// (北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知). Set by ingestion.
    public var noticeTitle: String?
    /// The title of the document the notice issues (关于推进北京市数据专区建设的指导意见). Set by ingestion.
    public var issuedTitle: String?
    /// Which title `Document.title` is. Set by ingestion.
    public var titleSource: TitleSource?

    public init(title: String? = nil, issuer: String? = nil, date: String? = nil, region: String? = nil) {
        self.title = title
        self.issuer = issuer
        self.date = date
        self.region = region
    }

    /// Equal when the catalog's fields are: the titles ingestion reads follow from the document's
    /// bytes, so an index compares a stored document's metadata with the catalog's entry to know
    /// whether the entry changed.
    public static func == (a: DocumentMetadata, b: DocumentMetadata) -> Bool {
        a.title == b.title && a.issuer == b.issuer && a.date == b.date && a.region == b.region
    }
}

/// The numbering systems of Chinese official documents (GB/T 9704 and common practice), from the
/// outermost to the innermost. A heading closes every open heading of the same or a deeper rank.
public enum NumberingStyle: Int, Codable, Comparable, Sendable, CaseIterable {
    case part = 0  // 第X篇, 第X编, 第X部分
    case chapter  // 第X章
    case section  // 第X节
    case article  // 第X条
    case chineseComma  // 一、
    case chineseParen  // （一）
    case arabicDot  // 1.  1．  1、
    case arabicParen  // （1）
    /// 一．/一. : a level of its own, between 一、 and （一）, where a document nests it under 一、
    /// (三、保障措施 › 一．加强组织领导); the top level where a document numbers only so (Word's
    /// habit). Last in raw value: the values written before it was told apart keep their meaning.
    case chineseDot
    /// 问：…？ followed by 答：…, unnumbered: a 政策解读's question, below every numbered rank (under
    /// 一、总体情况 it nests there); questions are siblings, and an answer's numbering is filed
    /// under its question (`StructureBuilder.closeForHeading`).
    case question

    /// Nesting order: a heading closes every open heading of its rank or below.
    var rank: Double { self == .chineseDot ? 4.5 : Double(rawValue) }

    public static func < (lhs: NumberingStyle, rhs: NumberingStyle) -> Bool { lhs.rank < rhs.rank }
}

/// One body heading, or a 专栏 box title.
public struct Heading: Codable, Equatable, Sendable {
    /// `document`: a top-level entry for a further document in the same file, an attachment
    /// (附件1 …, 附录2 …) or the second document of a notice that issues several.
    public enum Kind: String, Codable, Sendable { case numbered, box, document }
    public var kind: Kind
    /// Numbering style; nil for boxes and documents.
    public var style: NumberingStyle?
    /// 1-based depth in the outline (1 + number of enclosing headings).
    public var depth: Int
    /// The numbering as printed, e.g. 第四章, （二）, 1., or 专栏 4.
    public var label: String
    /// Heading text after the label; a run-in heading's lead sentence without its 。.
    public var title: String
    /// 1-based source line.
    public var line: Int

    public init(kind: Kind, style: NumberingStyle?, depth: Int, label: String, title: String, line: Int) {
        self.kind = kind
        self.style = style
        self.depth = depth
        self.label = label
        self.title = title
        self.line = line
    }

    /// The heading as shown in a path: "第五章 加快发展开放型经济", "（一）指导思想", "专栏 12 促进…".
    public var display: String {
        if title.isEmpty { return label }
        switch style {
        case .part?, .chapter?, .section?, .article?: return label + " " + title
        case nil: return label.isEmpty ? title : label + " " + title
        default: return label + title
        }
    }
}

/// A unit of search results: one paragraph, list item, table row, box item or heading line.
public struct Passage: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Body paragraph (lines that PDF extraction broke are joined).
        case paragraph
        /// A stand-alone heading line.
        case heading
        /// One row of a table, cells separated by " | ".
        case tableRow
        /// Text before the body: issuing notice, approval letter, cover.
        case frontMatter
        /// A footnote; kept apart from the paragraph it interrupted.
        case footnote
    }
    public var kind: Kind
    /// Cleaned text: layout debris removed, every character of content kept.
    public var text: String
    /// Display strings of the enclosing headings, outermost first (boxes excluded).
    public var path: [String]
    /// The enclosing 专栏 box's display string, if any.
    public var box: String?
    /// 1-based ordinal of this passage within its innermost section (or box).
    public var ordinal: Int
    /// 1-based source lines of the first and last character.
    public var firstLine: Int
    public var lastLine: Int
    /// 1-based pages of the first and last character, for paged sources (PDF); nil otherwise.
    public var firstPage: Int?
    public var lastPage: Int?

    public init(
        kind: Kind, text: String, path: [String], box: String?, ordinal: Int, firstLine: Int, lastLine: Int,
        firstPage: Int? = nil, lastPage: Int? = nil
    ) {
        self.kind = kind
        self.text = text
        self.path = path
        self.box = box
        self.ordinal = ordinal
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.firstPage = firstPage
        self.lastPage = lastPage
    }
}

public struct Document: Codable, Equatable, Sendable {
    /// The heading of the 版记 (GB/T 9704's closing record: 抄送：…, …印发) when a document ends in one.
    public static let recordBlock = "版记"
    /// File name as given (no directory), the stable key of the document.
    public var name: String
    public var title: String
    public var metadata: DocumentMetadata
    /// Body headings and boxes in document order; depth gives the tree.
    public var headings: [Heading]
    public var passages: [Passage]
    /// Encoding the file was decoded from (e.g. "UTF-8", "GB18030").
    public var encoding: String
    /// Source format: "text", "markdown", "pdf", "docx" or "html".
    public var format: String

    public init(
        name: String, title: String, metadata: DocumentMetadata, headings: [Heading], passages: [Passage], encoding: String,
        format: String = "text"
    ) {
        self.name = name
        self.title = title
        self.metadata = metadata
        self.headings = headings
        self.passages = passages
        self.encoding = encoding
        self.format = format
    }
}
