import Index
import Query

/// `compare`'s stated quantities of a hit in an indicator table, read as `targets` reads the table
/// (`IndicatorTables`): a table set as text (a PDF's extraction, cells apart by spaces) is no row
/// passage, and rows the extraction joined into one passage hold several indicators' figures. The
/// row whose indicator holds the query gives its columns' figures (2023年 45.6, 2025年 80, 2026年
/// 120), not the figures a sentence reader finds beside the query in the joined text.
final class TableTargets {
    private let reader: IndexReader
    /// Each document's table rows, read on its first hit.
    private var rows: [Int: [(table: IndicatorTable, row: IndicatorRow)]] = [:]

    init(reader: IndexReader) { self.reader = reader }

    /// The targets of the rows starting in the hit's passage whose indicator holds the query; nil
    /// when there is none (the passage is read as sentences).
    func targets(_ h: Hit, in document: DocumentFacts) throws -> [Comparison.Target]? {
        let text = Array(h.passage.text.unicodeScalars)
        let forms = Set(h.highlights.map { compact(String(String.UnicodeScalarView(text[$0]))) }).filter { !$0.isEmpty }
        let matching = try rows(of: document).filter { r in
            r.row.passage == h.passageID && forms.contains { compact(r.row.indicator).contains($0) }
        }
        guard !matching.isEmpty else { return nil }
        return matching.map { target($0.table, $0.row, forms: forms, chapter: ChapterTitle.chapter(of: h.passage.path)?.title) }
    }

    private func rows(of d: DocumentFacts) throws -> [(table: IndicatorTable, row: IndicatorRow)] {
        if let known = rows[d.index] { return known }
        let read = try IndicatorTables.read(d, reader: reader).flatMap { t in t.rows.map { (t, $0) } }
        rows[d.index] = read
        return read
    }

    /// 跨境电商进出口额（亿元）：2023年 45.6，2025年 80，2026年 120 — the row's value columns in the
    /// table's order, each with its header; a figure (a cell with a digit) is a quantity, a word
    /// (属性 预期性) is not.
    private func target(_ t: IndicatorTable, _ r: IndicatorRow, forms: Set<String>, chapter: String?) -> Comparison.Target {
        var sentence = r.indicator + (r.unit.map { "（\($0)）" } ?? "") + "："
        let lead = sentence.unicodeScalars.count
        var quantities: [Range<Int>] = []
        for (label, value) in Self.columns(t, r) {
            if sentence.unicodeScalars.count > lead { sentence += "，" }
            sentence += label + " "
            let start = sentence.unicodeScalars.count
            sentence += value
            if value.contains(where: \.isNumber) { quantities.append(start..<sentence.unicodeScalars.count) }
        }
        return Comparison.Target(
            passageID: r.passage, line: r.line, chapter: chapter, sentence: sentence,
            highlights: Self.occurrences(of: forms, in: Array(sentence.unicodeScalars.prefix(lead))), quantities: quantities)
    }

    /// The row's (header, value) pairs in the order of the table's columns: baseline, target (or
    /// achieved) and the others, whose values `IndicatorRow.extra` holds as "header：value" pairs
    /// joined by "；" when there are several.
    static func columns(_ t: IndicatorTable, _ r: IndicatorRow) -> [(String, String)] {
        var pairs: [(String, String)] = []
        if let label = t.baselineColumn, let v = r.baseline { pairs.append((label, v)) }
        if let label = t.targetColumn, let v = r.target ?? r.achieved { pairs.append((label, v)) }
        if let extra = r.extra {
            if t.extraColumns.count == 1 {
                pairs.append((t.extraColumns[0], extra))
            } else {
                for pair in extra.components(separatedBy: "；") {
                    guard let colon = pair.firstIndex(of: "："), t.extraColumns.contains(String(pair[..<colon])) else { continue }
                    pairs.append((String(pair[..<colon]), String(pair[pair.index(after: colon)...])))
                }
            }
        }
        let order = t.header.valueColumns.map(\.label)
        return pairs.filter { !$0.1.isEmpty }.sorted { (order.firstIndex(of: $0.0) ?? .max) < (order.firstIndex(of: $1.0) ?? .max) }
    }

    private static func occurrences(of forms: Set<String>, in s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for form in forms {
            let f = Array(form.unicodeScalars)
            var i = 0
            while i + f.count <= s.count {
                if s[i..<(i + f.count)].elementsEqual(f) {
                    out.append(i..<(i + f.count))
                    i += f.count
                } else {
                    i += 1
                }
            }
        }
        return out.sorted { $0.lowerBound < $1.lowerBound }
    }

    private func compact(_ s: String) -> String { s.filter { !$0.isWhitespace } }
}
