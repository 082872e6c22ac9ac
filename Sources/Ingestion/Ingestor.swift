import Foundation

/// Raw file → `Document`: read the format, decode, clean lines, find the body, recover structure.
public enum Ingestor {
    /// The revision of the reading rules (cleaning, structure, titles and dates). An index keeps
    /// the revision each document was read under and reads a file again when it differs, so a
    /// newer build's rules reach unchanged files too. Raise it with any change to what a file
    /// yields.
    public static let rulesRevision = 2
    /// File extensions picked up when a folder is scanned (lowercase); files named explicitly are
    /// read whatever their extension. Legacy Word files (.doc, .wps) and RTF are picked up so that they are
    /// reported with the conversion to run, not silently passed over.
    public static let supportedExtensions: Set<String> = [
        "txt", "md", "markdown", "text", "pdf", "docx", "html", "htm", "mht", "mhtml", "doc", "wps", "rtf", "odt"
    ]

    /// Formats read only through a conversion to .docx: a folder that holds the .docx beside one
    /// (plan.doc and plan.docx, after the conversion the message suggests) indexes the .docx alone.
    public static let convertedExtensions: Set<String> = ["doc", "wps", "rtf", "odt"]

    /// Files beside the documents that describe them and are never indexed as documents: the
    /// catalog (metadata) and the synonym groups (`SynonymTable` in the query layer).
    public static let sidecarFiles: Set<String> = ["catalog.json", "synonyms.txt"]

    /// Largest single file accepted (bytes): far above any real plan, below what would exhaust memory.
    public static let maxFileBytes = 256 << 20

    public static func ingest(bytes: [UInt8], name: String, metadata: DocumentMetadata? = nil) throws -> Document {
        if bytes.count > maxFileBytes { throw IngestionError.tooLarge(file: name, bytes: bytes.count, limit: maxFileBytes) }
        if bytes.isEmpty { throw IngestionError.empty(file: name) }
        if MHTMLArchive.looks(bytes) {
            if let page = MHTMLArchive.htmlPart(bytes) {
                let decoded = try TextDecoder.decode(page, file: name)
                return build(try HTMLReader.read(decoded.text, file: name), name: name, metadata: metadata, encoding: decoded.encoding)
            }
            // A MIME message without a page: refused when it claims to be one, else read as text (a mail saved as .txt).
            let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
            if ext == "mht" || ext == "mhtml" {
                throw IngestionError.damaged(file: name, format: "MHTML", reason: "no text/html part: not a saved web page")
            }
        }
        let sniffed = DocumentFormat.sniff(bytes)
        if sniffed == nil, let legacy = legacyWordFormat(bytes, name: name) {
            throw IngestionError.legacyWordFormat(file: name, kind: legacy)
        }
        if sniffed == .docx, isOpenDocument(bytes) {
            throw IngestionError.legacyWordFormat(file: name, kind: "an OpenDocument file (LibreOffice, .odt)")
        }
        var format = sniffed ?? DocumentFormat.from(fileName: name) ?? .text
        // A .pdf or .docx without its signature is not that format: text saved under the wrong
        // name is read as text; anything else is reported as the damaged file it claims to be.
        if sniffed == nil, format == .pdf || format == .docx, (try? TextDecoder.decode(bytes, file: name)) != nil { format = .text }
        switch format {
        case .text, .markdown:
            let decoded = try TextDecoder.decode(bytes, file: name)
            return ingest(text: decoded.text, name: name, metadata: metadata, encoding: decoded.encoding)
        case .pdf:
            return build(try PDFReader.read(bytes, file: name), name: name, metadata: metadata, encoding: "PDF text")
        case .docx:
            return build(try DOCXReader.read(bytes, file: name), name: name, metadata: metadata, encoding: "UTF-8")
        case .html:
            let decoded = try TextDecoder.decode(bytes, file: name)
            return build(try HTMLReader.read(decoded.text, file: name), name: name, metadata: metadata, encoding: decoded.encoding)
        }
    }

    public static func ingest(text: String, name: String, metadata: DocumentMetadata? = nil, encoding: String = "UTF-8") -> Document {
        let format: DocumentFormat = DocumentFormat.from(fileName: name) == .markdown ? .markdown : .text
        let split = cleanLines(text)
        return build(
            lines: split.lines, paged: split.paged, evidence: [], name: name, metadata: metadata, encoding: encoding, format: format)
    }

    /// Reads and ingests a file; metadata comes from `catalog` by file name.
    public static func ingest(fileAt url: URL, catalog: Catalog = Catalog()) throws -> Document {
        let name = url.lastPathComponent
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url, options: .mappedIfSafe))
        } catch {
            throw IngestionError.unreadable(file: url.path, reason: (error as NSError).localizedDescription)
        }
        return try ingest(bytes: bytes, name: name, metadata: catalog.metadata(for: name))
    }

    // MARK: Pipeline

    static func build(_ source: SourceDocument, name: String, metadata: DocumentMetadata?, encoding: String) -> Document {
        let lines = source.lines.map(clean)
        return build(
            lines: lines, paged: source.paged, evidence: source.titleEvidence, name: name, metadata: metadata, encoding: encoding,
            format: source.format)
    }

    static func build(
        lines input: [CleanLine], paged: Bool, evidence: [String], name: String, metadata: DocumentMetadata?, encoding: String,
        format: DocumentFormat
    ) -> Document {
        var lines = input
        let headers = RunningHeaders.remove(from: &lines, paged: paged)
        SiteChrome.remove(from: &lines)
        CellPerLineTable.rebuild(&lines)
        let title = TitleBlock.find(in: lines, evidence: evidence + headers)
        var layout = FrontMatter.layout(of: lines, title: title)
        layout.titleLines = title.lines
        layout.amends = title.title.map(TitleBlock.isAmendingDecision) ?? false
        var builder = StructureBuilder(lines: lines, layout: layout)
        builder.build()
        var info = metadata ?? DocumentMetadata()
        info.noticeTitle = title.noticeTitle.map(OrganNames.spacedTitle)
        info.issuedTitle = layout.printedTitle ?? title.issuedTitle
        let chosen: String
        if let catalogTitle = metadata?.title {
            chosen = catalogTitle
            info.titleSource = .catalog
        } else if let t = layout.printedTitle ?? title.title {
            chosen = OrganNames.spacedTitle(t)
            info.titleSource = title.source
        } else {
            chosen = name
            info.titleSource = .fileName
        }
        return Document(
            name: name, title: chosen, metadata: info, headings: builder.headings, passages: builder.passages, encoding: encoding,
            format: format.rawValue)
    }

    /// A reader's line as a clean line: its text cleaned like any other (markup left alone: a
    /// format's text has none), its role carried over.
    static func clean(_ source: SourceLine) -> CleanLine {
        var line: CleanLine
        switch source.role {
        case .tableRow(let cells):
            let kept = cells.map { LineCleaner.collapseSpaces(Array($0.unicodeScalars)) }.filter { !$0.isEmpty }
            if kept.count >= 2 {
                line = CleanLine(kind: .tableRow, scalars: LineCleaner.joinCells(kept), cells: kept, line: source.line)
            } else {
                line = CleanLine(kind: kept.isEmpty ? .blank : .text, scalars: kept.first ?? [], line: source.line)
            }
        case .footnote:
            let text = LineCleaner.collapseSpaces(Array(source.text.unicodeScalars))
            line = CleanLine(kind: text.isEmpty ? .blank : .footnote, scalars: text, line: source.line)
        case .text, .heading:
            line = LineCleaner.clean(Substring(source.text), line: source.line, markup: false)
            if case .heading(let level) = source.role, line.kind == .text { line.headingLevel = level }
        }
        line.page = source.page
        line.softBreak = source.softBreak
        line.indented = source.indented
        line.closesFrame = source.closesFrame
        return line
    }

    /// Splits into lines by scanning UTF-8 bytes (splitting by Character is ~10× slower). Lines end
    /// at \n (with any \r before it): the lines `grep -n` and `sed -n` count, so a stray CR (CR CR
    /// LF, an exporter's doubled line end) neither adds a line nor shifts the numbers after it; a CR
    /// inside a line is a space. A file without \n (classic Mac text) ends its lines at \r. A form
    /// feed (pdftotext's page break) ends a line and a page: such text is paged.
    static func cleanLines(_ text: String) -> (lines: [CleanLine], paged: Bool) {
        var text = text
        return text.withUTF8 { cleanLines(utf8: $0) }
    }

    private static func cleanLines(utf8: UnsafeBufferPointer<UInt8>) -> (lines: [CleanLine], paged: Bool) {
        var result: [CleanLine] = []
        var start = 0
        var i = 0
        var number = 0
        var page = 1
        var sawFormFeed = false
        let lineEnd: UInt8 = utf8.contains(0x0A) ? 0x0A : 0x0D
        var sawCR = false
        // The text after a form feed in mid-line is still that line (grep -n counts \n only).
        var restOfLine = false
        func append(_ end: Int) {
            if restOfLine { restOfLine = false } else { number += 1 }
            var s = scalars(utf8, start..<end)
            if sawCR {
                while s.last == "\r" { s.removeLast() }
                for k in s.indices where s[k] == "\r" { s[k] = " " }
                sawCR = false
            }
            var line = LineCleaner.clean(s, line: number)
            line.page = page
            result.append(line)
        }
        while i < utf8.count {
            let b = utf8[i]
            if b == lineEnd {
                append(i)
                start = i + 1
                i += 1
            } else if b == 0x0D {
                sawCR = true
                i += 1
            } else if b == 0x0C {
                // The page break ends the line it interrupts; an empty remainder is not a line.
                if start != i {
                    append(i)
                    restOfLine = true
                }
                page += 1
                sawFormFeed = true
                i += 1
                start = i
            } else {
                i += 1
            }
        }
        append(utf8.count)
        if !sawFormFeed {
            for k in result.indices { result[k].page = nil }
        }
        return (result, sawFormFeed)
    }

    /// The scalars of valid UTF-8 (a Swift string's bytes), decoded straight into an array:
    /// `Array(substring.unicodeScalars)` per line cost more than the line splitting.
    static func scalars(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: range.count) { buffer, count in
            var i = range.lowerBound
            var o = 0
            let end = range.upperBound
            while i < end {
                let b = utf8[i]
                let v: UInt32
                if b < 0x80 {
                    v = UInt32(b)
                    i += 1
                } else if b < 0xE0 {
                    v = UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    v = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    i += 3
                } else {
                    v =
                        UInt32(b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                        | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                // Valid UTF-8 decodes to valid scalars only.
                buffer[o] = unsafeBitCast(v, to: Unicode.Scalar.self)
                o += 1
            }
            count = o
        }
    }

    /// An OpenDocument package: a ZIP whose first entry, stored uncompressed, is `mimetype` naming
    /// an application/vnd.oasis.opendocument type (ODF 1.2 §3.3).
    static func isOpenDocument(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes.prefix(120), as: UTF8.self).contains("mimetypeapplication/vnd.oasis.opendocument")
    }

    /// Word 97–2003 (.doc), WPS and RTF files, which LibreOffice converts but no library here
    /// reads: an OLE2 compound file, an RTF header, or the extension alone. What the file is, as
    /// the message names it.
    static func legacyWordFormat(_ bytes: [UInt8], name: String) -> String? {
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        if bytes.starts(with: Array("{\\rtf".utf8)) || ext == "rtf" { return "an RTF file" }
        if ext == "doc" || ext == "wps" || ext == "dot" || ext == "wpt" { return "a legacy Word/WPS file (.\(ext))" }
        let ole = bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        return ole ? "a legacy Word/WPS file (OLE2: Word 97–2003 or WPS)" : nil
    }
}
