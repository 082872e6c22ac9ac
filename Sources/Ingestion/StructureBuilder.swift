/// Turns clean lines into headings and passages: joins lines that layout broke, follows the
/// numbering hierarchy of official documents, opens and closes 专栏 boxes.
///
/// Decisions, and why:
/// - Numbering ranks are fixed (篇 › 章 › 节 › 条 › 一、 › （一） › 1. › （1）); a heading closes every open
///   heading of its rank or deeper, so a skipped rank (二、 then 1.) nests naturally.
/// - A numbered line is a heading only if its text reads as a title (`HeadingParser.shape`) and its
///   number continues the sequence (1, or one more than the last of its rank under this parent or
///   anywhere: plans number 1.–8. straight through several （一） sections). Otherwise it is a list item.
/// - Inside a 专栏 box, numbering deeper than the enclosing heading belongs to the box's items.
/// - Two lines are joined when the first does not end a sentence and is either visibly cut
///   (ends in ，、“( …) or as wide as the document's wrap width, which is measured per document.
///   Across a blank line (not at a page break) width alone is not enough: the first line must be
///   visibly cut, a full line of body text (at least 20 ideographs wide), or in a paragraph that
///   already holds a finished sentence (so not a title), so a short title and the sentence after
///   it stay apart while a paragraph split by a page break is rejoined.
/// - An attachment (附件1 …) and a further document of the same file (a title ending in its 文种,
///   followed by numbering that starts again) open a top-level entry; the headings after it nest
///   under it.
struct StructureBuilder {
    let lines: [CleanLine]
    let layout: BodyLayout
    let wrapThreshold: Int
    /// The source marks paragraphs by indenting their first line (a PDF that says where lines start).
    private let indentsParagraphs: Bool
    /// The source puts inline runs on lines of their own (`breaksAtInlineRuns`).
    private let breaksAtInlineRuns: Bool
    /// The source's lines are whole paragraphs (`linesAreParagraphs`).
    let linesAreParagraphs: Bool
    /// The format draws frames (a Word text box, an HTML one-cell table): boxes end where they do.
    let drawsFrames: Bool

    var headings: [Heading] = []
    private(set) var passages: [Passage] = []

    /// The open headings, outermost first; `question` marks a 政策解读's question (`closeForHeading`).
    var stack: [(style: NumberingStyle, number: Int, display: String, question: Bool)] = []
    var lastSeen: [NumberingStyle: Int] = [:]
    var lastInParent: [NumberingStyle: Int] = [:]
    var box: String?
    /// No passage yet under the open box but its title line.
    var boxIsEmpty = false
    /// The stack's depth when its last heading is a run-in one (3．发展应急救援。建设…: a numbered
    /// paragraph), else nil.
    var runInDepth: Int?
    /// The rule typed just above the current line (blank lines aside), and the one that frames the
    /// open box (above its title, or right under it): a framed box ends at the next rule of that
    /// character, not at a rule of another that separates its groups (────); a box with no frame
    /// of its own ends at the first rule under its content.
    private var ruleAbove: Unicode.Scalar?
    var ruleBeforeLine: Unicode.Scalar?
    var boxRule: Unicode.Scalar?
    var boxItemLast: [NumberingStyle: Int] = [:]
    /// Where the open box's content starts in `passages` (after its title).
    var boxStart = 0
    var ordinal = 0
    private var pending: Pending?
    /// The text of the paragraph being gathered, if any (the heading rules look at it).
    var pendingText: [Unicode.Scalar]? { pending?.scalars }
    /// The open top-level document entry (附件 …), shown first in every path under it.
    var documentEntry: String?
    /// Numbered headings seen since the body or the current document entry started.
    var headingsInDocument = 0
    /// The highest rank of numbering the current document has used (一、 in a plan, 第一章 in a regulation).
    var topStyleSeen: NumberingStyle?
    /// A blank line (not at a page break) since the last text line.
    private var paragraphBreak = false
    /// Index of the body line being consumed.
    var currentIndex = 0

    private struct Pending {
        var kind: Passage.Kind
        var scalars: [Unicode.Scalar]
        var firstLine: Int
        var lastLine: Int
        var firstPage: Int?
        var lastPage: Int?
        var last: CleanLine
        /// Widest earlier line of the paragraph: the local wrap width of its block.
        var earlierWidth = 0
    }
    /// Footnotes met inside a paragraph, emitted after it.
    private var footnotes: [CleanLine] = []

    init(lines: [CleanLine], layout: BodyLayout) {
        self.lines = lines
        self.layout = layout
        self.wrapThreshold = StructureBuilder.wrapThreshold(lines[layout.bodyStart...])
        let body = lines[layout.bodyStart...].filter { $0.kind == .text }
        let indented = body.filter { $0.indented == true }.count, flush = body.filter { $0.indented == false }.count
        self.indentsParagraphs = indented >= 3 && flush >= 3 && indented * 20 >= body.count
        self.breaksAtInlineRuns = StructureBuilder.breaksAtInlineRuns(lines[layout.bodyStart...])
        self.linesAreParagraphs = StructureBuilder.linesAreParagraphs(lines[...])
        self.drawsFrames = lines.contains(where: \.closesFrame)
    }

    mutating func build() {
        var gapHasBlank = false, gapHasPageBreak = false
        for i in layout.frontMatter {
            let line = lines[i]
            if let title = layout.titleLines, title.contains(i) {
                if i == title.lowerBound { emitTitleBlock(kind: .frontMatter) }
                continue
            }
            switch line.kind {
            case .blank: gapHasBlank = true
            case .pageMark: gapHasPageBreak = true
            case .tableRow:
                // A row of the page's fields (发布机构 | 发文字号) is a passage of its own.
                flush()
                emit(kind: .frontMatter, scalars: line.scalars, first: line.line, last: line.line, pages: (line.page, line.page))
            default:
                paragraphBreak = gapHasBlank && !gapHasPageBreak
                gapHasBlank = false
                gapHasPageBreak = false
                consumeText(line, kind: .frontMatter)
            }
        }
        flush()
        ordinal = 0
        gapHasBlank = false
        gapHasPageBreak = false
        var i = layout.bodyStart
        while i < lines.count {
            let line = lines[i]
            i += 1
            switch line.kind {
            case .blank:
                gapHasBlank = true
                if let r = line.rule {
                    ruleUnderBox(r)
                    ruleAbove = r
                }
                // A frame the format drew may end on an empty paragraph (a Word text box's last).
                if line.closesFrame { closeFramedBox() }
                continue
            case .pageMark:
                gapHasPageBreak = true
                continue
            default:
                (ruleBeforeLine, ruleAbove) = (ruleAbove, nil)
                paragraphBreak = gapHasBlank && !gapHasPageBreak
                gapHasBlank = false
                gapHasPageBreak = false
            }
            switch line.kind {
            case .footnote:
                if pending == nil {
                    emit(kind: .footnote, scalars: line.scalars, first: line.line, last: line.line, pages: (line.page, line.page))
                } else {
                    footnotes.append(line)
                }
            case .tableRow:
                flush()
                emit(kind: .tableRow, scalars: line.scalars, first: line.line, last: line.line, pages: (line.page, line.page))
            case .text:
                // The title block is a passage of its own: wrapped over lines, or one line ending in
                // its 文种 whatever follows it (the addressees, 各设区市…：).
                if let title = layout.titleLines, i - 1 == title.lowerBound,
                    title.upperBound > i || TitleBlock.endsWithDocumentType(lines[title.lowerBound].text)
                {
                    emitTitleBlock(kind: .paragraph)
                    i = title.upperBound
                    continue
                }
                currentIndex = i - 1
                if documentEntry != Self.recordBlock, startsRecordBlock(at: i - 1) { openRecordBlock() }
                if !stack.isEmpty || box != nil, startsSignature(at: i - 1) { openSignature() }
                if let consumed = consumeDocumentStart(at: i - 1) {
                    i = consumed
                    continue
                }
                if let (merged, next) = labelWithTitleBelow(at: i - 1) ?? headingWrapped(at: i - 1) {
                    consumeBody(merged)
                    i = next
                    continue
                }
                consumeBody(line)
            default:
                continue
            }
            if line.closesFrame { closeFramedBox() }
        }
        flush()
    }

    /// The title block as one passage: a title the page wrapped (某市关于加快推进跨境电子商务 /
    /// 高质量发展的实施意见, …的通 / 知) is found by a phrase across the wrap.
    private mutating func emitTitleBlock(kind: Passage.Kind) {
        guard let range = layout.titleLines else { return }
        let text = range.map { lines[$0] }.filter { $0.kind == .text }
        guard let first = text.first, let last = text.last else { return }
        flush()
        emit(kind: kind, scalars: text.flatMap(\.scalars), first: first.line, last: last.line, pages: (first.page, last.page))
    }

    // MARK: Body lines

    mutating func consumeBody(_ line: CleanLine) {
        let s = line.scalars
        if let parsed = HeadingParser.parseBox(s, labelApart: line.boxLabelApart) {
            flush()
            openBox(number: parsed.number, title: parsed.title, line: line)
            return
        }
        if let question = HeadingParser.parseQuestion(s), let next = nextText(after: currentIndex),
            HeadingParser.opensAnswer(lines[next].scalars)
        {
            // An unnumbered question whose answer follows: the heading its answer is filed under.
            flush()
            push(NumberedLine(style: .question, number: 1, label: [], rest: question), title: question, line: line.line, question: true)
            emit(kind: .heading, scalars: s, first: line.line, last: line.line, pages: (line.page, line.page))
            return
        }
        if let (question, answer) = HeadingParser.questionWithAnswer(s) {
            // 问：…？答：… on one line: the question's heading, then its answer.
            flush()
            push(NumberedLine(style: .question, number: 1, label: [], rest: question), title: question, line: line.line, question: true)
            emit(kind: .heading, scalars: question, first: line.line, last: line.line, pages: (line.page, line.page))
            var rest = line
            rest.scalars = Array(s[answer...])
            consumeBody(rest)
            return
        }
        if let part = Self.unnumberedPart(s), pendingText?.last.map(Self.cutMarks.contains) != true {
            flush()
            openUnnumberedPart(part, line: line.line)
            emit(kind: .heading, scalars: s, first: line.line, last: line.line, pages: (line.page, line.page))
            return
        }
        if var numbered = HeadingParser.parse(s) {
            if continuesCutSentence(numbered, line) {
                appendToPending(line)
                return
            }
            numbered.style = resolvedStyle(numbered)
            if let k = HeadingParser.gluedLabel(in: numbered) {
                // 第三章 目录管理 第十五条 …: the chapter, then its first article as its own line.
                var head = line, tail = line
                let labelLength = s.count - numbered.rest.count
                head.scalars = Array(s[..<(labelLength + k)])
                tail.scalars = Array(numbered.rest[k...])
                consumeBody(head)
                consumeBody(tail)
                return
            }
            let shape = self.shape(of: numbered, line)
            if shape != .item, accepts(numbered, shape: shape) || line.headingLevel != nil {
                flush()
                switch shape {
                case .standalone(let title):
                    push(numbered, title: title, line: line.line)
                    emit(kind: .heading, scalars: s, first: line.line, last: line.line, pages: (line.page, line.page))
                case .runIn(let title):
                    push(numbered, title: title, line: line.line)
                    runInDepth = stack.count
                    start(kind: .paragraph, line)
                case .item:
                    break
                }
                return
            }
            numbered.rest = []
            if box != nil { boxItemLast[numbered.style] = numbered.number }
            // A numbered item starts its own passage.
            flush()
            start(kind: .paragraph, line)
            return
        }
        if line.headingLevel != nil {
            // An unnumbered heading (a Word heading style, an HTML h2): a line of its own.
            flush()
            emit(kind: .heading, scalars: s, first: line.line, last: line.line, pages: (line.page, line.page))
            return
        }
        consumeText(line, kind: .paragraph)
    }

    private mutating func consumeText(_ line: CleanLine, kind: Passage.Kind) {
        guard line.kind == .text || line.kind == .tableRow || line.kind == .footnote else { return }
        // Inside a 专栏 box, drawn inset from the page's margin (a frame, a table cell), where a line
        // starts says nothing of paragraphs: width and punctuation decide, as in a text file.
        if let p = pending, p.kind == kind, p.last.headingLevel == nil,
            line.indented != true || !indentsParagraphs || box != nil || Self.closesOpenQuote(p.scalars, line.scalars),
            shouldJoin(p, line, acrossBlank: paragraphBreak)
        {
            appendToPending(line)
            return
        }
        flush()
        if kind == .paragraph, paragraphBreak, proseEndsItemBox(line.scalars) { closeBox() }
        start(kind: kind, line)
    }

    /// Whether a numbered line goes on the pending paragraph's sentence: the line before it was cut
    /// mid-word at the margin (…依照本办法 / 第三章有关规定执行, …按照 / （二）项规定), and the line
    /// opens by citing a part or item (`HeadingParser.cites`), as no heading or list item does.
    private func continuesCutSentence(_ n: NumberedLine, _ line: CleanLine) -> Bool {
        guard HeadingParser.cites(n), let p = pending, p.kind == .paragraph, !paragraphBreak, line.indented != true,
            let last = p.last.scalars.last(where: { !CharacterClass.isClosing($0) })
        else { return false }
        return (CharacterClass.isHan(last) || CharacterClass.isLatin(last)) && StructureBuilder.width(p.last.scalars) >= wrapThreshold
    }

    /// Adds a line to the pending paragraph.
    private mutating func appendToPending(_ line: CleanLine) {
        guard var p = pending else { return }
        // `p` must hold the only reference to the paragraph's scalars, or each joined line copies them all.
        pending = nil
        // Two words of letters or digits stay two words: 515.9 / 1168 (table cells one per
        // line) is not the number 515.91168.
        if let a = p.scalars.last, let b = line.scalars.first, isNarrowWord(a), isNarrowWord(b) { p.scalars.append(" ") }
        p.scalars.append(contentsOf: line.scalars)
        p.lastLine = line.line
        p.lastPage = line.page ?? p.lastPage
        p.earlierWidth = max(p.earlierWidth, StructureBuilder.width(p.last.scalars))
        p.last = line
        pending = p
    }

    func isNarrowWord(_ s: Unicode.Scalar) -> Bool { CharacterClass.isLatin(s) || CharacterClass.isASCIIDigit(s) }

    /// Whether `nextLine` continues the pending paragraph. A line that ends a sentence ends the
    /// paragraph; otherwise the paragraph goes on if its last line was visibly cut: it ends in
    /// ，、“( …, inside an open quote or bracket, at a markdown hard break, or it is as wide as the
    /// document's wrap width or as the paragraph's own earlier lines (a block wrapped narrower).
    private func shouldJoin(_ p: Pending, _ nextLine: CleanLine, acrossBlank: Bool) -> Bool {
        let previous = p.last.scalars, next = nextLine.scalars
        guard var k = previous.indices.last, let first = next.first else { return false }
        if startsItem(next) { return false }
        // A document number (京经信发〔2022〕87号) stands on a line of its own.
        if next.count <= 40, next.contains(where: { $0 == "〔" || $0 == "[" || $0 == "［" }),
            Regions.isDocumentNumberLine(String(String.UnicodeScalarView(next)))
        {
            return false
        }
        if !acrossBlank, Self.noLineStart.contains(first) { return true }
        if Self.endsInAddress(previous, before: next) { return false }
        // A page's field line (发布时间：… 来源：… 浏览次数：…) is whole.
        if PageFields.isFieldLine(previous) { return false }
        if breaksAtInlineRuns, !acrossBlank, Self.continuesInlineRun(previous, next) { return true }
        // A note wholly in brackets (a regulation's adoption note under its title) is complete.
        if Self.isBracketedNote(p.scalars) { return false }
        while k > 0, CharacterClass.isClosing(previous[k]) { k -= 1 }
        if CharacterClass.endsParagraph(previous[k]) {
            // A sentence (or clause, or lead-in：) that ends at the right margin, and the next line
            // not indented where paragraphs are: the paragraph goes on.
            return indentsParagraphs && nextLine.indented == false && !acrossBlank && StructureBuilder.width(previous) >= wrapThreshold
        }
        let last = previous[previous.count - 1]
        // A dash standing apart is a table's empty cell (20824.9 30000 —), no cut word.
        if Self.cutMarks.contains(last), !p.last.endsInLoneDash { return true }
        // No sentence, heading or title begins with 的: a line that does continues the one above
        // (参与固定补贴价格模式 / 的用户以固定补贴价格进行补贴…, a saved page's one fragment a line).
        if first == "的", !acrossBlank { return true }
        if CharacterClass.isDigit(last) && (CharacterClass.isDigit(first) || first == "." || first == "%") { return true }
        if p.last.softBreak || Self.hasOpenQuote(p.scalars) { return true }
        // Prose that a page break (turned into a blank line by extraction) cut mid-sentence: the
        // paragraph already holds a finished sentence, so it is running text, not a title.
        if acrossBlank && p.scalars.dropLast().contains(where: { Self.sentenceStops.contains($0) }) { return true }
        let width = StructureBuilder.width(previous)
        if acrossBlank && (width < Self.fullLineAcrossBlank || linesAreParagraphs && Self.readsAsTitle(p.scalars)) { return false }
        if width >= wrapThreshold { return true }
        return p.earlierWidth >= 20 && width * 10 >= p.earlierWidth * 9 && width <= p.earlierWidth + 4
    }

    /// Marks that end a sentence inside a paragraph.
    static let sentenceStops: Set<Unicode.Scalar> = ["。", "；", "！", "？"]

    /// Width a line must have to continue across a blank line on width alone (20 ideographs).
    static let fullLineAcrossBlank = 40

    /// Characters a sentence cannot end on: a line ending in one was cut by layout.
    static let cutMarks: Set<Unicode.Scalar> = ["，", "、", "“", "‘", "（", "(", "《", "【", "〔", "—", "-", ",", "/", "和", "及", "与", "的"]

    /// （2025年9月2日…审议通过，…公布，自公布之日起施行）: text in one pair of round brackets, the
    /// first character opening them and the last closing them.
    static func isBracketedNote(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 4, s.first == "（" || s.first == "(", s.last == "）" || s.last == ")" else { return false }
        var depth = 0
        for (i, c) in s.enumerated() {
            if c == "（" || c == "(" { depth += 1 }
            if c == "）" || c == ")" { depth -= 1 }
            if depth == 0 { return i == s.count - 1 }
        }
        return false
    }

    /// An opening quote or bracket without its closing partner: the sentence is not over.
    static func hasOpenQuote(_ s: [Unicode.Scalar]) -> Bool {
        var depth = 0
        for c in s {
            switch c {
            case "“", "（", "《", "【": depth += 1
            case "”", "）", "》", "】": depth = max(0, depth - 1)
            default: break
            }
        }
        return depth > 0
    }

    /// `next` closes a bracket or quote `text` left open before it opens one (a centred title's
    /// last line: …行动方案（2024—2026 / 年）》的通知): it goes on, indented or not.
    static func closesOpenQuote(_ text: [Unicode.Scalar], _ next: [Unicode.Scalar]) -> Bool {
        guard hasOpenQuote(text) else { return false }
        for c in next.prefix(40) {
            if c == "“" || c == "（" || c == "《" || c == "【" { return false }
            if c == "”" || c == "）" || c == "》" || c == "】" { return true }
        }
        return false
    }

    /// Marks that open an enumerated item: ——, 01, ①, •, or any numbering label.
    private func startsItem(_ s: [Unicode.Scalar]) -> Bool {
        guard let c = s.first else { return false }
        if c == "—" && s.count > 1 && s[1] == "—" { return true }
        if c == "•" || c == "●" || c == "■" || c == "◆" || c == "▲" || c == "★" { return true }
        if c.value >= 0x2460 && c.value <= 0x2473 { return true }  // ① … ⑳
        if c == "0", s.count > 2, CharacterClass.isDigit(s[1]), !CharacterClass.isDigit(s[2]), s[2] != "." && s[2] != "%" && s[2] != "年" {
            return true
        }
        if HeadingParser.parseBox(s) != nil { return true }
        return HeadingParser.parse(s) != nil
    }

    // MARK: Passages

    private mutating func start(kind: Passage.Kind, _ line: CleanLine) {
        pending = Pending(
            kind: kind, scalars: line.scalars, firstLine: line.line, lastLine: line.line, firstPage: line.page, lastPage: line.page,
            last: line)
    }

    mutating func flush() {
        guard let p = pending else { return }
        pending = nil
        emit(kind: p.kind, scalars: p.scalars, first: p.firstLine, last: p.lastLine, pages: (p.firstPage, p.lastPage))
        for f in footnotes { emit(kind: .footnote, scalars: f.scalars, first: f.line, last: f.line, pages: (f.page, f.page)) }
        footnotes = []
    }

    mutating func emit(kind: Passage.Kind, scalars: [Unicode.Scalar], first: Int, last: Int, pages: (Int?, Int?)) {
        guard !scalars.isEmpty else { return }
        for piece in Self.pieces(of: scalars) { emitPassage(kind: kind, scalars: Array(piece), first: first, last: last, pages: pages) }
    }

    private mutating func emitPassage(kind: Passage.Kind, scalars: [Unicode.Scalar], first: Int, last: Int, pages: (Int?, Int?)) {
        if kind != .heading { boxIsEmpty = false }
        ordinal += 1
        var path = kind == .frontMatter ? [layout.frontMatterName] : stack.map(\.display)
        if kind != .frontMatter, let entry = documentEntry { path.insert(entry, at: 0) }
        passages.append(
            Passage(
                kind: kind, text: scalars.string, path: path, box: kind == .frontMatter ? nil : box,
                ordinal: ordinal, firstLine: first, lastLine: last, firstPage: pages.0, lastPage: pages.1))
    }

    // MARK: Measures

    /// Display width: wide (CJK) characters count 2, others 1.
    static func width(_ s: [Unicode.Scalar]) -> Int {
        s.reduce(0) { $0 + (CharacterClass.isWide($1) ? 2 : 1) }
    }

    /// The width at or above which a line is "full" (cut by wrapping rather than ended): 80 % of the
    /// document's typical long-line width, capped so that documents with one paragraph per line
    /// still join a paragraph split by a page break.
    static func wrapThreshold(_ lines: ArraySlice<CleanLine>) -> Int {
        var widths = lines.compactMap { $0.kind == .text ? width($0.scalars) : nil }.filter { $0 >= 20 }
        guard !widths.isEmpty else { return 60 }
        widths.sort()
        let typical = widths[min(widths.count - 1, widths.count * 8 / 10)]
        return min(typical * 8 / 10, 60)
    }
}
