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

    /// 跨境电商进出口额（亿元）：2023年 45.6，2025年 80，2026年 120 — the baseline column, the others,
    /// then the target column, each with its header; each figure a quantity.
    private func target(_ t: IndicatorTable, _ r: IndicatorRow, forms: Set<String>, chapter: String?) -> Comparison.Target {
        var sentence = r.indicator + (r.unit.map { "（\($0)）" } ?? "") + "："
        let lead = sentence.unicodeScalars.count
        var quantities: [Range<Int>] = []
        func add(_ label: String?, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            if sentence.unicodeScalars.count > lead { sentence += "，" }
            if let label { sentence += label + " " }
            let start = sentence.unicodeScalars.count
            sentence += value
            if value.contains(where: \.isNumber) { quantities.append(start..<sentence.unicodeScalars.count) }
        }
        add(t.baselineColumn, r.baseline)
        add(t.extraColumns.count == 1 ? t.extraColumns[0] : nil, r.extra)
        add(t.targetColumn, r.target ?? r.achieved)
        return Comparison.Target(
            passageID: r.passage, line: r.line, chapter: chapter, sentence: sentence,
            highlights: Self.occurrences(of: forms, in: Array(sentence.unicodeScalars.prefix(lead))), quantities: quantities)
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

    private func compact(_ s: String) -> String { String(s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
}
