/// Where one document of a file ends and another begins: attachments (附件1 …) and further
/// documents (a title ending in its 文种, then numbering that starts again) open top-level entries;
/// a label alone on its line takes its title from the next.
extension StructureBuilder {

    /// Opens a top-level entry at an attachment marker or at the title of a further document;
    /// returns the index of the first line after what it consumed (the marker and its title).
    mutating func consumeDocumentStart(at index: Int) -> Int? {
        let line = lines[index]
        let s = line.scalars
        if let attachment = HeadingParser.parseAttachment(s) {
            // Inside a numbered attachment (附件2), an unnumbered 附件：X is a line of its text (its own
            // enclosure, 附件：重点企业名单（另发）): the file's attachments are numbered when there are several.
            if attachment.label.count == 2, let entry = documentEntry, entry.hasPrefix("附"),
                entry.unicodeScalars.dropFirst(2).first.map({ CharacterClass.isDigit($0) || ChineseNumeral.isNumeralCharacter($0) }) == true
            {
                return nil
            }
            var title = attachment.title
            var next = index + 1
            if title.isEmpty {
                // The title is on the lines after the marker.
                guard let t = nextText(after: index), TitleBlock.isTitleLike(lines[t].scalars) else { return nil }
                let block = TitleBlock.extend(from: t, in: lines)
                title = Array(block.text.unicodeScalars)
                next = block.range.upperBound
            } else if closesNotice(after: index) || announces(title, kind: attachment.label.prefix(2), after: index) {
                // 附件：X followed by the signature and date, or by the attachment itself (附件 over
                // X): the notice's note of its attachment.
                return nil
            }
            if title.first == "《", title.last == "》" { title = Array(title.dropFirst().dropLast()) }
            openDocument(label: attachment.label.string, title: title.string, first: index, through: next)
            return next
        }
        // A further document: its title (ending in its 文种, or announced by the notice) after the
        // first document's headings, followed by numbering that starts again.
        // Cheap tests first: this runs on every body line.
        guard headingsInDocument > 0, s.count <= 80, restartsNumbering(after: index + 1), HeadingParser.parse(s) == nil,
            TitleBlock.isTitleLike(s)
        else { return nil }
        let block = TitleBlock.extend(from: index, in: lines)
        let key = TitleBlock.comparable(block.text)
        let announced = layout.announcedTitles.contains { TitleBlock.comparable($0) == key }
        // A document's title names its matter and type (某市外贸高质量发展行动计划), longer than a
        // section's unnumbered caption (保障措施), and the numbering starts again at the top level.
        let titled = block.text.count >= 8 && TitleBlock.endsWithDocumentType(block.text)
        guard announced || titled, let top = stack.first?.style ?? topStyleSeen,
            restartsNumbering(after: block.range.upperBound, atMost: top)
        else { return nil }
        openDocument(label: "", title: block.text, first: index, through: block.range.upperBound)
        return block.range.upperBound
    }

    func nextText(after index: Int) -> Int? {
        var j = index + 1
        while j < lines.count, lines[j].kind == .blank || lines[j].kind == .pageMark { j += 1 }
        return j < lines.count && lines[j].kind == .text ? j : nil
    }

    /// Whether an attachment marker of the same kind (附件, 附录) within the next few lines starts
    /// the attachment `title` names: a bare one (its title on the next line) or one with the same
    /// title. (附录3：流程图 over a page's 附件： list of files is the appendix itself.)
    func announces(_ title: [Unicode.Scalar], kind: ArraySlice<Unicode.Scalar>, after index: Int) -> Bool {
        var j = index + 1
        var seen = 0
        while j < lines.count, seen < 4 {
            if lines[j].kind == .text {
                if let later = HeadingParser.parseAttachment(lines[j].scalars) {
                    guard later.label.prefix(2) == kind else { return false }
                    return later.title.isEmpty || TitleBlock.comparable(later.title.string) == TitleBlock.comparable(title.string)
                }
                seen += 1
            }
            j += 1
        }
        return false
    }

    /// A date within the next few lines: the line before was part of a notice's closing.
    func closesNotice(after index: Int) -> Bool {
        var j = index + 1
        var seen = 0
        while j < lines.count, seen < 4 {
            if lines[j].kind == .text {
                if TitleBlock.isDate(lines[j].scalars) { return true }
                seen += 1
            }
            j += 1
        }
        return false
    }

    /// Whether the first numbered line within a few lines is number 1 of its style (一、, 第一章, （一）),
    /// of a rank no deeper than `top`.
    func restartsNumbering(after start: Int, atMost top: NumberingStyle = .arabicParen) -> Bool {
        var j = start
        var seen = 0
        while j < lines.count, seen < 6 {
            if lines[j].kind == .text {
                if let n = HeadingParser.parse(lines[j].scalars) {
                    return n.number == 1 && n.style <= top && HeadingParser.shape(of: n) != .item
                }
                seen += 1
            }
            j += 1
        }
        return false
    }

    mutating func openDocument(label: String, title: String, first: Int, through end: Int) {
        flush()
        stack.removeAll()
        lastSeen = [:]
        lastInParent = [:]
        box = nil
        boxItemLast = [:]
        headingsInDocument = 0
        topStyleSeen = nil
        documentEntry = nil
        let heading = Heading(kind: .document, style: nil, depth: 1, label: label, title: title, line: lines[first].line)
        headings.append(heading)
        documentEntry = heading.display
        ordinal = 0
        let last = lines[max(first, end - 1)]
        // The label's line and the title's as one text; a space where two numbers would run
        // together (附件1 over 2024年全省… is no 12024).
        var scalars: [Unicode.Scalar] = []
        for line in lines[first..<end] where line.kind == .text {
            if let a = scalars.last, let b = line.scalars.first, isNarrowWord(a), isNarrowWord(b) { scalars.append(" ") }
            scalars += line.scalars
        }
        emit(kind: .heading, scalars: scalars, first: lines[first].line, last: last.line, pages: (lines[first].page, last.page))
    }

    /// A numbered heading that layout wrapped, where lines are not whole paragraphs: the heading
    /// line reaches the wrap width and the next line, right below it, has no numbering of its own
    /// and either ends the title (二、强化产业主体支撑，稳住外贸基本 / 盘; 七、…安全保 / 障能力，营造…
    /// 环境; a centred 第四章 …创新发 / 展) or a run-in heading's lead (11.开展…提质行 / 动。加快推进…).
    /// A next line that reads as something else — a date, a signature, a bracketed note, a table's
    /// header cell — is not a title's end. The two lines as one, and the index after them.
    func headingWrapped(at index: Int) -> (CleanLine, Int)? {
        let line = lines[index]
        guard !linesAreParagraphs, index + 1 < lines.count, StructureBuilder.width(line.scalars) >= wrapThreshold,
            let n = HeadingParser.parse(line.scalars), n.style != .article, case .standalone = HeadingParser.shape(of: n)
        else { return nil }
        let tail = lines[index + 1]
        guard tail.kind == .text, tail.headingLevel == nil, HeadingParser.parse(tail.scalars) == nil,
            HeadingParser.parseBox(tail.scalars) == nil, HeadingParser.parseAttachment(tail.scalars) == nil,
            !Self.endsNoTitle(tail.scalars),
            // An indented next line starts a paragraph, unless the heading is centred too and the
            // line is its short remainder.
            tail.indented != true || line.indented == true && StructureBuilder.width(tail.scalars) < wrapThreshold
        else { return nil }
        // A short line followed by more short lines is a list's first item (跨境电商 / 海外仓 / 边境仓).
        if index + 2 < lines.count, lines[index + 2].kind == .text, !endsBlock(after: index + 1),
            StructureBuilder.width(lines[index + 2].scalars) < wrapThreshold,
            !lines[index + 2].scalars.contains(where: HeadingParser.isSentenceEnd)
        {
            return nil
        }
        var merged = line
        merged.scalars = line.scalars + tail.scalars
        guard let m = HeadingParser.parse(merged.scalars) else { return nil }
        let lead = tail.scalars.firstIndex(where: HeadingParser.isSentenceEnd) ?? tail.scalars.count
        switch HeadingParser.shape(of: m) {
        case .standalone:
            // The title may end in its 。 (（一）健全农村支付管理服务体 / 系。), nothing after it; a
            // remainder as wide as a full line ends the title only where its block ends (else it is
            // a paragraph's first line, cut at the margin in turn).
            guard lead >= tail.scalars.count - 1, !tail.scalars.contains("："),
                StructureBuilder.width(tail.scalars) < wrapThreshold || endsBlock(after: index + 1)
            else { return nil }
        case .runIn(let title):
            guard title.count > n.rest.count, lead <= 20, !tail.scalars[..<lead].contains("，") else { return nil }
        case .item:
            // A list item wrapped at the margin ((1)开展…原产地累积 / 规则；): one item, not a heading
            // cut off from the rest of its sentence.
            guard StructureBuilder.width(tail.scalars) < wrapThreshold, let last = tail.scalars.last,
                HeadingParser.isSentenceEnd(last) || last == "，"
            else { return nil }
        }
        return (merged, index + 2)
    }

    /// Whether the line after `index` starts something new: a blank or page break, a numbered
    /// heading, a 专栏, or the end of the text.
    func endsBlock(after index: Int) -> Bool {
        guard index + 1 < lines.count else { return true }
        let next = lines[index + 1]
        guard next.kind == .text else { return next.kind != .tableRow }
        return HeadingParser.parse(next.scalars) != nil || HeadingParser.parseBox(next.scalars) != nil
    }

    /// Lines that follow a heading without ending its title: a date (2024年3月1日), a bracketed note
    /// (（此件公开发布）), an organ's signature (宜宾市商务局), a table's header cell (序号, 指标).
    static func endsNoTitle(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first else { return true }
        if first == "（" || first == "(" || first == "【" || TitleBlock.isDate(s) { return true }
        let text = s.string
        if ["序号", "指标", "类别", "项目", "单位", "名称"].contains(text) { return true }
        guard s.count >= 4, s.count <= 16, ["局", "厅", "委", "办", "府", "室", "会", "院", "部", "处", "中心"].contains(where: { text.hasSuffix($0) })
        else { return false }
        return text.contains(where: { "省市县区".contains($0) }) || ["国务院", "中共", "中国", "国家"].contains(where: { text.hasPrefix($0) })
    }

    /// The 版记 of GB/T 9704: the closing record of whom copies go to (抄送：…) and who printed it
    /// when (…2024年3月6日印发), below the last page's text and any attachment: not part of either.
    static let recordBlock = Document.recordBlock

    /// 抄送：… (or 分送) or …年…月…日印发 among the file's last lines.
    func startsRecordBlock(at index: Int) -> Bool {
        let s = lines[index].scalars
        // The colon may be a space, which cleaning drops beside CJK (抄送 市统计局 → 抄送市统计局).
        let copyTo = s.count > 3 && (s[0] == "抄" || s[0] == "分") && s[1] == "送"
        let printed = s.count <= 60 && s.last == "发" && s.dropLast().last == "印" && s.contains("年") && s.contains("日")
        guard copyTo || printed else { return false }
        return lines[(index + 1)...].lazy.filter { $0.kind == .text }.prefix(4).count < 4
    }

    /// Later lines belong to the 版记: no heading, box or attachment above them.
    mutating func openRecordBlock() {
        flush()
        stack.removeAll()
        box = nil
        boxItemLast = [:]
        documentEntry = Self.recordBlock
        ordinal = 0
    }

    /// A label alone on its line with its title on the next (第一章 / 总则, 第一条 / （目的和依据）), as a
    /// PDF sets a centred chapter heading with wide spacing: one heading line, and the index after it.
    func labelWithTitleBelow(at index: Int) -> (CleanLine, Int)? {
        let line = lines[index]
        guard let n = HeadingParser.parse(line.scalars), n.rest.isEmpty, let t = nextText(after: index) else { return nil }
        let title = lines[t].scalars
        guard title.count <= 30, HeadingParser.parse(title) == nil, HeadingParser.parseBox(title) == nil,
            !title.contains(where: { HeadingParser.isSentenceEnd($0) || $0 == "，" || $0 == "、" })
        else { return nil }
        // A run-in article's text is a sentence; a caption is short and bracketed or a bare title.
        if n.style == .article, !(title.first == "（" || title.first == "(" || title.first == "【") { return nil }
        var merged = line
        merged.scalars = line.scalars + [" "] + title
        return (merged, t + 1)
    }
}
