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
        @NullWhenAbsent var box: String?
        var passage: String
        var line: Int
        @NullWhenAbsent var category: String?
        var indicator: String
        var key: String
        @NullWhenAbsent var unit: String?
        @NullWhenAbsent var baseline: String?
        @NullWhenAbsent var target: String?
        @NullWhenAbsent var achieved: String?
        @NullWhenAbsent var extra: String?
        @NullWhenAbsent var value: Double?
        var complete: Bool
        @NullWhenAbsent var baselineColumn: String?
        @NullWhenAbsent var targetColumn: String?
        var extraColumns: [String]
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
