/// Sentences of a passage that state a quantity next to the query: 跨境电商交易额超过1200亿元,
/// 打造20个省级跨境电商产业园, 力争跨境电商交易额增长50%以上. `compare` lists them as the plan's
/// targets for the term.
///
/// A quantity is an Arabic number (ASCII or full-width digits, with decimals or thousands
/// separators), optionally followed by 多 or 余, then one of `units`; a number right after 第 is
/// an ordinal, not a quantity. A sentence (ending at 。！？； or a line break) is kept when a quantity
/// stands in the same clause as an occurrence of the query or in the clause right after it (clauses
/// end at ，：), so "增长50%以上，规模突破900亿元" keeps both figures and an unrelated figure two
/// clauses away does not count.
public enum QuantityStatements {
    /// Units of the quantities plans set goals in; longer units first where one is a suffix-extension
    /// of another (万亿元 before 亿元, 个百分点 before 个).
    public static let units: [String] = [
        "万亿元", "亿美元", "万美元", "亿元", "万元", "元/千瓦时", "元/吨", "元", "个百分点", "亿人次", "万人次", "万人", "人次", "人", "万家", "万户", "户",
        "万平方米", "平方米", "万亩", "亩", "公顷", "公里", "万吨标准煤", "万吨", "吨", "万标箱", "亿千瓦时", "万千瓦时", "千瓦时",
        "万千瓦", "千瓦", "兆瓦", "吨标准煤", "项", "%", "％", "‰", "亿个", "万个", "个工作日", "工作日", "个月", "小时", "分钟", "天", "个",
        "家", "倍"
    ]

    /// A sentence with its qualifying quantities, in Unicode scalar offsets of the passage text.
    public struct Statement: Equatable, Sendable {
        public var sentence: Range<Int>
        public var quantities: [Range<Int>]
    }

    private static let unitScalars: [[Unicode.Scalar]] = units.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// A table row's statement (社会消费品零售总额 | 亿元 | 10371.8 | 16000 | 6%左右): its values are
    /// the cells after the query's that hold a figure, whatever unit the row's unit cell gives them
    /// (16000, 【800】, ≥1200, 6%左右), and the quantities written inside the query's cell and later
    /// ones (新增会展企业30家); the cells before it (序号, 类别) are not. The whole row is the sentence.
    public static func findInRow(_ text: String, occurrences: [Range<Int>]) -> [Statement] {
        guard let first = occurrences.first else { return [] }
        let s = Array(text.unicodeScalars)
        var quantities: [Range<Int>] = []
        var start = 0
        // Cells as every reader of a row's passage splits them (the ingestion joins them with " | ").
        for text in text.components(separatedBy: " | ") {
            let cell = start..<(start + text.unicodeScalars.count)
            start = cell.upperBound + 3
            // From the query's cell on: a figure cell whole, else the quantities written in the cell.
            guard cell.upperBound > first.lowerBound else { continue }
            if cell.lowerBound > first.lowerBound, isFigure(s[cell]) {
                quantities.append(cell)
            } else {
                quantities += Self.quantities(s, in: cell)
            }
        }
        return quantities.isEmpty ? [] : [Statement(sentence: 0..<s.count, quantities: quantities)]
    }

    /// A cell that states one figure: a number with its bound marks, brackets and unit around it.
    private static func isFigure(_ cell: ArraySlice<Unicode.Scalar>) -> Bool {
        guard cell.contains(where: digit) else { return false }
        let rest = cell.filter { !digit($0) && !separator($0) && !"≥≤＞＜><⩾⩽【】〔〕[]()（）约+-—%％‰ ".unicodeScalars.contains($0) }
        var words = String(String.UnicodeScalarView(rest))
        for bound in leadingBounds where words.unicodeScalars.starts(with: bound) {
            words = String(String.UnicodeScalarView(words.unicodeScalars.dropFirst(bound.count)))
            break
        }
        return words.isEmpty || units.contains(words) || ["左右", "以上", "以下", "以内", "万", "亿"].contains(words)
    }

    /// The statements of `text` given the query's occurrences in it (ascending scalar ranges).
    public static func find(in text: String, occurrences: [Range<Int>]) -> [Statement] {
        guard !occurrences.isEmpty else { return [] }
        let s = Array(text.unicodeScalars)
        var out: [Statement] = []
        var start = 0
        while start < s.count {
            var end = start
            while end < s.count, !isSentenceEnd(s[end]) { end += 1 }
            end = min(end + 1, s.count)
            let inside = occurrences.filter { $0.lowerBound >= start && $0.lowerBound < end }
            if !inside.isEmpty {
                let quantities = qualifying(s, start..<end, occurrences: inside)
                if !quantities.isEmpty { out.append(Statement(sentence: trimmed(s, start..<end), quantities: quantities)) }
            }
            start = end
        }
        return out
    }

    /// The quantities of a sentence in an occurrence's clause or the next one.
    private static func qualifying(_ s: [Unicode.Scalar], _ sentence: Range<Int>, occurrences: [Range<Int>]) -> [Range<Int>] {
        var clauseOf = [Int](repeating: 0, count: sentence.count)
        var clause = 0
        for i in sentence {
            clauseOf[i - sentence.lowerBound] = clause
            // 1,200 and a ratio 1：9 hold no clause break.
            let inNumber = (s[i] == "," || s[i] == "：" || s[i] == ":") && i > 0 && i + 1 < s.count && digit(s[i - 1]) && digit(s[i + 1])
            if isClauseEnd(s[i]) && !inNumber { clause += 1 }
        }
        let wanted = Set(
            occurrences.flatMap { o in [clauseOf[o.lowerBound - sentence.lowerBound], clauseOf[o.lowerBound - sentence.lowerBound] + 1] })
        return quantities(s, in: sentence).filter { wanted.contains(clauseOf[$0.lowerBound - sentence.lowerBound]) }
    }

    /// Every quantity in a range of scalars: a number and its unit, with the bound written around
    /// it (不少于50家, ≥50%, 10%左右, 500亿元以上), or a range of two numbers (5亿元至10亿元, 5至10亿元,
    /// 6%—8%) as one quantity: a target is the whole statement, not its last figure.
    static func quantities(_ s: [Unicode.Scalar], in range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = range.lowerBound
        while i < range.upperBound {
            // A label's number is none (第3, 表1, 图2, 专栏4, 附件1): 表1天津市… is no "1天".
            guard digit(s[i]), i == range.lowerBound || (!digit(s[i - 1]) && !Self.labels.contains(s[i - 1])) else {
                i += 1
                continue
            }
            let first = term(s, at: i, in: range)
            var end = first.unit ?? first.number
            // The first figure of a range may carry only its magnitude: 80亿—100亿元, 10万～15万平方米.
            let magnitude = first.unit == nil && end < range.upperBound && (s[end] == "万" || s[end] == "亿") ? end + 1 : end
            if let connector = rangeConnector(s, at: magnitude, in: range), connector < range.upperBound, digit(s[connector]) {
                let second = term(s, at: connector, in: range)
                if let unit = second.unit { end = unit }
            }
            guard end > first.number else {
                i = first.number
                continue
            }
            end = suffix(of: s, at: end, in: range, among: Self.trailingBounds) ?? end
            let start = Self.leadingBounds.lazy.compactMap { b in
                i - b.count >= range.lowerBound && Array(s[(i - b.count)..<i]) == b ? i - b.count : nil
            }.first
            out.append((start ?? i)..<end)
            i = end
        }
        return out
    }

    /// Characters a numbered label ends with, before its number.
    private static let labels: Set<Unicode.Scalar> = ["第", "表", "图", "栏", "件", "录"]

    /// A number at `i` and where it ends; and where its unit ends, if one follows (after spaces and 多 or 余).
    private static func term(_ s: [Unicode.Scalar], at start: Int, in range: Range<Int>) -> (number: Int, unit: Int?) {
        var i = start
        while i < range.upperBound, digit(s[i]) || (separator(s[i]) && i + 1 < range.upperBound && digit(s[i + 1])) { i += 1 }
        var j = i
        while j < range.upperBound, s[j] == " " { j += 1 }
        if j < range.upperBound, s[j] == "多" || s[j] == "余" { j += 1 }
        return (i, suffix(of: s, at: j, in: range, among: unitScalars))
    }

    /// Where the first of `words` written at `i` ends, if one is.
    private static func suffix(of s: [Unicode.Scalar], at i: Int, in range: Range<Int>, among words: [[Unicode.Scalar]]) -> Int? {
        words.first { w in i + w.count <= range.upperBound && Array(s[i..<(i + w.count)]) == w }.map { i + $0.count }
    }

    /// After a number or quantity ending at `i`, where the second number of a range starts (至, 到, a dash or tilde).
    private static func rangeConnector(_ s: [Unicode.Scalar], at i: Int, in range: Range<Int>) -> Int? {
        guard i < range.upperBound, "至到—–-－~～".unicodeScalars.contains(s[i]) else { return nil }
        var j = i + 1
        while j < range.upperBound, s[j] == "—" || s[j] == " " { j += 1 }  // ——, spaced dashes
        return j
    }

    /// Bounds written before the number, longest first: part of the target.
    private static let leadingBounds: [[Unicode.Scalar]] = [
        "不少于", "不低于", "不高于", "不超过", "不多于", "不大于", "不小于", "不足", "大于", "小于", "高于", "低于", "超过", "突破", "至少", "最高", "最低", "最多", "≥", "≤", "＞",
        "＜", ">", "<",
        "⩾", "⩽", "约", "逾", "近"
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    private static let trailingBounds: [[Unicode.Scalar]] = ["左右", "以上", "以下", "以内", "之间"].map { Array($0.unicodeScalars) }

    private static func digit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) || ("０"..."９").contains(c) }
    private static func separator(_ c: Unicode.Scalar) -> Bool { c == "." || c == "．" || c == "," }
    private static func isSentenceEnd(_ c: Unicode.Scalar) -> Bool { "。！？；!?;\n".unicodeScalars.contains(c) }
    private static func isClauseEnd(_ c: Unicode.Scalar) -> Bool { "，：,:".unicodeScalars.contains(c) }

    /// The sentence without leading spaces.
    private static func trimmed(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        while lo < r.upperBound, s[lo].properties.isWhitespace { lo += 1 }
        return lo..<r.upperBound
    }
}
