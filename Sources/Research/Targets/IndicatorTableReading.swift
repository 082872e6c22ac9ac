import Foundation

extension IndicatorTable {
    /// The indicator tables of one document's passages (in document order). `period` weighs the
    /// header's years (before it: baseline or achieved; from its start: target); `reference` names
    /// a passage (FILE#N).
    public static func read(
        _ passages: [SourcePassage], documentName: String, documentTitle: String, period: PlanPeriod?,
        reference: (Int) throws -> String
    ) rethrows -> [IndicatorTable] {
        var out: [IndicatorTable] = []
        for found in TableRecognizer.tables(in: passages) {
            guard let plan = ColumnPlan(header: found.header, period: period, caption: found.caption) else { continue }
            let rows = try rowsOf(found, plan, reference: reference)
            guard !rows.isEmpty else { continue }
            let columns = found.header.valueColumns.map(\.label)
            out.append(
                IndicatorTable(
                    kind: plan.kind, documentName: documentName, documentTitle: documentTitle, box: found.caption,
                    passage: try reference(found.passage), line: found.line, header: found.header,
                    baselineColumn: plan.baseline.map { columns[$0] }, targetColumn: columns[plan.main],
                    extraColumns: plan.extra.map { columns[$0] }, rows: rows, notes: found.notes))
        }
        return out
    }

    private static func rowsOf(_ found: FoundTable, _ plan: ColumnPlan, reference: (Int) throws -> String) rethrows -> [IndicatorRow] {
        let header = found.header
        let labels = header.valueColumns.map(\.label)
        // A unit the header gives the target column (2025年（亿元）), else the whole table (单位：亿元).
        let commonUnit = header.valueColumns[plan.main].unit ?? found.unit
        var rows: [IndicatorRow] = []
        var category: String?
        for raw in found.rows {
            var texts = raw.texts
            var own = raw.category
            // Two text cells before the values, in a table with a category column: category, then name.
            if own == nil, header.hasCategory, texts.count >= 2, texts[0].cell != texts[1].cell {
                own = texts.removeFirst().text
            }
            if own == nil, header.hasCategory, !texts.isEmpty, let split = IndicatorVocabulary.splitCategory(texts[0].text) {
                own = split.category
                texts[0].text = split.name
            }
            guard !texts.isEmpty, !raw.values.isEmpty else { continue }
            var name = IndicatorVocabulary.withoutEnumerator(RowAssembler.join(texts.map(\.text)))
            var unit = raw.unit
            if let split = IndicatorVocabulary.splitBracketedUnit(name),
                unit == nil || IndicatorVocabulary.unit(exactly: unit!) == IndicatorVocabulary.unit(exactly: split.unit)
            {
                name = split.name
                unit = unit ?? split.unit
            }
            if unit == nil { unit = commonUnit }
            if let own { category = own }
            let cells = fit(raw.values, to: labels.count)
            func cell(_ i: Int?) -> String? { i.flatMap { $0 < cells.count ? cells[$0] : nil } }
            let main = cell(plan.main)
            rows.append(
                IndicatorRow(
                    passage: try reference(raw.passage), line: raw.line, category: category, indicator: name, unit: unit,
                    baseline: cell(plan.baseline), target: plan.kind == .target ? main : nil,
                    achieved: plan.kind == .achieved ? main : nil, extra: extra(plan.extra, cells, labels),
                    value: main.flatMap(number), complete: raw.values.count >= labels.count))
        }
        // A category cell printed beside a later row of its group (vertically centred) also covers the rows above it.
        if let first = rows.firstIndex(where: { $0.category != nil }) {
            for i in 0..<first { rows[i].category = rows[first].category }
        }
        return rows
    }

    /// Values beyond the last column join the last one (a cell wrapped into pieces).
    private static func fit(_ values: [String], to count: Int) -> [String] {
        guard count > 0, values.count > count else { return values }
        return Array(values.prefix(count - 1)) + [values[(count - 1)...].joined(separator: " ")]
    }

    private static func extra(_ columns: [Int], _ cells: [String], _ labels: [String]) -> String? {
        // A blank cell (a 备注 left empty) adds no "备注：" to the row's extras.
        let present = columns.filter { $0 < cells.count && !cells[$0].isEmpty }
        if columns.count == 1 { return present.first.map { cells[$0] } }
        let pairs = present.map { labels[$0] + "：" + cells[$0] }
        return pairs.isEmpty ? nil : pairs.joined(separator: "；")
    }

    /// The number a value cell states, when it states one: comparators, brackets, %, a unit and
    /// qualifiers around it are dropped (≥1200, 【135】, >【500】, 6%以上, 65左右); a dash, a range
    /// (6.0-8.0) or words give nil.
    public static func number(_ printed: String) -> Double? {
        var s = Substring(printed.filter { !$0.isWhitespace })
        if let c = IndicatorVocabulary.comparators.first(where: { s.hasPrefix($0) }) { s = s.dropFirst(c.count) }
        if let first = s.first, let close = IndicatorVocabulary.brackets[first], let end = s.firstIndex(of: close) {
            s = s[s.index(after: s.startIndex)..<end] + s[s.index(after: end)...]
        }
        while let last = s.last, IndicatorVocabulary.footnoteMarks.contains(last) { s = s.dropLast() }
        for q in IndicatorVocabulary.qualifiers where s.hasSuffix(q) {
            s = s.dropLast(q.count)
            break
        }
        if let u = IndicatorVocabulary.valueUnits.first(where: { s.hasSuffix($0) }) { s = s.dropLast(u.count) }
        let digits = String(
            s.map { c -> Character in
                guard let v = c.unicodeScalars.first?.value, (0xFF10...0xFF19).contains(v) else { return c == "．" ? "." : c }
                return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!)
            }
        ).replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), digits.first != "." else { return nil }
        return Double(digits)
    }
}
