import Foundation

/// Joins the chunks' postings segments into the index's postings section, term by term in key
/// order: each term's parts (ascending, disjoint passage ranges, one per chunk holding it) are
/// decoded with their chunk's passage offset and re-encoded as one list with the index's lengths.
/// Terms go in batches encoded on all threads and written in order, so memory holds the segments
/// and one batch, never a second copy of the postings.
///
/// A character's list is left out (its dictionary entry keeps the df, with no postings) when its
/// pairs' lists are short enough to answer it together (`PostingsFormat.storesUnigram`).
enum PostingsMerger {
    /// One term of the merged dictionary: its parts as (segment, index in segment).
    struct Term {
        var key: UInt64
        var parts: [(segment: Int, index: Int)]
        var df = 0
        /// A pair's neighbours in every chunk.
        var context = PairContext.unseen
        /// A unigram whose list is not written.
        var virtual = false
    }

    static let batchBytes = 4 << 20

    /// Writes the postings section; returns the dictionary entries (key, df, list length).
    static func merge(
        _ segments: [ChunkPostings], offsets: [UInt32], lengths: [UInt32], threads: Int, into file: IndexFileWriter
    ) throws -> [(key: UInt64, df: UInt32, length: UInt32)] {
        var dictionary: [(key: UInt64, df: UInt32, length: UInt32)] = []
        try file.begin(.postings)
        var batch: [Term] = []
        var batchSize = 0
        func flush() throws {
            let encoded = encode(batch, segments, offsets: offsets, lengths: lengths, threads: threads)
            for (term, list) in zip(batch, encoded) {
                dictionary.append((term.key, list.df, UInt32(list.bytes.count)))
                try file.append(list.bytes)
            }
            batch.removeAll(keepingCapacity: true)
            batchSize = 0
        }
        for term in mergeOrder(segments, passages: lengths.count) {
            batch.append(term)
            if !term.virtual { batchSize += term.parts.reduce(0) { $0 + segments[$1.segment].size($1.index) } }
            if batchSize >= batchBytes { try flush() }
        }
        try flush()
        try file.append([UInt8](repeating: 0, count: BitPacking.padding))
        try file.end()
        return dictionary
    }

    /// Each term's merged list, the batch split among `threads` workers.
    static func encode(
        _ batch: [Term], _ segments: [ChunkPostings], offsets: [UInt32], lengths: [UInt32], threads: Int
    ) -> [(df: UInt32, bytes: [UInt8])] {
        let workers = max(1, min(threads, batch.count / 64))
        let parts = Parallel.perWorker(workers) { w -> [(df: UInt32, bytes: [UInt8])] in
            let range = (batch.count * w / workers)..<(batch.count * (w + 1) / workers)
            var passages: [UInt32] = [], tfs: [UInt32] = [], positions: [UInt32] = []
            let scratch = PostingsFormat.Scratch()
            return lengths.withUnsafeBufferPointer { lengths in
                batch[range].map { term in
                    if term.virtual { return (UInt32(term.df), []) }
                    passages.removeAll(keepingCapacity: true)
                    tfs.removeAll(keepingCapacity: true)
                    positions.removeAll(keepingCapacity: true)
                    let positional = !TermKey.isUnigram(term.key)
                    for (s, i) in term.parts {
                        segments[s].append(
                            i, offset: offsets[s], positional: positional, scratch: scratch, passages: &passages, tfs: &tfs,
                            positions: &positions)
                    }
                    var out = ByteBuffer()
                    passages.withUnsafeBufferPointer { p in
                        tfs.withUnsafeBufferPointer { t in
                            positions.withUnsafeBufferPointer { pos in
                                PostingsFormat.encode(
                                    passages: p, tfs: t, positions: pos, positional: positional, context: term.context,
                                    lengths: lengths, into: &out)
                            }
                        }
                    }
                    return (UInt32(passages.count), out.bytes)
                }
            }
        }
        return Array(parts.joined())
    }

    /// Every key of every segment in order, with the segments holding it and its df (k-way merge);
    /// unigrams whose pairs' postings add up to at most what `storesUnigram` allows are virtual.
    static func mergeOrder(_ segments: [ChunkPostings], passages: Int) -> [Term] {
        // (key, segment) packed in one integer ordered as the pair (keys use 42 bits): the merge
        // runs on one thread, once per term and chunk, and a comparison closure cost a third of it.
        precondition(segments.count < 1 << 22)
        func entry(_ key: UInt64, _ segment: Int) -> UInt64 { key << 22 | UInt64(segment) }
        var heap = MinHeap()
        var next = [Int](repeating: 0, count: segments.count)
        for (s, seg) in segments.enumerated() where seg.count > 0 { heap.push(entry(seg.key(0), s)) }
        var terms: [Term] = []
        var pairPostings = (unigram: UInt64(0), count: 0)  // the pairs seen of the current first character
        func close() {
            guard let last = terms.last else { return }
            if TermKey.isUnigram(last.key) {
                let count = pairPostings.unigram == last.key ? pairPostings.count : 0
                terms[terms.count - 1].virtual = !PostingsFormat.storesUnigram(pairPostings: count, passages: passages)
            } else {
                let u = TermKey.unigram(of: last.key)
                pairPostings = (u, (pairPostings.unigram == u ? pairPostings.count : 0) + last.df)
            }
        }
        while let packed = heap.pop() {
            let top = (key: packed >> 22, segment: Int(packed & ((1 << 22) - 1)))
            let i = next[top.segment]
            if terms.last?.key == top.key {
                terms[terms.count - 1].parts.append((top.segment, i))
            } else {
                close()
                terms.append(Term(key: top.key, parts: [(top.segment, i)]))
            }
            terms[terms.count - 1].df += segments[top.segment].df(i)
            terms[terms.count - 1].context = terms[terms.count - 1].context.merged(with: segments[top.segment].context(i))
            next[top.segment] = i + 1
            if i + 1 < segments[top.segment].count { heap.push(entry(segments[top.segment].key(i + 1), top.segment)) }
        }
        close()
        return terms
    }
}

/// A binary min-heap of integers.
struct MinHeap {
    private var items: [UInt64] = []

    mutating func push(_ e: UInt64) {
        items.append(e)
        var i = items.count - 1
        while i > 0, items[i] < items[(i - 1) / 2] {
            items.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    mutating func pop() -> UInt64? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, items[l] < items[m] { m = l }
            if r < items.count, items[r] < items[m] { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
        return top
    }
}
