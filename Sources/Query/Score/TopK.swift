/// The best `k` entries seen so far, by score descending, then passage ascending (document order):
/// the one ranking order of the engine, deterministic for ties.
struct TopK<Payload> {
    struct Entry {
        var passage: Int32
        var score: Double
        var payload: Payload
    }

    let k: Int
    private(set) var entries: [Entry] = []

    init(_ k: Int) {
        self.k = k
        entries.reserveCapacity(min(k, 64) + 1)  // one allocation for a page of hits, not one per doubling
    }

    static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        a.score != b.score ? a.score > b.score : a.passage < b.passage
    }

    var isFull: Bool { entries.count >= k }

    /// The score an entry must reach to be kept; −∞ until full.
    var threshold: Double { isFull ? (k == 0 ? .infinity : entries[k - 1].score) : -.infinity }

    /// Whether an entry with this score and passage would be kept.
    func admits(_ passage: Int32, _ score: Double) -> Bool { bar.admits(passage, score) }

    /// What an entry must beat, as plain values: candidate loops test it without reading (or
    /// retaining) the entries.
    var bar: TopKBar {
        k == 0
            ? TopKBar(score: .infinity, passage: Int32.min)
            : isFull ? TopKBar(score: entries[k - 1].score, passage: entries[k - 1].passage) : .open
    }

    mutating func insert(_ e: Entry) {
        guard admits(e.passage, e.score) else { return }
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Self.precedes(entries[mid], e) { lo = mid + 1 } else { hi = mid }
        }
        entries.insert(e, at: lo)
        if entries.count > k { entries.removeLast() }
    }
}

/// The last entry a full `TopK` keeps (or none yet): an entry is kept when it precedes it.
struct TopKBar {
    let score: Double
    let passage: Int32

    static let open = TopKBar(score: -.infinity, passage: Int32.max)

    func admits(_ passage: Int32, _ score: Double) -> Bool {
        score != self.score ? score > self.score : passage < self.passage
    }
}
