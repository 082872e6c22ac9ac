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
        // A long-range column (2035年远景目标) does not decide which of the plan's years is its end.
        let years = columns.filter { $0.stance != .outlook }.compactMap(\.year)
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
            // 2020年实际值 beside 2025年目标: what was achieved before the target's year is its baseline.
            if let mainYear = columns[main].year {
                for i in stance.indices where stance[i] == .achieved && (columns[i].year ?? mainYear) < mainYear { stance[i] = .baseline }
            }
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
