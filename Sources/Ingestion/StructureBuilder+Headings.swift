/// The heading stack and 专栏 boxes: which numbered lines are headings (`accepts`), what a new
/// heading closes (`closeForHeading`: a 政策解读's question holds its answer's numbering), and where
/// a box opens and ends.
extension StructureBuilder {
    /// 一． where it continues the open 一、 sequence and not one of its own (一、… 二．… 三、, typed
    /// by hand) is that sequence's; elsewhere it is a level of its own.
    func resolvedStyle(_ n: NumberedLine) -> NumberingStyle {
        guard n.style == .chineseDot else { return n.style }
        let comma = lastInParent[.chineseComma] ?? 0, dot = lastInParent[.chineseDot] ?? 0
        return comma > 0 && n.number == comma + 1 && n.number != dot + 1 ? .chineseComma : .chineseDot
    }

    /// A numbered line's shape (`HeadingParser.shape`) in its document: a title the format marks
    /// stays one; numbered sentences read as titles alone on their line are items here.
    func shape(of n: NumberedLine, _ line: CleanLine) -> HeadingShape {
        let shape = HeadingParser.shape(of: n)
        if line.headingLevel != nil {
            // The format marks the line as a heading: a long or list-like title is still a title.
            return shape == .item ? .standalone(title: n.rest) : shape
        }
        guard shape != .item else { return shape }
        if case .standalone = shape, line.scalars.last == "。", nextSiblingIsItem(n) {
            // （一）申报单位应当是…的企业。 over （二）…，…。: a list of sentences, its first as much an item.
            return .item
        }
        if case .standalone = shape, wrapsIntoSentence(n, line) {
            // 一、…标识，由省商务厅统一设计、统 / 一发布。: a numbered sentence the margin cut, not a title.
            return .item
        }
        if layout.amends, documentEntry == nil, n.style == .chineseComma {
            // 三、将第十七条修改为：, 四、删去第十八条。: the amendments of a 决定, items however short.
            return .item
        }
        if n.rest.last == "：" || n.rest.last == ":", ["修改为", "改为", "表述为", "增加", "修订为"].contains(where: { n.rest.string.contains($0) }),
            let next = nextText(after: currentIndex), lines[next].scalars.first == "“"
        {
            // An amendment's lead-in over the new text in quotes (将第十七条修改为： / “第十七条　…”)
            // is no heading (a heading 主要目标： over “十四五”时期… still is).
            return .item
        }
        return shape
    }

    /// A numbered line holding a clause (，) that runs to the wrap width, whose sentence the next
    /// line ends: in wrapped text, or where the next line is a short tail (一发布。).
    func wrapsIntoSentence(_ n: NumberedLine, _ line: CleanLine) -> Bool {
        guard n.style > .article, n.rest.contains("，"), StructureBuilder.width(line.scalars) >= wrapThreshold,
            let next = nextText(after: currentIndex), HeadingParser.parse(lines[next].scalars) == nil,
            let end = lines[next].scalars.firstIndex(where: { Self.sentenceStops.contains($0) })
        else { return false }
        return !linesAreParagraphs || StructureBuilder.width(Array(lines[next].scalars[...end])) * 2 < wrapThreshold
    }

    func accepts(_ n: NumberedLine, shape: HeadingShape) -> Bool {
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
    func nextIsSibling(of n: NumberedLine) -> Bool {
        guard let next = nextText(after: currentIndex), let m = HeadingParser.parse(lines[next].scalars) else { return false }
        return m.style == n.style && m.number == n.number + 1
    }

    /// Whether the next text line carries the following number of the same numbering and reads as
    /// a list item (a sentence with a clause in it).
    func nextSiblingIsItem(_ n: NumberedLine) -> Bool {
        guard let next = nextText(after: currentIndex), let m = HeadingParser.parse(lines[next].scalars) else { return false }
        return m.style == n.style && m.number == n.number + 1 && HeadingParser.shape(of: m) == .item
    }

    /// A sequence whose first number extraction lost (2. with no 1. before it) is still a sequence
    /// when the next line of the same numbering, heading-shaped, carries the following number.
    func confirmedBySuccessor(_ n: NumberedLine) -> Bool {
        // Not when the number before it was printed inside the previous paragraph (…包括：1.…；).
        if let previous = pendingText ?? passages.last.map({ Array($0.text.unicodeScalars) }) {
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

    /// 前言, 序言, 引言, 结束语, 结语, 后记 alone on a line (spaced 前　言 too): an unnumbered part of a
    /// plan, at its top level, before or after the numbered ones.
    static func unnumberedPart(_ s: [Unicode.Scalar]) -> String? {
        let compact = s.filter { !CharacterClass.isSpace($0) }
        guard compact.count <= 3 else { return nil }
        return ["前言", "序言", "引言", "导言", "结束语", "结语", "后记"].contains(ScriptVariants.folded(compact).string) ? compact.string : nil
    }

    /// The stack number that marks an unnumbered part (numbered headings count from 1).
    static let unnumberedPartNumber = -1

    /// Opens an unnumbered part: it closes every open heading and is closed by the next heading.
    mutating func openUnnumberedPart(_ title: String, line: Int) {
        stack.removeAll()
        let heading = Heading(kind: .numbered, style: nil, depth: 1 + (documentEntry == nil ? 0 : 1), label: "", title: title, line: line)
        headingsInDocument += 1
        headings.append(heading)
        stack.append((.part, Self.unnumberedPartNumber, heading.display, false))
        box = nil
        boxItemLast = [:]
        ordinal = 0
    }

    mutating func push(_ n: NumberedLine, title: [Unicode.Scalar], line: Int, question: Bool? = nil) {
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
        runInDepth = nil
        box = nil
        boxItemLast = [:]
        ordinal = 0
    }

    /// Closes what a new heading closes: every open heading of its rank or deeper; but a question
    /// of a 政策解读 or 答记者问 holds the numbering of its answer (（一）…（五） under 问：…？), so
    /// while one is open, a heading closes it only by being the next question (numbered or not:
    /// questions are siblings) or by continuing a sequence open above it (二、 after 一、 › 问：…？).
    mutating func closeForHeading(_ n: NumberedLine, question: Bool) {
        // An unnumbered part (前言, 结束语) holds no numbered heading: any heading closes it.
        if stack.first?.number == Self.unnumberedPartNumber { stack.removeAll() }
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
}
