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

/// Which value column holds what, decided from the header's words and years and the plan's period.
struct ColumnPlan: Equatable, Sendable {
    var kind: IndicatorTable.Kind
    var baseline: Int?
    /// The target column, or the achieved one in a table of achieved values.
    var main: Int
    var extra: [Int]

    /// `nil` when no value column can hold a target or an achieved value.
    init?(header: TableHeader, period: PlanPeriod?, caption: String?) {
        let columns = header.valueColumns
        var stance = columns.map(\.stance)
        let years = columns.compactMap(\.year)
        for (i, c) in columns.enumerated() where c.stance == .neutral {
            guard let y = c.year else { continue }
            if let period {
                stance[i] = y < period.start ? .baseline : .target
            } else {
                stance[i] = years.count == 1 || y == years.max() ? .target : .baseline
            }
        }
        let lookingBack = ["完成情况", "完成值", "实现情况", "执行情况", "实施情况"].contains { caption?.contains($0) == true }
        let targets = stance.indices.filter { stance[$0] == .target }
        if !lookingBack, !targets.isEmpty {
            kind = .target
            let atEnd = targets.first { columns[$0].year != nil && columns[$0].year == period?.end }
            let dated = targets.filter { columns[$0].year != nil }.min { columns[$0].year! < columns[$1].year! }
            main = atEnd ?? dated ?? targets[0]
        } else {
            kind = .achieved
            let reached = stance.indices.filter { stance[$0] == .achieved }
            let dated = stance.indices.filter { columns[$0].year != nil }
            guard let m = reached.first ?? dated.max(by: { columns[$0].year! < columns[$1].year! }) else { return nil }
            main = m
        }
        let main = self.main
        let explicitBase = stance.indices.first { columns[$0].stance == .baseline && $0 != main }
        let pastYears = stance.indices.filter { $0 != main && stance[$0] == .baseline && columns[$0].year != nil }
        baseline = explicitBase ?? pastYears.max { columns[$0].year! < columns[$1].year! }
        let baseline = self.baseline
        extra = columns.indices.filter { $0 != main && $0 != baseline }
    }
}
