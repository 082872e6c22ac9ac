import Foundation

/// The document's title, read from its own title block: by GB/T 9704 a title names the issuer, the
/// matter and the document type (文种: 通知, 意见, 方案, 办法, 规划 …), may wrap over two or three
/// lines, and opens the document after the issuer's header and document number. Lines around it
/// that are not the title — export headers (【法宝引证码】, 原文链接), a site's page chrome, document
/// numbers, dates, addressees — are skipped. Only the opening lines are read: a title the body
/// cites (《中华人民共和国数据安全法》) is never taken.
struct TitleInfo {
    /// The title chosen: the issued document's title for a notice that issues one, else the title block.
    var title: String?
    var source: DocumentMetadata.TitleSource?
    /// The notice's own title, when the title block is an issuing notice or release.
    var noticeTitle: String?
    /// The title of the document the notice issues (from 《…》 or 印发…的通知).
    var issuedTitle: String?
    /// Clean-line indices of the title block.
    var lines: Range<Int>?
}

enum TitleBlock {
    /// Document types (文种) a title ends with: the 15 of the 党政机关公文处理工作条例 and the names of
    /// plans, rules and laws.
    static let documentTypes: [String] = [
        "决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要",
        "规划", "计划", "方案", "办法", "规定", "细则", "条例", "法", "规则", "措施", "纲要", "要点", "指引", "指南", "标准",
        "政策", "清单", "章程", "制度", "守则", "说明", "解读", "公约", "协议", "倡议书", "白皮书", "导则", "规范", "目录",
        "名录", "安排", "任务分工", "建议", "讲话", "意见稿", "草案", "修正案"
    ]

    /// How far into the document a title block may start (non-blank lines).
    static let searchLines = 40

    static func find(in lines: [CleanLine], evidence: [String]) -> TitleInfo {
        var candidates: [(range: Range<Int>, text: String)] = []
        var seen = 0
        var i = 0
        // The first numbered line (一、发展目标): a line after it that ends in a 文种 is the body's
        // (…每半年通报), no title, unless the format marks it as the title.
        var firstNumbered: Int?
        while i < lines.count, seen < searchLines {
            let l = lines[i]
            guard l.kind == .text else {
                i += 1
                continue
            }
            seen += 1
            if firstNumbered == nil, HeadingParser.parse(l.scalars) != nil { firstNumbered = i }
            guard isTitleLike(l.scalars) else {
                i += 1
                continue
            }
            let block = extend(from: i, in: lines)
            candidates.append(block)
            i = block.range.upperBound
        }
        var info = TitleInfo()
        // The issuer's mark (四川省商务厅文件; joint issuers' names one above the other), set largest
        // and red on a notice's first page, is not a title.
        let evidence = evidence.filter { !$0.hasSuffix("文件") && !namesIssuersOnly($0) }
        let evidenceKeys = evidence.map { comparable(stripSiteSuffix($0)) }.filter { $0.count >= 4 }
        // The format's own title mark decides between candidates; else the first that ends in a 文种.
        let opening = candidates.filter { $0.range.lowerBound < (firstNumbered ?? Int.max) }
        let chosen =
            candidates.first { c in evidenceKeys.contains { e in e == comparable(c.text) || e.hasSuffix(comparable(c.text)) } }
            ?? opening.first { endsWithDocumentType($0.text) && !isDecreeHeader($0.text) && !isSerialHeader($0.text) }
            ?? opening.first { endsWithDocumentType($0.text) }
        if let chosen {
            info.title = chosen.text
            info.source = .titleBlock
            info.lines = chosen.range
        } else if let e = evidence.map(stripSiteSuffix).first(where: { $0.count >= 4 }) {
            info.title = e
            info.source = .format
        } else if let first = candidates.first, first.range.lowerBound == firstTextLine(lines), first.text.count <= 40 {
            info.title = first.text
            info.source = .titleBlock
            info.lines = first.range
        }
        if let t = info.title { info.title = withoutDocumentNumber(t) }
        if let t = info.title, isDecreeHeader(t), let published = publishedTitle(in: lines) {
            // A decree that does not print the rules' title again: the 公布 sentence names them.
            info.title = published
            info.lines = nil
        }
        if let t = info.title, let issued = issuedTitle(in: t) {
            info.noticeTitle = t
            info.issuedTitle = issued
            info.title = issued
            info.source = .issuedDocument
        }
        return info
    }

    /// 江州市经济和信息化局 江州市财政局, 中共某市委 某市人民政府: organs' names and nothing else, as
    /// a joint notice's issuer mark prints them (no matter, no 文种).
    static func namesIssuersOnly(_ text: String) -> Bool {
        let t = FrontMatter.compact(text)
        guard t.count >= 4, !t.containsText("关于"), !endsWithDocumentType(t) else { return false }
        return ["局", "厅", "委", "办", "府", "室", "会", "院", "部", "处", "中心"].contains { t.hasSuffix($0) }
    }

    /// A numbered series' header (四川省商务厅公告 over 2025年第3号, 某市人民政府通告): every issue of the
    /// series has it; the issue's own title (关于公布…的公告) follows when printed.
    static func isSerialHeader(_ block: String) -> Bool {
        let text = withoutDocumentNumber(block)
        return ["公告", "通告", "公报"].contains { text.hasSuffix($0) } && text.count <= 20 && !text.contains("关于") && !text.contains("《")
    }

    /// 关于修改《某市公共数据资源管理办法》的决定, 关于修改和废止部分政府规章的决定: its numbered
    /// paragraphs are the amendments, items of one list, however short.
    static func isAmendingDecision(_ title: String) -> Bool {
        title.hasSuffix("决定") && (title.containsText("修改") || title.containsText("废止"))
    }

    /// A decree's header (成都市人民政府令, 中华人民共和国国务院令 over （第215号）): every decree of the
    /// issuer has it; the decree's title is the rules it publishes, printed after the signature.
    static func isDecreeHeader(_ block: String) -> Bool {
        let text = withoutDocumentNumber(block)
        return text.hasSuffix("令") && !text.hasSuffix("命令") && text.count <= 20 && !text.contains("《") && !text.contains("关于")
    }

    /// 《X》已经…通过，现予公布 in a decree's opening lines: X.
    static func publishedTitle(in lines: [CleanLine]) -> String? {
        for l in lines.prefix(searchLines) where l.kind == .text {
            let text = l.text
            guard text.hasPrefix("《"), text.contains("公布"), let close = text.firstIndex(of: "》") else { continue }
            let inner = String(text[text.index(after: text.startIndex)..<close])
            if inner.count >= 4, endsWithDocumentType(inner) { return inner }
        }
        return nil
    }

    private static func firstTextLine(_ lines: [CleanLine]) -> Int? {
        lines.firstIndex { $0.kind == .text }
    }

    /// A title line and the lines that continue it: a title that does not yet end in its document
    /// type goes on while the next lines read as title lines; a parenthesized line after it
    /// (（2021—2025年）, （征求意见稿）) belongs to it.
    static func extend(from start: Int, in lines: [CleanLine]) -> (range: Range<Int>, text: String) {
        var text = stripSiteSuffix(lines[start].text)
        var end = start + 1
        var j = start + 1
        var added = 0
        while j < lines.count, added < 3 {
            let l = lines[j]
            if l.kind == .blank || l.kind == .pageMark {
                j += 1
                continue
            }
            guard l.kind == .text else { break }
            let next = l.text
            if hasOpenBracket(text), next.count <= 12, next.contains("）") || next.contains(")") {
                // …实施方案（2025— / 2027年）: the bracket the wrap cut closes on the next line.
            } else if endsWithDocumentType(text) && !isIncompleteNotice(text) {
                guard isParenthetical(l.scalars) || continuesNoticeTitle(next) else { break }
            } else {
                // A last character or two the page wrapped (…的通 / 知) completes the title's 文种.
                let completes = next.count <= 3 && endsWithDocumentType(text + next)
                guard isTitleLike(l.scalars) || completes, text.count + next.count <= 80 else { break }
            }
            text += next
            added += 1
            j += 1
            end = j
            if isParenthetical(l.scalars) { break }
        }
        return (start..<end, text)
    }

    /// An opening round bracket without its closing one.
    static func hasOpenBracket(_ text: String) -> Bool {
        text.reduce(0) { depth, c in c == "（" || c == "(" ? depth + 1 : c == "）" || c == ")" ? max(0, depth - 1) : depth } > 0
    }

    /// A line that can be (part of) a title: short, has ideographs, no sentence punctuation, not
    /// numbered, not a document number, date, addressee, export header or page chrome.
    static func isTitleLike(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 2, s.count <= 80 else { return false }
        if s.contains(where: { $0 == "。" || $0 == "；" || $0 == "！" || $0 == "？" || $0 == ";" }) { return false }
        guard s.contains(where: CharacterClass.isHan) else { return false }
        if let last = s.last, last == "：" || last == ":" || last == "，" || last == "、" { return false }
        // Breadcrumbs, menus and labelled fields (首页 > 政务公开, 来源：国务院办公厅) are no titles.
        if s.contains(where: { $0 == ">" || $0 == "＞" || $0 == "»" || $0 == "›" || $0 == "|" || $0 == "：" || $0 == ":" }) { return false }
        if HeadingParser.parse(s) != nil || HeadingParser.parseBox(s) != nil { return false }
        let text = s.string
        if isExportNoise(text) || isDocumentNumber(text) || isDate(s) { return false }
        if text.hasSuffix("文件") || text.hasPrefix("附件") || text.hasPrefix("附录") { return false }
        let compact = FrontMatter.compact(text)
        if compact == "目录" || compact == "目次" { return false }
        // A table's header (序号, 单位 …; 序号 单位 联系人 联系电话 on one line) under a title, as a PDF
        // extracts it: no title line starts with 序号.
        if compact.hasPrefix("序号") || ["指标", "类别", "项目", "单位", "名称", "联系人", "联系电话", "备注"].contains(compact) { return false }
        return true
    }

    /// 关于印发…规划 without its closing 的通知: the title of an issuing notice goes on.
    static func isIncompleteNotice(_ text: String) -> Bool {
        (text.containsText("印发") || text.containsText("转发")) && !["通知", "通告", "公告", "决定", "》"].contains { text.hasSuffix($0) }
    }

    /// （2021—2025年）的通知, 的通知, 和《…》的通知: the rest of a notice's title wrapped to the
    /// next line (a notice may issue several documents, each named in 《》).
    static func continuesNoticeTitle(_ next: String) -> Bool {
        if let first = next.first, "和及与、".contains(first), next.dropFirst().first == "《", next.count <= 60,
            next.hasSuffix("》") || endsWithDocumentType(next)
        {
            return true
        }
        var rest = Substring(next)
        if rest.first == "（" || rest.first == "(", let close = rest.firstIndex(where: { $0 == "）" || $0 == ")" }) {
            rest = rest[rest.index(after: close)...]
        }
        return rest.hasPrefix("的") && rest.count <= 6 && endsWithDocumentType(String(rest))
    }

    /// （2021—2025年）, （征求意见稿）, (试行): part of the title. Not a date of issue (（2025年1月1日）),
    /// which GB/T 9704 prints under the title.
    static func isParenthetical(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first, let last = s.last, s.count <= 30 else { return false }
        guard (first == "（" || first == "(") && (last == "）" || last == ")") else { return false }
        return !isDate(Array(s.dropFirst().dropLast()))
    }

    /// Lines a database export or a saved web page puts before the document: 【法宝引证码】,
    /// 原文链接, URLs, 来源/发布时间 stamps.
    static func isExportNoise(_ text: String) -> Bool {
        text.hasPrefix("【法宝引证码】") || text.hasPrefix("【") && text.containsText("引证码") || text.containsText("原文链接")
            || text.hasPrefix("http") || text.hasPrefix("www.") || text.hasPrefix("来源：") || text.hasPrefix("来源:")
            || text.hasPrefix("发布时间") || text.hasPrefix("发布日期") || text.hasPrefix("索引号") || text.hasPrefix("索 引 号")
    }

    /// A title without the document number a web page appends to it in brackets
    /// (…的通知（津工信电力〔2021〕3号）).
    static func withoutDocumentNumber(_ title: String) -> String {
        guard let last = title.last, last == "）" || last == ")",
            let open = title.lastIndex(where: { $0 == "（" || $0 == "(" })
        else { return title }
        let inner = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
        guard isDocumentNumber(inner), title.distance(from: title.startIndex, to: open) >= 4 else { return title }
        return String(title[..<open])
    }

    /// 京经信发〔2022〕87号, 沪府令第19号, （第19号）.
    static func isDocumentNumber(_ printed: String) -> Bool {
        let text = ScriptVariants.folded(printed)
        guard text.count <= 24, text.hasSuffix("号") || text.hasSuffix("号）") || text.hasSuffix("号)") else { return false }
        return text.contains("〔") || text.contains("[") || text.contains("［") || text.contains("第") && text.count <= 16
    }

    /// 2021年12月21日, 2022年5月, 2023-09-01 21:50.
    static func isDate(_ s: [Unicode.Scalar]) -> Bool {
        let t = s.filter { !CharacterClass.isSpace($0) }
        // 〇 typed as ○ (a white circle) in many a date line: 二○二四年三月六日.
        guard t.count <= 20, t.contains(where: CharacterClass.isDigit) || t.contains("〇") || t.contains("○") else { return false }
        // A year alone (2021) is a number; a date names its parts or separates them.
        guard t.contains("年") || t.contains("月") || t.filter({ $0 == "-" || $0 == "/" || $0 == "." }).count >= 2 else {
            return false
        }
        let allowed: Set<Unicode.Scalar> = ["年", "月", "日", "〇", "○", "-", "/", ":", ".", "（", "）", "(", ")"]
        return t.allSatisfy { CharacterClass.isDigit($0) || allowed.contains($0) || ChineseNumeral.isNumeralCharacter($0) }
    }

    static func endsWithDocumentType(_ title: String) -> Bool {
        // A release that announces a document (…印发《关于…的意见》) is titled by it.
        if issuedTitle(in: title) != nil { return true }
        var t = Array(title.unicodeScalars)
        // Trailing parentheticals: （2021—2025年）, (试行), （征求意见稿）.
        while let last = t.last, last == "）" || last == ")" {
            guard let open = t.lastIndex(where: { $0 == "（" || $0 == "(" }) else { break }
            t.removeSubrange(open...)
        }
        while let last = t.last, CharacterClass.isSpace(last) { t.removeLast() }
        t = ScriptVariants.folded(t)
        if t.count >= 2, t[t.count - 2] == "文", t[t.count - 1] == "件" { return false }
        return documentTypeScalars.contains { type in t.count >= type.count && t.suffix(type.count).elementsEqual(type) }
    }

    private static let documentTypeScalars = documentTypes.map { Array($0.unicodeScalars) }

    /// The document a notice or release issues: 《X》 after 印发/转发/颁布/发布, or 印发X的通知. None
    /// when it issues several (印发《X》和《Y》的通知): then no one of them is the document, the
    /// notice is.
    static func issuedTitle(in printed: String) -> String? {
        // 印发, 转发, 颁布, 发布, 公布 all hold 发 or 布 (發, 佈): most titles are ruled out before folding.
        guard printed.unicodeScalars.contains(where: { ScriptVariants.folded($0) == "发" || ScriptVariants.folded($0) == "布" }) else {
            return nil
        }
        // Read in Simplified (印發《…》), returned as printed: the two have the same UTF-8 offsets,
        // as folding changes only ideographs, each three bytes.
        let title = ScriptVariants.folded(printed)
        func asPrinted(_ s: Substring) -> String {
            let (from, to) = (title.utf8.distance(from: title.startIndex, to: s.startIndex), s.utf8.count)
            return String(decoding: printed.utf8.dropFirst(from).prefix(to), as: UTF8.self)
        }
        let verbs = ["印发", "转发", "颁布", "发布", "公布"]
        let scalars = Array(title.unicodeScalars)
        for verb in verbs {
            // Searching by Character (Foundation's or the standard library's) cost ~2 % of a build
            // (this is asked of every title-like line): a scalar scan first rules most titles out.
            guard mayContain(scalars, verb), let v = title.range(of: verb) else { continue }
            let after = title[v.upperBound...]
            if after.first == "《", let close = after.firstIndex(of: "》") {
                if after[close...].contains("《") { return nil }
                let inner = after[after.index(after: after.startIndex)..<close]
                if inner.count >= 4 { return asPrinted(inner) }
            }
            // Without 《》 the issued document is named by its type (关于印发某市…规划的通知); 印发 in
            // a title about something else (关于规范公文印发和抄送工作的通知) issues nothing.
            for ending in ["的通知", "的通告", "的公告", "的决定"] where after.hasSuffix(ending) {
                let inner = after.dropLast(ending.count)
                if inner.count >= 4, !inner.contains("《"), endsWithDocumentType(String(inner)) { return asPrinted(inner) }
            }
        }
        return nil
    }

    /// Whether `verb` (two ideographs) can occur in `s` as Characters: its scalars side by side, a CJK
    /// compatibility ideograph (canonically equivalent to a unified one) standing for either.
    private static func mayContain(_ s: [Unicode.Scalar], _ verb: String) -> Bool {
        let v = Array(verb.unicodeScalars)
        func matches(_ c: Unicode.Scalar, _ w: Unicode.Scalar) -> Bool {
            c == w || (0xF900...0xFAFF).contains(c.value) || (0x2F800...0x2FA1F).contains(c.value)
        }
        guard v.count == 2, s.count >= 2 else { return true }
        for i in 0..<(s.count - 1) where matches(s[i], v[0]) && matches(s[i + 1], v[1]) { return true }
        return false
    }

    /// A saved page's title carries the site's sections after it (…的通知_委局文件_政务公开,
    /// …的通知 - 中国政府网): keep the part that is the document's title.
    static func stripSiteSuffix(_ title: String) -> String {
        guard title.unicodeScalars.contains(where: { $0 == "_" || $0 == "-" || $0 == "|" || $0 == "｜" || $0 == "—" }) else {
            return title
        }
        for separator in ["_", " - ", " | ", "｜", "|", " — "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2, let first = parts.first, first.count >= 4 else { continue }
            if parts.dropFirst().allSatisfy({ $0.count <= 12 }) { return first.trimmingCharacters(in: .whitespaces) }
        }
        return title
    }

    /// Text compared for sameness: no spaces, full-width brackets as ASCII, no quotes or book marks,
    /// the rules' Traditional characters as Simplified (`ScriptVariants`).
    static func comparable(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars where !CharacterClass.isSpace(c) {
            switch c {
            case "（": out.append("(")
            case "）": out.append(")")
            case "《", "》", "“", "”", "\"", "〈", "〉", "‘", "’", "'": continue
            default: out.append(ScriptVariants.folded(c))
            }
        }
        return String(out)
    }
}
