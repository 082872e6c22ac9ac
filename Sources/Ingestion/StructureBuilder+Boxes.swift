/// 专栏 boxes: where one opens (its title line), and where it ends — at its frame's end (a rule,
/// a Word text box, a one-cell table), at the next heading, or, in a text file with no frame,
/// where the body's prose resumes after a list of finished items (`proseEndsItemBox`).
extension StructureBuilder {
    /// A rule typed while a box is open: right under its title, the box's frame (━━━ under 专栏1 …);
    /// later, the frame's end if it is drawn like the frame (or the box has none), else a rule
    /// separating the box's groups.
    mutating func ruleUnderBox(_ r: Unicode.Scalar) {
        guard box != nil else { return }
        if boxRule == nil, boxIsEmpty, pendingText == nil {
            boxRule = r
        } else if boxRule == nil || boxRule == r {
            closeFramedBox()
        }
    }

    /// A frame ended (a Word text box, a one-cell table, a rule drawn under the box): it closes an
    /// open box that holds more than its title (a frame around the title alone is a caption's).
    mutating func closeFramedBox() {
        if box != nil, !boxIsEmpty || pendingText != nil { closeBox() }
    }

    /// The frame holding the box ended: what follows is body text again.
    mutating func closeBox() {
        flush()
        box = nil
        boxItemLast = [:]
    }

    mutating func openBox(number: [Unicode.Scalar], title: [Unicode.Scalar], line: CleanLine) {
        // A box illustrates a section, not the numbered paragraph (1．发展应急救援。建设…) it happens
        // to follow: 专栏2 after items 1–3 of （二）拓展低空应用场景 is （二）'s. A standalone item heading
        // (4.农村电商 over its paragraphs) keeps its box.
        if runInDepth == stack.count, stack.count > 1, let last = stack.last, last.style >= .arabicDot, last.style != .question {
            stack.removeLast()
        }
        // 专栏 as printed (專欄 in a Traditional plan), then its number.
        let s = line.scalars
        let at = s.first == "【" ? 1 : 0
        let word = s.count >= at + 2 ? String(scalars: s[at..<at + 2]) : "专栏"
        let heading = Heading(
            kind: .box, style: nil, depth: stack.count + 1 + (documentEntry == nil ? 0 : 1),
            label: number.isEmpty ? word : word + " " + number.string, title: title.string, line: line.line)
        headings.append(heading)
        box = heading.display
        boxItemLast = [:]
        boxIsEmpty = true
        boxRule = ruleBeforeLine
        ordinal = 0
        emit(kind: .heading, scalars: line.scalars, first: line.line, last: line.line, pages: (line.page, line.page))
        boxStart = passages.count
    }

    /// Whether a paragraph starting with `s`, about to open after a blank line, is the body's prose
    /// again after a box with no frame (no rule typed around it, a format that draws none):
    /// everything in the box so far is items (numbered, marked ▶ • — ①, named 名称：…, or table
    /// rows; notes aside) and the last is a row or ends a sentence, while `s` opens no item and is no note
    /// (注：, 资料来源). A box whose items are titles over descriptions (1．数字基础设施工程 /
    /// 建设5G基站…), or of prose, is left to the next heading; so is a paragraph set right under
    /// an item, without a blank line (the item's own).
    func proseEndsItemBox(_ s: [Unicode.Scalar]) -> Bool {
        guard box != nil, boxRule == nil, !drawsFrames, boxStart < passages.count, !Self.opensBoxItem(s), !Self.isBoxNote(s) else {
            return false
        }
        let content = passages[boxStart...].filter { !Self.isBoxNote(Array($0.text.unicodeScalars)) }
        guard content.allSatisfy({ $0.kind == .tableRow || ($0.kind == .paragraph && Self.opensBoxItem(Array($0.text.unicodeScalars))) }),
            let last = content.last
        else { return false }
        // A table's row is whole; an item, when it ends a sentence.
        return last.kind == .tableRow
            || last.text.unicodeScalars.last(where: { !CharacterClass.isClosing($0) }).map(Self.sentenceStops.contains) == true
    }

    /// An item's opening: a numbering label, a list mark, or a short name before a colon
    /// (低空物流示范：在合肥…).
    static func opensBoxItem(_ s: [Unicode.Scalar]) -> Bool {
        guard let c = s.first else { return false }
        if itemMarks.contains(c) || (c.value >= 0x2460 && c.value <= 0x2473) { return true }
        if c == "—", s.count > 1, s[1] == "—" { return true }
        if HeadingParser.parse(s) != nil { return true }
        guard let colon = s.prefix(20).firstIndex(where: { $0 == "：" || $0 == ":" }), colon >= 2 else { return false }
        return !s[..<colon].contains { "，。；、".unicodeScalars.contains($0) }
    }

    static let itemMarks: Set<Unicode.Scalar> = ["•", "●", "■", "◆", "▲", "★", "▶", "►", "➤", "▸", "◇", "○", "□", "√", "✓", "·", "-", "*"]

    /// A note set under a box's items (注：带[]为累计数, 资料来源：…): still the box's.
    static func isBoxNote(_ s: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(s.prefix(6)))
        return ["注", "备注", "说明", "资料来源", "数据来源", "来源"].contains { text.hasPrefix($0) }
    }
}
