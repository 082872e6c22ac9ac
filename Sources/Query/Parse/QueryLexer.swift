import Foundation
import Ingestion

/// Splits a query into tokens, each with its 1-based column.
///
/// Syntax characters: whitespace separates parts; ASCII `(` `)` group (but are text glued inside a
/// word without a space or operator between them: 中国(成都)自贸区); `|` `｜` and the keywords
/// OR, AND, NOT (any case) are operators; `-` at the start of a part negates it; `"…"` (or `＂…＂`)
/// is a phrase anywhere, and `“…”` is a phrase when it spans a whole part. A curly quote inside a
/// part is content (“十四五”规划 is searched as written, quotes folded); one that opens a part and
/// is never closed is an error, as is an unmatched `"`. `FIELD:` at the start of a part is a
/// filter; `NEAR/N(` opens a proximity group whose parts are separated by `,` or `，`.
struct QueryLexer {
    enum Token: Equatable {
        case word(String)
        case phrase(String)
        case open, close, or, and, not, minus, comma
        case near(Int)
        case field(DocumentFilter.Field)
    }

    struct Lexeme: Equatable {
        var token: Token
        var column: Int
    }

    /// Default NEAR distance in characters when none is given: about one clause.
    static let defaultNearDistance = 20
    static let maxNearDistance = 10_000

    private let s: [Unicode.Scalar]
    private var i = 0
    private var out: [Lexeme] = []
    /// For each open parenthesis: whether it opened a NEAR group (where commas separate parts).
    private var groups: [Bool] = []
    /// For each open parenthesis: whether it is a full-width （ that groups (closed by ）).
    private var fullWidth: [Bool] = []

    static func tokenize(_ input: String) throws -> [Lexeme] {
        var lexer = QueryLexer(s: Array(input.unicodeScalars))
        try lexer.run()
        return lexer.out
    }

    private init(s: [Unicode.Scalar]) { self.s = s }

    /// ASCII and CJK ideographs (most of a query) are answered without the Unicode property
    /// lookup, which cost more than the rest of lexing a short query.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return c.value <= 0x20 }
        if c.value >= 0x3400 && c.value < 0xA000 { return false }  // CJK Extension A … Unified Ideographs
        return c.properties.isWhitespace
    }
    static func isStraightQuote(_ c: Unicode.Scalar) -> Bool { c == "\"" || c == "＂" }
    static func isCurlyQuote(_ c: Unicode.Scalar) -> Bool { c == "“" || c == "”" }

    private var inNear: Bool { groups.last == true }
    private var inFullWidthGroup: Bool { fullWidth.last == true }

    /// A character that ends a word: space, grouping, OR bar, straight quote, NEAR comma.
    private func endsWord(_ c: Unicode.Scalar) -> Bool {
        Self.isSpace(c) || c == "(" || c == ")" || c == "|" || c == "｜" || Self.isStraightQuote(c)
            || (inNear && (c == "," || c == "，" || c == "）")) || (inFullWidthGroup && c == "）")
    }

    private mutating func emit(_ t: Token, _ start: Int) { out.append(Lexeme(token: t, column: start + 1)) }

    private mutating func run() throws {
        var partStart = true
        while i < s.count {
            let c = s[i]
            if Self.isSpace(c) {
                i += 1
                partStart = true
                continue
            }
            let start = i
            switch c {
            case "(":
                groups.append(false)
                fullWidth.append(false)
                emit(.open, start)
                i += 1
                partStart = true
                continue
            case "（" where fullWidthGroupAhead(at: i):
                groups.append(false)
                fullWidth.append(true)
                emit(.open, start)
                i += 1
                partStart = true
                continue
            case ")",
                "）" where inNear || inFullWidthGroup:
                if !groups.isEmpty { groups.removeLast() }
                if !fullWidth.isEmpty { fullWidth.removeLast() }
                emit(.close, start)
                i += 1
                partStart = true
                continue
            case "|", "｜":
                emit(.or, start)
                i += 1
                partStart = true
                continue
            case "," where inNear, "，" where inNear:
                emit(.comma, start)
                i += 1
                partStart = true
                continue
            default: break
            }
            if Self.isStraightQuote(c) {
                try straightPhrase()
                partStart = false
                continue
            }
            // The exclusion mark as keyboards and word processors type it: -, －, the minus sign −, the en dash –.
            if partStart, c == "-" || c == "－" || c == "−" || c == "–" {
                guard i + 1 < s.count, !Self.isSpace(s[i + 1]) else {
                    throw QueryError(
                        message: "“-” must be followed by the part to exclude, as in -重庆", column: start + 1,
                        chinese: "“-”后面要紧跟要排除的词，如 -重庆")
                }
                // --跨境 (typed as an option) would exclude twice, that is select: say so instead.
                if s[i + 1] == "-" || s[i + 1] == "－" {
                    throw QueryError(
                        message: "“--” is no operator: one “-” excludes a part (-跨境); quote it to search for dashes (\"--\")",
                        column: start + 1, chinese: "“--”不是运算符：排除一个词只用一个“-”（-跨境）；要检索横线请加引号（\"--\"）")
                }
                emit(.minus, start)
                i += 1
                continue
            }
            if partStart, Self.isCurlyQuote(c), try curlyPhrase() {
                partStart = false
                continue
            }
            if partStart, try nearOrField() {
                // Inside NEAR( a part starts; after a filter's value none does.
                if case .near = out.last?.token {} else { partStart = false }
                continue
            }
            word(start)
            partStart = false
        }
    }

    /// Whether the full-width （ at `k` opens a group, as an IME in Chinese mode types one: what
    /// stands between it and its partner ） holds a space or an OR bar (a part may follow at once:
    /// （跨境电商 OR 海外仓）成都). Otherwise it is text, as in （一） or 中国（四川）自由贸易试验区.
    private func fullWidthGroupAhead(at k: Int) -> Bool {
        var depth = 0, spaced = false
        for j in k..<s.count {
            switch s[j] {
            case "（": depth += 1
            case "）":
                depth -= 1
                if depth == 0 { return spaced }
            case "|", "｜": spaced = true
            default: if Self.isSpace(s[j]) { spaced = true }
            }
        }
        return false
    }

    /// The closing `)` of an ASCII `(` at `k` inside a word that is text, not a group: glued to
    /// the text before it, holding neither a space nor an operator, as in 中国(成都)跨境电子商务综合
    /// 试验区 or 外商直接投资(FDI), the way the full-width （四川） is text. Nil for a group.
    private func textParenthesis(at k: Int) -> Int? {
        var j = k + 1
        while j < s.count, s[j] != ")" {
            if Self.isSpace(s[j]) || s[j] == "(" || s[j] == "|" || s[j] == "｜" || Self.isStraightQuote(s[j]) { return nil }
            if inNear && (s[j] == "," || s[j] == "，") { return nil }
            j += 1
        }
        return j < s.count && j > k + 1 ? j : nil
    }

    /// `"…"`: everything up to the next straight quote.
    private mutating func straightPhrase() throws {
        let start = i
        var j = i + 1
        while j < s.count, !Self.isStraightQuote(s[j]) { j += 1 }
        guard j < s.count else {
            throw QueryError(
                message:
                    "unbalanced quote: the phrase opened here is never closed (to search for a quote mark, write it inside a phrase of curly quotes)",
                column: start + 1, chinese: "引号不配对：这里开始的短语没有结束的引号")
        }
        try phrase(from: i + 1, to: j, start: start)
        i = j + 1
    }

    /// `“…”` spanning a whole part: a phrase (returns true). A curly quote that opens a part and
    /// closes inside it (“十四五”规划) leaves the part to `word` as content (returns false).
    private mutating func curlyPhrase() throws -> Bool {
        let start = i
        var j = i + 1
        while j < s.count, !(Self.isCurlyQuote(s[j]) || Self.isStraightQuote(s[j])) { j += 1 }
        guard j < s.count else {
            throw QueryError(
                message: "unbalanced quote: the phrase opened here is never closed", column: start + 1,
                chinese: "引号不配对：这里开始的短语没有结束的引号")
        }
        let after = j + 1
        guard after == s.count || endsWord(s[after]) else { return false }
        try phrase(from: i + 1, to: j, start: start)
        i = after
        return true
    }

    private mutating func phrase(from a: Int, to b: Int, start: Int) throws {
        let text = String(scalars: s[a..<b])
        guard !text.unicodeScalars.allSatisfy(Self.isSpace) else {
            throw QueryError(message: "empty quoted phrase", column: start + 1, chinese: "引号里是空的")
        }
        emit(.phrase(text), start)
    }

    private static func isOpen(_ c: Unicode.Scalar) -> Bool { c == "(" || c == "（" }

    /// The first index at or after `k` that is not a space.
    private func skipSpaces(from k: Int) -> Int {
        var k = k
        while k < s.count, Self.isSpace(s[k]) { k += 1 }
        return k
    }

    /// `NEAR/N(` or `NEAR(`, and `field:` — recognized only at the start of a part.
    private mutating func nearOrField() throws -> Bool {
        let start = i
        var j = i
        // Letters may be full-width (ｒｅｇｉｏｎ：), as an IME in Chinese mode types them.
        while j < s.count, Self.asciiLetter(s[j]) != nil { j += 1 }
        let name = String(scalars: s[i..<j].compactMap(Self.asciiLetter)).lowercased()
        // NEAR/N( — the slash, digits and parenthesis may be full-width, as an IME in Chinese mode
        // types them, and spaces may stand between the pieces (NEAR /5 (…)).
        let afterName = skipSpaces(from: j)
        // NEAR standing alone as a part is the keyword without its parts, as OR alone is.
        if name == "near", j == s.count || Self.isSpace(s[j]) || s[j] == ")",
            afterName == s.count || !(Self.isOpen(s[afterName]) || s[afterName] == "/" || s[afterName] == "／")
        {
            throw QueryError(
                message: "NEAR needs a distance and two parts, as in NEAR/10(跨境电商, 海外仓); quote it (\"near\") to search for the word",
                column: start + 1, chinese: "NEAR 需要距离和两个检索词，如 NEAR/10(跨境电商, 海外仓)；要检索这个单词请加引号（\"near\"）")
        }
        if name == "near", afterName < s.count, Self.isOpen(s[afterName]) || s[afterName] == "/" || s[afterName] == "／" {
            var distance = Self.defaultNearDistance
            j = afterName
            if !Self.isOpen(s[j]) {
                var k = skipSpaces(from: j + 1)
                var digits = ""
                while k < s.count, s[k].properties.numericType == .decimal, let v = s[k].properties.numericValue {
                    digits.append(String(Int(v)))
                    k += 1
                }
                k = skipSpaces(from: k)
                guard !digits.isEmpty, k < s.count, Self.isOpen(s[k]), let n = Int(digits), n <= Self.maxNearDistance else {
                    throw QueryError(
                        message: "NEAR needs a distance in characters (0…\(Self.maxNearDistance)) and two parts, as in NEAR/10(跨境电商, 海外仓)",
                        column: start + 1, chinese: "NEAR 需要以字数计的距离（0…\(Self.maxNearDistance)）和两个检索词，如 NEAR/10(跨境电商, 海外仓)")
                }
                distance = n
                j = k
            }
            emit(.near(distance), start)
            groups.append(true)
            fullWidth.append(false)
            i = j + 1
            return true
        }
        if j < s.count, s[j] == ":" || s[j] == "：", DocumentFilter.Field(rawValue: name) == nil, name.count >= 3,
            let close = Self.fieldMeant[name]
                ?? DocumentFilter.Field.allCases.first(where: { EditDistance.between(name, $0.rawValue) <= 2 })
        {
            throw QueryError(
                message:
                    "unknown filter “\(name):”; did you mean \(close.rawValue):? (filters: doc: region: issuer: year: date:; quote the part to search for it)",
                column: start + 1, chinese: "没有筛选条件“\(name):”，是不是 \(close.rawValue):？（可用 doc: region: issuer: year: date:；要检索这段文字请加引号）")
        }
        if j < s.count, s[j] == ":" || s[j] == "：", let field = DocumentFilter.Field(rawValue: name) {
            i = j + 1
            guard i < s.count, !Self.isSpace(s[i]), s[i] != ")", s[i] != "(", s[i] != "|" else {
                throw QueryError(
                    message: "\(name): needs a value, as in \(name):\(Self.example(field))", column: start + 1,
                    chinese: "\(name): 后面要写筛选值，如 \(name):\(Self.example(field))")
            }
            emit(.field(field), start)
            // The value: a phrase or a word, never an operator.
            if Self.isStraightQuote(s[i]) {
                try straightPhrase()
            } else if !(Self.isCurlyQuote(s[i]) ? try curlyPhrase() : false) {
                let v = i
                while i < s.count, !endsWord(s[i]) { i += 1 }
                emit(.word(String(scalars: s[v..<i])), v)
            }
            return true
        }
        return false
    }

    /// An ASCII letter, or a full-width one as the letter it stands for.
    private static func asciiLetter(_ c: Unicode.Scalar) -> Unicode.Scalar? {
        if c.isASCII { return c.properties.isAlphabetic ? c : nil }
        guard (0xFF21...0xFF3A).contains(c.value) || (0xFF41...0xFF5A).contains(c.value) else { return nil }
        return Unicode.Scalar(c.value - 0xFEE0)
    }

    /// Names users reach for that mean one of the filters (title: is doc:, province: is region:).
    private static let fieldMeant: [String: DocumentFilter.Field] = [
        "title": .doc, "file": .doc, "name": .doc, "document": .doc, "province": .region, "city": .region, "area": .region,
        "place": .region, "location": .region, "author": .issuer, "organ": .issuer, "agency": .issuer, "department": .issuer,
        "publisher": .issuer, "source": .issuer, "time": .date, "day": .date, "month": .date
    ]

    private static func example(_ f: DocumentFilter.Field) -> String {
        switch f {
        case .doc: return "重庆"
        case .region: return "四川"
        case .issuer: return "人民政府"
        case .year: return "2021..2023"
        case .date: return "2021-11"
        }
    }

    /// CJK ideographs (unified, extensions, compatibility): none folds to a Latin letter.
    private static func isIdeograph(_ v: UInt32) -> Bool {
        (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x3FFFF).contains(v)
    }

    /// A run of content characters; OR/AND/NOT alone are keywords.
    private mutating func word(_ start: Int) {
        let first = i
        var j = i
        // Full-width （ taken as text in this word: a half-width ) closing one is text too, as a
        // PDF's mixed brackets print a heading's label (（二)强化).
        var openText = 0
        while j < s.count {
            if s[j] == "(", j > first, let close = textParenthesis(at: j) {
                j = close + 1
                continue
            }
            if s[j] == "（", !(j > first && fullWidthGroupAhead(at: j)) { openText += 1 }
            if s[j] == "）", openText > 0 { openText -= 1 }
            if s[j] == ")", openText > 0 {
                openText -= 1
                j += 1
                continue
            }
            // 成都（跨境电商 OR 海外仓）: a group glued to the word before it.
            if s[j] == "（", j > first, fullWidthGroupAhead(at: j) { break }
            if endsWord(s[j]) { break }
            j += 1
        }
        let text = String(scalars: s[i..<j])
        i = j
        // Keywords typed in an IME's full-width mode (ＯＲ) are keywords too. (Only a word of two
        // or three scalars without an ideograph can be one: the others skip Foundation's
        // normalization, which costs more than the rest of parsing.)
        let couldBeKeyword = j - first <= 3 && !s[first..<j].contains { Self.isIdeograph($0.value) }
        switch couldBeKeyword ? text.precomposedStringWithCompatibilityMapping.lowercased() : "" {
        case "or": emit(.or, start)
        case "and": emit(.and, start)
        case "not": emit(.not, start)
        default: emit(.word(text), start)
        }
    }
}
