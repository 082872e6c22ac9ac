/// One column of an indicator table as its header names it.
public struct TableColumn: Equatable, Sendable {
    public enum Role: String, Equatable, Sendable { case category, serial, indicator, unit, value }
    /// What the header's words say a value column holds, before the plan's years are weighed.
    /// `outlook`: a long-range column beside the plan's (2035年远景目标, 2035年展望), never its target.
    public enum Stance: String, Equatable, Sendable { case baseline, target, achieved, neutral, outlook }

    /// The header cell as printed (cleaned: spaces beside Chinese characters removed).
    public var label: String
    public var role: Role
    /// The year a value column is headed by (2020 of 2020年数值).
    public var year: Int?
    public var stance: Stance
    /// A unit the header gives the column (2025年（亿元）).
    public var unit: String?

    public init(label: String, role: Role, year: Int? = nil, stance: Stance = .neutral, unit: String? = nil) {
        self.label = label
        self.role = role
        self.year = year
        self.stance = stance
        self.unit = unit
    }
}

/// The header row of an indicator table, read from its words: 类别, 序号, 指标, 单位, years
/// (2020年, 2025年目标值), 基期/目标, 属性, 年均增长 …. A row is a header only when all of its text
/// is such words and it names an indicator column and a year or a baseline/target column — the shape
/// of a table, not the names of particular tables.
public struct TableHeader: Equatable, Sendable {
    public var columns: [TableColumn]

    public init(columns: [TableColumn]) { self.columns = columns }

    public var valueColumns: [TableColumn] { columns.filter { $0.role == .value } }
    public var hasSerial: Bool { columns.contains { $0.role == .serial } }
    public var hasUnit: Bool { columns.contains { $0.role == .unit } }
    public var hasCategory: Bool { columns.contains { $0.role == .category } }

    /// A two-row header (序号 | 指标 | 单位 | 指标值 | 属性 over 2020年 | 2025年): the columns with the
    /// cell that spans the second row's (a value column without a year) replaced by them.
    public func spanning(_ sub: [TableColumn]) -> TableHeader? {
        guard !sub.isEmpty, sub.allSatisfy({ $0.role == .value && $0.year != nil }),
            let group = columns.firstIndex(where: { $0.role == .value && $0.year == nil && HeaderWords.spanningWords.contains($0.label) })
        else { return nil }
        let stance = columns[group].stance
        let spliced = sub.map { c in
            var c = c
            if c.stance == .neutral { c.stance = stance }
            return c
        }
        return TableHeader(columns: Array(columns[..<group]) + spliced + Array(columns[(group + 1)...]))
    }

    /// Whether these columns make an indicator table's header.
    public var isComplete: Bool {
        columns.filter { $0.role == .indicator }.count == 1
            && columns.contains { $0.role == .value && ($0.year != nil || $0.stance != .neutral) }
    }

    /// The columns `cells` name, when every cell is header words; nil otherwise. Each cell may
    /// hold several columns when extraction joined them (序号指标单位2020年2025年).
    public static func columns(ofCells cells: [String]) -> [TableColumn]? {
        // A header row is short and starts with a header word: most passages are rejected here.
        guard let first = cells.first?.first(where: { $0 != " " && $0 != "\t" }), HeaderWords.canStart(first),
            cells.reduce(0, { $0 + $1.utf8.count }) <= 600
        else { return nil }
        var out: [TableColumn] = []
        for cell in cells {
            let compact = String(cell.filter { !$0.isWhitespace && $0 != "|" })
            if compact.isEmpty { continue }
            guard let parsed = HeaderWords.segment(Array(compact)) else {
                // Cells split inside a word (2020 | 年): read the row as one text.
                guard cells.count > 1 else { return nil }
                return HeaderWords.segment(Array(cells.joined().filter { !$0.isWhitespace && $0 != "|" }))
            }
            out += parsed
        }
        return out.isEmpty ? nil : out
    }
}

/// The header vocabulary and a segmentation of a header cell into it.
enum HeaderWords {
    typealias Entry = (word: String, role: TableColumn.Role, stance: TableColumn.Stance)

    static let entries: [Entry] = {
        var list: [Entry] = []
        for w in ["指标类别", "指标分类", "指标类型", "类别", "分类", "类型", "领域", "维度", "方面"] { list.append((w, .category, .neutral)) }
        for w in ["序号", "编号", "序"] { list.append((w, .serial, .neutral)) }
        for w in ["指标名称", "具体指标", "主要指标", "指标内容", "指标项", "指标", "项目", "名称"] { list.append((w, .indicator, .neutral)) }
        for w in ["计量单位", "单位"] { list.append((w, .unit, .neutral)) }
        for w in baselineWords { list.append((w, .value, .baseline)) }
        for w in targetWords { list.append((w, .value, .target)) }
        for w in achievedWords { list.append((w, .value, .achieved)) }
        for w in [
            "指标属性", "指标性质", "属性", "性质", "年均/累计", "年均增长率", "年均增长", "年均增速", "年均增幅", "五年累计", "累计", "年均",
            "增速", "增幅", "备注", "说明", "指标数值", "指标值", "数值"
        ] {
            list.append((w, .value, .neutral))
        }
        return list.sorted { $0.word.count > $1.word.count }
    }()

    /// The characters a header word can start with: a year's digit, a quote or 十 of “十四五”, or
    /// the first character of a vocabulary word.
    static let starts: Set<Character> = {
        var set = Set(entries.compactMap(\.word.first))
        set.formUnion("0123456789“\"‘「十")
        return set
    }()

    static func canStart(_ c: Character) -> Bool { starts.contains(c) }

    static let baselineWords = ["基期值", "基期年", "基期", "基数", "基准值", "基准年", "基准", "现状值", "现状"]
    static let targetWords = ["规划目标值", "目标值", "预期目标", "规划目标", "规划值", "预期值", "目标", "预期", "规划"]
    static let achievedWords = ["完成情况", "完成值", "实际值", "实现值", "完成", "实际"]
    /// Header cells that span the year columns of a second header row.
    static let spanningWords: Set<String> = ["指标值", "指标数值", "数值", "目标值", "规划目标值", "规划目标", "预期目标", "目标", "规划值", "预期值"]
    static let outlookWords = ["远景目标", "远景值", "远景", "展望值", "展望"]
    /// What may follow a year: its stance word, or a neutral 数值/值/末/底.
    static let yearSuffixes: [(String, TableColumn.Stance)] = {
        var list: [(String, TableColumn.Stance)] = baselineWords.map { ($0, .baseline) } + targetWords.map { ($0, .target) }
        list += achievedWords.map { ($0, .achieved) } + outlookWords.map { ($0, .outlook) }
        list += [("数值", .neutral), ("年末", .neutral), ("年底", .neutral), ("值", .neutral), ("末", .neutral), ("底", .neutral)]
        return list.sorted { $0.0.count > $1.0.count }
    }()

    /// The longest run of header words starting at `start`: its columns and where it ends (a
    /// header that extraction joined with the caption before it and the rows after it).
    static func prefix(_ chars: [Character], from start: Int) -> (columns: [TableColumn], end: Int) {
        var memo: [Int: (columns: [TableColumn], end: Int)] = [:]
        // A header is short: looking further than this only costs time on long runs of header words.
        let limit = start + 160
        func from(_ i: Int) -> (columns: [TableColumn], end: Int) {
            if let known = memo[i] { return known }
            var best: (columns: [TableColumn], end: Int) = ([], i)
            guard i < limit else { return best }
            for (word, end) in candidates(chars, at: i) {
                let (column, next) = withNote(word, chars, end)
                let rest = from(next)
                if rest.end > best.end || best.columns.isEmpty { best = ([column] + rest.columns, max(rest.end, end)) }
            }
            memo[i] = best
            return best
        }
        return from(start)
    }

    /// `chars` as a sequence of header words, each optionally followed by a bracketed note ((%),
    /// （亿元）) or a slash; nil when some text is not a header word.
    static func segment(_ chars: [Character]) -> [TableColumn]? {
        var memo: [Int: [TableColumn]?] = [:]
        func from(_ i: Int) -> [TableColumn]? {
            if i == chars.count { return [] }
            if let known = memo[i] { return known }
            var result: [TableColumn]?
            for (word, end) in candidates(chars, at: i) {
                let (column, next) = withNote(word, chars, end)
                if let rest = from(next) {
                    result = [column] + rest
                    break
                }
            }
            memo[i] = result
            return result
        }
        return from(0)
    }

    /// The header words that start at `i`, longest first, with where each ends.
    private static func candidates(_ chars: [Character], at i: Int) -> [(TableColumn, Int)] {
        var out: [(TableColumn, Int)] = []
        if let (year, end) = year(chars, at: i) ?? plan(chars, at: i) {
            var k = end
            var stance = TableColumn.Stance.neutral
            if let n = yearSuffixChars.firstIndex(where: { hasWord($0, chars, at: end) }) {
                k += yearSuffixChars[n].count
                stance = yearSuffixes[n].1
            }
            out.append((TableColumn(label: String(chars[i..<k]), role: .value, year: year, stance: stance), k))
        }
        for (n, e) in entries.enumerated() where hasWord(entryChars[n], chars, at: i) {
            out.append((TableColumn(label: e.word, role: e.role, stance: e.stance), i + entryChars[n].count))
        }
        return out
    }

    /// A five-year plan named as a column (“十四五”目标, 十三五末): the plan's last year, and the end.
    private static func plan(_ chars: [Character], at i: Int) -> (Int, Int)? {
        var k = i
        if k < chars.count, CharSet("“\"‘「").contains(chars[k]) { k += 1 }
        guard k + 3 <= chars.count, let period = PlanPeriod.fiveYearPlan(in: String(chars[k..<k + 3])), let end = period.end else {
            return nil
        }
        k += 3
        if k < chars.count, CharSet("”\"’」").contains(chars[k]) { k += 1 }
        for w in periodSuffixes where hasWord(w, chars, at: k) {
            k += w.count
            break
        }
        return (end, k)
    }

    /// `column` with the bracketed note after it ((%), （亿元）, （基期）) in its label, its unit or
    /// stance taken from the note, and the index past the note and any slash after it.
    private static func withNote(_ column: TableColumn, _ chars: [Character], _ i: Int) -> (TableColumn, Int) {
        var column = column
        var k = i
        if k < chars.count, let close = IndicatorVocabulary.brackets[chars[k]], let end = chars[k...].firstIndex(of: close),
            end - k <= 8
        {
            let note = String(chars[(k + 1)..<end])
            column.label += String(chars[k...end])
            if let unit = IndicatorVocabulary.unit(exactly: note) { column.unit = unit }
            if column.stance == .neutral, let s = yearSuffixes.first(where: { $0.0 == note && $0.1 != .neutral }) { column.stance = s.1 }
            k = end + 1
        }
        while k < chars.count, chars[k] == "/" || chars[k] == "、" { k += 1 }
        return (column, k)
    }

    /// A year (1949–2099) with or without 年: its value and end.
    private static func year(_ chars: [Character], at i: Int) -> (Int, Int)? {
        guard i + 4 <= chars.count, chars[i..<i + 4].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if i + 4 < chars.count, chars[i + 4].isASCII, chars[i + 4].isNumber { return nil }
        guard let y = Int(String(chars[i..<i + 4])), (1949...2099).contains(y) else { return nil }
        return (y, i + 4 < chars.count && chars[i + 4] == "年" ? i + 5 : i + 4)
    }

    private static func hasWord(_ word: [Character], _ chars: [Character], at i: Int) -> Bool {
        guard i + word.count <= chars.count, chars[i] == word[0] else { return false }
        for (n, c) in word.enumerated() where chars[i + n] != c { return false }
        return true
    }

    /// The words as arrays of characters, compared without walking strings again.
    private static let entryChars = entries.map { Array($0.word) }
    private static let yearSuffixChars = yearSuffixes.map { Array($0.0) }
    private static let periodSuffixes = ["时期", "期间", "期末", "末"].map { Array($0) }
}
