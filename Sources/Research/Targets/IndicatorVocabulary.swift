/// The words indicator tables print, as GB/T 9704-style plans write them: units of measure, the
/// qualifiers that follow a value (左右, 以上, 个百分点), the attribute words of the 属性 column and
/// the openers of a table's footnote. The recognizer reads a table through these, never through the
/// names of indicators, so it holds for tables it has not seen.
enum IndicatorVocabulary {
    /// Units of measure, longest first where one ends another (万亿元 before 亿元 before 元).
    static let units: [String] = {
        let list = [
            "万亿元", "亿元", "万元", "元", "亿美元", "万美元", "美元", "亿欧元", "万亿", "亿", "万",
            "%", "％", "‰", "个百分点", "个", "家", "户", "万户", "人", "万人", "人次", "万人次", "亿人次", "名", "位",
            "吨", "万吨", "亿吨", "千克", "公斤", "标准煤", "万吨标准煤", "吨标准煤", "平方米", "万平方米", "亿平方米",
            "平方公里", "平方千米", "公顷", "亩", "万亩", "公里", "千米", "米", "立方米", "万立方米", "亿立方米",
            "千瓦", "万千瓦", "千瓦时", "亿千瓦时", "万千瓦时", "兆瓦", "项", "件", "万件", "亿件", "座", "条", "所", "张",
            "床", "套", "辆", "万辆", "部", "台", "万台", "艘", "架", "班", "列", "标箱", "万标箱", "TEU", "万TEU",
            "次", "万次", "天", "小时", "分钟", "岁", "年", "倍", "元/人", "元/吨", "万元/人", "人/万人", "个/万人",
            "件/万人", "Mbps", "Gbps", "GB", "km", "m²", "kWh"
        ]
        return list.sorted { $0.count > $1.count }
    }()

    /// Units that may follow a number inside a value cell (3万亿元, 20个) without being read as
    /// the start of text: the units above, less those that begin common words (年 as in 年均).
    static let valueUnits: [String] = units.filter { !["年", "天", "次", "位", "名", "部", "列", "班"].contains($0) }

    /// What may follow a number in a value cell: 65左右, 6%以上, 2.4个百分点, 1.5倍.
    static let qualifiers = ["个百分点", "及以上", "以上", "以下", "以内", "左右", "倍", "多", "余"].sorted { $0.count > $1.count }

    /// What may precede a number in a value cell: ≥40000, >【500】, 超过1200.
    static let comparators = [
        "≥", "≤", ">", "<", "＞", "＜", "≧", "≦", "不低于", "不少于", "不超过", "不高于", "超过", "高于", "低于", "大于", "小于",
        "达到", "约"
    ].sorted { $0.count > $1.count }

    /// Bracket pairs around a value; 【135】 and [70] mark cumulative (five-year) values.
    static let brackets: [Character: Character] = ["【": "】", "[": "]", "［": "］", "〔": "〕", "(": ")", "（": "）"]

    /// The 属性 column's words.
    static let attributes = ["预期性", "约束性", "指导性", "预期", "约束"]

    /// How a footnote under a table starts (备注：带【】为五年累计数).
    static let noteOpeners = ["备注", "注释", "说明", "资料来源", "数据来源", "注"]

    /// Characters that stand for “no value” in a cell: —, ——, -, －, /.
    static func isDash(_ c: Character) -> Bool { dashes.contains(c) }

    static let dashes = CharSet("—–－-─―")
    static let sentenceMarks = CharSet("。！？；")
    static let footnoteMarks = CharSet("*＊※")

    static func isCJK(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
        default: return false
        }
    }

    /// The unit `text` is, when it is one: a unit of the vocabulary, optionally followed by a
    /// bracketed remark (亿美元(累计)). Returns the bare unit.
    static func unit(exactly text: String) -> String? {
        let t = text.filter { !$0.isWhitespace }
        for u in units where t.hasPrefix(u) {
            let rest = t.dropFirst(u.count)
            if rest.isEmpty { return u }
            if let open = rest.first, let close = brackets[open], rest.last == close, rest.count > 2 { return u }
        }
        return nil
    }

    /// `text` split into what precedes a unit it ends with and that unit (社会消费品零售总额亿元 →
    /// 社会消费品零售总额, 亿元); nil when it ends with none or is nothing but the unit.
    static func splitTrailingUnit(_ text: String) -> (name: String, unit: String)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        for u in units where t.hasSuffix(u) && t.count > u.count {
            let name = String(t.dropLast(u.count)).trimmingCharacters(in: .whitespaces)
            // A name ending in a digit (世界500) did not end where the unit starts.
            guard let last = name.last, !last.isNumber || last == "）" || last == ")" else { continue }
            return (name, u)
        }
        return nil
    }

    /// `name` without the numbering a table without a 序号 column puts before it (1.地区生产总值增长,
    /// 2、…, ①…); a number that is part of the name (5G, 4+6) stays.
    static func withoutEnumerator(_ name: String) -> String {
        let chars = Array(name)
        if let first = chars.first, let v = first.unicodeScalars.first?.value, (0x2460...0x2473).contains(v), chars.count > 1 {
            return String(chars.dropFirst()).trimmingCharacters(in: .whitespaces)
        }
        let digits = chars.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count), digits.count + 1 < chars.count, CharSet.enumeratorMarks.contains(chars[digits.count]),
            !chars[digits.count + 1].isNumber
        else { return name }
        return String(chars[(digits.count + 1)...]).trimmingCharacters(in: .whitespaces)
    }

    /// A category joined to a numbered name (经济发展1.地区生产总值增长 → 经济发展, 1.地区生产总值增长),
    /// for a table with a category column whose cells extraction joined.
    static func splitCategory(_ text: String) -> (category: String, name: String)? {
        let chars = Array(text)
        guard let start = chars.firstIndex(where: { $0.isASCII && $0.isNumber }), start >= 2,
            chars[..<start].allSatisfy(isCJK)
        else { return nil }
        let digits = chars[start...].prefix { $0.isASCII && $0.isNumber }
        let mark = start + digits.count
        guard digits.count <= 2, mark + 1 < chars.count,
            CharSet.enumeratorMarks.contains(chars[mark]) && chars[mark] != ")" && chars[mark] != "）", isCJK(chars[mark + 1])
        else { return nil }
        return (String(chars[..<start]), String(chars[start...]))
    }

    /// `name` without a bracketed unit at its end (电子商务交易额（亿元） → 电子商务交易额, 亿元).
    static func splitBracketedUnit(_ name: String) -> (name: String, unit: String)? {
        let t = name.trimmingCharacters(in: .whitespaces)
        guard let close = t.last, let open = brackets.first(where: { $0.value == close && $0.key != "【" })?.key,
            let start = t.lastIndex(of: open)
        else { return nil }
        let inner = String(t[t.index(after: start)..<t.index(before: t.endIndex)])
        guard let unit = unit(exactly: inner) else { return nil }
        let rest = String(t[..<start]).trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : (rest, unit == inner.filter { !$0.isWhitespace } ? unit : inner.trimmingCharacters(in: .whitespaces))
    }
}

/// A set of one-scalar characters tested by scalar value: String.contains(Character) walks
/// grapheme clusters on every call, and the recognizer asks such questions for every character.
struct CharSet: Sendable {
    private let values: Set<UInt32>

    init(_ s: String) { values = Set(s.unicodeScalars.map(\.value)) }

    func contains(_ c: Character) -> Bool {
        let scalars = c.unicodeScalars
        return scalars.count == 1 && values.contains(scalars.first!.value)
    }

    static let enumeratorMarks = CharSet(".．、)）")
}
