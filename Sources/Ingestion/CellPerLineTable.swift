/// A table whose every cell came out on a line of its own (a Word or web table copied as text, a
/// PDF's table read cell by cell):
///
///     序号 / 指标名称 / 单位 / 2020年 / 2025年 / 1 / 社会消费品零售总额 / 亿元 / 613.8 / 900 / 2 / …
///
/// Read line by line, a row's values would be joined to the next row's name. Where a header
/// starting with 序号 is followed by rows numbered 1, 2, 3 … exactly as many lines apart as the
/// header has cells, the lines are that table's rows again: the numbering is the evidence, so a
/// list of short lines is never taken for a table by its shape alone.
enum CellPerLineTable {
    /// Header cells and a cell's length: a header is a handful of labels, cells are short.
    static let columns = 3...12
    static let maxHeaderCell = 20
    static let maxCell = 60

    static func rebuild(_ lines: inout [CleanLine]) {
        var out: [CleanLine] = []
        out.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            if let (rows, end) = table(at: i, in: lines) {
                out.append(contentsOf: rows)
                i = end
            } else {
                out.append(lines[i])
                i += 1
            }
        }
        lines = out
    }

    /// The rows of a cell-per-line table whose header starts at `start`, and the line after it.
    private static func table(at start: Int, in lines: [CleanLine]) -> ([CleanLine], Int)? {
        guard isCell(lines[start], "序号") else { return nil }
        // The header runs to the line holding 1: its length is the row's.
        var k = start + 1
        while k < lines.count, k - start <= columns.upperBound, lines[k].kind == .text, !isCell(lines[k], "1") {
            guard lines[k].scalars.count <= maxHeaderCell, !lines[k].scalars.contains(where: HeadingParser.isSentenceEnd) else {
                return nil
            }
            k += 1
        }
        let width = k - start
        guard columns.contains(width), k < lines.count, isCell(lines[k], "1") else { return nil }
        var rows = [row(lines[start..<k])]
        var at = k, number = 1
        while at + width <= lines.count, isCell(lines[at], String(number)),
            lines[at..<(at + width)].allSatisfy({ $0.kind == .text && $0.scalars.count <= maxCell })
        {
            rows.append(row(lines[at..<(at + width)]))
            at += width
            number += 1
        }
        // The rows must end where the table does: a short line after the last one means a cell
        // wrapped or a row lacks one, and the lines are left as they were rather than misread.
        guard rows.count >= 3, endsTable(at, in: lines) else { return nil }
        return (rows, at)
    }

    /// Whether line `i` is past a table: the end, a blank, a row or page mark, a note (注：…), a
    /// sentence or a line longer than a cell.
    private static func endsTable(_ i: Int, in lines: [CleanLine]) -> Bool {
        guard i < lines.count, lines[i].kind == .text else { return true }
        let s = lines[i].scalars
        return s.first == "注" || s.count > maxCell || s.contains(where: HeadingParser.isSentenceEnd) || HeadingParser.parse(s) != nil
            || HeadingParser.parseBox(s) != nil
    }

    private static func isCell(_ line: CleanLine, _ text: String) -> Bool {
        line.kind == .text && line.scalars.lazy.map(ScriptVariants.folded).elementsEqual(text.unicodeScalars)
    }

    /// Lines as one table row, at the first line's number (where the row starts in the source).
    private static func row(_ cells: ArraySlice<CleanLine>) -> CleanLine {
        var line = cells.first!
        line.kind = .tableRow
        line.cells = cells.map(\.scalars)
        line.scalars = LineCleaner.joinCells(line.cells)
        return line
    }
}
