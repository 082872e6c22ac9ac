extension IndexReader {
    /// The postings of a character whose own list was left out: the passages of its pairs (the end
    /// pair included: `TermKey.end`) with the pairs' counts summed, which are exactly the
    /// character's passages and counts. Checked against the df the dictionary keeps. Merged once
    /// per reader and kept with its blocks' bounds (up to `mergedCacheLimit` postings in all): a
    /// list of a few thousand postings costs its pairs' lists decoded and summed, every query
    /// again otherwise.
    func mergedCursor(_ term: TermInfo) throws -> PostingsCursor {
        let merged: PostingsCursor.Merged
        if let hit = lock.withLock({ mergedCache[term.key] }) {
            merged = hit
        } else {
            let lists = try merge(term)
            merged = PostingsCursor.Merged(passages: lists.passages, tfs: lists.tfs, lengths: try lengths())
            lock.withLock {
                if mergedCachePostings + merged.passages.count > Self.mergedCacheLimit {
                    mergedCache.removeAll()
                    mergedCachePostings = 0
                }
                if merged.passages.count <= Self.mergedCacheLimit {
                    mergedCache[term.key] = merged
                    mergedCachePostings += merged.passages.count
                }
            }
        }
        return try PostingsCursor(storage: storage, merged: merged, passageCount: passageCount, path: path)
    }

    private func merge(_ term: TermInfo) throws -> (passages: [Int32], tfs: [Int32]) {
        var passages: [UInt32] = [], tfs: [UInt32] = [], unused: [UInt32] = []
        let scratch = PostingsFormat.Scratch()
        for pair in try terms(in: TermKey.pairs(startingLike: term.key)) where !pair.isUnigram {
            let list = try bytes(.postings, pair.offset, pair.length + BitPacking.padding)
            try decoding(.postings) {
                try PostingsFormat.decodeList(
                    list, df: pair.df, positional: true, passageCount: passageCount, offset: 0, using: scratch, passages: &passages,
                    tfs: &tfs, positions: &unused, skipPositions: true)
            }
        }
        let merged = Self.sum(passages, tfs)
        guard merged.passages.count == term.df else {
            throw IndexError.corrupted(
                path: path, part: IndexFormat.Section.postings.name,
                detail: "character \(term.key >> 21) has \(merged.passages.count) passages, its df says \(term.df)")
        }
        return merged
    }

    /// Postings of several lists (each ascending) as one: each passage once, its counts summed.
    /// Counted in an array over the passages they span when they fill a good part of it; else
    /// radix-sorted (three passes of 11 bits), which costs in the postings, not the span.
    static func sum(_ passages: [UInt32], _ tfs: [UInt32]) -> (passages: [Int32], tfs: [Int32]) {
        guard let lo = passages.min(), let hi = passages.max() else { return ([], []) }
        var outPassages: [Int32] = [], outTFs: [Int32] = []
        outPassages.reserveCapacity(passages.count)
        outTFs.reserveCapacity(passages.count)
        if passages.count >= Int(hi - lo) / 8 {
            var counts = [UInt32](repeating: 0, count: Int(hi - lo) + 1)
            counts.withUnsafeMutableBufferPointer { c in
                for (p, tf) in zip(passages, tfs) { c[Int(p - lo)] &+= tf }
            }
            for (k, tf) in counts.enumerated() where tf > 0 {
                outPassages.append(Int32(lo) + Int32(k))
                outTFs.append(Int32(truncatingIfNeeded: tf))
            }
            return (outPassages, outTFs)
        }
        // (passage << 32 | tf), sorted by passage with a stable LSD radix sort.
        var keys = zip(passages, tfs).map { UInt64($0) << 32 | UInt64($1) }
        var other = keys
        for shift in stride(from: 32, to: 64, by: 11) where (UInt64(hi) << 32) >> UInt64(shift) > 0 {
            var counts = [Int](repeating: 0, count: 2049)
            for k in keys { counts[Int((k >> UInt64(shift)) & 0x7FF) + 1] += 1 }
            for d in 1..<counts.count { counts[d] += counts[d - 1] }
            for k in keys {
                let d = Int((k >> UInt64(shift)) & 0x7FF)
                other[counts[d]] = k
                counts[d] += 1
            }
            swap(&keys, &other)
        }
        for k in keys {
            let p = Int32(truncatingIfNeeded: k >> 32), tf = Int32(truncatingIfNeeded: k & 0xFFFF_FFFF)
            if outPassages.last == p {
                outTFs[outTFs.count - 1] += tf
            } else {
                outPassages.append(p)
                outTFs.append(tf)
            }
        }
        return (outPassages, outTFs)
    }
}
