import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The parts of a .docx (a ZIP of XML files) that hold text and its structure.
struct DOCXPackage {
    /// Largest part inflated (bytes): a ZIP bomb is refused, not expanded.
    static let maxPartBytes = 128 << 20

    var document: Data
    var styles: Data?
    var numbering: Data?
    var footnotes: Data?

    init(_ bytes: [UInt8], file: String) throws {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw IngestionError.damaged(file: file, format: "DOCX", reason: "not a complete ZIP archive: truncated or damaged")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= Self.maxPartBytes else {
                throw IngestionError.damaged(file: file, format: "DOCX", reason: "\(path) inflates beyond \(Self.maxPartBytes) bytes")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    data.append(chunk)
                    if data.count > Self.maxPartBytes { throw CocoaError(.fileReadTooLarge) }
                }
            } catch {
                throw IngestionError.damaged(file: file, format: "DOCX", reason: "\(path) cannot be inflated: \(error)")
            }
            return data
        }
        guard let document = try part("word/document.xml") else {
            throw IngestionError.damaged(file: file, format: "DOCX", reason: "no word/document.xml: not a Word document")
        }
        self.document = document
        styles = try part("word/styles.xml")
        numbering = try part("word/numbering.xml")
        footnotes = try part("word/footnotes.xml")
    }
}

/// Runs an `XMLParser` over `data` with a delegate; false if the XML is malformed.
func parseXML(_ data: Data, delegate: XMLParserDelegate) -> Bool {
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    return parser.parse()
}

/// Paragraph styles: which are headings (and of what level), which is the title, and which carry
/// list numbering (Word links a multi-level list to Heading 1–9: 第一章, 一、 drawn by the style).
final class DOCXStyles: NSObject, XMLParserDelegate {
    struct Style {
        var name = ""
        var outlineLevel: Int?
        var basedOn: String?
        var numID: String?
        var numLevel: Int?
    }
    private(set) var styles: [String: Style] = [:]
    private var current: String?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "w:style":
            current = attributes["w:type"] == "paragraph" ? attributes["w:styleId"] : nil
            if let id = current { styles[id] = Style() }
        case "w:name": if let id = current { styles[id]?.name = attributes["w:val"] ?? "" }
        case "w:basedOn": if let id = current { styles[id]?.basedOn = attributes["w:val"] }
        case "w:outlineLvl": if let id = current, let v = attributes["w:val"].flatMap(Int.init), v < 9 { styles[id]?.outlineLevel = v + 1 }
        case "w:numId": if let id = current { styles[id]?.numID = attributes["w:val"] }
        case "w:ilvl": if let id = current { styles[id]?.numLevel = attributes["w:val"].flatMap(Int.init) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "w:style" { current = nil }
    }

    /// Heading level of a style: its outline level, or the N of "heading N" / "标题 N", inherited.
    func headingLevel(_ id: String) -> Int? {
        var id: String? = id
        var hops = 0
        while let s = id.flatMap({ styles[$0] }), hops < 10 {
            if let l = s.outlineLevel { return l }
            let name = s.name.lowercased()
            for prefix in ["heading ", "标题 ", "标题"] where name.hasPrefix(prefix) {
                if let n = Int(name.dropFirst(prefix.count)), n >= 1, n <= 9 { return n }
            }
            id = s.basedOn
            hops += 1
        }
        return nil
    }

    /// The list a style numbers its paragraphs with, inherited: its numId and, when given, level.
    func numbering(_ id: String) -> (numID: String, level: Int?)? {
        var id: String? = id
        var hops = 0
        while let s = id.flatMap({ styles[$0] }), hops < 10 {
            if let n = s.numID { return (n, s.numLevel) }
            id = s.basedOn
            hops += 1
        }
        return nil
    }

    func isTitle(_ id: String) -> Bool {
        let name = styles[id]?.name.lowercased() ?? id.lowercased()
        return name == "title" || name == "标题"
    }
}

/// Footnote texts by id.
final class DOCXFootnotes: NSObject, XMLParserDelegate {
    private(set) var notes: [String: String] = [:]
    private var id: String?
    private var text = ""
    private var inText = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "w:footnote":
            // Separator and continuation notices carry a type; real notes do not.
            id = attributes["w:type"] == nil ? attributes["w:id"] : nil
            text = ""
        case "w:t": inText = id != nil
        case "w:p": if id != nil, !text.isEmpty { text += " " }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { text += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:footnote":
            if let id { notes[id] = text.trimmingCharacters(in: .whitespaces) }
            id = nil
        default: break
        }
    }
}
