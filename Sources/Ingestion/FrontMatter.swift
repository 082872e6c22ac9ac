/// Finds where the body of a document starts: after a table of contents, or after an issuing notice
/// or approval letter that precedes the document itself.
struct BodyLayout {
    /// Lines (indices into the clean lines) before the body: notice, cover. Empty if none.
    var frontMatter: Range<Int>
    /// Lines of the table of contents, dropped (they repeat the headings).
    var tableOfContents: Range<Int>?
    /// First line of the body.
    var bodyStart: Int
    /// What the front matter is, for its path: 发文通知, 批复, 封面.
    var frontMatterName: String
    /// A title found in the front matter (《…》 of 关于印发《…》的通知).
    var titleFromNotice: String?
}

enum FrontMatter {
    static func layout(of lines: [CleanLine]) -> BodyLayout {
        let toc = tableOfContents(in: lines)
        let noticeTitle = noticeTitle(in: lines, before: toc?.lowerBound ?? min(lines.count, 120))
        if let toc {
            let front = 0..<toc.lowerBound
            return BodyLayout(
                frontMatter: front, tableOfContents: toc, bodyStart: toc.upperBound,
                frontMatterName: name(of: lines[front]), titleFromNotice: noticeTitle)
        }
        // No table of contents: a notice ends where the title it announces is printed again.
        if let noticeTitle {
            let key = compact(noticeTitle)
            var sawNotice = false
            for (i, l) in lines.enumerated() where l.kind == .text {
                let text = compact(l.text)
                if !sawNotice {
                    if text.contains("《") || text.contains("〔") { sawNotice = true }
                    continue
                }
                if text == key || (text.hasPrefix(key) && text.count <= key.count + 12) {
                    return BodyLayout(
                        frontMatter: 0..<i, tableOfContents: nil, bodyStart: i,
                        frontMatterName: name(of: lines[0..<i]), titleFromNotice: noticeTitle)
                }
            }
        }
        return BodyLayout(frontMatter: 0..<0, tableOfContents: nil, bodyStart: 0, frontMatterName: "", titleFromNotice: noticeTitle)
    }

    /// A 目录/目次 title followed by entries, or a run of at least three entries with leaders.
    static func tableOfContents(in lines: [CleanLine]) -> Range<Int>? {
        // A contents page comes before the body's first half.
        let limit = lines.count / 2
        for i in 0..<limit where lines[i].kind == .text {
            let t = compact(lines[i].text)
            let titled = t == "目录" || t == "目次" || t == "目錄"
            guard titled || isEntry(lines[i], allowTableRows: false) else { continue }
            var end = titled ? i + 1 : i
            var entries = 0
            var j = end
            while j < lines.count {
                let l = lines[j]
                if l.kind == .blank || l.kind == .pageMark {
                    j += 1
                    continue
                }
                if isEntry(l, allowTableRows: titled) {
                    entries += 1
                    j += 1
                    end = j
                    continue
                }
                break
            }
            if entries >= (titled ? 2 : 3) { return i..<end }
        }
        return nil
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
                if c == "." || c == "…" || c == "·" || c == "．" || c == "…" {
                    leaders += 1
                    maxLeaders = max(maxLeaders, leaders)
                } else if c != " " {
                    leaders = 0
                }
            }
            guard maxLeaders >= 3 else { return false }
            var k = s.count - 1
            while k >= 0, s[k] == " " || s[k] == ")" || s[k] == "）" { k -= 1 }
            return k >= 0 && CharacterClass.isDigit(s[k])
        default:
            return false
        }
    }

    /// 关于印发《X》的通知 → X; also the title of a 批复 or 函.
    static func noticeTitle(in lines: [CleanLine], before limit: Int) -> String? {
        var sawNumber = false
        for l in lines.prefix(limit) where l.kind == .text {
            let t = compact(l.text)
            if t.contains("〔") && t.hasSuffix("号") { sawNumber = true }
            guard t.contains("关于") || sawNumber, let open = t.firstIndex(of: "《"), let close = t[open...].firstIndex(of: "》") else {
                continue
            }
            let inner = t[t.index(after: open)..<close]
            if inner.count >= 4 { return String(inner) }
        }
        return nil
    }

    private static func name(of lines: ArraySlice<CleanLine>) -> String {
        let text = lines.prefix(60).map(\.text).joined()
        if text.contains("批复") { return "批复" }
        if text.contains("通知") || text.contains("〔") { return "发文通知" }
        return "封面"
    }

    static func compact(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !CharacterClass.isSpace($0) }))
    }
}
