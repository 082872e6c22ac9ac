/// Finds where the body of a document starts: after a table of contents, after an issuing notice,
/// decree or cover that precedes the document itself, or after an export header.
struct BodyLayout {
    /// Lines (indices into the clean lines) before the body: notice, cover. Empty if none.
    var frontMatter: Range<Int>
    /// Lines of the table of contents, dropped (they repeat the headings).
    var tableOfContents: Range<Int>?
    /// First line of the body.
    var bodyStart: Int
    /// What the front matter is, for its path: 发文通知, 批复, 封面.
    var frontMatterName: String
    /// Titles the notice announces (《A》和《B》): each opens its own document where it is printed.
    var announcedTitles: [String] = []
    /// The title block's lines (`TitleInfo.lines`): one passage, however the page wrapped them.
    var titleLines: Range<Int>? = nil
    /// The document is a decision amending rules (关于修改《…》的决定): its 一、二、… are amendments.
    var amends = false
    /// The issued document's title as printed where it starts, when the notice named it in other
    /// words (转发省发展改革委关于…若干措施的通知 over 关于…的若干措施).
    var printedTitle: String? = nil
}

enum FrontMatter {
    static func layout(of lines: [CleanLine], title: TitleInfo) -> BodyLayout {
        let announced = title.noticeTitle.map(announcedTitles) ?? []
        if let toc = tableOfContents(in: lines) {
            let front = 0..<toc.lowerBound
            return BodyLayout(
                frontMatter: front, tableOfContents: toc, bodyStart: toc.upperBound, frontMatterName: name(of: lines[front]),
                announcedTitles: announced)
        }
        // Without a contents page, the body starts where the title is printed again after a
        // notice, decree or cover (or, in an issuing notice, where the issued document's title is).
        if let key = (title.issuedTitle ?? title.title).map(TitleBlock.comparable), key.count >= 4 {
            let after = title.lines?.upperBound ?? 0
            var scanned = 0
            for i in after..<lines.count where lines[i].kind == .text {
                scanned += 1
                if scanned > 150 { break }
                guard TitleBlock.isTitleLike(lines[i].scalars) || isTitleWithIssuer(lines[i].scalars),
                    !isAttachmentListEntry(lines[i].scalars)
                else { continue }
                let text = TitleBlock.comparable(lines[i].text)
                let repeated =
                    text == key || (text.hasPrefix(key) && text.count <= key.count + 12)
                    || (text.hasSuffix(key) && text.count <= key.count + 30 && !text.containsText("印发"))
                let named = !repeated && title.issuedTitle != nil && namedWithoutQuotes(text, key)
                if repeated || named, i > 0, i > (title.lines?.lowerBound ?? 0) || title.issuedTitle != nil {
                    let front = 0..<i
                    return BodyLayout(
                        frontMatter: front, tableOfContents: nil, bodyStart: i, frontMatterName: name(of: lines[front]),
                        announcedTitles: announced, printedTitle: named ? lines[i].text : nil)
                }
            }
        }
        // Export headers before the document are front matter in any case.
        var start = 0
        while start < lines.count, lines[start].kind != .text || TitleBlock.isExportNoise(lines[start].text) {
            if lines[start].kind == .text || lines[start].kind == .tableRow {
                guard TitleBlock.isExportNoise(lines[start].text) else { break }
            }
            start += 1
        }
        let hasNoise = lines[0..<start].contains { $0.kind == .text }
        return BodyLayout(
            frontMatter: hasNoise ? 0..<start : 0..<0, tableOfContents: nil, bodyStart: hasNoise ? start : 0,
            frontMatterName: hasNoise ? "导出信息" : "", announcedTitles: announced)
    }

    /// A notice that names what it forwards without 《》 puts its issuer first and may drop a 的
    /// (转发省发展改革委关于进一步降低物流成本若干措施的通知): the printed title (关于进一步降低物流成本
    /// 的若干措施) is that name's end, 的 aside.
    private static func namedWithoutQuotes(_ printed: String, _ named: String) -> Bool {
        let p = printed.replacingOccurrences(of: "的", with: ""), n = named.replacingOccurrences(of: "的", with: "")
        return p.count >= 6 && n.hasSuffix(p) && n.count - p.count <= 15 && TitleBlock.endsWithDocumentType(printed)
    }

    /// The notice's list of what it issues (附件：…实施方案, 附件1：…): the notice's, not the issued
    /// document's title printed again.
    private static func isAttachmentListEntry(_ s: [Unicode.Scalar]) -> Bool {
        guard s.starts(with: ["附", "件"]) else { return false }
        let rest = s.dropFirst(2).drop { ("0"..."9").contains($0) || ("０"..."９").contains($0) || $0 == " " }
        return rest.first == "：" || rest.first == ":"
    }

    /// A title with its issuer before it: 中国人民银行 农业农村部关于…的意见 (long for `isTitleLike`).
    private static func isTitleWithIssuer(_ s: [Unicode.Scalar]) -> Bool {
        s.count <= 120 && !s.contains(where: HeadingParser.isSentenceEnd) && s.contains(where: CharacterClass.isHan)
    }

    /// 关于印发《A》和《B》的通知 → [A, B].
    static func announcedTitles(_ notice: String) -> [String] {
        var out: [String] = []
        var rest = Substring(notice)
        while let open = rest.firstIndex(of: "《"), let close = rest[open...].firstIndex(of: "》") {
            let inner = rest[rest.index(after: open)..<close]
            if inner.count >= 4 { out.append(String(inner)) }
            rest = rest[rest.index(after: close)...]
        }
        return out
    }

    /// A 目录/目次 title followed by entries, or a run of at least three entries with leaders.
    /// Entries may be split over several lines by extraction (text, a line of leaders, the page
    /// number on its own line), and the title itself may be (目 / 录).
    static func tableOfContents(in lines: [CleanLine]) -> Range<Int>? {
        // A contents page comes before the body's first half.
        let limit = lines.count / 2
        var i = 0
        while i < limit {
            defer { i += 1 }
            guard lines[i].kind == .text else { continue }
            var titleEnd = i + 1
            var titled = isContentsTitle(lines[i].scalars)
            if !titled, lines[i].scalars.count == 1, let next = nextText(lines, after: i),
                isContentsTitle(compact(lines[i].text + lines[next].text))
            {
                titled = true
                titleEnd = next + 1
            }
            guard titled || isEntry(lines[i], allowTableRows: false) else { continue }
            if titled, let end = plainContents(lines, from: titleEnd) { return i..<end }
            var end = titled ? titleEnd : i
            var entries = 0
            var openEntry = false
            var lastPage = 0
            var j = end
            while j < lines.count {
                let l = lines[j]
                if l.kind == .blank {
                    j += 1
                    continue
                }
                if l.kind == .pageMark {
                    if openEntry { entries += 1 }
                    openEntry = false
                    j += 1
                    end = j
                    continue
                }
                if isEntry(l, allowTableRows: titled) || entries >= 3 && isNumberedEntry(l) {
                    entries += 1
                    openEntry = false
                    j += 1
                    end = j
                    continue
                }
                if isLeaders(l) || wrappedBeforePageNumber(lines, at: j, titled: titled) {
                    openEntry = true
                    j += 1
                    end = j
                    continue
                }
                if titled, isPageNumber(l), let page = pageNumber(l), page >= lastPage {
                    // A page number on its own line (a contents table read cell by cell) closes its
                    // entry. Pages only ascend: a smaller number is body text (a year, a 文号).
                    lastPage = page
                    entries += 1
                    openEntry = false
                    j += 1
                    end = j
                    continue
                }
                if titled, l.kind == .text, l.scalars.count <= 40, readsAsEntryTitle(l.scalars),
                    leadersAhead(lines, from: j + 1, within: 4) || pageNumberAhead(lines, from: j + 1)
                {
                    j += 1
                    continue
                }
                break
            }
            if openEntry { entries += 1 }
            if entries >= (titled ? 2 : 3) { return i..<end }
        }
        return nil
    }

    /// Contents without page numbers (a web page's 目录): a run of short numbered titles that ends
    /// where its first entry is printed again as the body's first heading. Returns that line.
    private static func plainContents(_ lines: [CleanLine], from start: Int) -> Int? {
        var first: String?
        var entries = 0
        for j in start..<min(lines.count, start + 400) {
            let l = lines[j]
            if l.kind == .blank || l.kind == .pageMark { continue }
            guard l.kind == .text else { return nil }
            let key = TitleBlock.comparable(l.text)
            if let first, key == first { return entries >= 2 ? j : nil }
            guard let n = HeadingParser.parse(l.scalars), case .standalone = HeadingParser.shape(of: n) else { return nil }
            if first == nil { first = key }
            entries += 1
        }
        return nil
    }

    private static func isContentsTitle(_ t: String) -> Bool { t == "目录" || t == "目次" || t == "目錄" }

    /// `isContentsTitle(compact(text))` without building strings: it is asked of every line.
    private static func isContentsTitle(_ s: [Unicode.Scalar]) -> Bool {
        var first: Unicode.Scalar? = nil, second: Unicode.Scalar? = nil
        for c in s where !CharacterClass.isSpace(c) {
            guard second == nil else { return false }
            if first == nil { first = c } else { second = c }
        }
        guard first == "目", let second else { return false }
        return second == "录" || second == "次" || second == "錄"
    }

    private static func nextText(_ lines: [CleanLine], after i: Int) -> Int? {
        var j = i + 1
        while j < lines.count, lines[j].kind == .blank { j += 1 }
        return j < lines.count && lines[j].kind == .text ? j : nil
    }

    static let leaderCharacters: Set<Unicode.Scalar> = [".", "…", "·", "．", "-", "—", "_"]
    /// The leaders an entry's dots are counted in (dashes and rules are not dots).
    static let dotLeaders: Set<Unicode.Scalar> = [".", "…", "·", "．"]

    /// A line of dot leaders alone (an entry's leaders that extraction put on their own line).
    private static func isLeaders(_ l: CleanLine) -> Bool {
        l.kind == .text && l.scalars.count >= 3 && l.scalars.allSatisfy { leaderCharacters.contains($0) || $0 == " " }
    }

    /// An entry whose page number a narrow page wrapped after its bracket, the number on the next
    /// line: after dot leaders (…消费活力潜力.....( / 14)), or under a 目录 title without them
    /// (…赋能商务发展 ( / 49)).
    private static func wrappedBeforePageNumber(_ lines: [CleanLine], at j: Int, titled: Bool) -> Bool {
        let s = lines[j].scalars
        guard lines[j].kind == .text, let last = s.last(where: { $0 != " " }), last == "(" || last == "（" else { return false }
        let leaders = s.reversed().drop(while: { $0 == " " || $0 == "(" || $0 == "（" }).prefix(while: {
            dotLeaders.contains($0) || $0 == " "
        })
        if leaders.filter({ $0 != " " }).count >= 3 { return true }
        guard titled, let next = nextText(lines, after: j) else { return false }
        return isPageNumber(lines[next])
    }

    /// A title followed by its page number without leaders (第九章 加快推动数字商务发展 ( 47 ),
    /// 第三节 发展目标 12), read under a 目录 title only.
    private static func endsWithPageNumber(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count <= 80 else { return false }
        var k = s.count - 1
        var closed = false
        while k >= 0, s[k] == " " || s[k] == ")" || s[k] == "）" {
            if s[k] != " " { closed = true }
            k -= 1
        }
        var digits = 0
        while k >= 0, CharacterClass.isDigit(s[k]) {
            digits += 1
            k -= 1
        }
        while k >= 0, s[k] == " " { k -= 1 }
        guard digits > 0, digits <= 4, k > 0 else { return false }
        // ( 46 ) after any title; a bare number only after a numbered one (not …2025).
        if closed { return s[k] == "(" || s[k] == "（" }
        return HeadingParser.parse(s) != nil && (s[k + 1] == " " || !CharacterClass.isDigit(s[k]))
    }

    /// Inside a run of entries with leaders, a numbered title with its page number and no leaders
    /// (a contents page whose last entries were set without them: 第九章 加快推动数字商务发展 ( 47 )).
    private static func isNumberedEntry(_ l: CleanLine) -> Bool {
        l.kind == .text && HeadingParser.parse(l.scalars) != nil && endsWithPageNumber(l.scalars)
    }

    /// 12, (12), （12）: a page number alone.
    private static func isPageNumber(_ l: CleanLine) -> Bool {
        guard l.kind == .text else { return false }
        let digits = l.scalars.filter { $0 != " " && $0 != "(" && $0 != ")" && $0 != "（" && $0 != "）" }
        return !digits.isEmpty && digits.count <= 4 && digits.allSatisfy(CharacterClass.isDigit)
    }

    /// The number of a page-number line (`isPageNumber`).
    private static func pageNumber(_ l: CleanLine) -> Int? {
        let digits = l.scalars.filter(CharacterClass.isDigit)
        return digits.isEmpty ? nil : digits.reduce(0) { $0 * 10 + CharacterClass.digitValue($1) }
    }

    /// Text that can be (part of) an entry's title: no clause punctuation, and not cut at an open
    /// bracket. The body's first sentence, split into fragments by an HTML export (根据《…办法》（…〔 /
    /// 2017 / 〕 / 1690 / 号）等文件要求，…), looks like entries followed by page numbers otherwise.
    private static func readsAsEntryTitle(_ s: [Unicode.Scalar]) -> Bool {
        guard let last = s.last, !openingMarks.contains(last) else { return false }
        return !s.contains { clausePunctuation.contains($0) }
    }

    private static let openingMarks: Set<Unicode.Scalar> = ["〔", "《", "（", "(", "【", "“", "‘", "["]
    private static let clausePunctuation: Set<Unicode.Scalar> = ["，", "。", "；", "！", "？", ","]

    /// A page number within the next three lines (an entry read cell by cell: 第九章 / title / ( 47 )).
    private static func pageNumberAhead(_ lines: [CleanLine], from start: Int) -> Bool {
        var j = start
        var seen = 0
        while j < lines.count, seen < 3 {
            if lines[j].kind == .text {
                if isPageNumber(lines[j]) || isEntry(lines[j], allowTableRows: true) { return true }
                if lines[j].scalars.count > 40 { return false }
                seen += 1
            }
            j += 1
        }
        return false
    }

    private static func leadersAhead(_ lines: [CleanLine], from start: Int, within n: Int) -> Bool {
        var j = start
        var seen = 0
        while j < lines.count, seen < n {
            if lines[j].kind == .text {
                if isLeaders(lines[j]) || isEntry(lines[j], allowTableRows: false) { return true }
                seen += 1
            }
            j += 1
        }
        return false
    }

    /// A contents entry: text with dot leaders and a page number, or a table row ending in a number.
    /// Table rows count only under a 目录 title: a body table may end in a number column too.
    static func isEntry(_ line: CleanLine, allowTableRows: Bool) -> Bool {
        switch line.kind {
        case .tableRow:
            guard allowTableRows, let last = line.cells.last else { return false }
            let digits = last.filter { $0 != " " && $0 != "(" && $0 != ")" && $0 != "（" && $0 != "）" }
            return !digits.isEmpty && digits.allSatisfy(CharacterClass.isDigit)
        case .text:
            let s = line.scalars
            var leaders = 0, maxLeaders = 0
            for c in s {
                if dotLeaders.contains(c) {
                    leaders += 1
                    maxLeaders = max(maxLeaders, leaders)
                } else if c != " " {
                    leaders = 0
                }
            }
            guard maxLeaders >= 3 || allowTableRows && endsWithPageNumber(s) else { return false }
            var k = s.count - 1
            while k >= 0, s[k] == " " || s[k] == ")" || s[k] == "）" { k -= 1 }
            return k >= 0 && CharacterClass.isDigit(s[k])
        default:
            return false
        }
    }

    private static func name(of lines: ArraySlice<CleanLine>) -> String {
        let text = ScriptVariants.folded(lines.prefix(60).map(\.text).joined())
        if text.contains("批复") || text.contains("批覆") { return "批复" }  // 批覆: OpenCC's Traditional form
        if text.contains("通知") || text.contains("〔") || text.contains("印发") { return "发文通知" }
        if text.contains("令") && text.contains("公布") { return "公布令" }
        return "封面"
    }

    static func compact(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !CharacterClass.isSpace($0) }))
    }
}
