/// A piece of a table's text: a run of words (an indicator name, a category, a unit), a value as
/// printed (11787.2, ≥40000, >【500】, 65左右, —), an attribute word (预期性) or a footnote (备注：…).
enum CellToken: Equatable, Sendable {
    case text(String)
    case value(String)
    case attribute(String)
    case note(String)
}

/// Splits one cell — or a row whose cells PDF extraction and cleaning joined (`2服务贸易亿元1212.2
/// 1500 4.4%`, `30000—7网络零售额`) — into tokens. A value is a number with what may surround it
/// (comparator, brackets, %, unit, qualifier, a range) or a dash for “none”, and it must end where
/// a value can end: so 世界500强 and “4+6” stay text while 亿元13877.7 splits.
struct CellTokenizer {
    private let chars: [Character]

    static func tokens(_ text: String) -> [CellToken] { CellTokenizer(text).run() }

    private init(_ text: String) { chars = Array(text) }

    private func run() -> [CellToken] {
        var out: [CellToken] = []
        var text = ""
        func flush() {
            let t = text.trimmingCharacters(in: .whitespaces)
            if !t.isEmpty { out.append(.text(t)) }
            text = ""
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace || c == "|" {
                if !text.isEmpty && !text.hasSuffix(" ") { text += " " }
                i += 1
                continue
            }
            let atStart = text.trimmingCharacters(in: .whitespaces).isEmpty
            if atStart, let end = note(at: i) {
                flush()
                out.append(.note(String(chars[i..<end]).trimmingCharacters(in: .whitespaces)))
                i = end
                continue
            }
            if canStartValue(after: text), let end = value(at: i) {
                flush()
                out.append(.value(String(chars[i..<end])))
                i = end
                continue
            }
            if let word = attribute(at: i), atStart || Self.endsWord(text) {
                flush()
                out.append(.attribute(word))
                i += word.count
                continue
            }
            text.append(c)
            i += 1
        }
        flush()
        return out
    }

    /// A value may begin at a word boundary or right after Chinese text (亿元13877.7), not inside
    /// a Latin word or a number (PM2.5, 4+6).
    private func canStartValue(after text: String) -> Bool {
        guard let last = text.last else { return true }
        if last == " " { return true }
        return !(Self.isDigit(last) || (last.isASCII && (last.isLetter || last == "." || last == "+" || last == "/")))
    }

    private static func endsWord(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return last == " " || IndicatorVocabulary.isCJK(last) || last == ")" || last == "）"
    }

    // MARK: Values

    /// The end of a value starting at `i`, or nil.
    private func value(at i: Int) -> Int? {
        if let end = dashes(at: i) { return end }
        var j = i
        if let comparator = match(Self.comparators, at: j) {
            j += comparator.count
            while j < chars.count, chars[j] == " " { j += 1 }
        }
        var close: Character?
        if j < chars.count, let c = IndicatorVocabulary.brackets[chars[j]] {
            close = c
            j += 1
        }
        guard let afterNumber = quantity(at: j) else { return nil }
        var candidates = [afterNumber]
        if let ranged = range(from: j, after: afterNumber) { candidates.insert(ranged, at: 0) }
        for var k in candidates {
            if let close {
                guard k < chars.count, chars[k] == close else { continue }
                k += 1
            }
            if let q = match(Self.qualifiers, at: k) { k += q.count }
            // A footnote mark (56.7* — 带*的为2019年数据).
            while k < chars.count, IndicatorVocabulary.footnoteMarks.contains(chars[k]) { k += 1 }
            if ends(at: k) { return k }
        }
        return nil
    }

    /// One or two dashes (or a slash) standing for “no value”.
    private func dashes(at i: Int) -> Int? {
        guard IndicatorVocabulary.isDash(chars[i]) || chars[i] == "/" || chars[i] == "／" else { return nil }
        var k = i + 1
        while k < chars.count, k - i < 2, chars[k] == chars[i] { k += 1 }
        if chars[i] == "/" || chars[i] == "／" || chars[i] == "-" {
            // A slash, or a hyphen before a digit, is only a value standing alone.
            guard k == chars.count || chars[k].isWhitespace || chars[k] == "|" else { return nil }
        }
        return k
    }

    /// A number with an optional percent sign or unit: the index after it, or nil.
    private func quantity(at i: Int) -> Int? {
        var k = i
        while k < chars.count, Self.isDigit(chars[k]) { k += 1 }
        guard k > i else { return nil }
        // Thousands separators: 22,637.5.
        while k + 3 < chars.count, chars[k] == ",", (1...3).allSatisfy({ Self.isDigit(chars[k + $0]) }),
            k + 4 == chars.count || !Self.isDigit(chars[k + 4])
        {
            k += 4
        }
        if k + 1 < chars.count, chars[k] == "." || chars[k] == "．", Self.isDigit(chars[k + 1]) {
            k += 1
            while k < chars.count, Self.isDigit(chars[k]) { k += 1 }
        }
        if k < chars.count, Self.percent.contains(chars[k]) {
            return k + 1
        }
        if let q = match(Self.qualifiers, at: k) { return ends(at: k + q.count) ? k : unitEnd(k) }
        return unitEnd(k)
    }

    private func unitEnd(_ k: Int) -> Int {
        if let u = match(Self.valueUnits, at: k), ends(at: k + u.count) { return k + u.count }
        return k
    }

    /// A range's second number (6.0-8.0, 1—2): the index after it. A range rises, so 35000—9 is a
    /// value, a dash and the next row's serial number.
    private func range(from start: Int, after k: Int) -> Int? {
        guard k + 1 < chars.count, Self.rangeMarks.contains(chars[k]), Self.isDigit(chars[k + 1]), let end = quantity(at: k + 1),
            let low = Self.leadingNumber(chars[start..<k]), let high = Self.leadingNumber(chars[(k + 1)..<end]), high >= low
        else { return nil }
        return end
    }

    private static func leadingNumber(_ s: ArraySlice<Character>) -> Double? {
        Double(
            String(
                s.prefix { isDigit($0) || $0 == "." }.map { c -> Character in
                    guard let v = c.unicodeScalars.first?.value, (0xFF10...0xFF19).contains(v) else { return c }
                    return Character(Unicode.Scalar(v - 0xFF10 + 0x30)!)
                }))
    }

    /// Whether a value may end at `k`: the end, a space, a cell bar, the start of another value, an
    /// attribute, a footnote, or anything once the value closed with %, a unit, a qualifier or a bracket.
    private func ends(at k: Int) -> Bool {
        guard k < chars.count else { return true }
        let next = chars[k], last = chars[k - 1]
        if next.isWhitespace || next == "|" || IndicatorVocabulary.isDash(next) { return true }
        if IndicatorVocabulary.brackets[next] != nil || Self.comparatorMarks.contains(next) { return true }
        if attribute(at: k) != nil || note(at: k) != nil { return true }
        if !Self.isDigit(last) { return !(next.isASCII && next.isLetter) }
        return false
    }

    /// ASCII or full-width digits.
    static func isDigit(_ c: Character) -> Bool { (c.isASCII && c.isNumber) || ("０"..."９").contains(c) }

    // MARK: Words

    private func attribute(at i: Int) -> String? {
        guard let word = match(Self.attributes, at: i) else { return nil }
        let k = i + word.count
        // 预期 only as a whole cell; 预期性 may run into what follows.
        if !word.hasSuffix("性"), k < chars.count, !(chars[k].isWhitespace || chars[k] == "|") { return nil }
        return word
    }

    /// A footnote opener followed by a colon (备注：, 注：, 注1：) runs to the end of the text.
    private func note(at i: Int) -> Int? {
        guard let opener = match(Self.noteOpeners, at: i) else { return nil }
        var k = i + opener.count
        while k < chars.count, chars[k].isNumber || chars[k] == " " { k += 1 }
        guard k < chars.count, chars[k] == "：" || chars[k] == ":" else { return nil }
        return chars.count
    }

    private func match(_ words: [[Character]], at i: Int) -> String? {
        guard i < chars.count else { return nil }
        let first = chars[i]
        return words.first { w in
            guard w[0] == first, i + w.count <= chars.count else { return false }
            for (n, c) in w.enumerated() where chars[i + n] != c { return false }
            return true
        }.map { String($0) }
    }

    private static let percent = CharSet("%％‰")
    private static let rangeMarks = CharSet("-–—~～至到")
    private static let comparatorMarks = CharSet("≥≤><＞＜≧≦")
    private static let comparators = IndicatorVocabulary.comparators.map(Array.init)
    private static let qualifiers = IndicatorVocabulary.qualifiers.map(Array.init)
    private static let valueUnits = IndicatorVocabulary.valueUnits.map(Array.init)
    private static let attributes = IndicatorVocabulary.attributes.map(Array.init)
    private static let noteOpeners = IndicatorVocabulary.noteOpeners.map(Array.init)
}
