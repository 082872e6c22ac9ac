import Testing

@testable import Query

/// The grammar: precedence, keywords, phrases, filters, NEAR, and errors that point at a column.
@Suite struct QueryParserTests {
    static func w(_ s: String) -> QueryExpression { .term(QueryPart(text: s, quoted: false)) }
    static func q(_ s: String) -> QueryExpression { .term(QueryPart(text: s, quoted: true)) }
    static func f(_ field: DocumentFilter.Field, _ v: String) -> QueryExpression { .filter(DocumentFilter(field: field, value: v)) }

    @Test func orBindsTighterThanAndNotTighterStill() throws {
        #expect(try QueryParser.parse("跨境电商 海外仓 OR 边境仓") == .and([Self.w("跨境电商"), .or([Self.w("海外仓"), Self.w("边境仓")])]))
        #expect(try QueryParser.parse("海外仓 -跨境电商 OR RCEP") == .and([Self.w("海外仓"), .or([.not(Self.w("跨境电商")), Self.w("RCEP")])]))
        #expect(try QueryParser.parse("RCEP OR -跨境电商") == .or([Self.w("RCEP"), .not(Self.w("跨境电商"))]))
        // The mark as other keyboards type it: full-width －, the minus sign −, the en dash –.
        for mark in ["－", "−", "–"] {
            #expect(try QueryParser.parse("海外仓 \(mark)跨境电商") == .and([Self.w("海外仓"), .not(Self.w("跨境电商"))]), "\(mark)")
        }
        #expect(try QueryParser.parse("a AND b OR c") == .and([Self.w("a"), .or([Self.w("b"), Self.w("c")])]))
    }

    @Test func groupingOverridesPrecedence() throws {
        #expect(try QueryParser.parse("(跨境电商 海外仓) OR RCEP") == .or([.and([Self.w("跨境电商"), Self.w("海外仓")]), Self.w("RCEP")]))
        #expect(try QueryParser.parse("服务贸易 -(数字 OR 平台)") == .and([Self.w("服务贸易"), .not(.or([Self.w("数字"), Self.w("平台")]))]))
        #expect(try QueryParser.parse("((电商))") == Self.w("电商"))
    }

    @Test func keywordsAreCaseInsensitiveAndBarsAreOr() throws {
        let expected = QueryExpression.or([Self.w("跨境电商"), Self.w("跨境电子商务")])
        for query in ["跨境电商 OR 跨境电子商务", "跨境电商 or 跨境电子商务", "跨境电商 | 跨境电子商务", "跨境电商｜跨境电子商务", "跨境电商|跨境电子商务"] {
            #expect(try QueryParser.parse(query) == expected, "\(query)")
        }
        #expect(try QueryParser.parse("电商 and 跨境") == .and([Self.w("电商"), Self.w("跨境")]))
        #expect(try QueryParser.parse("电商 NOT 跨境") == .and([Self.w("电商"), .not(Self.w("跨境"))]))
        #expect(try QueryParser.parse("not 跨境") == .not(Self.w("跨境")))
        // Quoted, a keyword is a word.
        #expect(try QueryParser.parse("\"or\"") == Self.q("or"))
    }

    @Test func phrases() throws {
        #expect(try QueryParser.parse("\"外商直接投资 ( FDI )\"") == Self.q("外商直接投资 ( FDI )"))
        #expect(try QueryParser.parse("“跨境 电商”") == Self.q("跨境 电商"))
        #expect(try QueryParser.parse("-\"海外仓\"") == .not(Self.q("海外仓")))
        // A curly quote inside a part is content: the text is searched as written.
        #expect(try QueryParser.parse("“十四五”规划") == Self.w("“十四五”规划"))
        #expect(try QueryParser.parse("2021-2025") == Self.w("2021-2025"))
        #expect(try QueryParser.parse("电商-") == Self.w("电商-"))
    }

    @Test func filtersMayBeNegatedAndGrouped() throws {
        #expect(try QueryParser.parse("服务贸易 -doc:成都") == .and([Self.w("服务贸易"), .not(Self.f(.doc, "成都"))]))
        #expect(
            try QueryParser.parse("电商 (region:四川 OR year:2021..2023)")
                == .and([Self.w("电商"), .or([Self.f(.region, "四川"), Self.f(.year, "2021..2023")])]))
        #expect(try QueryParser.parse("DOC:\"重庆 市\"") == Self.f(.doc, "重庆 市"))
        #expect(try QueryParser.parse("issuer：人民政府") == Self.f(.issuer, "人民政府"))
        // Not a known field: a word.
        #expect(try QueryParser.parse("http://x") == Self.w("http://x"))
    }

    /// Full-width parentheses group when what they hold has a space or OR bar and the ） ends the
    /// part, as an IME types them; otherwise they are text (（一）, 中国（四川）自由贸易试验区).
    @Test func fullWidthParenthesesGroupWhenTheyHoldSeveralParts() throws {
        let group = QueryExpression.or([Self.w("跨境电商"), Self.w("海外仓")])
        #expect(try QueryParser.parse("（跨境电商 OR 海外仓）") == group)
        #expect(try QueryParser.parse("（跨境电商｜海外仓） 成都") == .and([group, Self.w("成都")]))
        // Typed without a space after ）, as an IME in Chinese mode leaves it, on either side.
        #expect(try QueryParser.parse("（跨境电商 OR 海外仓）成都") == .and([group, Self.w("成都")]))
        #expect(try QueryParser.parse("成都（跨境电商 OR 海外仓）") == .and([Self.w("成都"), group]))
        #expect(try QueryParser.parse("-（跨境电商 海外仓） 电商") == .and([.not(.and([Self.w("跨境电商"), Self.w("海外仓")])), Self.w("电商")]))
        #expect(try QueryParser.parse("（一）总体要求") == Self.w("（一）总体要求"))
        #expect(try QueryParser.parse("中国（四川）自由贸易试验区") == Self.w("中国（四川）自由贸易试验区"))
        #expect(try QueryParser.parse("（十四五） 规划") == .and([Self.w("（十四五）"), Self.w("规划")]))
        // Mixed widths, as a PDF prints a label: the ) closes the text （ and is text too.
        #expect(try QueryParser.parse("（二)强化") == Self.w("（二)强化"))
        #expect(try QueryParser.parse("（二) 强化") == .and([Self.w("（二)"), Self.w("强化")]))
        #expect(throws: QueryError.self) { try QueryParser.parse("二) 强化") }
    }

    /// ASCII parentheses glued inside a word, with no space or operator between them, are text as
    /// the full-width ones are (中国(成都)… as a PDF extract or a keyboard writes it); a group
    /// still groups.
    @Test func asciiParenthesesInsideAWordAreText() throws {
        #expect(try QueryParser.parse("中国(成都)跨境电子商务综合试验区") == Self.w("中国(成都)跨境电子商务综合试验区"))
        #expect(try QueryParser.parse("外商直接投资(FDI) 成都") == .and([Self.w("外商直接投资(FDI)"), Self.w("成都")]))
        #expect(try QueryParser.parse("电商(跨境 OR 海外仓)") == .and([Self.w("电商"), .or([Self.w("跨境"), Self.w("海外仓")])]))
        #expect(try QueryParser.parse("(跨境电商) 成都") == .and([Self.w("跨境电商"), Self.w("成都")]))
        let a = QueryPart(text: "中国(成都)自贸区", quoted: false), b = QueryPart(text: "海外仓", quoted: false)
        #expect(try QueryParser.parse("NEAR/5(中国(成都)自贸区, 海外仓)") == .near(distance: 5, a, b))
        #expect(throws: QueryError.self) { try QueryParser.parse("电商(海外仓") }
    }

    @Test func near() throws {
        let a = QueryPart(text: "跨境电商", quoted: false), b = QueryPart(text: "海外仓", quoted: true)
        #expect(try QueryParser.parse("NEAR/10(跨境电商, \"海外仓\")") == .near(distance: 10, a, b))
        #expect(try QueryParser.parse("near/0(跨境电商，\"海外仓\")") == .near(distance: 0, a, b))
        #expect(try QueryParser.parse("NEAR(跨境电商,\"海外仓\")") == .near(distance: QueryLexer.defaultNearDistance, a, b))
        // Full-width parentheses and comma, as an IME in Chinese mode types them.
        #expect(try QueryParser.parse("NEAR/10（跨境电商，\"海外仓\"）") == .near(distance: 10, a, b))
        #expect(try QueryParser.parse("-NEAR/3(跨境电商, \"海外仓\") 电商") == .and([.not(.near(distance: 3, a, b)), Self.w("电商")]))
        // Spaces between the pieces, and a full-width slash and digits.
        #expect(try QueryParser.parse("NEAR /10 (跨境电商, \"海外仓\")") == .near(distance: 10, a, b))
        #expect(try QueryParser.parse("NEAR / 10(跨境电商, \"海外仓\")") == .near(distance: 10, a, b))
        #expect(try QueryParser.parse("NEAR／１０（跨境电商，\"海外仓\"）") == .near(distance: 10, a, b))
        #expect(try QueryParser.parse("NEAR (跨境电商, \"海外仓\")") == .near(distance: QueryLexer.defaultNearDistance, a, b))
        #expect(throws: QueryError.self) { try QueryParser.parse("NEAR / (跨境电商, 海外仓)") }
        // NEAR alone is the keyword without its parts; quoted, or inside a word, it is text.
        for q in ["NEAR", "跨境电商 NEAR 海外仓", "near", "(电商 NEAR)"] { #expect(throws: QueryError.self, "\(q)") { try QueryParser.parse(q) } }
        #expect(try QueryParser.parse("\"near\"") == .term(QueryPart(text: "near", quoted: true)))
        #expect(try QueryParser.parse("nearby") == Self.w("nearby"))
    }

    @Test(arguments: [
        ("跨境电商\"", 5, "quote"), ("\"跨境", 1, "quote"), ("“跨境电商", 1, "quote"), ("跨境 \"电商 海外仓", 4, "quote"),
        ("(电商", 1, "parenthesis"), ("电商)", 3, "parenthesis"), ("a (b OR (c d)", 3, "parenthesis"), ("()", 1, "empty group"),
        ("电商 ()", 4, "empty group"), ("OR 电商", 1, "OR"), ("电商 OR", 4, "OR"), ("电商 OR OR 跨境", 4, "OR"), ("AND 电商", 1, "AND"),
        ("- 电商", 1, "“-”"), ("电商 -", 4, "“-”"), ("NOT", 1, "NOT"), ("doc:", 1, "needs a value"), ("电商 region: 四川", 4, "needs a value"),
        ("NEAR/5(跨境电商)", 1, "two parts"), ("NEAR/5(跨境电商, 海外仓, 港)", 1, "two parts"), ("NEAR/x(a, b)", 1, "distance"),
        ("NEAR/5(a, b", 1, "two parts"), ("\"\"", 1, "empty"), ("电商 --跨境", 4, "“--”")
    ])
    func malformedQueriesPointAtTheProblem(_ query: String, _ column: Int, _ words: String) {
        do {
            let parsed = try QueryParser.parse(query)
            Issue.record("“\(query)” parsed as \(parsed)")
        } catch let e as QueryError {
            #expect(e.column == column, "“\(query)”: \(e)")
            #expect(e.message.contains(words), "“\(query)”: \(e.message)")
            // The web pages say it in Chinese: every parse error has its Chinese message.
            #expect(e.chinese?.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } == true, "“\(query)”: \(e)")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func emptyQueries() {
        for query in ["", "   ", "\u{3000}"] {
            #expect(throws: QueryError(message: "the query is empty; give a term such as 跨境电商", chinese: "查询为空：请输入检索词，如 跨境电商")) {
                try QueryParser.parse(query)
            }
        }
    }

    @Test func canonicalFormRoundTrips() throws {
        for query in ["跨境电商 (海外仓 OR 边境仓)", "海外仓 (-跨境电商 OR RCEP)", "-doc:成都 服务贸易", "NEAR/10(跨境电商, \"海外仓\") region:四川"] {
            let e = try QueryParser.parse(query)
            #expect(try QueryParser.parse(e.description) == e, "\(query) → \(e)")
        }
    }

    /// The lexer's fast answer for ASCII and CJK ideographs agrees with the definition it stands
    /// for (Unicode White_Space, or a control below U+0020) on every scalar.
    @Test func spaceIsWhiteSpaceOrAControlForEveryScalar() {
        var disagreements: [UInt32] = []
        for v in UInt32(0)...0x10_FFFF {
            guard let c = Unicode.Scalar(v) else { continue }
            if QueryLexer.isSpace(c) != (c.properties.isWhitespace || v < 0x20) { disagreements.append(v) }
        }
        #expect(disagreements.isEmpty)
    }
}
