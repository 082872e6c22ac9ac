import Analysis
import Foundation
import Index
import Query
import Research

/// One opened index and what requests share over it: the reader (read-only, thread-safe), the
/// facts of its documents, a pool of `Searcher`s and caches of document selections and clause
/// reuse finders. Replaced as a whole when the index file is (see `IndexStore`).
final class IndexGeneration: Sendable {
    let reader: IndexReader
    let identity: FileIdentity?
    /// Each document's name, title, region, issuer, date, passages (`Searcher.documents()`).
    let facts: [DocumentFacts]
    private let byName: [String: Int]
    /// Idle searchers. A `Searcher` caches normalized texts and is used by one request at a time,
    /// so each request takes one from here (or makes one) and puts it back.
    private let idle = Locked<[Searcher]>([])
    /// Documents each facet filter selects (`region:四川` → indices), computed once.
    private let selections = Locked<[DocumentFilter: [Int]]>([:])
    let research: ResearchQueue
    let synonyms: SynonymTable?

    init(reader: IndexReader, identity: FileIdentity?, synonyms: SynonymTable?) throws {
        self.reader = reader
        self.identity = identity
        self.synonyms = synonyms
        let searcher = Searcher(reader: reader)
        searcher.synonyms = synonyms
        facts = try searcher.documents()
        var names: [String: Int] = [:]
        for f in facts where names[f.name] == nil { names[f.name] = f.index }
        byName = names
        idle.set([searcher])
        research = ResearchQueue(reader: reader)
    }

    /// Runs `body` with a searcher no other request is using; `exact` searches every part as
    /// typed (the CLI's `--exact`), else plain parts expand to their synonym groups.
    func withSearcher<T>(exact: Bool = false, _ body: (Searcher) throws -> T) rethrows -> T {
        let searcher =
            idle.withLock { $0.popLast() }
            ?? {
                let made = Searcher(reader: reader)
                made.synonyms = synonyms
                return made
            }()
        defer {
            searcher.synonyms = synonyms
            idle.withLock { if $0.count < 16 { $0.append(searcher) } }
        }
        if exact { searcher.synonyms = nil }
        return try body(searcher)
    }

    /// A query's occurrences in each of `passages`, as the search that linked to the page highlights
    /// them (a long part that occurs nowhere is searched as its words, `Searcher.plan`), and only in
    /// passages the whole query selects — an excluded passage (海外仓 -跨境) has none, so a page's
    /// count of highlights is the count everywhere else.
    func marks(_ query: String, exact: Bool, passages: [Int]) throws -> [[Range<Int>]] {
        try withSearcher(exact: exact) { s in
            let plan = try s.plan(query)
            let selected = Set(try s.matches(plan).map(Int.init))
            return try passages.map { selected.contains($0) ? try s.occurrences(of: plan, inPassage: $0) : [] }
        }
    }

    /// The document of this file name, if the index has it.
    func document(named name: String) -> DocumentFacts? {
        byName[name].map { facts[$0] }
    }

    /// The documents a filter selects, by the query language's own rule (`DocumentFilter.selects`),
    /// so a facet's count equals the total the filtered search reports.
    func documents(selectedBy filter: DocumentFilter) -> [Int] {
        if let known = selections.withLock({ $0[filter] }) { return known }
        let normalizer = Normalizer()
        let selected = facts.filter { filter.selects($0, normalizer: normalizer) }.map(\.index)
        selections.withLock { cache in
            if cache.count > 4096 { cache.removeAll() }
            cache[filter] = selected
        }
        return selected
    }
}
