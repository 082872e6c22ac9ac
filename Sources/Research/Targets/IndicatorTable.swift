/// One row of an indicator table: values as printed (cleaned text: spaces beside Chinese characters
/// removed, wrapped cells joined), the indicator name without a bracketed unit, and the target as a number.
public struct IndicatorRow: Equatable, Sendable {
    /// The passage the row starts in (FILE#N) and that passage's first source line.
    public var passage: String
    public var line: Int
    public var category: String?
    public var indicator: String
    public var unit: String?
    /// The value of the baseline column (2020年, 基期); nil when the table has none.
    public var baseline: String?
    /// The value of the target column (2025年, 目标值); nil in a table of achieved values.
    public var target: String?
    /// The value reached, in a table of achieved values (十三五 完成情况); nil in a target table.
    public var achieved: String?
    /// The other columns (属性, 年均增长, a 2035 column): the value as printed when there is one
    /// such column, "header：value" pairs joined by "；" when there are several.
    public var extra: String?
    /// The target (or achieved value) as a number, when it is one number: ≥1200 → 1200, 【135】 → 135,
    /// 6%以上 → 6, 65左右 → 65; nil for a dash, a range or words.
    public var value: Double?
    /// Whether every value column got a cell. When extraction joined a row's cells and lost one
    /// boundary (515.9 and 1168 read as 515.91168), fewer cells than columns are read; they are
    /// then placed left to right and may stand in the wrong column.
    public var complete: Bool
}

/// An indicator table of one document.
public struct IndicatorTable: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// A column looks ahead: a target year or 目标.
        case target
        /// Every year column looks back (十三五 完成情况): what was achieved, not what is aimed at.
        case achieved
    }

    public var kind: Kind
    public var documentName: String
    public var documentTitle: String
    /// The 专栏 holding the table, or the caption line right above it.
    public var box: String?
    /// The header row's passage (FILE#N) and source line.
    public var passage: String
    public var line: Int
    public var header: TableHeader
    /// The headers of the columns read as baseline, target (or achieved) and extra, as printed.
    public var baselineColumn: String?
    public var targetColumn: String?
    public var extraColumns: [String]
    public var rows: [IndicatorRow]
    /// Footnotes under the table (备注：带【】为五年累计数).
    public var notes: [String]
}
