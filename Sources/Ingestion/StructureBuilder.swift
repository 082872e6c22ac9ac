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

    var headings: [Heading] = []
    private(set) var passages: [Passage] = []

    /// The open headings, outermost first; `question` marks a 政策解读's question (`closeForHeading`).
    var stack: [(style: NumberingStyle, number: Int, display: String, question: Bool)] = []
    var lastSeen: [NumberingStyle: Int] = [:]
    var lastInParent: [NumberingStyle: Int] = [:]
    var box: String?
    /// No passage yet under the open box but its title line.
    private var boxIsEmpty = false
    var boxItemLast: [NumberingStyle: Int] = [:]
    var ordinal = 0
    private var pending: Pending?
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
                if line.closesFrame { closeFramedBox() }
                continue
            case .pageMark:
                gapHasPageBreak = true
                continue
            default:
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
                if let title = layout.titleLines, i - 1 == title.lowerBound, title.upperBound > i {
                    emitTitleBlock(kind: .paragraph)
                    i = title.upperBound
                    continue
                }
                currentIndex = i - 1
                if documentEntry != Self.recordBlock, startsRecordBlock(at: i - 1) { openRecordBlock() }
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
        if let parsed = HeadingParser.parseBox(s) {
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
            var shape = HeadingParser.shape(of: numbered)
            if line.headingLevel != nil, shape == .item {
                // The format marks the line as a heading: a long or list-like title is still a title.
                shape = .standalone(title: numbered.rest)
            }
            if shape != .item, accepts(numbered, shape: shape) || line.headingLevel != nil {
                flush()
                switch shape {
                case .standalone(let title):
                    push(numbered, title: title, line: line.line)
                    emit(kind: .heading, scalars: s, first: line.line, last: line.line, pages: (line.page, line.page))
                case .runIn(let title):
                    push(numbered, title: title, line: line.line)
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
        if let p = pending, p.kind == kind, p.last.headingLevel == nil,
            line.indented != true || !indentsParagraphs || Self.closesOpenQuote(p.scalars, line.scalars),
            shouldJoin(p, line, acrossBlank: paragraphBreak)
        {
            appendToPending(line)
            return
        }
        flush()
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

    private func isNarrowWord(_ s: Unicode.Scalar) -> Bool { CharacterClass.isLatin(s) || CharacterClass.isASCIIDigit(s) }

    /// Whether `nextLine` continues the pending paragraph. A line that ends a sentence ends the
    /// paragraph; otherwise the paragraph goes on if its last line was visibly cut: it ends in
    /// ，、“( …, inside an open quote or bracket, at a markdown hard break, or it is as wide as the
    /// document's wrap width or as the paragraph's own earlier lines (a block wrapped narrower).
    private func shouldJoin(_ p: Pending, _ nextLine: CleanLine, acrossBlank: Bool) -> Bool {
        let previous = p.last.scalars, next = nextLine.scalars
        guard var k = previous.indices.last, let first = next.first else { return false }
        if startsItem(next) { return false }
        if !acrossBlank, Self.noLineStart.contains(first) { return true }
        if Self.endsInAddress(previous, before: next) { return false }
        if breaksAtInlineRuns, !acrossBlank, Self.continuesInlineRun(previous, next) { return true }
        while k > 0, CharacterClass.isClosing(previous[k]) { k -= 1 }
        if CharacterClass.endsParagraph(previous[k]) {
            // A sentence (or clause, or lead-in：) that ends at the right margin, and the next line
            // not indented where paragraphs are: the paragraph goes on.
            return indentsParagraphs && nextLine.indented == false && !acrossBlank && StructureBuilder.width(previous) >= wrapThreshold
        }
        let last = previous[previous.count - 1]
        if Self.cutMarks.contains(last) { return true }
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

    // MARK: Headings and boxes

    /// 一． where it continues the open 一、 sequence and not one of its own (一、… 二．… 三、, typed
    /// by hand) is that sequence's; elsewhere it is a level of its own.
    private func resolvedStyle(_ n: NumberedLine) -> NumberingStyle {
        guard n.style == .chineseDot else { return n.style }
        let comma = lastInParent[.chineseComma] ?? 0, dot = lastInParent[.chineseDot] ?? 0
        return comma > 0 && n.number == comma + 1 && n.number != dot + 1 ? .chineseComma : .chineseDot
    }

    private func accepts(_ n: NumberedLine, shape: HeadingShape) -> Bool {
        // Below an article (条) come its clauses (款) and items (项 （一）, 目 1.): never headings.
        if n.style > .article, stack.contains(where: { $0.style == .article }) { return false }
        let continues =
            n.number == (lastInParent[n.style] ?? 0) + 1 || n.number == (lastSeen[n.style] ?? 0) + 1
            || (lastSeen[n.style] == nil && n.number > 1 && confirmedBySuccessor(n))
        guard box != nil, let innermost = stack.last?.style else { return continues || n.number == 1 }
        // Inside a box, items restart at 1 and continue their own sequence.
        if let item = boxItemLast[n.style], n.number == item + 1 { return false }
        if n.style > innermost {
            // A deeper title straight after the box line: the box was only a caption (专栏13 示意图);
            // unless the next line is its sibling (1.合肥国际陆港扩能工程。 / 2.…): the box's items.
            if case .standalone = shape, boxIsEmpty { return n.number == 1 && !nextIsSibling(of: n) }
            return false
        }
        if n.style == innermost { return continues }
        // A higher rank closes the box only by continuing a sequence already open in this part, or
        // by starting above everything open (a first 第一章 after a preface's box): under 二、 ›
        // （一） or 第三部分 › (一), a box's 一、 二、 三、 are its items.
        let inParent = lastInParent[n.style] ?? 0, seen = lastSeen[n.style] ?? 0
        return (inParent > 0 && n.number == inParent + 1) || (seen > 0 && n.number == seen + 1)
            || (n.number == 1 && n.style < (stack.first?.style ?? innermost))
    }

    /// Whether the next text line carries the following number of the same numbering, with no
    /// text between: a list, not a heading and its body.
    private func nextIsSibling(of n: NumberedLine) -> Bool {
        guard let next = nextText(after: currentIndex), let m = HeadingParser.parse(lines[next].scalars) else { return false }
        return m.style == n.style && m.number == n.number + 1
    }

    /// A sequence whose first number extraction lost (2. with no 1. before it) is still a sequence
    /// when the next line of the same numbering, heading-shaped, carries the following number.
    private func confirmedBySuccessor(_ n: NumberedLine) -> Bool {
        // Not when the number before it was printed inside the previous paragraph (…包括：1.…；).
        if let previous = pending?.scalars ?? passages.last.map({ Array($0.text.unicodeScalars) }) {
            let label = Array(String(n.number - 1).unicodeScalars)
            for mark in [".", "．", "、"] where RunningHeaders.contains(previous, label + Array(mark.unicodeScalars)) { return false }
        }
        var j = currentIndex + 1
        var seen = 0
        while j < lines.count, seen < 60 {
            defer { j += 1 }
            guard lines[j].kind == .text else { continue }
            seen += 1
            guard let next = HeadingParser.parse(lines[j].scalars), next.style == n.style else { continue }
            return next.number == n.number + 1 && HeadingParser.shape(of: next) != .item
        }
        return false
    }

    private mutating func push(_ n: NumberedLine, title: [Unicode.Scalar], line: Int, question: Bool? = nil) {
        let question = question ?? HeadingParser.isQuestion(title)
        closeForHeading(n, question: question)
        lastSeen[n.style] = n.number
        lastInParent[n.style] = n.number
        topStyleSeen = min(topStyleSeen ?? n.style, n.style)
        for style in NumberingStyle.allCases where style > n.style { lastInParent[style] = 0 }
        let heading = Heading(
            kind: .numbered, style: n.style, depth: stack.count + 1 + (documentEntry == nil ? 0 : 1),
            label: n.label.string, title: title.string, line: line)
        headingsInDocument += 1
        headings.append(heading)
        stack.append((n.style, n.number, heading.display, question))
        box = nil
        boxItemLast = [:]
        ordinal = 0
    }

    /// Closes what a new heading closes: every open heading of its rank or deeper; but a question
    /// of a 政策解读 or 答记者问 holds the numbering of its answer (（一）…（五） under 问：…？), so
    /// while one is open, a heading closes it only by being the next question (numbered or not:
    /// questions are siblings) or by continuing a sequence open above it (二、 after 一、 › 问：…？).
    private mutating func closeForHeading(_ n: NumberedLine, question: Bool) {
        if let q = stack.lastIndex(where: \.question) {
            if question {
                stack.removeSubrange(q...)
                return
            }
            if !stack[...q].contains(where: { $0.style == n.style && n.number == $0.number + 1 }) {
                while stack.count > q + 1, let top = stack.last, top.style >= n.style { stack.removeLast() }
                return
            }
        }
        while let top = stack.last, top.style >= n.style { stack.removeLast() }
    }

    /// A frame ended (a Word text box, a one-cell table, a rule drawn under the box): it closes an
    /// open box that holds more than its title (a frame around the title alone is a caption's).
    private mutating func closeFramedBox() {
        if box != nil, !boxIsEmpty || pending != nil { closeBox() }
    }

    /// The frame holding the box ended: what follows is body text again.
    private mutating func closeBox() {
        flush()
        box = nil
        boxItemLast = [:]
    }

    private mutating func openBox(number: [Unicode.Scalar], title: [Unicode.Scalar], line: CleanLine) {
        let heading = Heading(
            kind: .box, style: nil, depth: stack.count + 1 + (documentEntry == nil ? 0 : 1),
            label: "专栏 " + number.string, title: title.string, line: line.line)
        headings.append(heading)
        box = heading.display
        boxItemLast = [:]
        boxIsEmpty = true
        ordinal = 0
        emit(kind: .heading, scalars: line.scalars, first: line.line, last: line.line, pages: (line.page, line.page))
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
