/// A source line after layout debris is removed.
struct CleanLine {
    enum Kind: Equatable {
        case blank
        case text
        /// A table row; `cells` holds its non-empty cells.
        case tableRow
        /// A page footer or header (— 4 —), dropped but remembered so joining can see through it.
        case pageMark
        /// A footnote (¹…, <sup>1</sup>…) that PDF extraction set between two halves of a paragraph.
        case footnote
    }
    var kind: Kind
    var scalars: [Unicode.Scalar]
    var cells: [[Unicode.Scalar]] = []
    /// 1-based source line.
    var line: Int
    /// The line ended in a markdown hard break (two trailing spaces): a soft wrap, not a paragraph end.
    var softBreak = false
    /// 1-based page, for paged sources (PDF, text with form feeds).
    var page: Int? = nil
    /// Heading level the format declares (Word heading style, HTML h1–h6): evidence, not a verdict.
    var headingLevel: Int? = nil
    /// The line starts right of the text margin (PDF): a paragraph's first line or a centred line.
    var indented: Bool? = nil
    /// The last line of a frame the format draws (`SourceLine.closesFrame`).
    var closesFrame = false
    /// The source set 专栏 apart from what follows by a space (专栏　数字贸易重点平台), which cleaning
    /// removes: an unnumbered box's title may follow (`HeadingParser.parseBox`).
    var boxLabelApart = false
    /// The line ends in a dash set apart by a space (20824.9 30000 —): a table's empty cell, not
    /// a word cut at the margin; cleaning removes the space.
    var endsInLoneDash = false
    /// A rule typed as text (━━━━, ────, ---): the character it is drawn with (a blank line otherwise).
    var rule: Unicode.Scalar? = nil
    var text: String { scalars.string }
}

/// Removes what PDF extraction and markdown conversion leave behind, one line at a time:
/// markdown heading marks, emphasis and rules, HTML tags and footnote markers, page footers,
/// and spaces beside CJK characters (justification debris: "至 2025年"). Content characters are
/// never removed: a space between two Latin words or digits stays.
enum LineCleaner {
    /// - Parameter markup: the line may carry markdown or HTML marks (plain text); false for text a
    ///   format reader already extracted, where `<`, `*` and `|` are content.
    static func clean(_ raw: Substring, line: Int, markup: Bool = true) -> CleanLine {
        clean(Array(raw.unicodeScalars), line: line, markup: markup)
    }

    static func clean(_ scalars: [Unicode.Scalar], line: Int, markup: Bool = true) -> CleanLine {
        var s = scalars
        if s.last == "\r" { s.removeLast() }
        let softBreak = s.count >= 2 && s[s.count - 1] == " " && s[s.count - 2] == " "
        if let note = footnote(s) {
            let text = collapseSpaces(markup ? stripMarkdown(stripHTML(note)) : note)
            if !text.isEmpty { return CleanLine(kind: .footnote, scalars: text, line: line) }
        }
        // A rule (***, ___, ━━━) must be recognised before emphasis marks are stripped from it; one
        // drawn around a 专栏 box is its frame (`StructureBuilder`).
        if isRule(s[trimmedBounds(s)]) {
            var rule = CleanLine(kind: .blank, scalars: [], line: line)
            rule.rule = s.first { !CharacterClass.isSpace($0) }
            return rule
        }
        if markup {
            s = stripHTML(s)
            s = stripMarkdown(s)
        } else {
            s = stripHeadingMarks(s)
        }
        var trimmed = trim(s)
        if trimmed.isEmpty { return CleanLine(kind: .blank, scalars: [], line: line) }
        if let single = undoubled(trimmed) { trimmed = single }
        if isPageMark(trimmed) { return CleanLine(kind: .pageMark, scalars: [], line: line) }
        if markup, trimmed.first == "|" {
            let cells = splitCells(trimmed, separator: "|")
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " } }) {
                return CleanLine(kind: .blank, scalars: [], line: line)
            }
            let nonEmpty = cells.map(collapseSpaces).filter { !$0.isEmpty }
            if nonEmpty.isEmpty { return CleanLine(kind: .blank, scalars: [], line: line) }
            // A one-cell row is a caption or a title set in a table (| 专栏 14 名录 | | |).
            if nonEmpty.count == 1 { return CleanLine(kind: .text, scalars: nonEmpty[0], line: line) }
            return CleanLine(kind: .tableRow, scalars: joinCells(nonEmpty), cells: nonEmpty, line: line)
        }
        if trimmed.contains("\t") {
            let cells = splitCells(trimmed, separator: "\t").map(collapseSpaces).filter { !$0.isEmpty }
            if cells.count >= 2 {
                return CleanLine(kind: .tableRow, scalars: joinCells(cells), cells: cells, line: line)
            }
            if let only = cells.first { return CleanLine(kind: .text, scalars: only, line: line) }
        }
        if let cells = ideographicSpaceCells(trimmed) {
            return CleanLine(kind: .tableRow, scalars: joinCells(cells), cells: cells, line: line)
        }
        var text = CleanLine(kind: .text, scalars: collapseSpaces(trimmed), line: line, softBreak: softBreak)
        text.boxLabelApart =
            trimmed.count > 3 && ScriptVariants.folded(trimmed[0]) == "专" && ScriptVariants.folded(trimmed[1]) == "栏"
            && CharacterClass.isSpace(trimmed[2])
        text.endsInLoneDash =
            trimmed.count > 2 && "—-".unicodeScalars.contains(trimmed[trimmed.count - 1])
            && CharacterClass.isSpace(trimmed[trimmed.count - 2])
        return text
    }

    /// A table typed with full-width spaces between its cells (序号　重点任务　牵头单位): three or more
    /// cells, two of them words, none a sentence. A title's gap (第一章　总则), a title spaced
    /// letter by letter (总　　则), a box or attachment line, a bracketed note, or a date after a
    /// signature is text.
    static func ideographicSpaceCells(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]]? {
        guard s.contains("\u{3000}"), !hasPaddedName(s) else { return nil }
        let cells = splitCells(s, separator: "\u{3000}").map(collapseSpaces).filter { !$0.isEmpty }
        guard cells.count >= 3, cells.filter({ $0.count >= 2 }).count >= 2,
            cells.allSatisfy({ $0.count <= 100 && !($0.last.map(HeadingParser.isSentenceEnd) ?? false) && $0.last != "，" })
        else { return nil }
        if let n = HeadingParser.parse(cells[0]), n.style <= .article { return nil }
        if HeadingParser.parseBox(s) != nil || HeadingParser.parseAttachment(s) != nil { return nil }
        // A bracket opened in the first cell and closed in a later one is one aside spaced into
        // clauses (（…审议通过　…令第321号公布　自2024年5月1日起施行）), not cells.
        if let open = cells[0].first, open == "（" || open == "(", !cells[0].contains(where: { $0 == "）" || $0 == ")" }) {
            return nil
        }
        return cells
    }

    /// A two-character name padded to three with a full-width space, as lists of people print them
    /// (出席：王立新、李　明、刘　芳): one ideograph each side of the space, a list mark or the line's
    /// end beyond them. The space is not a cell boundary.
    static func hasPaddedName(_ s: [Unicode.Scalar]) -> Bool {
        let marks: Set<Unicode.Scalar> = ["、", "，", "：", ":", "；", "\u{3000}", " "]
        for k in s.indices.dropFirst().dropLast() where s[k] == "\u{3000}" {
            guard CharacterClass.isHan(s[k - 1]), CharacterClass.isHan(s[k + 1]) else { continue }
            if (k < 2 || marks.contains(s[k - 2])) && (k + 2 >= s.count || marks.contains(s[k + 2])) { return true }
        }
        return false
    }

    /// Bold text that PDF extraction doubled character by character (第第一一章章 总总则则 → 第一章 总则):
    /// every space-separated word is made of pairs of one character, and there are at least two
    /// pairs of ideographs. Ordinary prose never has that shape (reduplications such as 常常 are
    /// single words among others).
    static func undoubled(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard s.count >= 4, s.count <= 200 else { return nil }
        var out: [Unicode.Scalar] = []
        var i = 0
        var hanPairs = 0
        while i < s.count {
            if CharacterClass.isSpace(s[i]) {
                out.append(s[i])
                i += 1
                continue
            }
            guard i + 1 < s.count, s[i + 1] == s[i] else { return nil }
            if CharacterClass.isHan(s[i]) { hanPairs += 1 }
            out.append(s[i])
            i += 2
        }
        return hanPairs >= 2 ? out : nil
    }

    static let superscriptDigits: Set<Unicode.Scalar> = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁰"]

    /// A footnote line: `<sup>n</sup>text` or `¹text` at the start of a line. Returns the text
    /// without its marker (the number is layout, the text is content).
    static func footnote(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        // Asked of every line: decide on the first visible character before copying anything.
        let lo = trimmedBounds(s).lowerBound
        guard lo < s.count, s[lo] == "<" || superscriptDigits.contains(s[lo]) else { return nil }
        let t = trim(s)
        if let first = t.first, superscriptDigits.contains(first) {
            let rest = t.drop { superscriptDigits.contains($0) }
            return rest.isEmpty ? nil : Array(rest)
        }
        let open = Array("<sup>".unicodeScalars), close = Array("</sup>".unicodeScalars)
        guard t.count > open.count + close.count, Array(t.prefix(open.count)) == open else { return nil }
        var i = open.count
        while i < t.count, CharacterClass.isDigit(t[i]) || t[i] == " " || t[i] == "*" { i += 1 }
        guard i > open.count, i + close.count <= t.count, Array(t[i..<(i + close.count)]) == close else { return nil }
        let rest = Array(t[(i + close.count)...])
        return rest.isEmpty ? nil : rest
    }

    static func joinCells(_ cells: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for (i, c) in cells.enumerated() {
            if i > 0 { out.append(contentsOf: [" ", "|", " "]) }
            out.append(contentsOf: c)
        }
        return out
    }

    static func splitCells(_ s: [Unicode.Scalar], separator: Unicode.Scalar) -> [[Unicode.Scalar]] {
        var cells: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for c in s {
            if c == separator {
                cells.append(current)
                current = []
            } else {
                current.append(c)
            }
        }
        cells.append(current)
        if separator == "|" {
            if cells.first.map({ trim($0).isEmpty }) == true { cells.removeFirst() }
            if cells.last.map({ trim($0).isEmpty }) == true { cells.removeLast() }
        }
        return cells
    }

    static func trim(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] { Array(s[trimmedBounds(s)]) }

    /// The range of `s` without its leading and trailing spaces.
    static func trimmedBounds(_ s: [Unicode.Scalar]) -> Range<Int> {
        var lo = 0, hi = s.count
        while lo < hi, CharacterClass.isSpace(s[lo]) { lo += 1 }
        while hi > lo, CharacterClass.isSpace(s[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Removes runs of spaces that touch a wide (CJK) character; other runs become one space.
    static func collapseSpaces(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let bounds = trimmedBounds(s)
        let end = bounds.upperBound
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(bounds.count)
        var i = bounds.lowerBound
        while i < end {
            if CharacterClass.isSpace(s[i]) {
                var j = i
                while j < end, CharacterClass.isSpace(s[j]) { j += 1 }
                let before = out.last
                let after = j < end ? s[j] : nil
                let wide = (before.map(CharacterClass.isWide) ?? true) || (after.map(CharacterClass.isWide) ?? true)
                if !wide { out.append(" ") }
                i = j
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }

    /// Drops HTML tags; a `<sup>n</sup>` footnote reference is dropped with its number.
    static func stripHTML(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.contains("<") else { return s }
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < s.count {
            if s[i] == "<", let end = tagEnd(s, from: i) {
                let name = tagName(s, from: i)
                if name == "sup" {
                    // Footnote reference: drop the marker and its closing tag.
                    if let close = find(s, "</sup>", from: end) {
                        let inner = s[end..<close]
                        if inner.count <= 4 && inner.allSatisfy({ CharacterClass.isDigit($0) || $0 == "*" || $0 == " " }) {
                            i = close + 6
                            continue
                        }
                    }
                }
                i = end
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    private static func tagName(_ s: [Unicode.Scalar], from i: Int) -> String {
        var j = i + 1
        var name: [Unicode.Scalar] = []
        while j < s.count, CharacterClass.isLatin(s[j]) || CharacterClass.isASCIIDigit(s[j]) {
            name.append(s[j])
            j += 1
        }
        return name.string.lowercased()
    }

    /// End (exclusive) of an HTML tag starting at `i`, if it is one: <b>, </b>, <br/>, <sup>, <span …>.
    private static func tagEnd(_ s: [Unicode.Scalar], from i: Int) -> Int? {
        var j = i + 1
        if j < s.count, s[j] == "/" { j += 1 }
        guard j < s.count, CharacterClass.isLatin(s[j]) else { return nil }
        var k = j
        while k < s.count, k - i < 200 {
            if s[k] == ">" { return k + 1 }
            if s[k] == "<" || CharacterClass.isWide(s[k]) { return nil }
            k += 1
        }
        return nil
    }

    private static func find(_ s: [Unicode.Scalar], _ needle: String, from: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard s.count >= n.count, from <= s.count - n.count else { return nil }
        for i in from...(s.count - n.count) where s[i] == n[0] {
            if Array(s[i..<(i + n.count)]) == n { return i }
        }
        return nil
    }

    /// Leading `#` heading marks and `>` quotes, `**`/`__` emphasis anywhere.
    static func stripMarkdown(_ input: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var s = input
        var lo = 0
        while lo < s.count, CharacterClass.isSpace(s[lo]) { lo += 1 }
        var hashes = lo
        while hashes < s.count, s[hashes] == "#" { hashes += 1 }
        if hashes > lo, hashes - lo <= 6, hashes == s.count || s[hashes] == " " || !CharacterClass.isLatin(s[hashes]) {
            s.removeSubrange(lo..<hashes)
        } else if lo < s.count, s[lo] == ">", lo + 1 < s.count, s[lo + 1] == " " {
            s.removeSubrange(lo...(lo + 1))
        }
        guard s.contains("*") || s.contains("_") else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if s[i] == "*" || s[i] == "_", i + 1 < s.count, s[i + 1] == s[i] {
                i += 2
                continue
            }
            out.append(s[i])
            i += 1
        }
        return out
    }

    /// `# ` marks before a Chinese heading in text a format reader extracted: a PDF or Word file
    /// made from a Markdown file prints them (## 第一章 发展基础); `#` before anything else is content.
    static func stripHeadingMarks(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var lo = 0
        while lo < s.count, CharacterClass.isSpace(s[lo]) { lo += 1 }
        var hashes = lo
        while hashes < s.count, s[hashes] == "#" { hashes += 1 }
        guard hashes > lo, hashes - lo <= 6, hashes + 1 < s.count, s[hashes] == " ", CharacterClass.isHan(s[hashes + 1]) else { return s }
        return Array(s[(hashes + 1)...])
    }

    /// Markdown horizontal rules, extraction separators and lines drawn with box-drawing
    /// characters (a 专栏's frame typed as text): ---, ***, ____, ======, ━━━━, ────, ＝＝＝.
    static func isRule(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        s.count >= 3
            && s.allSatisfy {
                "-*_= －＊＿＝".unicodeScalars.contains($0) || (0x2500...0x257F).contains($0.value)
            }
    }

    /// Page footers and headers: — 4 —, - 12 -, －3－, 第 3 页, 3/40.
    static let dashes: Set<Unicode.Scalar> = ["—", "–", "-", "－", "─", "一"]

    static func isPageMark(_ s: [Unicode.Scalar]) -> Bool {
        // Asked of every line: most are too long to be one, known without copying.
        var visible = 0
        for c in s where !CharacterClass.isSpace(c) {
            visible += 1
            if visible > 12 { return false }
        }
        let t = s.filter { !CharacterClass.isSpace($0) }
        guard !t.isEmpty, t.count <= 12 else { return false }
        var i = 0
        var lead = 0
        while i < t.count, dashes.contains(t[i]) {
            i += 1
            lead += 1
        }
        var digits = 0
        while i < t.count, CharacterClass.isDigit(t[i]) {
            i += 1
            digits += 1
        }
        var trail = 0
        while i < t.count, dashes.contains(t[i]) {
            i += 1
            trail += 1
        }
        if i == t.count, digits > 0, digits <= 4, lead > 0, trail > 0, t[0] != "一" { return true }
        // 第 3 页 / 第3页共40页
        if t.first == "第", t.contains(where: { ScriptVariants.folded($0) == "页" }),
            t.dropFirst().prefix(while: CharacterClass.isDigit).count > 0
        {
            return t.allSatisfy { CharacterClass.isDigit($0) || "第页共/".unicodeScalars.contains(ScriptVariants.folded($0)) }
        }
        return false
    }
}
