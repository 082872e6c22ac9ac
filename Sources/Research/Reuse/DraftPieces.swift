/// A draft paragraph stitched from clauses of several indexed passages (two measures copied side by
/// side, each 45 % of it) has no one passage that holds `--min` of it, yet it is copied text. This
/// finds the passages that together do: greedy set cover of the draft passage's shingles, taking
/// each time the passage that adds the most not yet found, while each adds a real piece.
enum DraftPieces {
    /// Least share of the draft passage a piece must add (and `minimumShingles` at least: a
    /// nine-character run), so that stock phrases shared with everything do not count as pieces.
    static let pieceShare = 0.1
    static let minimumShingles = 5

    /// The records that together hold at least `threshold` of `query` (records holding less than
    /// `pieceShare` of it each are not considered), in the order taken: most added first. Empty
    /// when they do not reach `threshold` together. With `given` passages (global ids) already
    /// found, what they hold counts as found, and the records taken are those that add to it (the
    /// other clauses of a paragraph one of whose clauses stands whole elsewhere).
    static func cover(
        _ query: ShingleSet, threshold: Double, in corpus: ShingleCorpus, postings: PrefixFilter.Postings,
        excluding document: Int?, given: Set<Int> = []
    ) -> (records: [RecordMatch], together: Int) {
        let candidates = PrefixFilter.containing(query, threshold: pieceShare, in: corpus, postings: postings).filter {
            document == nil || Int(corpus.documents[Int($0.y)]) != document
        }
        // Each candidate as the indices of the query's known shingles it holds.
        let held = candidates.map { indices(of: corpus.set(Int($0.y)), in: query.known) }
        let least = max(minimumShingles, PrefixFilter.ceiling(pieceShare * Double(query.count)))
        var found = [Bool](repeating: false, count: query.known.count)
        var taken: [RecordMatch] = [], together = 0
        var open: [Int] = []
        for c in candidates.indices {
            guard given.contains(corpus.passages[Int(candidates[c].y)]) else {
                open.append(c)
                continue
            }
            for i in held[c] where !found[i] {
                found[i] = true
                together += 1
            }
        }
        while true {
            // The candidate adding the most; ties to the earlier record (document order).
            var best: (index: Int, adds: Int)?
            for c in open {
                let adds = held[c].reduce(0) { $0 + (found[$1] ? 0 : 1) }
                if adds > (best?.adds ?? 0) { best = (c, adds) }
            }
            guard let best, best.adds >= least else { break }
            for i in held[best.index] { found[i] = true }
            together += best.adds
            taken.append(candidates[best.index])
            open.removeAll { $0 == best.index }
        }
        guard !given.isEmpty || Double(together) >= threshold * Double(query.count) - 1e-9 else { return ([], 0) }
        return (taken, together)
    }

    /// Positions in `query` (ascending ranks) of the ranks `set` (ascending) holds: a merge.
    private static func indices(of set: ArraySlice<Int32>, in query: [Int32]) -> [Int] {
        var out: [Int] = []
        var i = 0, j = set.startIndex
        while i < query.count && j < set.endIndex {
            if query[i] == set[j] {
                out.append(i)
                i += 1
                j += 1
            } else if query[i] < set[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return out
    }
}
