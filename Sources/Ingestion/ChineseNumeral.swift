/// Chinese numerals as used in document numbering: 一 … 十, 十一, 二十三, 一百零五, 一千二百六十, 〇/零. Not 两:
/// numbering never writes it (第二章, not 第两章), and a title may begin with it (专栏6 两化融合…).
enum ChineseNumeral {
    static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9
    ]
    static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]

    static func isNumeralCharacter(_ s: Unicode.Scalar) -> Bool { digits[s] != nil || units[s] != nil }

    /// The value of a numeral written in Chinese characters, or nil if it is not well formed.
    /// 零 after a unit holds the place of a missing one (一百零五, 一千零二十): the digit after it
    /// is still a digit of its own.
    static func value(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        guard !s.isEmpty, s.count <= 8 else { return nil }  // 一千二百六十五: 民法典's articles
        var total = 0
        var pending: Int? = nil
        var lastUnit = Int.max
        for c in s {
            if let d = digits[c] {
                if d == 0, pending == nil, lastUnit != Int.max { continue }  // the place holder of 一百零五
                if pending != nil && d != 0 { return nil }  // 一二 is not a numeral
                pending = d
            } else if let u = units[c] {
                guard u < lastUnit else { return nil }
                total += (pending ?? 1) * u
                pending = nil
                lastUnit = u
            } else {
                return nil
            }
        }
        return total + (pending ?? 0)
    }
}
