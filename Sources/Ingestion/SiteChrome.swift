import Foundation

/// A web site's furniture kept by a page saved as text or printed to PDF: no part of the document,
/// though it would be filed under its first or last heading and found by searches.
///
/// - The footer at the end (主办单位：…, 版权所有, 京ICP备…号, 网站地图 | 联系我们, 【打印本页】【关闭窗口】,
///   相关链接：…) is recognised by its registration and copyright marks, which no policy text prints:
///   the block of site lines around the last of them, at the very end of the file, is dropped like
///   page furniture, and so is a marked line, a sponsor's line or a bar of links that recurs (a
///   printout's footer on every page). One such mark alone (a document that cites 版权所有 once) is
///   not enough: the block needs two, or one and two of the site's lines.
/// - The header at the top (a menu of links, 首页 > 政务公开 > …, 请输入关键词 搜索) is recognised
///   line by line above the document's first sentence, by shapes no document's opening has; short
///   lines above its first line (the site's name) go with it.
/// - A sentence or a numbered item is never the site's, whatever it names (`readsAsProse`).
enum SiteChrome {
    /// How far from the end (in text lines) the last mark may stand.
    static let reach = 12
    /// Unrecognised short lines the block may hold between site lines (a mailbox, a phone line).
    static let gap = 2

    /// Lines from the top where a site's header may stand (its title block follows).
    static let headerReach = 15

    static func remove(from lines: inout [CleanLine]) {
        removeRepeated(from: &lines)
        removeTail(from: &lines)
        removeHeader(from: &lines)
    }

    /// A page printed from the site repeats its footer on every page: a marked line, or one of
    /// the site's sponsor or link lines, seen twice is the site's wherever it stands.
    static func removeRepeated(from lines: inout [CleanLine]) {
        // (A table's header row repeated on each page is no bar of links: rows are left to the tail.)
        let repeated = { (l: CleanLine) in isMarked(l.scalars) || isSponsorOrLinks(l.scalars, row: l.kind == .tableRow) }
        var seen: [[Unicode.Scalar]: Int] = [:]
        for l in lines where isLine(l) && repeated(l) { seen[l.scalars, default: 0] += 1 }
        for i in lines.indices where isLine(lines[i]) && seen[lines[i].scalars, default: 0] >= 2 { lines[i].kind = .pageMark }
    }

    /// A line of text or a row (a footer spaced with full-width spaces reads as a row).
    static func isLine(_ l: CleanLine) -> Bool { l.kind == .text || l.kind == .tableRow }

    /// The header's lines, and the site's name above them (贵州省商务厅 over its menu, with its
    /// English name or address), which would otherwise open the title block: they leave blank
    /// lines, as paragraphs are apart.
    static func removeHeader(from lines: inout [CleanLine]) {
        // The header stands above the document's first sentence or numbered line.
        let top = Array(lines.indices.filter { isLine(lines[$0]) }.prefix(headerReach).prefix { !readsAsProse(lines[$0].scalars) })
        let header = top.filter { isHeaderLine(lines[$0].scalars) }
        guard let first = header.first else { return }
        let brand = top.prefix { $0 < first }.allSatisfy { i in
            let t = lines[i].text
            return !TitleBlock.endsWithDocumentType(t) && !readsAsProse(lines[i].scalars)
                && (t.count <= 16 || t.contains("www.") || t.contains("http") || !t.unicodeScalars.contains(where: CharacterClass.isHan))
        }
        for i in top where header.contains(i) || (brand && i < first) {
            (lines[i].kind, lines[i].scalars, lines[i].cells) = (.blank, [], [])
        }
    }

    /// The footer block at the end of the file.
    static func removeTail(from lines: inout [CleanLine]) {
        // Lines the running headers took already (a printout's repeated 版权所有 … line) count as
        // the site's, and their marks as marks.
        let furniture = { (l: CleanLine) in l.kind == .pageMark && !l.scalars.isEmpty }
        let text = lines.indices.filter { isLine(lines[$0]) || furniture(lines[$0]) }
        guard let lastMark = text.suffix(reach).last(where: { isMarked(lines[$0].scalars) }) else { return }
        // Everything after the last mark must be the site's too.
        guard text.drop(while: { $0 <= lastMark }).allSatisfy({ isSiteLine(lines[$0].scalars) || isShort(lines[$0].scalars) }) else {
            return
        }
        var start = lastMark, marks = 0, unknown = 0
        var links = text.drop(while: { $0 <= lastMark }).filter { isSiteLine(lines[$0].scalars) }.count
        for i in text.reversed() where i <= lastMark {
            let s = lines[i].scalars
            if isMarked(s) {
                marks += 1
            } else if furniture(lines[i]) || isSiteLine(s) {
                links += 1
            } else if isShort(s), unknown < gap {
                unknown += 1
                continue
            } else {
                break
            }
            (start, unknown) = (i, 0)
        }
        guard marks >= 2 || (marks == 1 && links >= 2) else { return }
        for i in start..<lines.count where isLine(lines[i]) { lines[i].kind = .pageMark }
    }

    /// A sentence, or a numbered item: the document's, whatever it names (a rule on how a site's
    /// footer reads: 3．版权声明。统一标注为“版权所有：×××”…).
    static func readsAsProse(_ s: [Unicode.Scalar]) -> Bool {
        s.contains(where: HeadingParser.isSentenceEnd) || HeadingParser.parse(s) != nil
    }

    /// A line with a site's registration or copyright mark.
    static func isMarked(_ s: [Unicode.Scalar]) -> Bool {
        let t = String(scalars: ScriptVariants.folded(s))
        return marks.contains { t.contains($0) } && !readsAsProse(s)
    }

    /// A sponsor's line (主办单位：…) or a bar of links (网站地图 | 联系我们 | 无障碍浏览).
    static func isSponsorOrLinks(_ s: [Unicode.Scalar], row: Bool) -> Bool {
        guard !readsAsProse(s) else { return false }
        let t = String(scalars: ScriptVariants.folded(s)).trimmingCharacters(in: .whitespaces)
        return (!row && isLinkBar(t)) || ["主办单位", "主办：", "承办单位", "运行维护单位"].contains { t.hasPrefix($0) }
    }

    static let marks = ["ICP备", "ICP证", "公网安备", "网站标识码", "版权所有", "Copyright", "copyright", "©"]

    /// A line of the site's furniture: its links, its sponsor and maintainer, its browser notice,
    /// a link separator, an address, its buttons, its editor's name.
    static func isSiteLine(_ s: [Unicode.Scalar]) -> Bool {
        let t = String(scalars: ScriptVariants.folded(s)).trimmingCharacters(in: .whitespaces)
        // The browser notice is a sentence (…请升级浏览器！), and the site's all the same.
        if t.contains("您正在使用") && t.contains("浏览器") { return true }
        guard !readsAsProse(s) else { return false }
        if t.isEmpty || t.allSatisfy({ $0 == "|" || $0 == "｜" || $0 == " " }) { return true }
        if t.hasPrefix("|") || t.hasPrefix("｜") || t.hasPrefix("http") || t.hasPrefix("www.") { return true }
        if isMarked(s) || links.contains(t) || isLinkBar(t) || isButtonRow(t) { return true }
        if t.firstMatch(of: /^[（(]责任编辑[：:][^）)]{1,12}[）)]$/) != nil { return true }
        return siteLinePrefixes.contains { t.hasPrefix($0) }
    }

    /// A header line: a menu of links, a breadcrumb (首页 > 政务公开 > 政策解读), a search box.
    static func isHeaderLine(_ s: [Unicode.Scalar]) -> Bool {
        guard !readsAsProse(s) else { return false }
        let t = String(scalars: ScriptVariants.folded(s)).trimmingCharacters(in: .whitespaces)
        if isLinkBar(t) || isButtonRow(t) || ["请输入", "站内搜索", "全站搜索", "搜索："].contains(where: t.hasPrefix) { return true }
        let crumb = t.hasPrefix("首页") || t.prefix(8).contains("位置")
        return crumb && t.contains { ">＞»›→".contains($0) }
    }

    /// Three links or more between bars (首页 | 机构概况 | 政务公开): short words, no figures, no
    /// sentence (a table typed with bars has figures, or is read as rows).
    static func isLinkBar(_ t: String) -> Bool {
        guard t.contains(where: { $0 == "|" || $0 == "｜" }) else { return false }
        let parts = t.split(whereSeparator: { $0 == "|" || $0 == "｜" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        guard parts.count >= 3 else { return false }
        return parts.allSatisfy { p in p.count <= 16 && !p.contains(where: { $0.isNumber || "。，；".contains($0) }) }
    }

    /// Buttons in brackets alone: 【打印本页】【关闭窗口】, [打印] [关闭], [大 中 小] (not 【专栏2】).
    static func isButtonRow(_ t: String) -> Bool {
        guard t.wholeMatch(of: /(\s*[【\[][^】\]]{1,8}[】\]])+\s*/) != nil else { return false }
        let groups = t.split(whereSeparator: { "【】[]".contains($0) }).map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        return groups.allSatisfy { g in buttons.contains { g.contains($0) } }
    }

    static let buttons = ["打印", "关闭", "字体", "收藏", "分享", "返回", "保存", "纠错", "大中小", "放大", "缩小", "默认", "顶部"]

    static let links: Set<String> = [
        "网站地图", "联系我们", "关于我们", "网站声明", "隐私声明", "无障碍", "无障碍浏览", "返回顶部", "打印本页", "关闭窗口", "【打印】", "【关闭】",
        "相关链接", "政策解读", "相关政策", "相关报道", "网站纠错", "我要纠错"
    ]
    static let siteLinePrefixes = [
        "相关链接", "友情链接", "相关文件", "相关阅读", "相关新闻", "扫一扫", "主办单位", "主办：", "承办单位", "承办：", "协办单位", "运行维护单位", "技术支持", "网站标识码", "地址：", "邮编：", "电话：",
        "传真："
    ]

    /// A short line with no sentence in it (40 columns): what a footer's odd line is like.
    static func isShort(_ s: [Unicode.Scalar]) -> Bool {
        StructureBuilder.width(s) <= 40 && !s.contains(where: HeadingParser.isSentenceEnd)
    }
}
