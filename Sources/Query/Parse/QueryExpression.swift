import Foundation

/// A query as a tree, the parser's output (see `QueryParser` for the grammar).
public indirect enum QueryExpression: Equatable, Sendable, CustomStringConvertible {
    /// A word or phrase that must occur.
    case term(QueryPart)
    /// Two parts within `distance` characters of each other in one passage.
    case near(distance: Int, QueryPart, QueryPart)
    /// Keeps the passages of the documents the filter selects.
    case filter(DocumentFilter)
    case and([QueryExpression])
    case or([QueryExpression])
    case not(QueryExpression)

    /// The query written back in canonical form, with explicit grouping: `(a OR b) -c`.
    public var description: String {
        switch self {
        case .term(let p): return p.description
        case .near(let d, let a, let b): return "NEAR/\(d)(\(a), \(b))"
        case .filter(let f): return f.description
        case .and(let items): return items.map { $0.grouped(inside: .and) }.joined(separator: " ")
        case .or(let items): return items.map { $0.grouped(inside: .or) }.joined(separator: " OR ")
        case .not(let e): return "-" + e.grouped(inside: .not)
        }
    }

    private enum Context { case and, or, not }

    private func grouped(inside context: Context) -> String {
        switch (self, context) {
        case (.and, _), (.or, .not), (.or, .or): return "(\(description))"
        default: return description
        }
    }

    /// Every part in the tree, in order, with whether it is wanted (under an even number of NOTs).
    public var parts: [(part: QueryPart, positive: Bool)] {
        func walk(_ e: QueryExpression, _ positive: Bool, _ out: inout [(QueryPart, Bool)]) {
            switch e {
            case .term(let p): out.append((p, positive))
            case .near(_, let a, let b): out.append(contentsOf: [(a, positive), (b, positive)])
            case .filter: break
            case .and(let items), .or(let items): for i in items { walk(i, positive, &out) }
            case .not(let inner): walk(inner, !positive, &out)
            }
        }
        var out: [(QueryPart, Bool)] = []
        walk(self, true, &out)
        return out.map { (part: $0.0, positive: $0.1) }
    }
}

/// One word or quoted phrase of a query.
public struct QueryPart: Hashable, Sendable, CustomStringConvertible {
    /// The text as typed (without its quotes).
    public var text: String
    /// Typed in quotes: an exact phrase, never split by the word fallback.
    public var quoted: Bool
    /// 1-based column (in characters) where the part starts in the query, for messages.
    public var column: Int

    public init(text: String, quoted: Bool, column: Int = 0) {
        self.text = text
        self.quoted = quoted
        self.column = column
    }

    public var description: String { quoted ? "\"\(text)\"" : text }

    /// Parts are the same whatever column they were typed at.
    public static func == (a: QueryPart, b: QueryPart) -> Bool { a.text == b.text && a.quoted == b.quoted }
    public func hash(into h: inout Hasher) {
        h.combine(text)
        h.combine(quoted)
    }
}

/// A field filter on document metadata: `doc:`, `region:`, `issuer:`, `year:`, `date:`.
public struct DocumentFilter: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, CaseIterable, Sendable {
        /// File name or title contains the value.
        case doc
        /// Region (catalog, or inferred from the title), with provinces containing their cities.
        case region
        /// Issuing authority contains the value.
        case issuer
        /// Year of the document's date: 2021, a range 2021..2023, or a prefix.
        case year
        /// Date prefix: 2021, 2021-11, 2021-11-12.
        case date
    }
    public var field: Field
    public var value: String

    public init(field: Field, value: String) {
        self.field = field
        self.value = value
    }

    public var description: String {
        field.rawValue + ":" + (value.contains(where: \.isWhitespace) ? "\"\(value)\"" : value)
    }

    /// What is wrong with the value, for the fields whose values have a form: a year is four
    /// digits, a range 2021..2023 (either end may be left open: 2021.., ..2023), a date a prefix
    /// of 2021-11-12.
    public var problem: String? { problemMessage?.english }

    /// `problem` in both languages.
    public var problemMessage: Message? {
        let v = value.precomposedStringWithCompatibilityMapping
        switch field {
        case .year:
            if Self.year(v) != nil { return nil }
            guard let r = Self.yearRange(v) else {
                return Message(
                    english: "year: takes a year (2021), a range (2021..2023, 2021.., ..2023) or a prefix (202), not “\(value)”",
                    chinese: "year: 要写年份（2021）、范围（2021..2023、2021..、..2023）或年份开头（202），不是“\(value)”")
            }
            return r.isEmpty
                ? Message(
                    english: "year:\(value) is an empty range: the first year comes after the last",
                    chinese: "year:\(value) 是空范围：起始年份晚于结束年份") : nil
        case .date:
            let ends = Self.dateRange(v).map { [$0.from, $0.to].compactMap { $0 } } ?? [v]
            if ends.allSatisfy(Self.isDatePrefix) {
                guard let r = Self.dateRange(v), let from = r.from, let to = r.to,
                    DocumentFilter.unifiedDate(from) > DocumentFilter.unifiedDate(to)
                        && !DocumentFilter.unifiedDate(from).hasPrefix(DocumentFilter.unifiedDate(to))
                else { return nil }
                return Message(
                    english: "date:\(value) is an empty range: its start comes after its end", chinese: "date:\(value) 是空范围：起始日期晚于结束日期")
            }
            return Message(
                english:
                    "date: takes a date or its start (2021, 2021-11, 2021-11-12) or a range of them (2021-07..2022-06 or 2021-07～2022-06, 2021-07.., ..2022-06), not “\(value)”",
                chinese: "date: 要写日期或其开头（2021、2021-11、2021-11-12）或其范围（2021-07..2022-06 或 2021-07～2022-06、2021-07..、..2022-06），不是“\(value)”")
        default: return nil
        }
    }

    /// A date or its start: 2021, 2021-11, 2021年11月12日; a month or day written whole must exist
    /// (2021-13 and 2021-02-30 select nothing).
    static func isDatePrefix(_ v: String) -> Bool {
        let ok =
            v.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || "-./年月日".unicodeScalars.contains($0) } && v.first?.isNumber == true
        let parts = v.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        let complete = v.split(whereSeparator: { !$0.isNumber }).map(\.count)
        let month = parts.count > 1 && (complete[1] == 2 || parts.count > 2) ? parts[1] : nil
        let day = parts.count > 2 && complete[2] == 2 ? parts[2] : nil
        let exists =
            month.map { (1...12).contains($0) } != false && day.map { d in (1...Self.days(inMonth: month ?? 1)).contains(d) } != false
        return ok && exists
    }

    /// 2021-07..2022-06 and the open 2021-07.. / ..2022-06 (two dots: one is a date's
    /// separator); also with the marks a range is written with in Chinese text (2021年7月至2022年6月,
    /// 2021-07～2022-06, 2021-07—2022-06), never a single hyphen, which separates a date's fields.
    static func dateRange(_ v: String) -> (from: String?, to: String?)? {
        for separator in ["..", "～", "~", "——", "—", "–", "至", "到"] {
            let parts = v.components(separatedBy: separator)
            guard parts.count == 2 else { continue }
            guard !(parts[0].isEmpty && parts[1].isEmpty) else { return nil }
            return (parts[0].isEmpty ? nil : parts[0], parts[1].isEmpty ? nil : parts[1])
        }
        return nil
    }

    /// Days a month can have (29 for February: the year may be a leap year).
    static func days(inMonth m: Int) -> Int { [4, 6, 9, 11].contains(m) ? 30 : m == 2 ? 29 : 31 }

    /// A whole year or a prefix of one (202 → the 2020s).
    static func year(_ v: String) -> Int? {
        (1...4).contains(v.count) && v.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(v) : nil
    }

    /// 2021..2023, 2021-2023, 2021~2023, and open ends 2021.. / ..2023; empty when reversed.
    static func yearRange(_ v: String) -> Range<Int>? {
        for sep in ["..", "-", "~", "—", "–"] {
            let parts = v.components(separatedBy: sep)
            guard parts.count == 2 else { continue }
            let a = parts[0].isEmpty ? 0 : Int(parts[0]), b = parts[1].isEmpty ? 9999 : Int(parts[1])
            guard let a, let b, parts[0].count <= 4, parts[1].count <= 4, !(parts[0].isEmpty && parts[1].isEmpty) else { return nil }
            return a <= b ? a..<(b + 1) : a..<a
        }
        return nil
    }
}
