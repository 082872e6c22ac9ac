import Foundation
import Testing
import TestSupport
@testable import Ingestion

/// Files that cannot be indexed are reported with what to do, never indexed empty: scanned PDFs,
/// password-protected PDFs, legacy Word files, damaged PDF/DOCX/HTML.
@Suite struct FormatErrorTests {
    static let fixtures = Support.root.appendingPathComponent("Tests/IngestionTests/Fixtures")

    static func error(_ bytes: [UInt8], name: String) -> IngestionError? {
        do {
            _ = try Ingestor.ingest(bytes: bytes, name: name)
            return nil
        } catch let e as IngestionError {
            return e
        } catch {
            return nil
        }
    }

    @Test func scannedPDFIsReportedAndSkipped() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("scanned.pdf")))
        let e = try #require(Self.error(bytes, name: "scanned.pdf"))
        #expect(e == .noTextLayer(file: "scanned.pdf", pages: 1))
        #expect(e.description.contains("scanned PDF") && e.description.contains("OCR"))
    }

    @Test func passwordProtectedPDFIsReported() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("password.pdf")))
        #expect(Self.error(bytes, name: "password.pdf") == .encrypted(file: "password.pdf"))
    }

    @Test(arguments: ["plan.doc", "plan.wps", "PLAN.DOC"])
    func legacyWordNamesTheConversion(_ name: String) throws {
        // An OLE2 compound file header, as Word 97–2003 and WPS write.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        let e = try #require(Self.error(ole, name: name))
        #expect(e.description.contains("libreoffice --headless --convert-to docx"))
        // Whatever the extension, the content decides.
        #expect(Self.error(ole, name: "misnamed.txt").map { if case .legacyWordFormat = $0 { true } else { false } } == true)
        // A .doc renamed .docx: LibreOffice will not convert a file onto itself, so into another folder.
        let renamed = try #require(Self.error(ole, name: "renamed.docx"))
        #expect(renamed.description.contains("--convert-to docx --outdir converted renamed.docx"), "\(renamed)")
    }

    @Test func legacyExtensionsAreScannedSoTheyAreReported() {
        for ext in ["pdf", "docx", "html", "htm", "doc", "wps", "txt", "md", "odt", "mht", "mhtml"] {
            #expect(Ingestor.supportedExtensions.contains(ext))
        }
    }

    /// An OpenDocument file is a ZIP like a .docx; its first entry, `mimetype`, says what it is
    /// (the bytes of the local header as LibreOffice writes it).
    @Test func openDocumentNamesTheConversion() throws {
        var header: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x00] + [UInt8](repeating: 0, count: 16)
        header += [0x08, 0x00, 0x00, 0x00]
        let odt = header + Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8) + [UInt8](repeating: 0, count: 64)
        let e = try #require(Self.error(odt, name: "plan.odt"))
        #expect(e.description.contains("OpenDocument") && e.description.contains("--convert-to docx plan.odt"), "\(e)")
    }

    /// RTF is never indexed as its markup, whatever the file is called.
    @Test(arguments: ["notice.rtf", "notice.txt"])
    func rtfNamesTheConversion(_ name: String) throws {
        let rtf = Array(#"{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 SimSun;}}\f0 \u26085?\u26032?\par }"#.utf8)
        let e = try #require(Self.error(rtf, name: name))
        #expect(e.description.contains("RTF") && e.description.contains("--convert-to docx"), "\(e)")
    }

    @Test func damagedFilesAreReported() throws {
        let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".utf8)
        #expect(Self.error(pdf, name: "broken.pdf").map { if case .damaged(_, "PDF", _) = $0 { true } else { false } } == true)
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array("not really a zip archive".utf8)
        #expect(Self.error(zip, name: "broken.docx").map { if case .damaged(_, "DOCX", _) = $0 { true } else { false } } == true)
        // A real DOCX cut in half.
        let docx = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("sichuan-trade-power-opinions-draft.docx")))
        let cut = Array(docx.prefix(docx.count / 2))
        #expect(Self.error(cut, name: "cut.docx").map { if case .damaged = $0 { true } else { false } } == true)
        // A real PDF cut in half: poppler reconstructs what it can or reports it; never a crash.
        let whole = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("sichuan-trade-power-opinions-draft.pdf")))
        _ = Self.error(Array(whole.prefix(whole.count / 2)), name: "cut.pdf")
    }

    /// A PDF of `pages`, each a list of text lines (Helvetica, one line per text row), written
    /// by hand: the smallest file with a page that has no text at all.
    static func pdf(pages: [[String]]) -> [UInt8] {
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
        var kids: [String] = []
        let font = 3 + 2 * pages.count
        for (i, lines) in pages.enumerated() {
            let page = 3 + 2 * i
            kids.append("\(page) 0 R")
            let rows = lines.enumerated().map { "BT /F1 12 Tf 72 \(720 - 20 * $0.offset) Td (\($0.element)) Tj ET" }
            let stream = rows.joined(separator: "\n")
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(page + 1) 0 R >>"
            )
            objects.append("<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream")
        }
        objects[1] = "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages.count) >>"
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, o) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(i + 1) 0 obj\n\(o)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for o in offsets { out += String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n" }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(out.utf8)
    }

    /// Line numbers are those of `pdftotext -raw FILE - | grep -n ''`: a blank page writes only a
    /// form feed, which starts no line, so the next page's first line keeps the number it has there.
    @Test func aBlankPageStartsNoLine() throws {
        let text = [
            "Chapter One General Provisions", "Article 1 These rules are made to promote trade.",
            "Article 2 They apply to every enterprise in the city."
        ]
        let blankFirst = try Ingestor.ingest(bytes: Self.pdf(pages: [[], text]), name: "blank-first.pdf")
        let article1 = try #require(blankFirst.passages.first { $0.text.contains("Article 1") })
        #expect(article1.firstLine == 2 && article1.firstPage == 2, "\(article1)")
        // A blank page between pages: the third page's line follows the first page's last (the
        // lines run on as one paragraph: they do not end a sentence).
        let between = try Ingestor.ingest(bytes: Self.pdf(pages: [text, [], ["Chapter Two Supervision of the rules"]]), name: "between.pdf")
        let chapter2 = try #require(between.passages.first { $0.text.contains("Chapter Two") })
        #expect(chapter2.lastLine == 4 && chapter2.lastPage == 3, "\(chapter2)")
    }

    @Test func contentDecidesTheFormat() throws {
        let docx = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("sichuan-trade-power-opinions-draft.docx")))
        // Same archive bytes under a name: still DOCX by content.
        #expect(try Ingestor.ingest(bytes: docx, name: "renamed.txt").format == "docx")
        // Text under a .docx or .pdf name (no ZIP or %PDF signature) is read as the text it is.
        let text = Array("一、总体要求\n\n到2025年，基本建成现代流通体系。\n".utf8)
        for name in ["saved.docx", "saved.pdf"] {
            let doc = try Ingestor.ingest(bytes: text, name: name)
            #expect(doc.format == "text" && doc.passages.contains { $0.text == "到2025年，基本建成现代流通体系。" }, "\(name)")
        }
        // Bytes that are not text either stay the damaged file their name says.
        let junk: [UInt8] = (0..<512).map { UInt8(($0 * 37 + 11) % 256) }
        #expect(Self.error(junk, name: "junk.pdf").map { if case .damaged(_, "PDF", _) = $0 { true } else { false } } == true)
    }

    @Test func emptyAndScriptOnlyHTMLAreEmpty() {
        #expect(Self.error(Array("<html><body></body></html>".utf8), name: "e.html") == .empty(file: "e.html"))
        let scripts =
            "<html><head><script>var a = '正文';</script><style>p{}</style></head><body><script>document.write('x')</script></body></html>"
        #expect(Self.error(Array(scripts.utf8), name: "s.html") == .empty(file: "s.html"))
    }
}
