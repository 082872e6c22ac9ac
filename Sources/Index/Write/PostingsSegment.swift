import Foundation

/// The postings of one chunk of documents, with the chunk's own passage ids, as `PostingsMerger`
/// reads them: the accumulator's lists as they are while the build's memory budget allows (no
/// encoding and decoding on the way), else encoded (`PostingsSegment`), a few bits a posting.
enum ChunkPostings: @unchecked Sendable {
    /// The accumulator, its term ids in key order.
    case raw(PostingsAccumulator, ids: [Int], keys: [UInt64], passages: Int)
    case encoded(PostingsSegment)

    /// `budget` decides whether the lists may stay as they are.
    init(_ accumulator: PostingsAccumulator, lengths: [UInt32], budget: MemoryBudget) {
        if budget.reserve(accumulator.byteCount) {
            let keyOf = accumulator.keys
            let ids = (0..<accumulator.count).sorted { keyOf[$0] < keyOf[$1] }
            self = .raw(accumulator, ids: ids, keys: ids.map { keyOf[$0] }, passages: lengths.count)
        } else {
            self = .encoded(PostingsSegment(accumulator, lengths: lengths))
        }
    }

    var count: Int {
        switch self {
        case .raw(_, let ids, _, _): return ids.count
        case .encoded(let s): return s.count
        }
    }

    func key(_ i: Int) -> UInt64 {
        switch self {
        case .raw(_, _, let keys, _): return keys[i]
        case .encoded(let s): return s.keys[i]
        }
    }

    /// Term `i`'s neighbours (`PairContext`).
    func context(_ i: Int) -> PairContext {
        switch self {
        case .raw(let a, let ids, _, _): return a.term(ids[i]).context
        case .encoded(let s): return s.contexts[i]
        }
    }

    /// Term `i`'s document frequency.
    func df(_ i: Int) -> Int {
        switch self {
        case .raw(let a, let ids, _, _): return a.term(ids[i]).passages.count
        case .encoded(let s): return Int(s.dfs[i])
        }
    }

    /// About how many bytes term `i` takes (for sizing the merge's batches).
    func size(_ i: Int) -> Int {
        switch self {
        case .raw(let a, let ids, _, _):
            let t = a.term(ids[i])
            return t.passages.count + t.positions.count
        case .encoded(let s): return s.ends[i] - (i == 0 ? 0 : s.ends[i - 1])
        }
    }

    /// Appends term `i`'s postings, each passage id plus `offset`.
    func append(
        _ i: Int, offset: UInt32, positional: Bool, scratch: PostingsFormat.Scratch,
        passages: inout [UInt32], tfs: inout [UInt32], positions: inout [UInt32]
    ) {
        switch self {
        case .raw(let a, let ids, _, _):
            let t = a.term(ids[i])
            let first = passages.count
            passages.append(contentsOf: t.passages.buffer)
            if offset > 0 { passages.withUnsafeMutableBufferPointer { for k in first..<$0.count { $0[k] &+= offset } } }
            tfs.append(contentsOf: t.tfs.buffer)
            positions.append(contentsOf: t.positions.buffer)
        case .encoded(let s):
            // Our own segment, encoded moments ago: decoding cannot fail.
            try! s.withList(i) {
                try PostingsFormat.decodeList(
                    $0, df: Int(s.dfs[i]), positional: positional, passageCount: s.passages, offset: offset, using: scratch,
                    passages: &passages, tfs: &tfs, positions: &positions)
            }
        }
    }
}

/// How much memory the chunks' raw postings may hold in all (a build's RAM buffer, as Lucene's
/// IndexWriter has): past it, chunks encode their postings before handing them over.
final class MemoryBudget: @unchecked Sendable {
    private var left: Int
    private let lock = NSLock()

    init(bytes: Int) { left = bytes }

    func reserve(_ bytes: Int) -> Bool {
        lock.withLock {
            guard bytes <= left else { return false }
            left -= bytes
            return true
        }
    }
}

/// A chunk's postings encoded (`PostingsFormat`): compact enough to keep every chunk's until the
/// end, when `PostingsMerger` joins them.
struct PostingsSegment: Sendable {
    /// Term keys, ascending; for each its df and the end of its list in `bytes`.
    var keys: [UInt64] = []
    var dfs: [UInt32] = []
    var contexts: [PairContext] = []
    var ends: [Int] = []
    /// The lists, then `BitPacking.padding` zero bytes.
    var bytes: [UInt8] = []
    /// Passages in the chunk (its ids are 0..<passages).
    var passages = 0

    var count: Int { keys.count }

    init() {}

    /// Encodes an accumulator's terms in key order, releasing each list once encoded.
    init(_ accumulator: PostingsAccumulator, lengths: [UInt32]) {
        passages = lengths.count
        let keyOf = accumulator.keys
        let ids = (0..<accumulator.count).sorted { keyOf[$0] < keyOf[$1] }
        var out = ByteBuffer()
        let scratch = PostingsFormat.Scratch()
        keys.reserveCapacity(ids.count)
        lengths.withUnsafeBufferPointer { lengths in
            for id in ids {
                let key = keyOf[id], t = accumulator.term(id)
                PostingsFormat.encode(
                    passages: t.passages.buffer, tfs: t.tfs.buffer, positions: t.positions.buffer, positional: !TermKey.isUnigram(key),
                    context: t.context, lengths: lengths, scratch: scratch, into: &out)
                keys.append(key)
                dfs.append(UInt32(t.passages.count))
                contexts.append(t.context)
                ends.append(out.count)
            }
        }
        out.append([UInt8](repeating: 0, count: BitPacking.padding))
        bytes = out.bytes
    }

    /// List `i`'s bytes followed by padding, for `PostingsFormat.decodeList`.
    func withList<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<(ends[i] + BitPacking.padding)])) }
    }
}
