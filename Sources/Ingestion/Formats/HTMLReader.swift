import Foundation
import HTMLFacade

/// Reads a web page saved from a government site with libxml2's HTML parser (behind `HTMLFacade`):
/// scripts, styles and navigation are dropped, the main text block is the element that holds most
/// of the page's running Chinese text, block elements become lines (h1–h6 as heading evidence, table
/// rows as rows), and `<title>` and `<h1>` are title evidence.
enum HTMLReader {
    static func read(_ text: String, file: String) throws -> SourceDocument {
        let page = try HTMLPage(text, file: file)
        let tree = HTMLTree(page)
        if let frames = Self.framedPages(tree) {
            throw IngestionError.damaged(
                file: file, format: "HTML",
                reason: "a frameset page: its text is in the pages it frames (\(frames)); save those pages and index them")
        }
        let root = MainBlock.select(in: tree)
        var reader = HTMLLines(tree)
        // The page's fields about the document (a 信息公开 table above the article) come first, as
        // they would in the article: issuer, number and date are read from them.
        let body = reader.lines(under: root)
        let above = (Self.fieldRows(tree, outside: root) + Self.pageTitle(tree, outside: root, besides: body)).sorted()
        let attachments = Self.attachmentList(tree, after: root, besides: body).flatMap { reader.lines(under: $0) }
        var lines = above.flatMap { reader.lines(under: $0) }.map(Self.withoutPageTools) + body + attachments
        for i in lines.indices { lines[i].line = i + 1 }
        guard lines.contains(where: { $0.text.unicodeScalars.contains(where: { !CharacterClass.isSpace($0) && $0 != "\n" }) })
        else {
            guard let target = Self.redirectTarget(tree) else { throw IngestionError.empty(file: file) }
            throw IngestionError.damaged(
                file: file, format: "HTML", reason: "a page that only redirects to \(target); save the page it leads to and index that")
        }
        var evidence: [String] = []
        if let h1 = tree.firstText(of: "h1") { evidence.append(h1) }
        if let title = tree.firstText(of: "title") { evidence.append(title) }
        return SourceDocument(format: .html, lines: lines, titleEvidence: evidence)
    }

    /// The list of attachments a site prints just after the article's block, outside it
    /// (`<div class="fujian"><p>附件：</p><p><a>附件1.….docx</a></p>`): the first element there whose
    /// text opens with 附件, widened to the container that holds the list and not the article.
    /// Their names are what an analyst searches for; the body may already hold them.
    static func attachmentList(_ tree: HTMLTree, after root: Int?, besides body: [SourceLine]) -> [Int] {
        guard let root else { return [] }
        let contains = { (a: Int, b: Int) in a <= b && tree.end[a] >= tree.end[b] }
        let near = tree.end[root]..<min(tree.count, tree.end[root] + 200)
        guard
            let first = near.first(where: {
                !tree.isText[$0] && !tree.inChrome[$0] && tree.text(of: $0).trimmingPrefix(while: { $0.isWhitespace }).hasPrefix("附件")
            })
        else { return [] }
        var list = first
        while tree.parent[list] >= 0, !contains(tree.parent[list], root), tree.text(of: tree.parent[list]).count <= 2000 {
            list = tree.parent[list]
        }
        let text = TitleBlock.comparable(tree.text(of: first))
        guard !body.suffix(20).contains(where: { TitleBlock.comparable($0.text) == text }) else { return [] }
        return [list]
    }

    /// The `src` of a frameset's frames (its own text is at most a "no frames" notice), or nil.
    static func framedPages(_ tree: HTMLTree) -> String? {
        guard (0..<tree.count).contains(where: { !tree.isText[$0] && tree.value[$0] == "frameset" }) else { return nil }
        let sources = (0..<tree.count).filter { !tree.isText[$0] && tree.value[$0] == "frame" }.compactMap {
            HTMLLines.attribute("src", tree.attributes[$0])
        }
        return sources.isEmpty ? "no frame names a page" : sources.joined(separator: ", ")
    }

    /// Where a `<meta http-equiv="refresh" content="0;url=…">` sends the reader, if anywhere.
    static func redirectTarget(_ tree: HTMLTree) -> String? {
        for i in 0..<tree.count where !tree.isText[i] && tree.value[i] == "meta" {
            guard let content = HTMLLines.attribute("content", tree.attributes[i]), let r = content.lowercased().range(of: "url=") else {
                continue
            }
            let target = String(content[r.upperBound...].filter { $0 != "'" && $0 != "\"" })
            if !target.isEmpty { return target }
        }
        return nil
    }

    /// The page's `<h1>` when it stands outside the main block (a site prints the document's title,
    /// often the issuing notice's, above the article) and the block does not repeat it: it is the
    /// document's first line, searchable and read by the title block like any title line.
    static func pageTitle(_ tree: HTMLTree, outside root: Int?, besides body: [SourceLine]) -> [Int] {
        guard let root,
            let h1 = (0..<tree.count).first(where: { !tree.isText[$0] && tree.value[$0] == "h1" && !tree.inChrome[$0] }),
            tree.end[h1] <= root || h1 >= tree.end[root]
        else { return [] }
        let text = TitleBlock.comparable(tree.text(of: h1))
        guard text.count >= 4, !body.prefix(40).contains(where: { TitleBlock.comparable($0.text) == text }) else { return [] }
        return [h1]
    }

    /// Table rows, list items, paragraphs and divisions wholly outside the main block (not around
    /// it: a layout table may hold the article) and outside page chrome, holding no such element of
    /// their own, that print labelled fields or the article's dated source line (a site prints
    /// `<div class="meta">2025-03-05 来源：…</div>` between its title and the text block).
    static func fieldRows(_ tree: HTMLTree, outside root: Int?) -> [Int] {
        guard let root else { return [] }
        let rows: Set<String> = ["tr", "li", "p", "div"]
        return (0..<tree.count).filter { i in
            guard !tree.isText[i], rows.contains(tree.value[i]), !tree.inChrome[i], tree.end[i] <= root || i >= tree.end[root] else {
                return false
            }
            let inside = (i + 1)..<tree.end[i]
            guard !inside.contains(where: { !tree.isText[$0] && rows.contains(tree.value[$0]) }) else { return false }
            let text = inside.filter { tree.isText[$0] }.map { tree.value[$0] }.joined()
            return PageFields.labels(text) || tree.end[i] <= root && isSourceLine(text)
        }
    }

    /// A source line without the page's counters and tools after it (浏览次数：1024, 【字体：大 中 小】,
    /// 打印, 分享): what the page says of the document is kept, its furniture is not.
    static func withoutPageTools(_ line: SourceLine) -> SourceLine {
        guard line.text.contains("来源") else { return line }
        var l = line
        for tool in ["浏览次数", "浏览量", "阅读次数", "点击数", "点击量", "访问量", "【字体", "字体：", "字号：", "打印", "分享", "收藏"] {
            if let r = l.text.range(of: tool) { l.text = String(l.text[..<r.lowerBound]) }
        }
        l.text = l.text.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{3000}\u{a0}")))
        return l
    }

    /// 2025-03-05 09:12 来源：新华社, 发布时间：2025年3月5日 来源：…: short, a source and a date.
    static func isSourceLine(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 120, text.contains("来源") else { return false }
        // A date: a number, a separator and a number (2025-03-05, 2025年3月5日, 2025.3.5, 2025/3/5), read
        // on the line's key as page furniture is (each digit run one #).
        let key = RunningHeaders.key(Array(text.unicodeScalars))
        return ["#-#", "#年#", "#.#", "#/#"].contains { RunningHeaders.contains(key, Array($0.unicodeScalars)) }
    }
}

/// Owns libxml2's parse result (through the facade) and frees it when released.
private final class HTMLPage {
    let handle: OpaquePointer

    init(_ text: String, file: String) throws {
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { throw IngestionError.empty(file: file) }
        guard
            let h = utf8.withUnsafeMutableBufferPointer({ b in
                b.withMemoryRebound(to: CChar.self) { pf_html_parse($0.baseAddress, Int32($0.count)) }
            })
        else { throw IngestionError.damaged(file: file, format: "HTML", reason: "libxml2 found no document in it") }
        handle = h
    }

    deinit { pf_html_free(handle) }
}

/// The page as Swift values: nodes in document order with their parents and extents.
struct HTMLTree {
    var parent: [Int]
    var isText: [Bool]
    /// Tag name for elements, text for text nodes.
    var value: [String]
    var attributes: [String]
    /// One past the last descendant.
    var end: [Int]
    var children: [[Int]]
    /// The node is page chrome or lies inside it (computed once: parents precede children).
    var inChrome: [Bool]

    fileprivate init(_ page: HTMLPage) {
        let n = Int(pf_html_node_count(page.handle))
        parent = (0..<n).map { Int(pf_html_node_parent(page.handle, Int32($0))) }
        isText = (0..<n).map { pf_html_node_is_text(page.handle, Int32($0)) != 0 }
        value = (0..<n).map { String(cString: pf_html_node_value(page.handle, Int32($0))) }
        attributes = (0..<n).map { String(cString: pf_html_node_attributes(page.handle, Int32($0))) }
        end = (0..<n).map { $0 + 1 }
        children = Array(repeating: [], count: n)
        for i in (0..<n).reversed() where parent[i] >= 0 {
            end[parent[i]] = max(end[parent[i]], end[i])
        }
        for i in 0..<n where parent[i] >= 0 { children[parent[i]].append(i) }
        inChrome = Array(repeating: false, count: n)
        for i in 0..<n {
            let inherited = parent[i] >= 0 && inChrome[parent[i]]
            inChrome[i] = inherited || (!isText[i] && HTMLLines.isChromeElement(tag: value[i], attributes: attributes[i]))
        }
    }

    var count: Int { parent.count }

    /// Text of the first element named `tag`, whitespace collapsed.
    func firstText(of tag: String) -> String? {
        guard let i = (0..<count).first(where: { !isText[$0] && value[$0] == tag }) else { return nil }
        let collapsed = text(of: i).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    /// The text of element `i`, its text nodes joined.
    func text(of i: Int) -> String { ((i + 1)..<end[i]).filter { isText[$0] }.map { value[$0] }.joined() }
}

/// Chooses the element holding the page's main text: starting at the root, descend into the child
/// that holds at least 80 % of the running text (text in paragraph-length blocks, links excluded)
/// as long as there is one. Navigation, menus and footers hold short or linked text and lose.
enum MainBlock {
    static func select(in tree: HTMLTree) -> Int? {
        let n = tree.count
        guard n > 0 else { return nil }
        var weight = Array(repeating: 0, count: n)
        // Running text per block: ideographs in text nodes not inside a link, counted for the
        // nearest block ancestor; only blocks of paragraph length count.
        var blockHan: [Int: Int] = [:]
        for i in 0..<n where tree.isText[i] && !tree.inChrome[i] {
            var p = tree.parent[i]
            var linked = false
            while p >= 0, !HTMLLines.blockTags.contains(tree.value[p]) {
                if tree.value[p] == "a" { linked = true }
                p = tree.parent[p]
            }
            guard !linked else { continue }
            blockHan[p, default: 0] += tree.value[i].unicodeScalars.reduce(0) { $0 + (CharacterClass.isHan($1) ? 1 : 0) }
        }
        for (block, han) in blockHan where han >= 12 {
            var p = block
            while p >= 0 {
                weight[p] += han
                p = tree.parent[p]
            }
        }
        let roots = (0..<n).filter { tree.parent[$0] < 0 && !tree.isText[$0] }
        guard var current = roots.max(by: { weight[$0] < weight[$1] }), weight[current] > 0 else { return nil }
        let total = weight[current]
        while let next = tree.children[current].max(by: { weight[$0] < weight[$1] }), weight[next] * 10 >= total * 8 {
            current = next
        }
        return current
    }
}

/// Block elements become lines; inline elements run together.
struct HTMLLines {
    static let blockTags: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "th", "table", "tbody", "thead", "tfoot",
        "section", "article", "main", "header", "footer", "nav", "aside", "blockquote", "pre", "dl", "dt", "dd", "center",
        "form", "body", "html", "title", "caption", "figure", "figcaption", "address", "hr", "br"
    ]
    /// Page chrome: dropped with everything inside.
    static let chromeTags: Set<String> = ["nav", "aside", "footer", "form", "select", "button", "head", "menu", "label", "input"]
    static let chromeWords: Set<String> = [
        "nav", "navbar", "menu", "breadcrumb", "crumb", "footer", "sidebar", "share", "copyright", "toolbar"
    ]

    let tree: HTMLTree
    private var out: [SourceLine] = []
    private var current = ""

    init(_ tree: HTMLTree) { self.tree = tree }

    static func isChromeElement(tag: String, attributes attrs: String) -> Bool {
        if chromeTags.contains(tag) { return true }
        guard !attrs.isEmpty else { return false }
        if attrs.contains("display:none") || attrs.contains("display: none") { return true }
        var words: Set<String> = []
        // A frame's page or a meta's content is no class of the element's.
        for field in attrs.split(separator: " ") where !field.hasPrefix("src=") && !field.hasPrefix("content=") {
            for part in field.split(whereSeparator: { $0 == "=" || $0 == "-" || $0 == "_" }) { words.insert(String(part)) }
        }
        return !words.isDisjoint(with: chromeWords)
    }

    mutating func lines(under root: Int?) -> [SourceLine] {
        out = []
        current = ""
        if let root {
            visit(root)
        } else {
            for i in 0..<tree.count where tree.parent[i] < 0 { visit(i) }
        }
        breakLine()
        return out
    }

    private mutating func visit(_ i: Int) {
        if tree.isText[i] {
            current += tree.value[i]
            return
        }
        let tag = tree.value[i]
        if tree.inChrome[i] || tag == "title" { return }
        if tag == "br" || tag == "hr" {
            breakLine()
            return
        }
        if tag == "tr", let cells = dataRow(i) {
            breakLine()
            out.append(SourceLine(text: cells.joined(separator: " | "), line: 0, role: .tableRow(cells: cells)))
            return
        }
        let block = Self.blockTags.contains(tag)
        if block { breakLine() }
        if tag == "pre" {
            let text = ((i + 1)..<tree.end[i]).filter { tree.isText[$0] }.map { tree.value[$0] }.joined()
            for part in text.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append(SourceLine(text: String(part), line: 0))
            }
            return
        }
        if tag == "li", let marker = listMarker(i) { current += marker }
        let headingLevel = tag.count == 2 && tag.first == "h" ? Int(String(tag.last!)) : nil
        let before = out.count
        for c in tree.children[i] { visit(c) }
        if block { breakLine() }
        // A one-column table frames what it holds (a 专栏 drawn as a table): its end is the frame's.
        if tag == "table", out.count > before, isOneColumn(i) { out[out.count - 1].closesFrame = true }
        if let level = headingLevel {
            for k in before..<out.count { out[k].role = .heading(level: level) }
        }
    }

    /// The number a browser draws before an item of an ordered list (`<ol start type>`, `<li value>`),
    /// as the document's own numbering: "1." "2." …, "a." with type=a, "i." with type=i (the
    /// attributes arrive lowercased, so A and I read as a and i); none with `list-style: none`.
    private func listMarker(_ item: Int) -> String? {
        let list = tree.parent[item]
        let style = tree.attributes[list].filter { $0 != " " }
        guard list >= 0, tree.value[list] == "ol", !style.contains("list-style-type:none"), !style.contains("list-style:none") else {
            return nil
        }
        var number = Int(Self.attribute("start", tree.attributes[list]) ?? "") ?? 1
        for sibling in tree.children[list] where !tree.isText[sibling] && tree.value[sibling] == "li" {
            if let value = Int(Self.attribute("value", tree.attributes[sibling]) ?? "") { number = value }
            if sibling == item { break }
            number += 1
        }
        switch Self.attribute("type", tree.attributes[list]) {
        case "a" where (1...26).contains(number): return String(UnicodeScalar(UInt8(96 + number))) + ". "
        case "i" where (1...39).contains(number): return Self.roman(number) + ". "
        default: return "\(number). "
        }
    }

    /// `name=value` from an attribute summary ("class=x start=3"), the value up to the next space.
    static func attribute(_ name: String, _ summary: String) -> String? {
        for part in summary.split(separator: " ") where part.hasPrefix(name + "=") { return String(part.dropFirst(name.count + 1)) }
        return nil
    }

    static func roman(_ n: Int) -> String {
        let tens = ["", "x", "xx", "xxx"], ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
        return tens[n / 10] + ones[n % 10]
    }

    /// Whether every row of a table has one cell.
    private func isOneColumn(_ table: Int) -> Bool {
        ((table + 1)..<tree.end[table]).allSatisfy { k in
            tree.isText[k] || tree.value[k] != "tr"
                || tree.children[k].filter { !tree.isText[$0] && (tree.value[$0] == "td" || tree.value[$0] == "th") }.count == 1
        }
    }

    /// A table row of data: each cell's text, when no cell holds blocks of its own (a layout table
    /// that holds the whole page is read as blocks instead). A row of one cell whose lines are
    /// broken (`1.…<br>2.…`, a 专栏 box's items set in a table) is read as those lines.
    private func dataRow(_ row: Int) -> [String]? {
        var cells: [String] = []
        var broken = false
        for c in tree.children[row] where !tree.isText[c] && (tree.value[c] == "td" || tree.value[c] == "th") {
            var text = ""
            for k in (c + 1)..<tree.end[c] {
                if tree.isText[k] {
                    text += tree.value[k]
                } else if ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "br"].contains(tree.value[k]) {
                    if tree.value[k] == "p" || tree.value[k] == "br" || tree.value[k] == "div" {
                        text += " "
                        broken = broken || !Self.collapse(text).isEmpty
                        continue
                    }
                    return nil
                }
            }
            let collapsed = Self.collapse(text)
            if collapsed.count > 300 { return nil }
            cells.append(collapsed)
        }
        if cells.count == 1 && broken { return nil }
        return cells.isEmpty ? nil : cells
    }

    private mutating func breakLine() {
        let text = Self.collapse(current)
        current = ""
        if !text.isEmpty { out.append(SourceLine(text: text, line: 0)) }
    }

    /// HTML whitespace: runs of spaces, tabs and newlines are one space (ASCII bytes of UTF-8).
    static func collapse(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for b in s.utf8 {
            if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C {
                space = !out.isEmpty
                continue
            }
            if space {
                out.append(0x20)
                space = false
            }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
