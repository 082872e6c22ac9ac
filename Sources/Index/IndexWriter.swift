import Analysis
import Foundation
import Ingestion

/// Serializes documents into one index file, atomically: the file is written under a temporary
/// name, fsynced, renamed over the old one, and the folder is fsynced. A crash at any point leaves
/// either the old index or the new one, never a mix; readers that opened the old file keep it.
public enum IndexWriter {
    /// Per-term accumulator; a class so appends do not copy.
    final class TermPostings {
        var bytes = ByteBuffer()
        var lastPassage: UInt32 = 0
        var df: UInt32 = 0
        var total: UInt32 = 0
    }

    /// - Parameter fingerprint: identifies the source files' state (see `SourceScanner`), so a reader
    ///   can tell cheaply whether the index is current.
    public static func write(_ documents: [IndexedDocument], to directory: URL, fingerprint: UInt64 = 0,
                             normalizer: Normalizer = Normalizer()) throws {
        let data = serialize(documents, fingerprint: fingerprint, normalizer: normalizer)
        try AtomicFile.write(data, to: directory.appendingPathComponent(IndexFormat.fileName))
    }

    static func serialize(_ documents: [IndexedDocument], fingerprint: UInt64, normalizer: Normalizer) -> [UInt8] {
        var text = ByteBuffer()
        var passages = ByteBuffer()
        var docs = ByteBuffer()
        var infos = ByteBuffer()
        var terms: [UInt32: TermPostings] = [:]
        var pathCache: [String: (UInt32, UInt32)] = [:]
        var passageID: UInt32 = 0
        var totalWords: UInt64 = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]

        for (docIndex, doc) in documents.enumerated() {
            let info = (try? encoder.encode(doc.info)).map { [UInt8]($0) } ?? []
            docs.append(passageID)
            docs.append(UInt32(doc.passages.count))
            docs.append(UInt64(infos.count))
            docs.append(UInt32(info.count))
            docs.append(UInt32(0))
            infos.append(info)

            for (p, words) in zip(doc.passages, doc.wordCounts) {
                let key = ([p.box ?? ""] + p.path).joined(separator: String(IndexFormat.pathSeparator))
                let pathRef: (UInt32, UInt32)
                if let cached = pathCache[key] { pathRef = cached } else {
                    let bytes = Array(key.utf8)
                    pathRef = (UInt32(text.count), UInt32(bytes.count))
                    text.append(bytes)
                    pathCache[key] = pathRef
                }
                let utf8 = Array(p.text.utf8)
                passages.append(UInt32(docIndex))
                passages.append(kindCode(p.kind))
                passages.append(UInt8(0))
                passages.append(UInt16(min(p.ordinal, Int(UInt16.max))))
                passages.append(UInt64(text.count))
                passages.append(UInt32(utf8.count))
                passages.append(UInt32(p.firstLine))
                passages.append(UInt32(p.lastLine))
                passages.append(UInt32(words))
                passages.append(pathRef.0)
                passages.append(pathRef.1)
                text.append(utf8)
                totalWords += UInt64(words)

                addPostings(normalizer.normalize(p.text).scalars, passage: passageID, to: &terms)
                passageID += 1
            }
        }

        var termTable = ByteBuffer()
        var postings = ByteBuffer()
        for key in terms.keys.sorted() {
            let t = terms[key]!
            termTable.append(key)
            termTable.append(t.df)
            termTable.append(UInt64(postings.count))
            termTable.append(UInt32(t.bytes.count))
            termTable.append(t.total)
            postings.append(t.bytes.bytes)
        }

        var meta = ByteBuffer()
        meta.append(passageID)
        meta.append(UInt32(documents.count))
        meta.append(UInt32(terms.count))
        meta.append(UInt32(0))
        meta.append(totalWords)
        meta.append(fingerprint)
        while meta.count < IndexFormat.metaSize { meta.append(UInt8(0)) }

        return assemble([
            (.meta, meta.bytes), (.documents, docs.bytes), (.documentInfo, infos.bytes),
            (.passages, passages.bytes), (.text, text.bytes), (.terms, termTable.bytes), (.postings, postings.bytes),
        ])
    }

    /// Appends one passage's positions to each of its characters' postings.
    static func addPostings(_ scalars: [UInt32], passage: UInt32, to terms: inout [UInt32: TermPostings]) {
        guard !scalars.isEmpty else { return }
        // Group positions by character: sort (character, position) pairs.
        var pairs = [UInt64](repeating: 0, count: scalars.count)
        for (i, s) in scalars.enumerated() { pairs[i] = UInt64(s) << 32 | UInt64(i) }
        pairs.sort()
        var i = 0
        while i < pairs.count {
            let scalar = UInt32(pairs[i] >> 32)
            var j = i
            while j < pairs.count, UInt32(pairs[j] >> 32) == scalar { j += 1 }
            let t: TermPostings
            if let existing = terms[scalar] { t = existing } else { t = TermPostings(); terms[scalar] = t }
            t.bytes.appendVarint(t.df == 0 ? passage : passage - t.lastPassage)
            t.bytes.appendVarint(UInt32(j - i))
            var last: UInt32 = 0
            for k in i..<j {
                let pos = UInt32(pairs[k] & 0xFFFF_FFFF)
                t.bytes.appendVarint(pos - last)
                last = pos
            }
            t.lastPassage = passage
            t.df += 1
            t.total += UInt32(j - i)
            i = j
        }
    }

    static func kindCode(_ k: Passage.Kind) -> UInt8 {
        switch k {
        case .paragraph: return 0
        case .heading: return 1
        case .tableRow: return 2
        case .frontMatter: return 3
        case .footnote: return 4
        }
    }

    /// Header, aligned sections, table with per-block CRCs, footer.
    static func assemble(_ sections: [(IndexFormat.Section, [UInt8])]) -> [UInt8] {
        var out = ByteBuffer()
        out.append(IndexFormat.magic)
        out.append(IndexFormat.version)
        out.append(UInt32(0))
        var table = ByteBuffer()
        table.append(UInt32(sections.count))
        for (kind, bytes) in sections {
            out.pad(to: 8)
            let offset = out.count
            out.append(bytes)
            table.append(kind.rawValue)
            table.append(UInt64(offset))
            table.append(UInt64(bytes.count))
            let blocks = (bytes.count + IndexFormat.blockSize - 1) / IndexFormat.blockSize
            table.append(UInt32(blocks))
            bytes.withUnsafeBytes { raw in
                for b in 0..<blocks {
                    let lo = b * IndexFormat.blockSize
                    let hi = min(bytes.count, lo + IndexFormat.blockSize)
                    table.append(CRC32.checksum(UnsafeRawBufferPointer(rebasing: raw[lo..<hi])))
                }
            }
        }
        out.pad(to: 8)
        let tableOffset = out.count
        out.append(table.bytes)
        out.append(UInt64(tableOffset))
        out.append(UInt64(table.count))
        out.append(CRC32.checksum(table.bytes))
        out.append(IndexFormat.endMagic)
        return out.bytes
    }
}
