/// A passage as the table recognizer reads it: text, whether the ingestion kept it as a table row
/// (cells separated by " | ") or as a heading, its 专栏 box and its first source line.
public struct SourcePassage: Equatable, Sendable {
    public var id: Int
    public var text: String
    public var isTableRow: Bool
    public var isHeading: Bool
    public var box: String?
    public var line: Int

    public init(id: Int, text: String, isTableRow: Bool, isHeading: Bool, box: String?, line: Int) {
        self.id = id
        self.text = text
        self.isTableRow = isTableRow
        self.isHeading = isHeading
        self.box = box
        self.line = line
    }

    /// The cells of a table row, or the whole text as one cell.
    var cells: [String] { isTableRow ? text.components(separatedBy: " | ") : [text] }
}

/// A table found in a document's passages: its header, the rows read under it, its footnotes and caption.
struct FoundTable: Sendable {
    var header: TableHeader
    /// The 专栏 holding the table, or the caption line right above it.
    var caption: String?
    var line: Int
    var passage: Int
    var rows: [RawRow]
    var notes: [String]
    /// The unit the caption or a line above the header gives the whole table (单位：亿元).
    var unit: String?
}

/// Finds indicator tables in a document's passages by their shape: a header row (or a run of
/// one-cell lines) made only of header words, then rows until a heading, the end of the 专栏, a
/// sentence, or a footnote. A repeated header (after a page break) continues the table.
enum TableRecognizer {
    static func tables(in passages: [SourcePassage]) -> [FoundTable] {
        var out: [FoundTable] = []
        var i = 0
        while i < passages.count {
            guard let match = header(at: i, in: passages) ?? embeddedHeader(in: passages[i]) else {
                i += 1
                continue
            }
            var first = match.remainder.map { rest in
                var p = passages[i]
                p.text = rest
                return p
            }
            if first?.text.isEmpty == true { first = nil }
            let (rows, notes, end) = TableBody.read(match.header, passages, first: first, from: match.next ?? i + 1)
            if !rows.isEmpty {
                let caption = passages[i].box ?? match.caption ?? caption(before: i, in: passages)
                out.append(
                    FoundTable(
                        header: match.header, caption: caption, line: passages[i].line, passage: passages[i].id, rows: rows, notes: notes,
                        unit: tableUnit(before: i, in: passages, caption: match.caption ?? caption)))
            }
            i = max(end, i + 1)
        }
        return out
    }

    /// A header: its columns, the passage after it (nil: the next one), and, when it sat inside a
    /// passage, the caption before it and the rows' text after it.
    struct HeaderMatch {
        var header: TableHeader
        var next: Int?
        var caption: String?
        var remainder: String?
    }

    /// The header starting at passage `i`: one passage, or consecutive short passages of header
    /// words (one cell per line, as HTML and DOCX extraction give).
    static func header(at i: Int, in passages: [SourcePassage]) -> HeaderMatch? {
        var columns: [TableColumn] = []
        var k = i
        while k < passages.count, k - i < 16, !passages[k].isHeading, passages[k].box == passages[i].box,
            let cols = TableHeader.columns(ofCells: passages[k].cells)
        {
            columns += cols
            k += 1
            if passages[k - 1].isTableRow || cols.count > 1 { break }
        }
        var header = TableHeader(columns: columns)
        if k > i, !header.isComplete, !passages[k - 1].isTableRow,
            let rest = wrappedHeaderCells(after: k, in: passages, box: passages[i].box)
        {
            // A PDF whose narrow year cells wrapped (2020 / 年 / 2025年属性): their pieces joined.
            let joined = TableHeader(columns: columns + rest.columns)
            if joined.isComplete { (header, k) = (joined, rest.next) }
        }
        if k > i, passages[k - 1].isTableRow, k < passages.count, passages[k].isTableRow, passages[k].box == passages[i].box,
            let sub = TableHeader.columns(ofCells: passages[k].cells), let spanned = header.spanning(sub), spanned.isComplete
        {
            header = spanned
            k += 1
        }
        return k > i && header.isComplete ? HeaderMatch(header: header, next: k) : nil
    }

    /// Header cells a PDF wrapped over short lines after the first header line (2020 / 年 /
    /// 2025年属性): the longest run of at most six short fragments (no sentence, no row) that reads
    /// as header words once joined, naming a value column.
    private static func wrappedHeaderCells(after k: Int, in passages: [SourcePassage], box: String?) -> (
        columns: [TableColumn], next: Int
    )? {
        var joined = ""
        var found: (columns: [TableColumn], next: Int)?
        var j = k
        while j < passages.count, j - k < 6, !passages[j].isHeading, !passages[j].isTableRow, passages[j].box == box,
            passages[j].text.count <= 16, !passages[j].text.contains(where: { clauseMarks.contains($0) })
        {
            joined += passages[j].text
            j += 1
            guard let columns = TableHeader.columns(ofCells: [joined]) else {
                if found != nil { break }
                continue
            }
            if columns.contains(where: { $0.role == .value }) { found = (columns, j) }
        }
        return found
    }

    /// A header inside a passage, where extraction joined the caption, the header and the first
    /// rows into one paragraph (表1…主要指标指标单位2020年2025年年均增长货物进出口总额亿美元980…).
    static func embeddedHeader(in p: SourcePassage) -> HeaderMatch? {
        guard !p.isTableRow, !p.isHeading else { return nil }
        // The header stands before the first sentence mark: prose has one early, a table's text none.
        let text = p.text
        var scanned: [Character] = []
        var at: [String.Index] = []
        var i = text.startIndex
        while i < text.endIndex, !Self.clauseMarks.contains(text[i]) {
            scanned.append(text[i])
            at.append(i)
            i = text.index(after: i)
        }
        guard scanned.count >= 6, Self.namesIndicatorColumn(scanned) else { return nil }
        let positions = scanned.indices.filter { !scanned[$0].isWhitespace }
        let compact = positions.map { scanned[$0] }
        for s in compact.indices where HeaderWords.canStart(compact[s]) {
            let (columns, end) = HeaderWords.prefix(compact, from: s)
            guard columns.count >= 3, TableHeader(columns: columns).isComplete else { continue }
            let caption = String(text[..<at[positions[s]]]).trimmingCharacters(in: .whitespaces)
            let restStart = end < positions.count ? at[positions[end]] : text.index(after: at[positions[end - 1]])
            return HeaderMatch(
                header: TableHeader(columns: columns), next: nil, caption: caption.isEmpty ? nil : caption,
                remainder: String(text[restStart...]).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private static let clauseMarks = CharSet("。，；！？")

    /// Whether the text holds a word an indicator column is headed by (指标, 名称, 项目).
    private static func namesIndicatorColumn(_ chars: [Character]) -> Bool {
        var previous: Character = " "
        for c in chars {
            if (previous == "指" && c == "标") || (previous == "名" && c == "称") || (previous == "项" && c == "目") { return true }
            previous = c
        }
        return false
    }

    /// A cell wholly in round brackets that does not start with a number: (折合8081.9亿元).
    static func isBracketed(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last, first == "（" || first == "(", last == "）" || last == ")", s.count > 2 else {
            return false
        }
        return !CellTokenizer.isDigit(s.dropFirst().first ?? " ")
    }

    /// 单位：亿元 in the caption or in one of the two lines above the header.
    private static func tableUnit(before i: Int, in passages: [SourcePassage], caption: String?) -> String? {
        var texts = caption.map { [$0] } ?? []
        for k in stride(from: i - 1, through: max(0, i - 2), by: -1) where !passages[k].isTableRow { texts.append(passages[k].text) }
        for t in texts {
            guard let r = t.range(of: "单位：") ?? t.range(of: "单位:") else { continue }
            let rest = t[r.upperBound...].prefix { !"）)，,；;。 ".contains($0) }
            if let unit = IndicatorVocabulary.unit(exactly: String(rest)) { return unit }
        }
        return nil
    }

    /// The 专栏 holding the header, or a short caption line right above it (表1 主要指标).
    private static func caption(before i: Int, in passages: [SourcePassage]) -> String? {
        if let box = passages[i].box { return box }
        guard i > 0 else { return nil }
        let p = passages[i - 1]
        let t = p.text.trimmingCharacters(in: .whitespaces)
        // A heading is a caption when it names the table: 表1 …, or the attachment the table is
        // (附件：某市主要指标, 附表2 …).
        guard !p.isTableRow, !p.isHeading || t.hasPrefix("表") || t.hasPrefix("附"), t.count <= 40,
            !t.contains(where: { "。！？；，".contains($0) }),
            ["指标", "目标", "表"].contains(where: t.contains)
        else { return nil }
        return t
    }
}
