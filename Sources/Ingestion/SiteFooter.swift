import Foundation

/// A web site's footer at the end of a saved or printed page (主办单位：…, 版权所有, 京ICP备…号,
/// 网站地图 | 联系我们): no part of the document, though a text file, or a PDF printed from the
/// page, keeps it after the last article or annex, where it would be filed under it and found by
/// searches. It is recognised by its registration and copyright marks, which no policy text
/// prints: the block of site lines around the last of them, at the very end of the file, is
/// dropped like page furniture, and so is a marked line that recurs (a printout's footer on every
/// page). One such mark alone (a document that cites 版权所有 once) is not enough: the block needs
/// two, or one and two of the site's link lines.
enum SiteFooter {
    /// How far from the end (in text lines) the last mark may stand.
    static let reach = 12
    /// Unrecognised short lines the block may hold between site lines (a mailbox, a phone line).
    static let gap = 2

    static func remove(from lines: inout [CleanLine]) {
        removeTail(from: &lines)
        // A page printed from the site repeats its footer on every page: a marked line seen twice
        // is the site's wherever it stands.
        var seen: [[Unicode.Scalar]: Int] = [:]
        for l in lines where l.kind == .text && isMarked(l.scalars) { seen[l.scalars, default: 0] += 1 }
        for i in lines.indices where lines[i].kind == .text && seen[lines[i].scalars, default: 0] >= 2 { lines[i].kind = .pageMark }
    }

    /// The footer block at the end of the file.
    static func removeTail(from lines: inout [CleanLine]) {
        let text = lines.indices.filter { lines[$0].kind == .text }
        guard let lastMark = text.suffix(reach).last(where: { isMarked(lines[$0].scalars) }) else { return }
        // Everything after the last mark must be the site's too.
        guard text.drop(while: { $0 <= lastMark }).allSatisfy({ isSiteLine(lines[$0].scalars) || isShort(lines[$0].scalars) }) else {
            return
        }
        var start = lastMark, marks = 0, links = 0, unknown = 0
        for i in text.reversed() where i <= lastMark {
            let s = lines[i].scalars
            if isMarked(s) {
                marks += 1
            } else if isSiteLine(s) {
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
        for i in start..<lines.count where lines[i].kind == .text { lines[i].kind = .pageMark }
    }

    /// A line with a site's registration or copyright mark.
    static func isMarked(_ s: [Unicode.Scalar]) -> Bool {
        let t = String(String.UnicodeScalarView(s))
        return marks.contains { t.contains($0) }
    }

    static let marks = ["ICP备", "ICP证", "公网安备", "网站标识码", "版权所有", "Copyright", "copyright", "©"]

    /// A line of the site's furniture: its links, its sponsor and maintainer, its browser notice,
    /// a link separator, an address.
    static func isSiteLine(_ s: [Unicode.Scalar]) -> Bool {
        let t = String(String.UnicodeScalarView(s)).trimmingCharacters(in: .whitespaces)
        if t.isEmpty || t.allSatisfy({ $0 == "|" || $0 == "｜" || $0 == " " }) { return true }
        if t.hasPrefix("|") || t.hasPrefix("｜") || t.hasPrefix("http") || t.hasPrefix("www.") { return true }
        if isMarked(s) || links.contains(t) { return true }
        return siteLinePrefixes.contains { t.hasPrefix($0) } || t.contains("您正在使用")
    }

    static let links: Set<String> = [
        "网站地图", "联系我们", "关于我们", "网站声明", "隐私声明", "无障碍", "无障碍浏览", "返回顶部", "打印本页", "关闭窗口", "【打印】", "【关闭】",
        "相关链接", "政策解读", "相关政策", "相关报道", "网站纠错", "我要纠错"
    ]
    static let siteLinePrefixes = ["主办单位", "主办：", "承办单位", "承办：", "协办单位", "运行维护单位", "技术支持", "网站标识码", "地址：", "邮编：", "电话：", "传真："]

    /// A short line with no sentence in it (40 columns): what a footer's odd line is like.
    static func isShort(_ s: [Unicode.Scalar]) -> Bool {
        StructureBuilder.width(s) <= 40 && !s.contains(where: HeadingParser.isSentenceEnd)
    }
}
