/// Parses the query language into a `QueryExpression`. The grammar (also in README.md):
///
///     query   = all ;
///     all     = any { [ "AND" ] any } ;                 parts side by side must all match
///     any     = unary { ( "OR" | "|" | "｜" ) unary } ;  OR binds tighter than AND, as in web search
///     unary   = ( "-" | "NOT" ) unary | primary ;
///     primary = "(" all ")" | "（" all "）" | near | filter | phrase | word ;  （…） holding several parts
///     near    = "NEAR" [ "/" digits ] "(" operand ( "," | "，" ) operand ")" ;
///     operand = phrase | word ;
///     filter  = ( "doc" | "region" | "issuer" | "year" | "date" ) ":" ( phrase | word ) ;
///     phrase  = '"' chars '"' | '“' chars '”' ;
///
/// So `跨境电商 海外仓 OR 边境仓` is 跨境电商 AND (海外仓 OR 边境仓), and `海外仓 -跨境电商 OR RCEP` is
/// 海外仓 AND (NOT 跨境电商 OR RCEP). Keywords are ASCII and case-insensitive; quote them ("or") to
/// search for the word. Every error names the column where the problem is.
public enum QueryParser {
    /// Longest query accepted, in characters: far above any real query, bounded so time and memory are.
    public static let maxLength = 2000

    public static func parse(_ input: String) throws -> QueryExpression {
        guard input.unicodeScalars.count <= maxLength else {
            throw QueryError(
                message: "query is \(input.unicodeScalars.count) characters long; the limit is \(maxLength)",
                chinese: "查询有 \(input.unicodeScalars.count) 个字符，最多 \(maxLength) 个")
        }
        var p = Parser(tokens: try QueryLexer.tokenize(input))
        guard !p.atEnd else { throw QueryError(message: "the query is empty; give a term such as 跨境电商", chinese: "查询为空：请输入检索词，如 跨境电商") }
        let e = try p.all()
        if let extra = p.peek {
            throw QueryError(
                message: extra.token == .close ? "unbalanced parenthesis: “)” closes no group" : "unexpected text", column: extra.column,
                chinese: extra.token == .close ? "括号不配对：这个“)”前面没有对应的“(”" : "多余的内容")
        }
        return e
    }
}

private struct Parser {
    typealias Lexeme = QueryLexer.Lexeme
    let tokens: [Lexeme]
    var k = 0

    init(tokens: [Lexeme]) { self.tokens = tokens }

    var atEnd: Bool { k >= tokens.count }
    var peek: Lexeme? { atEnd ? nil : tokens[k] }

    /// Whether the next token can start a part (so an implicit AND continues).
    var startsUnary: Bool {
        guard let t = peek?.token else { return false }
        switch t {
        case .close, .or, .and, .comma: return false
        default: return true
        }
    }

    mutating func all() throws -> QueryExpression {
        var items = [try any()]
        while let t = peek {
            if t.token == .and {
                k += 1
                guard startsUnary else {
                    throw QueryError(message: "AND needs a part on each side", column: t.column, chinese: "AND 两边都要有检索词")
                }
            } else if !startsUnary {
                break
            }
            items.append(try any())
        }
        return items.count == 1 ? items[0] : .and(items)
    }

    mutating func any() throws -> QueryExpression {
        var items = [try unary()]
        while let t = peek, t.token == .or {
            k += 1
            guard startsUnary else {
                throw QueryError(
                    message: "OR needs a part on each side, as in 跨境电商 OR 跨境电子商务", column: t.column,
                    chinese: "OR 两边都要有检索词，如 跨境电商 OR 跨境电子商务")
            }
            items.append(try unary())
        }
        return items.count == 1 ? items[0] : .or(items)
    }

    mutating func unary() throws -> QueryExpression {
        guard let t = peek else { throw QueryError(message: "the query ends where a part was expected", chinese: "查询在应有检索词的地方结束了") }
        switch t.token {
        case .minus, .not:
            k += 1
            guard startsUnary else {
                let what = t.token == .not ? "NOT" : "“-”"
                throw QueryError(
                    message: "\(what) must be followed by the part to exclude, as in -重庆", column: t.column,
                    chinese: "\(what) 后面要写要排除的词，如 -重庆")
            }
            return .not(try unary())
        default:
            return try primary()
        }
    }

    mutating func primary() throws -> QueryExpression {
        guard let t = peek else { throw QueryError(message: "the query ends where a part was expected", chinese: "查询在应有检索词的地方结束了") }
        k += 1
        switch t.token {
        case .word(let w): return .term(QueryPart(text: w, quoted: false, column: t.column))
        case .phrase(let w): return .term(QueryPart(text: w, quoted: true, column: t.column))
        case .open:
            guard startsUnary else {
                if peek?.token == .close { throw QueryError(message: "empty group “()”", column: t.column, chinese: "括号里是空的") }
                throw QueryError(message: "a group must start with a part", column: t.column, chinese: "括号里应以检索词开头")
            }
            let inner = try all()
            guard peek?.token == .close else {
                throw QueryError(
                    message: "unbalanced parenthesis: the group opened here is never closed", column: t.column,
                    chinese: "括号不配对：这里的“(”没有对应的“)”")
            }
            k += 1
            return inner
        case .near(let distance):
            let a = try operand(near: t)
            guard peek?.token == .comma else { throw nearError(t) }
            k += 1
            let b = try operand(near: t)
            guard peek?.token == .close else { throw nearError(t) }
            k += 1
            return .near(distance: distance, a, b)
        case .field(let f):
            guard let v = peek else {
                throw QueryError(message: "\(f.rawValue): needs a value", column: t.column, chinese: "\(f.rawValue): 后面要写筛选值")
            }
            let value: String
            switch v.token {
            case .word(let w) where !w.isEmpty: value = w
            case .phrase(let w): value = w
            default: throw QueryError(message: "\(f.rawValue): needs a value", column: t.column, chinese: "\(f.rawValue): 后面要写筛选值")
            }
            k += 1
            let filter = DocumentFilter(field: f, value: value)
            if let problem = filter.problemMessage {
                throw QueryError(message: problem.english, column: v.column, chinese: problem.chinese)
            }
            return .filter(filter)
        case .close:
            throw QueryError(
                message: "unbalanced parenthesis: “)” closes no group", column: t.column, chinese: "括号不配对：这个“)”前面没有对应的“(”")
        case .or:
            throw QueryError(
                message: "OR needs a part on each side, as in 跨境电商 OR 跨境电子商务", column: t.column,
                chinese: "OR 两边都要有检索词，如 跨境电商 OR 跨境电子商务")
        case .and: throw QueryError(message: "AND needs a part on each side", column: t.column, chinese: "AND 两边都要有检索词")
        case .comma:
            throw QueryError(
                message: "a comma separates the two parts of NEAR(…, …) only", column: t.column, chinese: "逗号只用于分隔 NEAR(…, …) 的两个检索词")
        case .minus, .not: throw QueryError(message: "misplaced exclusion", column: t.column, chinese: "排除符号的位置不对")
        }
    }

    private mutating func operand(near: Lexeme) throws -> QueryPart {
        guard let t = peek else { throw nearError(near) }
        switch t.token {
        case .word(let w):
            k += 1
            return QueryPart(text: w, quoted: false, column: t.column)
        case .phrase(let w):
            k += 1
            return QueryPart(text: w, quoted: true, column: t.column)
        default: throw nearError(near)
        }
    }

    private func nearError(_ t: Lexeme) -> QueryError {
        QueryError(
            message: "NEAR needs exactly two parts (words or phrases), as in NEAR/10(跨境电商, 海外仓)", column: t.column,
            chinese: "NEAR 需要正好两个检索词，如 NEAR/10(跨境电商, 海外仓)")
    }
}
