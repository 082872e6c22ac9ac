/// The on-disk format, version 1: one file, `index.psx`, in the index folder.
///
/// All integers little-endian. Sections are 8-byte aligned.
///
///     header   16 B   magic "PLCYSRCH" (8) · format version u32 · flags u32 (0)
///     section  …      meta, documents, documentInfo, passages, text, terms, postings
///     table    …      count u32, then per section: kind u32 · offset u64 · length u64 ·
///                     blockCount u32 · blockCount × CRC-32 of each 16 KiB block of the section
///     footer   24 B   table offset u64 · table length u64 · table CRC-32 u32 · "PSND"
///
/// Sections:
/// - meta (48 B): passage count u32 · document count u32 · term count u32 · reserved u32 ·
///   total ICU words u64 (BM25 avgdl = total / passages) · sources fingerprint u64 · reserved.
/// - documents: per document 24 B: first passage u32 · passage count u32 · info offset u64 ·
///   info length u32 · reserved u32. Info is a JSON `DocumentInfo` in documentInfo, decoded only for
///   documents a command shows.
/// - passages: per passage 40 B: document u32 · kind u8 · reserved u8 · ordinal u16 ·
///   text offset u64 · text length u32 · first line u32 · last line u32 · ICU words u32 ·
///   path offset u32 · path length u32. Offsets point into text.
/// - text: UTF-8 passage texts and paths (a path is the box, then each heading, joined by U+001F).
/// - terms: per term 24 B, sorted by term: normalized Unicode scalar u32 · df (passages) u32 ·
///   postings offset u64 · postings length u32 · total occurrences u32. Looked up by binary search.
/// - postings: per term, per passage containing it, in passage order: varint passage delta ·
///   varint tf · tf × varint position delta (positions count normalized characters in the passage).
///
/// Integrity: the footer and table are checked at open; each section block's CRC is checked the
/// first time a search reads it, so a search costs checksums only for what it reads, and damage
/// anywhere is reported before a wrong answer can be given. `IndexReader.verify()` checks all.
public enum IndexFormat {
    public static let fileName = "index.psx"
    public static let magic: [UInt8] = Array("PLCYSRCH".utf8)
    public static let endMagic: [UInt8] = Array("PSND".utf8)
    public static let version: UInt32 = 1
    public static let headerSize = 16
    public static let footerSize = 24
    public static let blockSize = 16 * 1024
    public static let documentRecordSize = 24
    public static let passageRecordSize = 40
    public static let termRecordSize = 24
    public static let metaSize = 48
    public static let pathSeparator: Character = "\u{1F}"

    public enum Section: UInt32, CaseIterable, Sendable {
        case meta = 1, documents, documentInfo, passages, text, terms, postings
        var name: String {
            switch self {
            case .meta: return "meta"
            case .documents: return "document table"
            case .documentInfo: return "document info"
            case .passages: return "passage table"
            case .text: return "stored text"
            case .terms: return "term dictionary"
            case .postings: return "postings"
            }
        }
    }
}
