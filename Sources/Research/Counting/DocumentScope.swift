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
        notes = try (spec.map { try searcher.selectionNotes($0) } ?? []) + Self.duplicates(documents)
    }

    /// A note for each document the view covers whose text an earlier one of the view repeats
    /// (`DocumentFacts.sameContentAs`): its mentions count twice in every total.
    static func duplicates(_ documents: [DocumentFacts]) -> [Message] {
        let names = Set(documents.map(\.name))
        return documents.compactMap { d in
            guard let first = d.sameContentAs, names.contains(first) else { return nil }
            return Message(
                english: "\(d.name) has the same content as \(first): its mentions are counted twice (leave one out with --docs -doc:NAME)",
                chinese: "\(d.name) 与 \(first) 内容相同：其中的提及被计算两次（可用文档范围 -doc:文件名 排除其一）")
        }
    }

    /// What the selection leaves out that a reader would not expect (`Searcher.selectionNotes`).
    public private(set) var notes: [Message] = []

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
