import PDFFacade

/// Reads a PDF's text layer through poppler (behind `PDFFacade`): each page's lines in reading
/// order, with their page number. The largest text of the first page is title evidence. A PDF
/// whose pages carry (almost) no text is a scan: reported, never indexed empty.
enum PDFReader {
    /// Fewer visible characters than this per page on average: the pages are images.
    static let minimumCharactersPerPage = 20

    static func read(_ bytes: [UInt8], file: String) throws -> SourceDocument {
        guard bytes.count < Int(Int32.max) else { throw IngestionError.tooLarge(file: file, bytes: bytes.count, limit: Int(Int32.max)) }
        let pdf = try OpenPDF(bytes, file: file)
        let pages = pdf.pageCount
        guard pages > 0 else { throw IngestionError.damaged(file: file, format: "PDF", reason: "no pages") }
        var lines: [SourceLine] = []
        var visible = 0
        var number = 0
        for page in 0..<pages {
            // A page without text (a blank page) is a lone form feed, which starts no line either.
            guard var text = pdf.text(page: page), text != "\u{0C}", !text.isEmpty else { continue }
            // The page's closing line end and form feed end its last line, as `pdftotext -raw`
            // writes them: they start no line, so line numbers are that tool's.
            if text.hasSuffix("\u{0C}") { text.removeLast() }
            if text.hasSuffix("\n") { text.removeLast() }
            var starts = LineStarts(pdf.lineStarts(page: page) ?? "")
            for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\u{0C}" }) {
                number += 1
                visible += raw.unicodeScalars.reduce(0) { $0 + (CharacterClass.isSpace($1) || $1.value < 0x20 ? 0 : 1) }
                lines.append(SourceLine(text: String(raw), line: number, page: page + 1, indented: starts.indented(raw)))
            }
        }
        if visible < minimumCharactersPerPage * pages { throw IngestionError.noTextLayer(file: file, pages: pages) }
        var evidence: [String] = []
        if let largest = pdf.largestText(page: 0) { evidence.append(largest) }
        if let title = pdf.infoTitle, !title.isEmpty { evidence.append(title) }
        return SourceDocument(format: .pdf, lines: lines, titleEvidence: evidence, paged: true)
    }
}

/// Where a page's lines start: a line that starts right of the page's text margin by more than one
/// character is a paragraph's first line (Chinese paragraphs are indented two characters) or a
/// centred line. Lines are matched to the text by their characters.
struct LineStarts {
    private var starts: [String: [(x: Double, size: Double)]] = [:]
    private var margin = Double.infinity

    init(_ table: String) {
        for row in table.split(separator: "\n") {
            let fields = row.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let x = Double(fields[0]), let size = Double(fields[1]) else { continue }
            let key = Self.key(fields[2])
            guard !key.isEmpty else { continue }
            starts[key, default: []].append((x, size))
            // Long lines wrap at the margin: the leftmost of them is it.
            if key.count >= 12 { margin = min(margin, x) }
        }
    }

    static func key(_ s: Substring) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !CharacterClass.isSpace($0) }))
    }

    /// Whether the line is indented; nil when the page has no margin to compare with or the line
    /// is not found.
    mutating func indented(_ line: Substring) -> Bool? {
        let key = Self.key(line)
        guard margin.isFinite, !key.isEmpty, var found = starts[key], !found.isEmpty else { return nil }
        let start = found.removeFirst()
        starts[key] = found
        return start.x - margin > start.size * 0.9
    }
}

/// Owns an open poppler document and closes it when released.
private final class OpenPDF {
    private let handle: OpaquePointer

    init(_ bytes: [UInt8], file: String) throws {
        var status: Int32 = 0
        let opened = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { pf_pdf_open($0.baseAddress, Int32($0.count), &status) }
        }
        guard let opened else {
            if status == Int32(PF_PDF_LOCKED) { throw IngestionError.encrypted(file: file) }
            throw IngestionError.damaged(file: file, format: "PDF", reason: "poppler cannot parse it")
        }
        handle = opened
    }

    deinit { pf_pdf_close(handle) }

    var pageCount: Int { Int(pf_pdf_page_count(handle)) }

    func text(page: Int) -> String? { take(pf_pdf_page_text(handle, Int32(page))) }

    /// The first page's text in its largest font, lines joined, if it is a line of title size.
    func largestText(page: Int) -> String? {
        var size = 0.0
        guard let text = take(pf_pdf_page_largest_text(handle, Int32(page), &size)) else { return nil }
        let joined = text.split(separator: "\n").map { $0.trimmingCharacters() }.joined()
        return joined.count >= 4 && joined.count <= 100 ? joined : nil
    }

    var infoTitle: String? { take(pf_pdf_title(handle)) }

    func lineStarts(page: Int) -> String? { take(pf_pdf_page_line_starts(handle, Int32(page))) }

    private func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        defer { pf_pdf_free(pointer) }
        return String(cString: pointer)
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String {
        String(String.UnicodeScalarView(LineCleaner.trim(Array(unicodeScalars))))
    }
}
