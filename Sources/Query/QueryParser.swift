/// The parsed form of a query string.
///
/// Syntax: whitespace-separated parts are ANDed; `A OR B` / `A | B` is an alternative; `-part`
/// excludes; `"…"` quotes an exact phrase (spaces allowed) and may be used around any part;
/// `doc:NAME` keeps documents whose file name or title contains NAME (several are ORed).
public struct ParsedQuery: Equatable, Sendable {
    public struct Part: Equatable, Sendable {
        /// The text as typed (without quotes).
        public var text: String
        /// Typed in quotes: never split by the word fallback.
        public var quoted: Bool
    }
    /// Each clause must match; a clause matches if any of its alternatives does.
    public var clauses: [[Part]]
    public var excluded: [Part]
    public var documentFilters: [String]
}

public struct QueryError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public enum QueryParser {
    /// Longest query accepted, in characters: far above any real query, bounded so time and memory are.
    public static let maxLength = 2000

    public static func parse(_ input: String) throws -> ParsedQuery {
        guard input.unicodeScalars.count <= maxLength else {
            throw QueryError(message: "query is \(input.unicodeScalars.count) characters long; the limit is \(maxLength)")
        }
        let tokens = try tokenize(input)
        var clauses: [[ParsedQuery.Part]] = []
        var excluded: [ParsedQuery.Part] = []
        var filters: [String] = []
        var pendingOr = false
        for (i, t) in tokens.enumerated() {
            if !t.quoted && (t.text == "OR" || t.text == "|") {
                guard !clauses.isEmpty, !pendingOr, i + 1 < tokens.count else {
                    throw QueryError(message: "“\(t.text)” needs a part on each side, as in 跨境电商 OR 跨境电子商务")
                }
                pendingOr = true
                continue
            }
            if !t.quoted && t.text.hasPrefix("doc:") {
                let name = String(t.text.dropFirst(4))
                guard !name.isEmpty else { throw QueryError(message: "doc: needs a file name or title fragment, as in doc:重庆") }
                guard !pendingOr else { throw QueryError(message: "doc: filters cannot be alternatives of OR") }
                filters.append(name)
                continue
            }
            if t.negated {
                guard !pendingOr else { throw QueryError(message: "an excluded part (-…) cannot be an alternative of OR") }
                excluded.append(.init(text: t.text, quoted: t.quoted))
                continue
            }
            let part = ParsedQuery.Part(text: t.text, quoted: t.quoted)
            if pendingOr {
                clauses[clauses.count - 1].append(part)
                pendingOr = false
            } else {
                clauses.append([part])
            }
        }
        guard !clauses.isEmpty else {
            if !excluded.isEmpty || !filters.isEmpty {
                throw QueryError(message: "the query needs at least one part to search for, besides exclusions and doc: filters")
            }
            throw QueryError(message: "the query is empty; give a term such as 跨境电商")
        }
        return ParsedQuery(clauses: clauses, excluded: excluded, documentFilters: filters)
    }

    struct Token {
        var text: String
        var quoted: Bool
        var negated: Bool
    }

    static func tokenize(_ input: String) throws -> [Token] {
        var tokens: [Token] = []
        let s = Array(input.unicodeScalars)
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || (c.value < 0x20) }
        while i < s.count {
            if isSpace(s[i]) {
                i += 1
                continue
            }
            var negated = false
            if s[i] == "-" || s[i] == "－" {
                if i + 1 < s.count, !isSpace(s[i + 1]) {
                    negated = true
                    i += 1
                } else {
                    throw QueryError(message: "“-” must be followed by the part to exclude, as in -重庆")
                }
            }
            if s[i] == "\"" || s[i] == "“" || s[i] == "”" {
                let open = s[i]
                var j = i + 1
                while j < s.count, !(s[j] == "\"" || (open != "\"" && (s[j] == "”" || s[j] == "“"))) { j += 1 }
                guard j < s.count else {
                    throw QueryError(message: "unbalanced quote: the phrase starting at character \(i + 1) is not closed")
                }
                let text = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                guard !text.isEmpty else { throw QueryError(message: "empty quoted phrase \"\"") }
                tokens.append(Token(text: text, quoted: true, negated: negated))
                i = j + 1
                continue
            }
            var j = i
            while j < s.count, !isSpace(s[j]) { j += 1 }
            tokens.append(Token(text: String(String.UnicodeScalarView(s[i..<j])), quoted: false, negated: negated))
            i = j
        }
        return tokens
    }
}
