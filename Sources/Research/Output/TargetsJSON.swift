/// `targets --format json`: an array with one object per indicator row, in catalog order, then
/// document order; every key is present, null when the table has no such value.
///
///     [{"kind": "target"|"achieved", "doc", "title", "box", "passage", "line", "category", "indicator",
///       "key", "unit", "baseline", "target", "achieved", "extra", "value",
///       "complete", "baselineColumn", "targetColumn", "extraColumns": [str]}]
///
/// Values are as printed (cleaned: spaces beside Chinese characters removed; wrapped cells joined);
/// `value` is the target (achieved value, in an achieved table) as a number where it is one; `key`
/// is the name the alignment compares; `complete` is false when fewer cells were read than the table
/// has value columns (placed left to right); the *Column keys give the table's headers.
public struct TargetsJSON: Encodable, Sendable {
    struct Row: Encodable {
        var kind: String
        var doc: String
        var title: String
        var box: String?
        var passage: String
        var line: Int
        var category: String?
        var indicator: String
        var key: String
        var unit: String?
        var baseline: String?
        var target: String?
        var achieved: String?
        var extra: String?
        var value: Double?
        var complete: Bool
        var baselineColumn: String?
        var targetColumn: String?
        var extraColumns: [String]

        enum CodingKeys: String, CodingKey {
            case kind, doc, title, box, passage, line, category, indicator, key, unit, baseline, target, achieved, extra, value
            case complete, baselineColumn, targetColumn, extraColumns
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(doc, forKey: .doc)
            try c.encode(title, forKey: .title)
            try c.encode(box, forKey: .box)
            try c.encode(passage, forKey: .passage)
            try c.encode(line, forKey: .line)
            try c.encode(category, forKey: .category)
            try c.encode(indicator, forKey: .indicator)
            try c.encode(key, forKey: .key)
            try c.encode(unit, forKey: .unit)
            try c.encode(baseline, forKey: .baseline)
            try c.encode(target, forKey: .target)
            try c.encode(achieved, forKey: .achieved)
            try c.encode(extra, forKey: .extra)
            try c.encode(value, forKey: .value)
            try c.encode(complete, forKey: .complete)
            try c.encode(baselineColumn, forKey: .baselineColumn)
            try c.encode(targetColumn, forKey: .targetColumn)
            try c.encode(extraColumns, forKey: .extraColumns)
        }
    }

    var rows: [Row]

    public init(_ tables: [IndicatorTable], alignment: IndicatorAlignment) {
        rows = tables.flatMap { t in
            t.rows.map { r in
                Row(
                    kind: t.kind.rawValue, doc: t.documentName, title: t.documentTitle, box: t.box, passage: r.passage, line: r.line,
                    category: r.category, indicator: r.indicator, key: alignment.keys[r.indicator] ?? r.indicator,
                    unit: r.unit, baseline: r.baseline, target: r.target, achieved: r.achieved, extra: r.extra, value: r.value,
                    complete: r.complete,
                    baselineColumn: t.baselineColumn, targetColumn: t.targetColumn, extraColumns: t.extraColumns)
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rows)
    }
}
