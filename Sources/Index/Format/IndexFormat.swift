/// The on-disk format, version 13: one file, `index.psx`, in the index folder. The version also
/// changes when reading documents changes the passages an index holds (9: paragraphs cut by a page
/// break rejoined; 10: BM25 length in letters and digits, was ICU words, and headings wrapped by
/// layout rejoined; 11: unnumbered parts (前言, 结束语) and boxes (专栏　…) as headings, every Unicode
/// space separator dropped beside CJK, padded names (李　明) and tables inside a Word 专栏 kept, a
/// saved page's dated source line kept, a box's wrapped lines joined; 12: a pair's `PairContext`
/// in its skip table; a bracketed note spaced into clauses no table row, a year no box number, a
/// noted attachment opened where it is set, a box after a numbered paragraph filed under its section, a line
/// opening with 的 joined to the one above; 13: a full postings block's passage gaps packed in the
/// vertical layout SSE2 unpacks four at a time), so that every index is rebuilt by the rules it is read with.
///
/// All integers little-endian. Sections are 8-byte aligned. Each record's layout is written down
/// once, in the codec that both writes and reads it (`encode(into:)` / `decode`):
///
///     header   16 B   `Header`: magic "PLCYSRCH" · format version · flags
///     section  …      the sections below (any order; the table says where)
///     table    …      `SectionTable`: per section kind, offset, length and a CRC-32C per 16 KiB block
///     footer   24 B   `Footer`: where the table is, its CRC, "PSND"
///
/// Sections:
/// - meta: `IndexMeta` (counts, total length for BM25's avgdl, sources fingerprint, text blocks).
/// - sources: `IndexManifest`, the paths the index was built from (rebuilds and updates use them).
/// - documents: a `DocumentRecord` per document; documentInfo: their `DocumentInfo` JSON, each a
///   zstd frame.
/// - passages: every passage's record, bit-packed (`PassageTable`).
/// - lengths: per passage, its letters and digits (BM25 dl), bit-packed and dense so scoring reads no
///   records (`LengthsCodec`).
/// - paths: a `PathRecord` per heading path (box, then headings); strings: UTF-8 of document
///   names, titles and paths.
/// - textDictionary, textBlocks, textIndex: the passages' texts in zstd blocks (`TextStore`).
/// - terms, termEntries: the dictionary (`TermDictionary`) of unigram and bigram keys (`TermKey`).
/// - postings: per term, a `PostingsFormat` list: blocks of 128 postings bit-packed (passages, tfs
///   and, for bigrams, positions: the index of the bigram's first character in the passage's
///   normalized text), behind a skip table with each block's maxima for top-k search and, for a
///   bigram, the characters every occurrence has beside it (`PairContext`).
///
/// Integrity: the footer and table are checked at open, and so are the bytes no CRC covers (the
/// header's reserved flags and the zero padding that aligns sections); each section block's CRC is checked the
/// first time a search reads it, so a search costs checksums only for what it reads, and damage
/// anywhere is reported before a wrong answer can be given. `IndexReader.verify()` checks all.
public enum IndexFormat {
    public static let fileName = "index.psx"
    public static let magic: [UInt8] = Array("PLCYSRCH".utf8)
    public static let endMagic: [UInt8] = Array("PSND".utf8)
    public static let version: UInt32 = 13
    public static let headerSize = 16
    public static let footerSize = 24
    public static let blockSize = 16 * 1024

    public enum Section: UInt32, CaseIterable, Sendable {
        case meta = 1, documents, documentInfo, passages, lengths, paths, strings, terms, termEntries, postings, manifest
        case textDictionary, textBlocks, textIndex
        var name: String {
            switch self {
            case .meta: return "meta"
            case .documents: return "document table"
            case .documentInfo: return "document info"
            case .passages: return "passage table"
            case .lengths: return "passage lengths"
            case .paths: return "heading paths"
            case .strings: return "names and paths"
            case .terms: return "term dictionary"
            case .termEntries: return "term dictionary entries"
            case .postings: return "postings"
            case .manifest: return "sources"
            case .textDictionary: return "text dictionary"
            case .textBlocks: return "stored text"
            case .textIndex: return "stored text index"
            }
        }
    }
}
