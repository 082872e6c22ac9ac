/// Recognises the numbering that opens a line in a Chinese official document and splits the line
/// into label and rest. It only reads the shape of one line; whether a candidate really is a
/// heading (numbering continuity, boxes, list items) is decided by `StructureBuilder`.
struct NumberedLine: Equatable {
    var style: NumberingStyle
    var number: Int
    /// The label as printed: 第四章, （二）, 1.
    var label: [Unicode.Scalar]
    /// The text after the label, leading spaces removed.
    var rest: [Unicode.Scalar]
    /// Whether spaces stood between label and text (第三章　机构养老服务, not 第三章规定的…).
    var spaced = false
}

/// A line's role as a heading, judged from its text.
enum HeadingShape: Equatable {
    /// The whole line is a title ("第五章 加快发展开放型经济", "（一）指导思想", "1.做大规模。").
    case standalone(title: [Unicode.Scalar])
    /// A lead sentence followed by body text on the same line ("（一）加强组织领导。各地要…").
    case runIn(title: [Unicode.Scalar])
    /// Numbered text that is an enumeration item, not a heading ("1.开展试点；").
    case item
}

enum HeadingParser {
    /// Longest title a stand-alone heading may have, in characters.
    static let maxTitle = 60
    /// Longest lead sentence of a run-in heading.
    static let maxLead = 40

    static func parse(_ s: [Unicode.Scalar]) -> NumberedLine? {
        guard let first = s.first else { return nil }
        if first == "第" { return parseOrdinal(s) }
        if first == "（" || first == "(" { return parseParenthesized(s) }
        if CharacterClass.isDigit(first) { return parseArabic(s) }
        if ChineseNumeral.isNumeralCharacter(first) { return parseChineseComma(s) }
        return nil
    }

    /// 第X篇 / 第X编 / 第X部分 / 第X章 / 第X节 / 第X条
    static func parseOrdinal(_ s: [Unicode.Scalar]) -> NumberedLine? {
        var i = 1
        while i < s.count, i <= 7, ChineseNumeral.isNumeralCharacter(s[i]) || CharacterClass.isDigit(s[i]) { i += 1 }
        guard i > 1, i < s.count else { return nil }
        let numeral = s[1..<i]
        let number: Int?
        if numeral.allSatisfy(CharacterClass.isDigit) {
            number = numeral.reduce(0) { $0 * 10 + CharacterClass.digitValue($1) }
        } else {
            number = ChineseNumeral.value(numeral)
        }
        guard let n = number, n > 0 else { return nil }
        let style: NumberingStyle
        var end = i + 1
        switch ScriptVariants.folded(s[i]) {
        case "篇", "编": style = .part
        case "章": style = .chapter
        case "节": style = .section
        case "条": style = .article
        case "部":
            guard i + 1 < s.count, s[i + 1] == "分" else { return nil }
            style = .part
            end = i + 2
        default: return nil
        }
        var line = NumberedLine(style: style, number: n, label: Array(s[0..<end]), rest: LineCleaner.trim(Array(s[end...])))
        line.spaced = end < s.count && CharacterClass.isSpace(s[end])
        return line
    }

    /// （一） / （1）, full- or half-width parentheses.
    private static func parseParenthesized(_ s: [Unicode.Scalar]) -> NumberedLine? {
        var i = 1
        while i < s.count, CharacterClass.isSpace(s[i]) { i += 1 }
        let start = i
        while i < s.count, i - start < 6, ChineseNumeral.isNumeralCharacter(s[i]) || CharacterClass.isDigit(s[i]) { i += 1 }
        let numeral = s[start..<i]
        while i < s.count, CharacterClass.isSpace(s[i]) { i += 1 }
        guard !numeral.isEmpty, i < s.count, s[i] == "）" || s[i] == ")" else { return nil }
        let label = Array(s[0...i])
        let rest = LineCleaner.trim(Array(s[(i + 1)...]))
        if numeral.allSatisfy(CharacterClass.isDigit) {
            guard numeral.count <= 3 else { return nil }
            let n = numeral.reduce(0) { $0 * 10 + CharacterClass.digitValue($1) }
            guard n > 0 else { return nil }
            return NumberedLine(style: .arabicParen, number: n, label: label, rest: rest)
        }
        guard let n = ChineseNumeral.value(numeral), n > 0 else { return nil }
        return NumberedLine(style: .chineseParen, number: n, label: label, rest: rest)
    }

    /// 1.  1．  1、 — but not a decimal (2.08万亿元) or a year (2025年).
    private static func parseArabic(_ s: [Unicode.Scalar]) -> NumberedLine? {
        var i = 0
        while i < s.count, CharacterClass.isDigit(s[i]) { i += 1 }
        guard i <= 3, i < s.count else { return nil }
        let mark = s[i]
        guard mark == "." || mark == "．" || mark == "、" else { return nil }
        let n = s[0..<i].reduce(0) { $0 * 10 + CharacterClass.digitValue($1) }
        guard n > 0 else { return nil }
        var j = i + 1
        while j < s.count, CharacterClass.isSpace(s[j]) { j += 1 }
        if j < s.count, CharacterClass.isDigit(s[j]), j == i + 1 {
            // "2.08万亿元" is a decimal; "2.2035年远景目标" is item 2 titled by a year.
            var k = j
            while k < s.count, CharacterClass.isDigit(s[k]) { k += 1 }
            guard k - j == 4, k < s.count, s[k] == "年", k + 1 < s.count, CharacterClass.isHan(s[k + 1]) else { return nil }
        }
        guard j < s.count else { return nil }
        return NumberedLine(style: .arabicDot, number: n, label: Array(s[0...i]), rest: Array(s[j...]))
    }

    /// 一、 二十三、 — and 一． 一. as documents typed in Word or converted from it write them (a
    /// style of its own: `StructureBuilder` reads it as 一、's where it continues that sequence).
    private static func parseChineseComma(_ s: [Unicode.Scalar]) -> NumberedLine? {
        var i = 0
        while i < s.count, i < 6, ChineseNumeral.isNumeralCharacter(s[i]) { i += 1 }
        guard i < s.count, s[i] == "、" || s[i] == "．" || s[i] == ".", let n = ChineseNumeral.value(s[0..<i]), n > 0 else { return nil }
        let style: NumberingStyle = s[i] == "、" ? .chineseComma : .chineseDot
        return NumberedLine(style: style, number: n, label: Array(s[0...i]), rest: LineCleaner.trim(Array(s[(i + 1)...])))
    }

    /// Decides from the text alone whether a numbered line reads as a heading.
    static func shape(of line: NumberedLine) -> HeadingShape {
        let rest = line.rest
        if rest.isEmpty { return .standalone(title: []) }
        if line.style <= .section {
            // 第X篇/章/节 open a part of the document whatever follows; not a sentence that opens by
            // citing one (第三章规定的机构…。, a law's clause).
            if rest.count <= maxTitle && !rest.contains(where: isSentenceEnd) { return .standalone(title: rest) }
            return citesPart(line) ? .item : .runIn(title: [])
        }
        if line.style == .article { return articleShape(rest) }
        guard let p = rest.firstIndex(where: isSentenceEnd) else {
            if let last = rest.last, last == "，" || last == "、" || last == "," { return .item }
            return rest.count <= maxTitle ? .standalone(title: rest) : .item
        }
        if rest[p] == "？" || rest[p] == "?" { return questionShape(rest, end: p) }
        guard rest[p] == "。" || rest[p] == "！" || rest[p] == "." else { return .item }
        guard p <= maxLead else { return .item }
        var after = p + 1
        while after < rest.count, CharacterClass.isClosing(rest[after]) { after += 1 }
        // One whole sentence with a clause in it (1.完善…补贴政策，对…给予补助。) or a label and its
        // content ((1)数字文化：游戏出海、网络文学。) is a list item; a heading's lead alone on its line
        // is a title (1.推进数字化转型。).
        if after >= rest.count {
            return rest[..<p].contains { $0 == "，" || $0 == "：" } ? .item : .standalone(title: Array(rest[..<p]))
        }
        return .runIn(title: Array(rest[..<p]))
    }

    /// A numbered line that is one question, alone on its line (一、问：哪些企业可以申报？): the
    /// question of a 政策解读 or 答记者问, whose answer follows; its whole text is the title. A
    /// question with more after it is an item.
    private static func questionShape(_ rest: [Unicode.Scalar], end p: Int) -> HeadingShape {
        var after = p + 1
        while after < rest.count, CharacterClass.isClosing(rest[after]) { after += 1 }
        return after >= rest.count && p <= maxTitle + 20 ? .standalone(title: rest) : .item
    }

    /// An unnumbered question line of a 政策解读 or 答记者问 (问：…？, 记者：…？, 问：…？…？, a
    /// request 问：请介绍一下…。, or one left without its mark): the line, when nothing follows its
    /// last question (or request). Whether an answer (答：…) follows is the caller's to check.
    static func parseQuestion(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard s.count <= maxTitle + 40, opensQuestion(s) else { return nil }
        let ends = s.indices.filter { isSentenceEnd(s[$0]) }
        guard let last = ends.last else { return s }
        guard ends.dropLast().allSatisfy({ s[$0] == "？" || s[$0] == "?" }), "？?。".unicodeScalars.contains(s[last]) else { return nil }
        var after = last + 1
        while after < s.count, CharacterClass.isClosing(s[after]) { after += 1 }
        return after >= s.count ? s : nil
    }

    /// A question and its answer on one line (问：…？答：…): the question, and where the answer starts.
    static func questionWithAnswer(_ s: [Unicode.Scalar]) -> (question: [Unicode.Scalar], answer: Int)? {
        guard opensQuestion(s) else { return nil }
        for k in 1..<max(1, s.count - 2) where (s[k - 1] == "？" || s[k - 1] == "?") && opensAnswer(Array(s[k...])) {
            guard let question = parseQuestion(Array(s[..<k])) else { return nil }
            return (question, k)
        }
        return nil
    }

    /// Whether a heading's title is a question (一、问：…？, 二、为什么要制定《方案》？): it holds its
    /// answer's numbering (`StructureBuilder.closeForHeading`).
    static func isQuestion(_ title: [Unicode.Scalar]) -> Bool {
        if questionOpenings.contains(where: { title.starts(with: $0) }) { return true }
        guard let last = title.last(where: { !CharacterClass.isClosing($0) }) else { return false }
        return last == "？" || last == "?"
    }

    /// An answer's opening (答：…), which makes the question line above it a question heading.
    static func opensAnswer(_ s: [Unicode.Scalar]) -> Bool {
        s.count >= 2 && s[0] == "答" && (s[1] == "：" || s[1] == ":")
    }

    /// Read for every body line: folded in place (問：), no copy.
    private static func opensQuestion(_ s: [Unicode.Scalar]) -> Bool {
        questionOpenings.contains(where: { s.lazy.map(ScriptVariants.folded).starts(with: $0) })
    }

    /// Read for every body line: made once.
    private static let questionOpenings: [[Unicode.Scalar]] = ["问：", "问:", "记者问：", "记者问:", "记者：", "记者:", "提问：", "提问:"].map {
        Array($0.unicodeScalars)
    }

    /// A sentence whose subject is a part of the document: the label runs straight into a word that
    /// cites it (第三章规定的…, 第二节所列…, 第四章中…, 第五章的…) or into more labels (第三章、第四章…,
    /// 第三章和第四章…, 第三章至第五章…, 第三章第十条…), with no space as a title has.
    private static func citesPart(_ line: NumberedLine) -> Bool {
        guard !line.spaced, let first = line.rest.first else { return false }
        let lead = String(String.UnicodeScalarView(line.rest.prefix(2)))
        return ["规定", "所列", "所述", "所称", "确定", "明确", "有关"].contains(lead) || "中的所第、和与及或至".unicodeScalars.contains(first)
    }

    /// A numbered line that opens by citing a part or an item (第三章有关规定…, （二）项规定…,
    /// 3.款所列…): the rest of a sentence that a page cut before the number, not a heading or item.
    static func cites(_ line: NumberedLine) -> Bool {
        if line.style <= .article { return citesPart(line) }
        guard !line.spaced, let first = line.rest.first else { return false }
        return "项款目条号".unicodeScalars.contains(first)
    }

    /// 第一条　（目的和依据）: an article's caption in brackets is its title; other articles are run in
    /// (第一条 为了…) and have none.
    private static func articleShape(_ rest: [Unicode.Scalar]) -> HeadingShape {
        let pairs: [Unicode.Scalar: Unicode.Scalar] = ["（": "）", "(": ")", "【": "】", "[": "]", "〔": "〕"]
        guard let open = rest.first, let close = pairs[open],
            let end = rest.firstIndex(of: close), end > 1, end <= 31
        else { return .runIn(title: []) }
        let caption = LineCleaner.trim(Array(rest[1..<end]))
        guard !caption.contains(where: isSentenceEnd), !caption.contains("，") else { return .runIn(title: []) }
        return end == rest.count - 1 ? .standalone(title: caption) : .runIn(title: caption)
    }

    /// A chapter (part, section) line that extraction glued to its first article or section
    /// (第三章 目录管理 第十五条 政务数据…): the offset in `rest` where the deeper label starts.
    static func gluedLabel(in line: NumberedLine) -> Int? {
        guard line.style <= .section, line.rest.count > 2 else { return nil }
        let rest = line.rest
        for k in 1..<rest.count where rest[k] == "第" {
            if rest[..<k].contains(where: isSentenceEnd) || k > maxTitle { return nil }
            guard let inner = parseOrdinal(Array(rest[k...])), inner.style > line.style, inner.style <= .article else { continue }
            return k
        }
        return nil
    }

    /// 附件 / 附件2 / 附件：《…考评指标》 / 附录1：方案实施流程图 — the start of an attachment, which GB/T 9704
    /// sets on its own page with its title. Not the notice's list of attachments (附件：1.…), a
    /// download link (附件----….wps) or a sentence that mentions an attachment.
    static func parseAttachment(_ s: [Unicode.Scalar]) -> (label: [Unicode.Scalar], title: [Unicode.Scalar])? {
        guard s.count >= 2, s[0] == "附", s[1] == "件" || ScriptVariants.folded(s[1]) == "录" else { return nil }
        var i = 2
        while i < s.count, CharacterClass.isSpace(s[i]) { i += 1 }
        let numberStart = i
        while i < s.count, CharacterClass.isDigit(s[i]) { i += 1 }
        if i == numberStart {
            while i < s.count, ChineseNumeral.isNumeralCharacter(s[i]) { i += 1 }
            if i > numberStart, ChineseNumeral.value(s[numberStart..<i]) == nil { return nil }
        }
        let label = Array(s[0..<2]) + Array(s[numberStart..<i])
        while i < s.count, CharacterClass.isSpace(s[i]) || s[i] == "：" || s[i] == ":" { i += 1 }
        var title = LineCleaner.trim(Array(s[i...]))
        if title.isEmpty { return (label, []) }
        if let first = title.first, CharacterClass.isDigit(first) || first == "-" || first == "—" { return nil }
        if title.contains(where: isSentenceEnd) || title.count > maxTitle { return nil }
        let lower = title.string.lowercased()
        for ext in [".doc", ".docx", ".pdf", ".wps", ".xls", ".xlsx", ".et", ".zip", ".rar", ".ofd", ".txt"] where lower.hasSuffix(ext) {
            return nil
        }
        if title.first == "《", title.last == "》" { title = Array(title.dropFirst().dropLast()) }
        return (label, title)
    }

    static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        s == "。" || s == "；" || s == "！" || s == "？" || s == ";" || s == "?" || s == "!"
    }

    /// 专栏 4 …, 专栏四 …, 专栏3-1 … (a box of a group), 【专栏2】… (the label bracketed), 专栏　数字贸易
    /// (unnumbered: a space or colon after 专栏): the start of a boxed block. Returns its number
    /// text (empty when unnumbered) and title.
    /// - Parameter labelApart: the source set a space after 专栏 that cleaning removed (`CleanLine.boxLabelApart`).
    static func parseBox(_ line: [Unicode.Scalar], labelApart: Bool = false) -> (number: [Unicode.Scalar], title: [Unicode.Scalar])? {
        var s = line
        if s.first == "【", let close = s.firstIndex(of: "】"), close >= 3, ScriptVariants.folded(s[1]) == "专" {
            s = Array(s[1..<close]) + [" "] + Array(s[(close + 1)...])
        }
        guard s.count >= 3, ScriptVariants.folded(s[0]) == "专", ScriptVariants.folded(s[1]) == "栏" else { return nil }
        var i = 2
        while i < s.count, CharacterClass.isSpace(s[i]) { i += 1 }
        let start = i
        // Arabic or Chinese, not both: 专栏6两化融合… is box 6 titled 两化融合….
        if i < s.count, CharacterClass.isDigit(s[i]) {
            while i < s.count, CharacterClass.isDigit(s[i]) { i += 1 }
            // 3-1, 3.1: the first box of group 3.
            if i + 1 < s.count, "-－—.．".unicodeScalars.contains(s[i]), CharacterClass.isDigit(s[i + 1]) {
                i += 1
                while i < s.count, CharacterClass.isDigit(s[i]) { i += 1 }
            }
        } else {
            while i < s.count, ChineseNumeral.isNumeralCharacter(s[i]) { i += 1 }
        }
        // A year opens the title of an unnumbered box (专栏　2024年重点境外展会), it numbers nothing.
        if i < s.count, s[i] == "年" { i = start }
        let number = Array(s[start..<i])
        if number.isEmpty {
            // Unnumbered: the label set apart from its title.
            guard start > 2 || labelApart || (i < s.count && (s[i] == "：" || s[i] == ":")) else { return nil }
        }
        var title = LineCleaner.trim(Array(s[i...]))
        if title.first == "：" || title.first == ":" { title.removeFirst() }
        title = LineCleaner.trim(title)
        if number.isEmpty, title.isEmpty { return nil }
        // A sentence that merely mentions a box ("专栏1所列项目…") is not a box title.
        if title.contains(where: isSentenceEnd) || title.count > maxTitle { return nil }
        return (number, title)
    }
}
