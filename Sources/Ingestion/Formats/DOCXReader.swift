import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a .docx: paragraphs in order with Word's list numbering drawn before them, heading styles
/// as heading evidence, table rows as rows, footnotes after the paragraph that cites them. The
/// Title-styled paragraph, or the opening paragraph set in the largest type, is title evidence.
enum DOCXReader {
    static func read(_ bytes: [UInt8], file: String) throws -> SourceDocument {
        let package = try DOCXPackage(bytes, file: file)
        let styles = DOCXStyles()
        if let data = package.styles { _ = parseXML(data, delegate: styles) }
        let numbering = DOCXNumbering()
        if let data = package.numbering { _ = parseXML(data, delegate: numbering) }
        let footnotes = DOCXFootnotes()
        if let data = package.footnotes { _ = parseXML(data, delegate: footnotes) }
        let body = DOCXBody(styles: styles, numbering: numbering, footnotes: footnotes.notes)
        guard parseXML(package.document, delegate: body) || !body.lines.isEmpty else {
            throw IngestionError.damaged(file: file, format: "DOCX", reason: "word/document.xml is not well-formed XML")
        }
        guard body.lines.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { throw IngestionError.empty(file: file) }
        return SourceDocument(format: .docx, lines: body.lines, titleEvidence: body.titleEvidence())
    }
}

/// Walks word/document.xml.
final class DOCXBody: NSObject, XMLParserDelegate {
    private(set) var lines: [SourceLine] = []
    private let styles: DOCXStyles
    private let numbering: DOCXNumbering
    private let footnotes: [String: String]

    private struct Paragraph {
        var text = ""
        var style: String?
        var numID: String?
        var level = 0
        var centered = false
        var fontSize = 0
        var notes: [String] = []
    }
    private var paragraphs: [Paragraph] = []
    private var inText = false
    private var inRunProperties = false
    /// Depth inside mc:Fallback, whose content duplicates mc:Choice.
    private var fallbackDepth = 0
    private var tableDepth = 0
    /// Lines before the open text boxes (w:txbxContent): a box's last line closes its 专栏.
    private var frameStarts: [Int] = []
    /// Lines before the open top-level table, and whether every row of it so far has one cell: a
    /// one-column table frames what it holds (a 专栏 drawn as a table), so its last line closes the box.
    private var tableStart = 0
    private var tableOneColumn = true
    private var rowCells: [String] = []
    private var cellText = ""
    /// The paragraphs of the row's cells, and the rows of tables inside them: a row of one cell
    /// (a 专栏 drawn as a one-cell table, often holding a table of its own) is read as these, not
    /// as one row.
    private var rowParagraphs: [SourceLine] = []
    /// The cells of a row of a table inside a top-level table's cell (deeper tables flatten into them).
    private var nestedCells: [String] = []
    private var nestedCellText = ""
    /// Opening paragraphs: text, largest run size, centred, Title style.
    private var opening: [(text: String, size: Int, centered: Bool, title: Bool)] = []

    init(styles: DOCXStyles, numbering: DOCXNumbering, footnotes: [String: String]) {
        self.styles = styles
        self.numbering = numbering
        self.footnotes = footnotes
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "mc:Fallback" || fallbackDepth > 0 {
            fallbackDepth += 1
            return
        }
        switch name {
        case "w:p": paragraphs.append(Paragraph())
        case "w:pStyle": modify { $0.style = attributes["w:val"] }
        case "w:numId": modify { $0.numID = attributes["w:val"] }
        case "w:ilvl": modify { $0.level = attributes["w:val"].flatMap(Int.init) ?? 0 }
        case "w:jc": modify { $0.centered = attributes["w:val"] == "center" }
        case "w:rPr": inRunProperties = true
        case "w:sz": if inRunProperties, let v = attributes["w:val"].flatMap(Int.init) { modify { $0.fontSize = max($0.fontSize, v) } }
        case "w:t": inText = true
        case "w:tab": append("\t")
        case "w:br", "w:cr": if attributes["w:type"] != "page" { append("\n") }
        case "w:noBreakHyphen": append("-")
        case "w:footnoteReference": if let id = attributes["w:id"] { modify { $0.notes.append(id) } }
        case "w:tbl":
            if tableDepth == 0 { (rowCells, tableStart, tableOneColumn) = ([], lines.count, true) }
            tableDepth += 1
        case "w:tr":
            if tableDepth == 1 {
                rowCells = []
                rowParagraphs = []
            } else if tableDepth == 2 {
                nestedCells = []
            }
        case "w:tc":
            if tableDepth == 1 { cellText = "" } else if tableDepth == 2 { nestedCellText = "" }
        case "w:txbxContent": frameStarts.append(lines.count)
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, fallbackDepth == 0 { append(string) }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if fallbackDepth > 0 {
            fallbackDepth -= 1
            return
        }
        switch name {
        case "w:t": inText = false
        case "w:rPr": inRunProperties = false
        case "w:p": endParagraph()
        case "w:tc":
            if tableDepth == 1 { rowCells.append(cellText.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if tableDepth == 2 { nestedCells.append(nestedCellText.trimmingCharacters(in: .whitespacesAndNewlines)) }
        case "w:tr":
            if tableDepth == 2, !nestedCells.allSatisfy(\.isEmpty) {
                rowParagraphs.append(SourceLine(text: nestedCells.joined(separator: " | "), line: 0, role: .tableRow(cells: nestedCells)))
            }
            if tableDepth == 1, rowCells.count != 1 { tableOneColumn = false }
            if tableDepth == 1, rowCells.count == 1 {
                for p in rowParagraphs { add(p) }
            } else if tableDepth == 1, !rowCells.allSatisfy(\.isEmpty) {
                add(SourceLine(text: rowCells.joined(separator: " | "), line: 0, role: .tableRow(cells: rowCells)))
            }
        case "w:tbl":
            tableDepth -= 1
            if tableDepth == 0, tableOneColumn, lines.count > tableStart { lines[lines.count - 1].closesFrame = true }
        case "w:txbxContent":
            if let start = frameStarts.popLast(), lines.count > start { lines[lines.count - 1].closesFrame = true }
        default: break
        }
    }

    private func modify(_ change: (inout Paragraph) -> Void) {
        guard !paragraphs.isEmpty else { return }
        change(&paragraphs[paragraphs.count - 1])
    }

    private func append(_ s: String) { modify { $0.text += s } }

    private func endParagraph() {
        guard var p = paragraphs.popLast() else { return }
        // Tabs lay out a row of three or more cells (a table typed as text, or converted from a
        // tab-separated file): kept, so the row is read as cells; otherwise a tab is a space.
        if tableDepth > 0 || p.text.split(separator: "\t").filter({ !$0.allSatisfy(\.isWhitespace) }).count < 3 {
            p.text = p.text.replacingOccurrences(of: "\t", with: " ")
        }
        let styleName = p.style ?? ""
        // A table of contents repeats the headings; Word generates it, the body has the real ones.
        if styleName.lowercased().hasPrefix("toc") || styles.styles[styleName]?.name.lowercased().hasPrefix("toc") == true { return }
        if let numID = p.numID {
            let label = numbering.nextLabel(numID: numID, level: p.level)
            if !label.isEmpty { p.text = label + p.text }
        } else if let style = p.style, let linked = styles.numbering(style) {
            // Numbering that comes with the paragraph's style (Heading 2 → 第一章).
            let level = linked.level ?? numbering.styleLevels[style] ?? 0
            let label = numbering.nextLabel(numID: linked.numID, level: level)
            if !label.isEmpty { p.text = label + p.text }
        }
        if tableDepth > 0 {
            cellText += (cellText.isEmpty ? "" : " ") + p.text.replacingOccurrences(of: "\n", with: " ")
            if tableDepth == 1, !p.text.allSatisfy(\.isWhitespace) {
                rowParagraphs += p.text.split(separator: "\n").map { SourceLine(text: String($0), line: 0) }
            } else if tableDepth >= 2 {
                nestedCellText += (nestedCellText.isEmpty ? "" : " ") + p.text.replacingOccurrences(of: "\n", with: " ")
            }
            return
        }
        let level = p.style.flatMap(styles.headingLevel)
        let isTitle = p.style.map(styles.isTitle) ?? false
        if opening.count < 20, !p.text.allSatisfy(\.isWhitespace) {
            opening.append((p.text.trimmingCharacters(in: .whitespaces), p.fontSize, p.centered, isTitle))
        }
        let parts = p.text.utf8.contains(0x0A) ? p.text.split(separator: "\n", omittingEmptySubsequences: false) : [Substring(p.text)]
        for (k, part) in parts.enumerated() {
            add(SourceLine(text: String(part), line: 0, role: level.map { .heading(level: $0) } ?? .text, softBreak: k < parts.count - 1))
        }
        for id in p.notes {
            if let note = footnotes[id], !note.isEmpty { add(SourceLine(text: note, line: 0, role: .footnote)) }
        }
    }

    private func add(_ line: SourceLine) {
        var l = line
        l.line = lines.count + 1
        lines.append(l)
    }

    /// The Title-styled paragraph; else the opening paragraphs set larger than the body (the
    /// usual size of the opening paragraphs), consecutive ones joined.
    func titleEvidence() -> [String] {
        if let t = opening.first(where: \.title) { return [t.text] }
        let sizes = opening.map(\.size).filter { $0 > 0 }.sorted()
        guard let largest = sizes.last, let median = sizes.isEmpty ? nil : sizes[sizes.count / 2], largest > median else {
            return []
        }
        var joined = ""
        var started = false
        for o in opening {
            if o.size == largest {
                joined += o.text
                started = true
            } else if started {
                break
            }
        }
        return joined.isEmpty ? [] : [joined]
    }
}
