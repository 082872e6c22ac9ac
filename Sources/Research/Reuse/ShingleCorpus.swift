import Index
import Ingestion

/// Which passages take part in a comparison.
public struct PassageFilter: Sendable, Equatable {
    /// Passages with fewer letters and digits than this are left out (identical short headings such
    /// as （一）指导思想 would otherwise flood every result).
    public var minLength: Int
    /// Stand-alone heading lines, and a table's header row (序号 | 指标 | 单位 | 2020年 | 2025年, which
    /// every plan's indicator table prints alike), are left out unless this is set.
    public var includeHeadings: Bool
    /// Document indices to compare; nil for all. (The query layer's shared document selection will
    /// produce this set.)
    public var documents: Set<Int>?

    public static let defaultMinLength = 20

    /// Whether a passage of this kind and text, with this many letters and digits, takes part.
    public func admits(_ kind: Passage.Kind, text: String, letters: Int) -> Bool {
        guard letters >= max(minLength, 1) else { return false }
        if includeHeadings { return true }
        if kind == .heading { return false }
        return kind != .tableRow || TableHeader.columns(ofCells: text.components(separatedBy: " | ")) == nil
    }

    public init(minLength: Int = PassageFilter.defaultMinLength, includeHeadings: Bool = false, documents: Set<Int>? = nil) {
        self.minLength = minLength
        self.includeHeadings = includeHeadings
        self.documents = documents
    }
}

/// A passage's shingles as ranks in the corpus's global order, plus those the corpus never saw.
struct ShingleSet {
    /// Ranks, ascending: rarest first.
    var known: [Int32]
    /// Shingles absent from the corpus (rarer than any rank; they can match nothing).
    var unknown: Int
    var count: Int { known.count + unknown }
}

/// The eligible passages of an index, each as its set of shingles, every shingle replaced by its
/// rank in one global order: ascending document frequency (rarest first), ties by first appearance.
/// Sorted sets in that order are what prefix filtering needs (`PrefixFilter`); intersecting two
/// of them is a merge of two sorted `Int32` arrays.
final class ShingleCorpus {
    let shingler: Shingler
    let filter: PassageFilter
    /// Record → global passage id, and its document.
    let passages: [Int]
    let documents: [Int32]
    /// Record → its text's length in code points (the denominator of shares of text).
    let textLengths: [Int32]
    /// Record r's ranks are `ranks[starts[r]..<starts[r + 1]]`, ascending.
    let starts: [Int]
    let ranks: [Int32]
    /// Passages holding each rank (its document frequency), ascending.
    let frequency: [Int32]
    private let rankOf: [Shingle: Int32]

    var count: Int { passages.count }

    init(reader: IndexReader, filter: PassageFilter, shingler: Shingler) throws {
        self.shingler = shingler
        self.filter = filter
        var passages: [Int] = []
        var documents: [Int32] = []
        var textLengths: [Int32] = []
        var starts: [Int] = [0]
        var ids: [Int32] = []
        var idOf: [Shingle: Int32] = [:]
        var df: [Int32] = []
        var lastRecord: [Int32] = []
        for d in 0..<reader.documentCount where filter.documents?.contains(d) ?? true {
            for p in try reader.passageRange(ofDocument: d) {
                let stored = try reader.passage(p)
                let content = shingler.content(stored.text)
                if !filter.admits(stored.record.kind, text: stored.text, letters: content.count) { continue }
                let record = Int32(passages.count)
                shingler.forEachShingle(content: content) { s in
                    let id: Int32
                    if let known = idOf[s] {
                        id = known
                    } else {
                        id = Int32(df.count)
                        idOf[s] = id
                        df.append(0)
                        lastRecord.append(-1)
                    }
                    // A repeat within the passage: sets count it once.
                    guard lastRecord[Int(id)] != record else { return }
                    lastRecord[Int(id)] = record
                    df[Int(id)] += 1
                    ids.append(id)
                }
                passages.append(p)
                documents.append(Int32(d))
                textLengths.append(Int32(stored.text.unicodeScalars.count))
                starts.append(ids.count)
            }
        }
        // Global order: rarest first; a stable sort keeps first appearance among equals.
        let order = df.indices.sorted { df[$0] != df[$1] ? df[$0] < df[$1] : $0 < $1 }
        var rank = [Int32](repeating: 0, count: df.count)
        for (r, id) in order.enumerated() { rank[id] = Int32(r) }
        for i in ids.indices { ids[i] = rank[Int(ids[i])] }
        for r in 0..<passages.count { ids[starts[r]..<starts[r + 1]].sort() }
        self.passages = passages
        self.documents = documents
        self.textLengths = textLengths
        self.starts = starts
        self.ranks = ids
        self.frequency = order.map { df[$0] }
        self.rankOf = idOf.mapValues { rank[Int($0)] }
    }

    func size(_ r: Int) -> Int { starts[r + 1] - starts[r] }

    func set(_ r: Int) -> ArraySlice<Int32> { ranks[starts[r]..<starts[r + 1]] }

    /// Any text as a set in this corpus's order.
    func shingleSet(_ text: String) -> ShingleSet {
        var known: [Int32] = []
        var unknown = 0
        for s in shingler.shingles(text) {
            if let r = rankOf[s] { known.append(r) } else { unknown += 1 }
        }
        return ShingleSet(known: known.sorted(), unknown: unknown)
    }

    /// |A ∩ B| of two ascending rank lists: a merge.
    static func overlap(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> Int {
        var i = a.startIndex, j = b.startIndex, n = 0
        while i < a.endIndex && j < b.endIndex {
            let x = a[i], y = b[j]
            if x == y {
                n += 1
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return n
    }
}
