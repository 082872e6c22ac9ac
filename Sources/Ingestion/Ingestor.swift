import Foundation

/// Raw file → `Document`: decode, clean lines, find the body, recover structure.
public enum Ingestor {
    /// File extensions picked up when a folder is scanned (lowercase); files named explicitly are
    /// read whatever their extension.
    public static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "text"]

    /// Files beside the documents that describe them and are never indexed as documents: the
    /// catalog (metadata) and the synonym groups (`SynonymTable` in the query layer).
    public static let sidecarFiles: Set<String> = ["catalog.json", "synonyms.txt"]

    /// Largest single file accepted (bytes): far above any real plan, below what would exhaust memory.
    public static let maxFileBytes = 256 << 20

    public static func ingest(bytes: [UInt8], name: String, metadata: DocumentMetadata? = nil) throws -> Document {
        if bytes.count > maxFileBytes { throw IngestionError.tooLarge(file: name, bytes: bytes.count, limit: maxFileBytes) }
        let decoded = try TextDecoder.decode(bytes, file: name)
        return ingest(text: decoded.text, name: name, metadata: metadata, encoding: decoded.encoding)
    }

    public static func ingest(text: String, name: String, metadata: DocumentMetadata? = nil, encoding: String = "UTF-8") -> Document {
        let lines = cleanLines(text)
        let layout = FrontMatter.layout(of: lines)
        var builder = StructureBuilder(lines: lines, layout: layout)
        builder.build()
        let title = metadata?.title ?? layout.titleFromNotice ?? guessTitle(lines[layout.bodyStart...]) ?? name
        return Document(
            name: name, title: title, metadata: metadata ?? DocumentMetadata(),
            headings: builder.headings, passages: builder.passages, encoding: encoding)
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

    /// Splits at \n, \r\n and \r by scanning UTF-8 bytes (splitting by Character is ~10× slower).
    static func cleanLines(_ text: String) -> [CleanLine] {
        var result: [CleanLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        var number = 0
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                number += 1
                result.append(LineCleaner.clean(text[start..<i], line: number))
                var next = utf8.index(after: i)
                if b == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                i = next
            } else {
                i = utf8.index(after: i)
            }
        }
        number += 1
        result.append(LineCleaner.clean(text[start..<utf8.endIndex], line: number))
        return result
    }

    /// First short line of the body that reads as a title (no sentence punctuation, no numbering).
    static func guessTitle(_ lines: ArraySlice<CleanLine>) -> String? {
        for l in lines.prefix(20) where l.kind == .text {
            let s = l.scalars
            if s.count >= 4, s.count <= 50, !s.contains(where: HeadingParser.isSentenceEnd), HeadingParser.parse(s) == nil,
                s.contains(where: CharacterClass.isHan)
            {
                return l.text
            }
            return nil
        }
        return nil
    }
}
