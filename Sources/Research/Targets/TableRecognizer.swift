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
            let (rows, notes, end) = body(match.header, passages, first: first, from: match.next ?? i + 1, box: passages[i].box)
            if !rows.isEmpty {
                out.append(
                    FoundTable(
                        header: match.header, caption: passages[i].box ?? match.caption ?? caption(before: i, in: passages),
                        line: passages[i].line, passage: passages[i].id, rows: rows, notes: notes))
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
        let header = TableHeader(columns: columns)
        return k > i && header.isComplete ? HeaderMatch(header: header, next: k) : nil
    }

    /// A header inside a passage, where extraction joined the caption, the header and the first
    /// rows into one paragraph (表1…主要指标指标单位2020年2025年年均增长货物进出口总额亿美元980…).
    static func embeddedHeader(in p: SourcePassage) -> HeaderMatch? {
        guard !p.isTableRow, !p.isHeading, ["指标", "名称", "项目"].contains(where: p.text.contains) else { return nil }
        let original = Array(p.text)
        let positions = original.indices.filter { !original[$0].isWhitespace }
        let compact = positions.map { original[$0] }
        for s in compact.indices {
            if "。，；！？".contains(compact[s]) { return nil }
            let (columns, end) = HeaderWords.prefix(compact, from: s)
            guard columns.count >= 3, TableHeader(columns: columns).isComplete else { continue }
            let caption = String(original[..<positions[s]]).trimmingCharacters(in: .whitespaces)
            let rest = end < positions.count ? String(original[positions[end]...]) : ""
            return HeaderMatch(
                header: TableHeader(columns: columns), next: nil, caption: caption.isEmpty ? nil : caption,
                remainder: rest.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// The rows under `header`, its footnotes, and the index of the first passage after the table.
    private static func body(_ header: TableHeader, _ passages: [SourcePassage], first: SourcePassage?, from start: Int, box: String?)
        -> ([RawRow], [String], Int)
    {
        var assembler = RowAssembler(header: header)
        var notes: [String] = []
        var cell = 0
        var k = start
        var pending = first
        passages: while pending != nil || k < passages.count {
            let p: SourcePassage
            if let first = pending {
                p = first
                pending = nil
                k -= 1
            } else {
                p = passages[k]
                if p.isHeading || p.box != box { break }
                if let again = Self.header(at: k, in: passages), let next = again.next {
                    // The header repeated after a page break continues the table; another header starts another.
                    guard again.header.columns.map(\.label) == header.columns.map(\.label) else { break }
                    assembler.close()
                    k = next
                    continue
                }
            }
            let pieces = Self.pieces(of: p, cell: &cell)
            if pieces.isEmpty {
                k += 1
                continue
            }
            let hasNote = pieces.contains { if case .note = $0.token { return true } else { return false } }
            if !hasNote && !p.isTableRow && endsTable(p, pieces) { break }
            for piece in pieces {
                if case .note(let n) = piece.token {
                    notes.append(n)
                    assembler.close()
                    k += 1
                    break passages
                }
                assembler.add(piece)
            }
            k += 1
        }
        // Footnotes on their own passages right after the table.
        while k < passages.count, passages[k].box == box, !passages[k].isHeading,
            case .note(let n)? = CellTokenizer.tokens(passages[k].text).first
        {
            notes.append(n)
            k += 1
        }
        return (assembler.finish(), notes, k)
    }

    /// Prose, not a row: a sentence, or a long text without a value.
    private static func endsTable(_ p: SourcePassage, _ pieces: [TablePiece]) -> Bool {
        if p.text.contains(where: { "。！？；".contains($0) }) { return true }
        let hasValue = pieces.contains { if case .text = $0.token { return false } else { return true } }
        return !hasValue && p.text.count > 40
    }

    /// The tokens of a passage, cell by cell.
    static func pieces(of p: SourcePassage, cell: inout Int) -> [TablePiece] {
        var out: [TablePiece] = []
        for text in p.cells {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            cell += 1
            var tokens = CellTokenizer.tokens(trimmed)
            let bracketed = isBracketed(trimmed)
            if bracketed { tokens = [.text(trimmed)] }
            for (n, t) in tokens.enumerated() {
                out.append(
                    TablePiece(
                        token: t, passage: p.id, line: p.line, cell: cell, rowStart: p.isTableRow && out.isEmpty,
                        wholeCell: tokens.count == 1 && n == 0, inTableRow: p.isTableRow, bracketed: bracketed))
            }
        }
        return out
    }

    /// A cell wholly in round brackets that does not start with a number: (折合8081.9亿元).
    private static func isBracketed(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last, first == "（" || first == "(", last == "）" || last == ")", s.count > 2 else {
            return false
        }
        return !CellTokenizer.isDigit(s.dropFirst().first ?? " ")
    }

    /// The 专栏 holding the header, or a short caption line right above it (表1 主要指标).
    private static func caption(before i: Int, in passages: [SourcePassage]) -> String? {
        if let box = passages[i].box { return box }
        guard i > 0 else { return nil }
        let p = passages[i - 1]
        let t = p.text.trimmingCharacters(in: .whitespaces)
        guard !p.isTableRow, !p.isHeading || t.hasPrefix("表"), t.count <= 40, !t.contains(where: { "。！？；，".contains($0) }),
            ["指标", "目标", "表"].contains(where: t.contains)
        else { return nil }
        return t
    }
}
