/// The rows under a header: passages are read until a heading, the end of the 专栏, prose (a
/// sentence, or a long text without a value), another header, or a footnote. The header repeated
/// after a page break — as a row of its own, or inside a paragraph extraction joined — continues
/// the table; a row of header words only (a second header line: 实际值 | 目标值) is skipped.
struct TableBody {
    private let header: TableHeader
    private var assembler: RowAssembler
    private var notes: [String] = []
    private var cell = 0

    private enum Outcome {
        case continued
        /// The table ended; `consumed` when the passage belonged to it (a footnote), not when it was prose.
        case ended(consumed: Bool)
    }

    private init(_ header: TableHeader) {
        self.header = header
        assembler = RowAssembler(header: header)
    }

    /// The rows, the footnotes and the index of the first passage after the table. `first` is the
    /// text after a header found inside a passage; `start` the passage after the header.
    static func read(_ header: TableHeader, _ passages: [SourcePassage], first: SourcePassage?, from start: Int) -> (
        [RawRow], [String], Int
    ) {
        var body = TableBody(header)
        let box = start > 0 ? passages[start - 1].box : nil
        var k = start
        var open = true
        if let first, case .ended = body.feed(first) { open = false }
        while open, k < passages.count {
            let p = passages[k]
            if p.isHeading || p.box != box { break }
            if let again = TableRecognizer.header(at: k, in: passages), let next = again.next {
                guard body.sameHeader(again.header) else { break }
                body.assembler.close()
                k = next
                continue
            }
            if isSubHeader(p) {
                k += 1
                continue
            }
            switch body.feedSplittingRepeatedHeader(p) {
            case .continued: k += 1
            case .ended(let consumed):
                if consumed { k += 1 }
                open = false
            }
        }
        // Footnotes on their own passages right after the table.
        while k < passages.count, passages[k].box == box, !passages[k].isHeading,
            case .note(let n)? = CellTokenizer.tokens(passages[k].text).first
        {
            body.notes.append(n)
            k += 1
        }
        return (body.assembler.finish(), body.notes, k)
    }

    /// The header again, after a page break: the same value columns (a category or serial header
    /// cell left empty on the second page does not make another table).
    private func sameHeader(_ other: TableHeader) -> Bool {
        other.valueColumns.map(\.label) == header.valueColumns.map(\.label)
            && other.columns.contains { $0.role == .indicator }
    }

    /// Header words in two or more cells that do not make a header: a second header line.
    private static func isSubHeader(_ p: SourcePassage) -> Bool {
        guard let columns = TableHeader.columns(ofCells: p.cells) else { return false }
        return columns.count >= 2
    }

    /// A paragraph holding the header again (the end of a page's rows, the header, the next page's rows).
    private mutating func feedSplittingRepeatedHeader(_ p: SourcePassage) -> Outcome {
        guard !p.isTableRow, let m = TableRecognizer.embeddedHeader(in: p), sameHeader(m.header) else { return feed(p) }
        var before = p, after = p
        before.text = m.caption ?? ""
        after.text = m.remainder ?? ""
        if case .ended(let consumed) = feed(before) { return .ended(consumed: consumed) }
        assembler.close()
        return feed(after)
    }

    private mutating func feed(_ p: SourcePassage) -> Outcome {
        let pieces = Self.pieces(of: p, cell: &cell, header: header)
        if pieces.isEmpty { return .continued }
        let hasNote = pieces.contains { if case .note = $0.token { return true } else { return false } }
        if !hasNote && !p.isTableRow && Self.isProse(p, pieces) { return .ended(consumed: false) }
        for piece in pieces {
            if case .note(let n) = piece.token {
                notes.append(n)
                assembler.close()
                return .ended(consumed: true)
            }
            assembler.add(piece)
        }
        return .continued
    }

    /// Prose, not a row: a sentence, or a long text without a value.
    private static func isProse(_ p: SourcePassage, _ pieces: [TablePiece]) -> Bool {
        if p.text.contains(where: IndicatorVocabulary.sentenceMarks.contains) { return true }
        let hasValue = pieces.contains { if case .text = $0.token { return false } else { return true } }
        return !hasValue && p.text.count > 40
    }

    /// The tokens of a passage, cell by cell. A table row (cells kept apart by the format, HTML or
    /// DOCX) with a cell for every header column — or short of a merged 类别 cell at its start or
    /// of blank 备注 cells at its end (`positionOffset`) — is read by position: its indicator and unit
    /// cells are taken whole (5G基站数量 | 万个, 每千人口拥有3岁以下婴幼儿托位数 | 个), whatever words
    /// they hold, and so is a value cell (年均增长6% is the target, not a row 年均增长 of value 6%);
    /// the trailing empty cells are empty values.
    static func pieces(of p: SourcePassage, cell: inout Int, header: TableHeader? = nil) -> [TablePiece] {
        var out: [TablePiece] = []
        let offset = p.isTableRow ? header.flatMap { Self.positionOffset(p.cells, $0) } : nil
        for (column, text) in p.cells.enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            cell += 1
            let role = offset.flatMap { o in header?.columns[column + o].role }
            let bracketed = TableRecognizer.isBracketed(trimmed)
            let whole = bracketed || role == .indicator || role == .unit
            var tokens = whole ? [.text(trimmed)] : CellTokenizer.tokens(trimmed)
            if role == .value, tokens.count > 1, !tokens.contains(where: { if case .note = $0 { return true } else { return false } }) {
                tokens = [.value(trimmed)]
            }
            for (n, t) in tokens.enumerated() {
                out.append(
                    TablePiece(
                        token: t, passage: p.id, line: p.line, cell: cell, rowStart: p.isTableRow && out.isEmpty,
                        wholeCell: tokens.count == 1 && n == 0, inTableRow: p.isTableRow, bracketed: bracketed, isUnitCell: role == .unit))
            }
        }
        if let offset, let header, offset + p.cells.count < header.columns.count, !out.isEmpty {
            for _ in (offset + p.cells.count)..<header.columns.count {
                out.append(
                    TablePiece(
                        token: .value(""), passage: p.id, line: p.line, cell: cell, rowStart: false, wholeCell: true, inTableRow: true))
            }
        }
        return out
    }

    /// The header column of a row's first cell, when its cells stand where the header's columns
    /// do: as many (0), or fewer by leading category columns (a 类别 cell merged down over several
    /// rows stands in the first row only: the number missing) and by trailing columns of remarks
    /// after every year's column (a blank 备注, which the format drops). A shorter row must have
    /// its serial and unit cells where the header has them.
    static func positionOffset(_ cells: [String], _ header: TableHeader) -> Int? {
        let n = cells.count, columns = header.columns
        if n == columns.count { return 0 }
        guard n >= 2, n < columns.count, columns.contains(where: { $0.role == .serial || $0.role == .unit }) else { return nil }
        // Leading category columns missing (o of them), the rest trailing remarks.
        let leadingCategories = columns.prefix { $0.role == .category }.count
        for o in 0...min(leadingCategories, columns.count - n)
        where columns[(n + o)...].allSatisfy({ $0.role == .value && $0.stance == .neutral && $0.year == nil })
            && fits(cells, columns, at: o)
        {
            return o
        }
        return nil
    }

    /// Whether the serial and unit cells fall on the header's serial and unit columns from `offset`.
    private static func fits(_ cells: [String], _ columns: [TableColumn], at offset: Int) -> Bool {
        for (i, raw) in cells.enumerated() {
            let text = raw.trimmingCharacters(in: .whitespaces)
            switch columns[i + offset].role {
            case .serial: if text.isEmpty || !text.allSatisfy({ $0.isASCII && $0.isNumber }) { return false }
            case .unit: if !text.isEmpty, IndicatorVocabulary.unit(exactly: text) == nil { return false }
            default: break
            }
        }
        return true
    }
}
