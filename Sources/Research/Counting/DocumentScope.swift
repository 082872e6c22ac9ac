import Index
import Query

/// The documents a research view covers (`--docs SPEC`, or all), in catalog order — the columns
/// of `compare` and `report` — and which column a passage belongs to.
public struct DocumentScope: Sendable {
    /// The selected documents, in catalog (index) order.
    public let documents: [DocumentFacts]
    /// Every document's first passage, ascending, and its column (nil when not selected).
    private let starts: [(first: Int, end: Int, column: Int?)]

    /// The documents `spec` selects (`Searcher.documents(matching:)`, one definition for every
    /// `--docs`), or all of them when `spec` is nil.
    public init(searcher: Searcher, spec: String?) throws {
        let all = try searcher.documents()
        let selected = try spec.map { try searcher.documents(matching: $0) }
        self.init(all: all, selected: selected)
        selectionNotes = try spec.map { try searcher.selectionNotes($0) } ?? []
        copyNotes = Self.copies(documents)
    }

    /// A note for each set of documents the view covers that hold the same text
    /// (`DocumentFacts.textHash`): every total counts their mentions once per copy.
    static func copies(_ documents: [DocumentFacts]) -> [Message] {
        var groups: [String: [String]] = [:], order: [String] = []
        for d in documents {
            guard let hash = d.textHash else { continue }
            if groups[hash] == nil { order.append(hash) }
            groups[hash, default: []].append(d.name)
        }
        return order.compactMap { groups[$0] }.filter { $0.count > 1 }.map { names in
            let times = names.count == 2 ? "twice" : "\(names.count) times"
            return Message(
                english:
                    "\(names.joined(separator: ", ")) have the same content: their mentions are counted \(times) (keep one with --docs -doc:NAME for each other)",
                chinese: "\(names.joined(separator: "、")) 内容相同：其中的提及被计算 \(names.count) 次（可用文档范围 -doc:文件名 只保留其一）")
        }
    }

    /// What a reader of the view's totals would not expect: undated documents a `--docs` date
    /// selection leaves out, then copies counted once per copy.
    public var notes: [Message] { selectionNotes + copyNotes }
    /// Undated documents a `--docs` date selection leaves out (`Searcher.selectionNotes`).
    public private(set) var selectionNotes: [Message] = []
    /// Sets of covered documents that hold the same text (`copies`).
    public private(set) var copyNotes: [Message] = []

    init(all: [DocumentFacts], selected: Set<Int>?) {
        let kept = all.filter { selected?.contains($0.index) ?? true }
        documents = kept
        var column: [Int: Int] = [:]
        for (c, d) in kept.enumerated() { column[d.index] = c }
        starts = all.map { ($0.passages.lowerBound, $0.passages.upperBound, column[$0.index]) }.sorted { $0.first < $1.first }
    }

    /// Whether every document of the index is selected.
    public var coversAll: Bool { documents.count == starts.count }

    /// The column of the document holding passage `p`; nil when that document is not selected.
    public func column(ofPassage p: Int) -> Int? {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid].first <= p { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, p < starts[lo - 1].end else { return nil }
        return starts[lo - 1].column
    }
}
