/// The formats a document can arrive in; the raw value is `Document.format`.
public enum DocumentFormat: String, Codable, Sendable, CaseIterable {
    case text, markdown, pdf, docx, html

    /// The format a file name's extension announces, if any.
    static func from(fileName: String) -> DocumentFormat? {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "txt", "text": return .text
        case "md", "markdown": return .markdown
        case "pdf": return .pdf
        case "docx": return .docx
        case "html", "htm", "xhtml", "shtml": return .html
        default: return nil
        }
    }

    /// The format the first bytes announce: %PDF, a ZIP archive (PK\3\4), or an HTML document.
    /// Content wins over the extension, so a PDF saved as .txt is still read as a PDF.
    static func sniff(_ bytes: [UInt8]) -> DocumentFormat? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        // A PDF may carry a few bytes of junk before its header (allowed within the first 1 KiB).
        if let at = firstIndex(of: Array("%PDF-".utf8), in: bytes.prefix(1024)), at > 0 { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        return looksLikeHTML(bytes) ? .html : nil
    }

    /// `<!DOCTYPE html`, `<html` or `<head`/`<body` near the start (after a BOM and whitespace).
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 {
            start += 1
        }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self).lowercased()
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") { return true }
        if head.hasPrefix("<?xml"), head.contains("<html") { return true }
        return head.hasPrefix("<head") || head.hasPrefix("<body") || head.hasPrefix("<meta")
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}

/// One line as a format reader extracted it, before cleaning: a PDF text line, a Word paragraph or
/// table row, an HTML block.
struct SourceLine {
    enum Role: Equatable {
        case text
        /// The format marks it as a heading (Word heading style or outline level, HTML h1–h6).
        case heading(level: Int)
        /// A table row; cells in order.
        case tableRow(cells: [String])
        case footnote
    }
    var text: String
    /// 1-based position in the reader's output (provenance shown to the user).
    var line: Int
    var page: Int?
    var role: Role = .text
    /// The line ends at a line break inside its paragraph (Word's w:br): a wrap, not a paragraph end.
    var softBreak = false
    /// Whether the line starts right of the page's text margin (a paragraph's first-line indent, a
    /// centred heading); nil when the format does not tell (everything but PDF).
    var indented: Bool? = nil
    /// The last line inside a frame the format draws (a Word text box): a 专栏 it holds ends here.
    var closesFrame = false
}

/// A reader's output: lines with provenance, and the title evidence the format carries
/// (the largest line of the first page, `<title>`, `<h1>`, a Word Title paragraph), strongest first.
struct SourceDocument {
    var format: DocumentFormat
    var lines: [SourceLine]
    var titleEvidence: [String] = []
    var paged: Bool = false
}
