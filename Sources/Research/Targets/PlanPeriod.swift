/// The years a plan covers, read from its title (“十四五”, （2021—2025年）) or, failing that, its date:
/// a table's year columns before the period are looking back (baseline, achieved), those within or
/// after it are looking ahead (targets).
public struct PlanPeriod: Equatable, Sendable {
    /// The first year the plan governs.
    public var start: Int
    /// The last year, when the title says it (2025 for 十四五).
    public var end: Int?

    public init(start: Int, end: Int?) {
        self.start = start
        self.end = end
    }

    /// The period `title` names, else the year of `date` (2021-11-12) as the start; nil when neither says.
    public static func infer(title: String, date: String?) -> PlanPeriod? {
        if let p = yearRange(in: title) ?? fiveYearPlan(in: title) { return p }
        if let date, let y = Int(date.prefix(4)), (1949...2099).contains(y) { return PlanPeriod(start: y, end: nil) }
        return nil
    }

    /// 十三五 → 2016–2020, 十四五 → 2021–2025: the N-th plan since the third (1966–1970) starts 1966 + 5(N − 3).
    static func fiveYearPlan(in text: String) -> PlanPeriod? {
        let numerals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        let chars = Array(text)
        guard chars.count >= 3 else { return nil }
        for i in 0..<(chars.count - 2) where chars[i] == "十" {
            // 十N五 (11–19), 第十N个五年 or 二十五 (20).
            if let n = numerals[chars[i + 1]], chars[i + 2] == "五" {
                return period(ofPlan: 10 + n)
            }
            if let n = numerals[chars[i + 1]], i + 4 < chars.count, chars[i + 2] == "个", chars[i + 3] == "五", chars[i + 4] == "年" {
                return period(ofPlan: 10 + n)
            }
            if i > 0, chars[i - 1] == "二", chars[i + 1] == "五" { return period(ofPlan: 20) }
        }
        return nil
    }

    private static func period(ofPlan n: Int) -> PlanPeriod {
        let start = 1966 + 5 * (n - 3)
        return PlanPeriod(start: start, end: start + 4)
    }

    /// （2021—2025年）, 2021-2025: a range of two years in the text.
    static func yearRange(in text: String) -> PlanPeriod? {
        let chars = Array(text)
        var i = 0
        while i + 9 <= chars.count {
            if let a = year(chars, i) {
                var k = i + 4
                if k < chars.count, chars[k] == "年" { k += 1 }
                if k < chars.count, CharSet("-–—~～至到").contains(chars[k]) {
                    k += 1
                    if k < chars.count, chars[k] == "—" { k += 1 }
                    if let b = year(chars, k), b > a, b - a <= 15 { return PlanPeriod(start: a, end: b) }
                }
            }
            i += 1
        }
        return nil
    }

    private static func year(_ chars: [Character], _ i: Int) -> Int? {
        guard i + 4 <= chars.count, chars[i..<i + 4].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if i > 0, chars[i - 1].isASCII, chars[i - 1].isNumber { return nil }
        if i + 4 < chars.count, chars[i + 4].isASCII, chars[i + 4].isNumber { return nil }
        guard let y = Int(String(chars[i..<i + 4])), (1949...2099).contains(y) else { return nil }
        return y
    }
}
