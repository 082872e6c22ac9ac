import Foundation
import TestSupport
@testable import Ingestion

/// Makes PDF and DOCX versions of a plain-text document with LibreOffice (headless), as a user's
/// office suite would: the text becomes an HTML page (markdown heading marks as h1–h6, pipe tables
/// as tables, emphasis and footnote-reference marks dropped, every other line a paragraph), which
/// LibreOffice lays out and saves as PDF (A4 pages, its own line wrapping) and as DOCX (Heading
/// styles, Word tables). Used once to make the committed fixtures of the bundled plans
/// (`MAKE_FIXTURES=1 swift test --filter FormatFixtureTests`) and at test time for the development
/// set when LibreOffice is installed.
enum FixtureMaker {
    static let soffice: URL? = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/bin/libreoffice"]
        .map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }

    static func html(fromText text: String) -> String {
        var body: [String] = []
        var table: [[String]] = []
        func closeTable() {
            guard !table.isEmpty else { return }
            body.append("<table border=\"1\">")
            for row in table { body.append("<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>") }
            body.append("</table>")
            table = []
        }
        // A markdown hard break (two trailing spaces) continues the paragraph on a new line.
        var carried = ""
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if raw.hasSuffix("  "), !raw.trimmingCharacters(in: .whitespaces).isEmpty, !raw.contains("|"), !raw.contains("\t") {
                carried += escape(plain(raw.trimmingCharacters(in: .whitespaces)))
                continue
            }
            let line = String(raw).trimmingCharacters(in: .whitespaces)
            // Pipe tables and tab-separated rows are tables, as the text cleaner reads them; a row
            // with one filled cell is a caption (专栏 14 …) and stays a paragraph.
            var cells: [String]?
            if line.hasPrefix("|") {
                cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
                    plain(String($0)).trimmingCharacters(in: .whitespaces)
                }
            } else if line.contains("\t") {
                cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                    plain(String($0)).trimmingCharacters(in: .whitespaces)
                }
            }
            if let cells {
                let filled = cells.filter { !$0.isEmpty }
                if cells.allSatisfy({ $0.allSatisfy { "-: ".contains($0) } }) { continue }
                if filled.count >= 2 {
                    table.append(cells)
                    continue
                }
                closeTable()
                if let only = filled.first { body.append("<p>\(escape(only))</p>") }
                continue
            }
            closeTable()
            if line.isEmpty || line.allSatisfy({ "-*_= ".contains($0) }) { continue }
            var level = 0
            var rest = Substring(line)
            while rest.first == "#" {
                level += 1
                rest = rest.dropFirst()
            }
            let piece = escape(plain(rest.trimmingCharacters(in: .whitespaces)))
            // A long line of prose that stops mid-sentence (the text's source broke a paragraph at
            // a page end) goes on in the next paragraph, as the text reader joins it.
            let numbered = startsNumbered(piece)
            if numbered, !carried.isEmpty {
                body.append("<p>\(carried)</p>")
                carried = ""
            }
            let prose = piece.contains("，") || piece.contains("、")
            if level == 0, !numbered, prose, piece.count >= 20, let last = piece.last, !"。！？；：…”）".contains(last) {
                carried += piece
                continue
            }
            let content = carried + piece
            carried = ""
            if content.isEmpty { continue }
            // Not indented: the text's lines are not always its paragraphs (a PDF extraction's hard
            // breaks), and an indent on each would tell a PDF reader otherwise.
            body.append(level > 0 && level <= 6 ? "<h\(level)>\(content)</h\(level)>" : "<p>\(content)</p>")
        }
        closeTable()
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + body.joined(separator: "\n") + "\n</body></html>\n"
    }

    /// A line that opens with a numbering label or a box (一、 （一） 1. 第三章 专栏): never a continuation.
    static func startsNumbered(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if "（(第".unicodeScalars.contains(first) || s.hasPrefix("专栏") { return true }
        if CharacterClass.isDigit(first) {
            let afterDigits = s.unicodeScalars.drop(while: CharacterClass.isDigit).first
            return afterDigits == "." || afterDigits == "．" || afterDigits == "、"
        }
        let numerals = "一二三四五六七八九十"
        return numerals.unicodeScalars.contains(first) && s.unicodeScalars.prefix(4).contains("、")
    }

    /// A flat ODF text document of `text`'s paragraphs with a running header on every page and the
    /// page number as footer (— 3 —): a PDF made of it has page furniture to remove.
    static func flatODT(fromText text: String, header: String) -> String {
        let paragraphs = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { "<text:p text:style-name=\"P1\">\(escape(plain($0)))</text:p>" }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" \
            office:mimetype="application/vnd.oasis.opendocument.text">
            <office:styles>
            <style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.8cm"/></style:style>
            <style:style style:name="HF" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
            </office:styles>
            <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" \
            fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>\
            </style:page-layout></office:automatic-styles>
            <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
            <style:header><text:p text:style-name="HF">\(escape(header))</text:p></style:header>
            <style:footer><text:p text:style-name="HF">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
            </style:master-page></office:master-styles>
            <office:body><office:text>
            \(paragraphs.joined(separator: "\n"))
            </office:text></office:body></office:document>
            """
    }

    /// Converts a flat ODF document to `<stem>.pdf` in `directory`; false without LibreOffice.
    static func makePDF(flatODT: String, stem: String, in directory: URL) throws -> Bool {
        guard let soffice else { return false }
        let work = try Support.temporaryDirectory("fodt")
        defer { Support.remove(work) }
        let source = work.appendingPathComponent(stem + ".fodt")
        try Support.write(flatODT, to: source)
        let out = try Support.Child(
            [
                "-env:UserInstallation=file://" + work.appendingPathComponent("profile").path, "--headless", "--convert-to", "pdf",
                "--outdir",
                directory.path, source.path
            ], executable: soffice
        ).wait(timeout: 300)
        return out.status == 0
    }

    /// Without emphasis and footnote-reference marks (layout in the text, not content).
    static func plain(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "<b>", with: "")
            .replacingOccurrences(of: "</b>", with: "")
        while let open = t.range(of: "<sup>"), let close = t.range(of: "</sup>", range: open.upperBound..<t.endIndex) {
            let inner = t[open.upperBound..<close.lowerBound]
            t.replaceSubrange(
                open.lowerBound..<close.upperBound, with: inner.count <= 4 && inner.allSatisfy(\.isNumber) ? "" : String(inner))
        }
        return t
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;")
    }

    /// Converts text files to `<stem>.pdf` and `<stem>.docx` in `directory` (one LibreOffice run per
    /// format, with a private profile so concurrent runs cannot collide). Returns false without LibreOffice.
    static func make(_ texts: [(stem: String, text: String)], in directory: URL) throws -> Bool {
        guard let soffice else { return false }
        let work = try Support.temporaryDirectory("fixtures")
        defer { Support.remove(work) }
        var pages: [String] = []
        for t in texts {
            let page = work.appendingPathComponent(t.stem + ".html")
            try Support.write(html(fromText: t.text), to: page)
            pages.append(page.path)
        }
        let profile = "file://" + work.appendingPathComponent("profile").path
        for target in ["pdf:writer_pdf_Export", "docx:MS Word 2007 XML"] {
            let out = try Support.Child(
                [
                    "-env:UserInstallation=" + profile, "--headless", "--infilter=HTML (StarWriter)", "--convert-to", target,
                    "--outdir", directory.path
                ] + pages, executable: soffice
            ).wait(timeout: 300)
            guard out.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        }
        return true
    }
}
