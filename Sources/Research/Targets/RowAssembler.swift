/// A token of a table's text with where it stands: its passage, its cell, and whether it starts a
/// table-row passage (the ingestion's " | " rows) or fills its cell alone.
struct TablePiece: Sendable {
    var token: CellToken
    /// Global passage id and its first source line.
    var passage: Int
    var line: Int
    /// A counter of cells (a table row's cell, or a whole passage of other kinds).
    var cell: Int
    /// The first token of a table-row passage: a row of the table starts here.
    var rowStart: Bool
    /// The only token of its cell.
    var wholeCell: Bool
    var inTableRow: Bool
    /// A cell wholly in brackets ((折合8081.9亿元)): a wrapped part of the cell above it.
    var bracketed: Bool = false
    /// The cell of the header's 单位 column, in a row whose cells stand where the header's do.
    var isUnitCell: Bool = false
}

/// A row as read, before the header's columns give its values a meaning.
struct RawRow: Sendable {
    var category: String?
    var serial: Int?
    /// Text cells before the values: an indicator name, possibly wrapped over several cells or
    /// lines, and, in a table-row passage, a category cell before it.
    var texts: [(text: String, cell: Int, passage: Int)] = []
    var unit: String?
    var values: [String] = []
    var line: Int
    var passage: Int
    /// Read from text whose cells extraction joined (not a table-row passage).
    var joined = false
}

/// Turns a table's tokens into rows, using only the header's shape: whether it has 序号, 单位 and
/// 类别 columns and how many value columns. Works alike on cells the ingestion separated and on
/// rows whose cells it joined: a serial number that continues the sequence (or restarts at 1)
/// starts a row, text before it is the category, a unit ends the name, and a row is complete when
/// it holds a value for every value column.
struct RowAssembler {
    let header: TableHeader
    private(set) var rows: [RawRow] = []
    private var open: RawRow?
    private var expectedSerial = 1

    init(header: TableHeader) { self.header = header }

    private var valueCount: Int { max(1, header.valueColumns.count) }

    mutating func add(_ p: TablePiece) {
        if p.rowStart, let o = open, !o.values.isEmpty { close() }
        defer { if !p.inTableRow { open?.joined = true } }
        switch p.token {
        case .note: close()
        case .attribute(let a): addValue(a, p)
        case .value(let v):
            if let n = serial(v, p) { startSerial(n, p) } else { addValue(v, p) }
        case .text(let t): addText(t, p)
        }
    }

    mutating func close() {
        if var o = open {
            if o.joined { Self.unjoinDashes(&o.values, count: valueCount) }
            rows.append(o)
        }
        open = nil
    }

    /// In joined text a row short of cells may hold two dashes run together (—— for — and —) or a
    /// value, a dash and a value read as a range (3.8—6左右 for 3.8, —, 6左右): split them while the row
    /// is short. (—— and 1—2 are also printed as such; a row with all its cells keeps them.)
    static func unjoinDashes(_ values: inout [String], count: Int) {
        var i = 0
        while i < values.count, values.count < count {
            let v = values[i]
            if v.count == 2, v.allSatisfy({ $0 == "—" }) {
                values.replaceSubrange(i...i, with: ["—", "—"])
            } else if count - values.count >= 2, let dash = v.firstIndex(of: "—"), dash != v.startIndex,
                v[v.index(before: dash)].isNumber, v.index(after: dash) < v.endIndex, v[v.index(after: dash)].isNumber
            {
                values.replaceSubrange(i...i, with: [String(v[..<dash]), "—", String(v[v.index(after: dash)...])])
            }
            i += 1
        }
    }

    mutating func finish() -> [RawRow] {
        close()
        return rows
    }

    // MARK: Serial numbers

    private func plausible(_ n: Int) -> Bool { n == expectedSerial || n == expectedSerial + 1 || n == 1 }

    /// `v` read as the serial number of a new row, when the table has a 序号 column and the row so
    /// far leaves room for one.
    private func serial(_ v: String, _ p: TablePiece) -> Int? {
        guard header.hasSerial, v.allSatisfy({ $0.isASCII && $0.isNumber }), v.count <= 3, let n = Int(v), plausible(n) else { return nil }
        guard let o = open else { return n }
        if o.values.count >= valueCount { return n }
        return o.values.isEmpty && o.serial == nil ? n : nil
    }

    private mutating func startSerial(_ n: Int, _ p: TablePiece) {
        if var o = open, o.values.isEmpty, o.serial == nil {
            // Text before the serial number is the row's category (国内贸易 | 1 | …).
            if !o.texts.isEmpty { o.category = Self.join(o.texts.map(\.text)) }
            o.texts = []
            o.serial = n
            open = o
        } else {
            close()
            open = RawRow(serial: n, line: p.line, passage: p.passage)
        }
        expectedSerial = n + 1
    }

    /// 3外贸新业态进出口占比 → 3, 外贸新业态…; 国内贸易1社会消费品零售总额 → 国内贸易, 1, … when the table has a category column.
    private func peelSerial(_ t: String) -> (category: String?, serial: Int, rest: String)? {
        guard header.hasSerial else { return nil }
        let chars = Array(t)
        let leading = chars.prefix { $0.isASCII && $0.isNumber }
        if !leading.isEmpty, leading.count < chars.count, leading.count <= 3, chars[leading.count] != ".",
            let n = Int(String(leading)), plausible(n)
        {
            return (nil, n, String(chars[leading.count...]))
        }
        guard header.hasCategory, let start = chars.firstIndex(where: { $0.isASCII && $0.isNumber }), start >= 2,
            chars[..<start].allSatisfy(IndicatorVocabulary.isCJK)
        else { return nil }
        let digits = chars[start...].prefix { $0.isASCII && $0.isNumber }
        let after = start + digits.count
        guard digits.count <= 2, after < chars.count, IndicatorVocabulary.isCJK(chars[after]) || chars[after] == "“",
            let n = Int(String(digits)), plausible(n)
        else { return nil }
        return (String(chars[..<start]), n, String(chars[after...]))
    }

    /// A row's last value and the next row's serial number joined by extraction (9.3 + 2 →
    /// 9.32数字服务进出口额): split where the expected serial number ends the number.
    private func gluedSerial(_ t: String) -> (value: String, serial: Int, rest: String)? {
        guard header.hasSerial else { return nil }
        let chars = Array(t)
        let number = chars.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        guard number.count < chars.count, IndicatorVocabulary.isCJK(chars[number.count]) || chars[number.count] == "“" else { return nil }
        let text = String(number), serial = String(expectedSerial)
        guard text.hasSuffix(serial), text.count > serial.count else { return nil }
        let value = String(text.dropLast(serial.count))
        guard value.last != ".", value.first != ".", value.filter({ $0 == "." }).count <= 1 else { return nil }
        return (value, expectedSerial, String(chars[number.count...]))
    }

    // MARK: Values and text

    private mutating func addValue(_ v: String, _ p: TablePiece) {
        guard var o = open else {
            // A value after a closed row that still has room: its cell wrapped onto another line.
            if var last = rows.last, !last.values.isEmpty, last.values.count < valueCount {
                last.values.append(v)
                rows[rows.count - 1] = last
            }
            return
        }
        if o.values.isEmpty { Self.peelUnit(&o, header: header) }
        o.values.append(v)
        open = o
    }

    private mutating func addText(_ t: String, _ p: TablePiece) {
        guard var o = open else { return startText(t, p) }
        if p.isUnitCell, o.unit == nil {
            o.unit = t
            open = o
            return
        }
        if p.bracketed, let last = o.values.last {
            o.values[o.values.count - 1] = last + t
            open = o
            return
        }
        if !o.values.isEmpty {
            if o.values.count < valueCount, let glued = gluedSerial(t) {
                // 9.3 and the next row's 2 joined into 9.32数字服务…: the serial continues the sequence.
                o.values.append(glued.value)
                open = o
                close()
                open = RawRow(serial: glued.serial, line: p.line, passage: p.passage)
                expectedSerial = glued.serial + 1
                if !glued.rest.isEmpty { open?.texts.append((glued.rest, p.cell, p.passage)) }
                return
            }
            if o.values.count < valueCount, p.wholeCell {
                // A value in words (高于全国平均水平).
                o.values.append(t)
                open = o
                return
            }
            close()
            return startText(t, p)
        }
        if header.hasUnit, o.unit == nil, !o.texts.isEmpty, IndicatorVocabulary.unit(exactly: t) != nil {
            o.unit = t
        } else if p.wholeCell, isValueCell(o, p) {
            o.values.append(t)
        } else if o.texts.isEmpty, o.serial == nil, let peeled = peelSerial(t) {
            o.category = peeled.category ?? o.category
            o.serial = peeled.serial
            expectedSerial = peeled.serial + 1
            o.texts.append((peeled.rest, p.cell, p.passage))
        } else {
            o.texts.append((t, p.cell, p.passage))
        }
        open = o
    }

    /// In a table-row passage, a text cell after the name (and the unit, when there is a unit
    /// column) is a value in words.
    private func isValueCell(_ o: RawRow, _ p: TablePiece) -> Bool {
        guard p.inTableRow, !o.texts.isEmpty else { return false }
        if header.hasUnit && o.unit == nil { return false }
        let inThisRow = o.texts.filter { $0.passage == p.passage }.count
        let leading = header.hasCategory && o.category == nil && !header.hasSerial ? 2 : 1
        return inThisRow >= leading
    }

    private mutating func startText(_ t: String, _ p: TablePiece) {
        var row = RawRow(line: p.line, passage: p.passage)
        var text = t
        if let peeled = peelSerial(t) {
            row.category = peeled.category
            row.serial = peeled.serial
            expectedSerial = peeled.serial + 1
            text = peeled.rest
        }
        if !text.isEmpty { row.texts.append((text, p.cell, p.passage)) }
        open = row
    }

    /// A unit at the end of the name, where extraction joined the name and unit cells (货物贸易亿元).
    private static func peelUnit(_ o: inout RawRow, header: TableHeader) {
        guard header.hasUnit, o.unit == nil, let last = o.texts.last else { return }
        if o.texts.count > 1, IndicatorVocabulary.unit(exactly: last.text) != nil {
            o.unit = last.text
            o.texts.removeLast()
        } else if let split = IndicatorVocabulary.splitTrailingUnit(last.text) {
            o.texts[o.texts.count - 1].text = split.name
            o.unit = split.unit
        }
    }

    /// Pieces of a wrapped cell joined: directly between Chinese characters, with a space between Latin words.
    static func join(_ parts: [String]) -> String {
        var out = ""
        for part in parts {
            if let a = out.last, let b = part.first, a.isASCII && (a.isLetter || a.isNumber), b.isASCII && (b.isLetter || b.isNumber) {
                out += " "
            }
            out += part
        }
        return out
    }
}
