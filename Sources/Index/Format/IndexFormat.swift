/// The on-disk format, version 5: one file, `index.psx`, in the index folder.
///
/// All integers little-endian. Sections are 8-byte aligned.
///
///     header   16 B   magic "PLCYSRCH" (8) · format version u32 · flags u32 (0)
///     section  …      the sections below, in this order
///     table    …      count u32, then per section: kind u32 · offset u64 · length u64 ·
///                     blockCount u32 · blockCount × CRC-32C of each 16 KiB block of the section
///     footer   24 B   table offset u64 · table length u64 · table CRC-32C u32 · "PSND"
///
/// Sections:
/// - meta (64 B): passages u32 · documents u32 · terms u32 · reserved u32 · total ICU words u64
///   (BM25 avgdl = total / passages) · sources fingerprint u64 · reserved.
/// - documents: per document 40 B: first passage u32 · passage count u32 · name offset u32 ·
///   name length u32 · title offset u32 · title length u32 · info offset u64 · info length u32 ·
///   reserved u32. Name and title point into text; info is a JSON `DocumentInfo` in documentInfo
///   (metadata, source, outline), decoded only when a command needs it.
/// - documentInfo: the JSON blobs.
/// - passages: per passage 40 B: document u32 · kind u8 · reserved u8 · ordinal u16 · text offset
///   u32 · text length u32 · first line u32 · last line u32 · ICU words u32 · path id u32 · first
///   page u32 · last page u32 (pages 1-based; 0 for unpaged sources).
/// - lengths: per passage, ICU words u32 (BM25 dl), dense so scoring reads no records.
/// - paths: per path id 8 B: offset u32 · length u32 into text; a path is the 专栏 box, then each
///   heading, joined by U+001F.
/// - text: UTF-8 of passages, paths, names and titles.
/// - terms, termEntries: the dictionary (`TermDictionary`): unigram and bigram keys (`TermKey`).
/// - postings: per term (`PostingsWriter`): skip table with block maxima, then blocks of 128
///   postings; unigrams carry
///   passage and tf, bigrams also positions (index of the bigram's first character in the
///   passage's normalized text).
///
/// Integrity: the footer and table are checked at open; each section block's CRC is checked the
/// first time a search reads it, so a search costs checksums only for what it reads, and damage
/// anywhere is reported before a wrong answer can be given. `IndexReader.verify()` checks all.
public enum IndexFormat {
    public static let fileName = "index.psx"
    public static let magic: [UInt8] = Array("PLCYSRCH".utf8)
    public static let endMagic: [UInt8] = Array("PSND".utf8)
    public static let version: UInt32 = 5
    public static let headerSize = 16
    public static let footerSize = 24
    public static let blockSize = 16 * 1024
    public static let metaSize = 64
    public static let documentRecordSize = 40
    public static let passageRecordSize = 40
    public static let pathRecordSize = 8
    public static let pathSeparator: Character = "\u{1F}"

    public enum Section: UInt32, CaseIterable, Sendable {
        case meta = 1, documents, documentInfo, passages, lengths, paths, text, terms, termEntries, postings
        var name: String {
            switch self {
            case .meta: return "meta"
            case .documents: return "document table"
            case .documentInfo: return "document info"
            case .passages: return "passage table"
            case .lengths: return "passage lengths"
            case .paths: return "heading paths"
            case .text: return "stored text"
            case .terms: return "term dictionary"
            case .termEntries: return "term dictionary entries"
            case .postings: return "postings"
            }
        }
    }
}
