/// Two passages (records of a `ShingleCorpus`) and the number of shingles they share.
struct RecordMatch: Equatable {
    var x: Int32
    var y: Int32
    var overlap: Int32
}

/// Candidate pairs without comparing every pair, and without missing any: prefix filtering
/// (Chaudhuri et al. 2006; Bayardo et al., "Scaling up all pairs similarity search", 2007; Xiao et
/// al., PPJoin, 2008). With every set sorted rarest shingle first, two sets whose Jaccard is at least
/// t share a shingle among the first |x| − ⌈t·|x|⌉ + 1 of each. So only those prefixes are indexed
/// and probed; rare shingles make the lists short, and each candidate is then verified exactly by a
/// merge. Unlike MinHash/LSH the result is exact: the same pairs as comparing all of them (a test
/// checks this against a brute-force oracle). The cost grows with the number of pairs that share a
/// rare shingle, so with the number of similar pairs, not with the square of the corpus.
enum PrefixFilter {
    /// ⌈v⌉, robust to the rounding of t·n (0.7 × 10 = 7.000000000000001 must give 7).
    static func ceiling(_ v: Double) -> Int { Int((v - 1e-9).rounded(.up)) }

    /// Every pair of records from different documents with Jaccard ≥ `t` (0 < t ≤ 1), as
    /// (x < y, overlap). Records are processed by ascending size, so an indexed y is never larger
    /// than the probing x: y needs only its shorter indexing prefix |y| − ⌈2t/(1+t)·|y|⌉ + 1, and
    /// lists can drop entries too small to reach t (|y| < t·|x|) once and for all.
    static func allPairs(_ corpus: ShingleCorpus, threshold t: Double) -> [RecordMatch] {
        let n = corpus.count
        let order = (0..<n).sorted { corpus.size($0) != corpus.size($1) ? corpus.size($0) < corpus.size($1) : $0 < $1 }
        var lists = [[Int32]](repeating: [], count: corpus.frequency.count)
        var listStart = [Int](repeating: 0, count: corpus.frequency.count)
        var counts = [Int32](repeating: 0, count: n)
        var touched: [Int32] = []
        var result: [RecordMatch] = []
        for x in order {
            let sx = corpus.size(x)
            let xs = corpus.set(x)
            let minSize = ceiling(t * Double(sx))
            for token in xs.prefix(sx - minSize + 1) {
                let k = Int(token)
                var start = listStart[k]
                let list = lists[k]
                while start < list.count && corpus.size(Int(list[start])) < minSize { start += 1 }
                listStart[k] = start
                for y in list[start...] {
                    if counts[Int(y)] == 0 { touched.append(y) }
                    counts[Int(y)] += 1
                }
            }
            for y in touched {
                counts[Int(y)] = 0
                let yi = Int(y)
                if corpus.documents[yi] == corpus.documents[x] { continue }
                let sy = corpus.size(yi)
                let o = ShingleCorpus.overlap(xs, corpus.set(yi))
                // Jaccard o / (sx + sy − o) ≥ t.
                if Double(o) >= t * Double(sx + sy - o) - 1e-9 {
                    result.append(RecordMatch(x: Int32(min(x, yi)), y: Int32(max(x, yi)), overlap: Int32(o)))
                }
            }
            touched.removeAll(keepingCapacity: true)
            let indexed = sx - ceiling(2 * t / (1 + t) * Double(sx)) + 1
            for token in xs.prefix(indexed) { lists[Int(token)].append(Int32(x)) }
        }
        return result
    }

    /// Every record in which at least the share `t` of `query`'s shingles occur (containment
    /// |q ∩ y| / |q| ≥ t, which every record with Jaccard ≥ t also meets), as (x: −1, y: record).
    /// A record must hold one of q's first |q| − ⌈t·|q|⌉ + 1 shingles, looked up in `postings`.
    static func containing(_ query: ShingleSet, threshold t: Double, in corpus: ShingleCorpus, postings: Postings) -> [RecordMatch] {
        let needed = max(1, ceiling(t * Double(query.count)))
        let probe = query.count - needed + 1 - query.unknown
        guard probe > 0, needed <= query.known.count else { return [] }
        var counts: [Int32: Int32] = [:]
        for token in query.known.prefix(probe) {
            for y in postings.records(of: token) { counts[y, default: 0] += 1 }
        }
        var result: [RecordMatch] = []
        let q = query.known[...]
        for y in counts.keys.sorted() {
            let o = ShingleCorpus.overlap(q, corpus.set(Int(y)))
            if o >= needed { result.append(RecordMatch(x: -1, y: y, overlap: Int32(o))) }
        }
        return result
    }

    /// Every record sharing a shingle with `query`, with the exact overlap: each of the query's
    /// shingles looked up in full (sets hold a shingle once, so the counts are the overlaps). For
    /// `similar`, whose measure includes containment in the smaller set: a short clause copied
    /// whole into a long query shares all of its own shingles but few of the query's, so no prefix
    /// of the query's is sure to hold one.
    static func sharing(_ query: ShingleSet, in corpus: ShingleCorpus, postings: Postings) -> [RecordMatch] {
        var counts: [Int32: Int32] = [:]
        for token in query.known {
            for y in postings.records(of: token) { counts[y, default: 0] += 1 }
        }
        return counts.keys.sorted().map { RecordMatch(x: -1, y: $0, overlap: counts[$0]!) }
    }

    /// All records of each rank (an inverted index of whole sets, for queries).
    struct Postings {
        private let starts: [Int]
        private let records: [Int32]

        init(_ corpus: ShingleCorpus) {
            var starts = [Int](repeating: 0, count: corpus.frequency.count + 1)
            for (k, f) in corpus.frequency.enumerated() { starts[k + 1] = starts[k] + Int(f) }
            var fill = Array(starts.dropLast())
            var records = [Int32](repeating: 0, count: corpus.ranks.count)
            for r in 0..<corpus.count {
                for token in corpus.set(r) {
                    records[fill[Int(token)]] = Int32(r)
                    fill[Int(token)] += 1
                }
            }
            self.starts = starts
            self.records = records
        }

        func records(of rank: Int32) -> ArraySlice<Int32> { records[starts[Int(rank)]..<starts[Int(rank) + 1]] }
    }
}
