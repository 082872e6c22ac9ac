/// Collects the postings of every term while passages stream by: for each term, the passages it
/// occurs in, its count in each, and (bigrams) its positions.
///
/// This is the indexer's innermost loop — one call per character and per character pair of the
/// corpus — so it uses manually grown buffers instead of nested Swift arrays (whose appends pay a
/// uniqueness check per element), allocated from an arena (a list that grows takes a new buffer
/// from it, without malloc and free), and keeps its state in a struct mutated through one access
/// per passage (a class's stored properties would pay a dynamic exclusivity check per character).
final class PostingsAccumulator: @unchecked Sendable {
    /// A growable list of UInt32 in the accumulator's arena.
    struct List {
        var base: UnsafeMutablePointer<UInt32>? = nil
        var count = 0
        var capacity = 0

        @inline(__always)
        mutating func append(_ v: UInt32, _ arena: inout Arena) {
            if count == capacity { grow(&arena) }
            base![count] = v
            count += 1
        }

        private mutating func grow(_ arena: inout Arena) {
            let c = max(4, capacity * 2)
            let p = arena.allocate(c)
            if let base { p.update(from: base, count: count) }
            base = p
            capacity = c
        }

        var buffer: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: base, count: count) }
    }

    /// Memory handed out in pieces from large pages and released all at once with the
    /// accumulator (a grown list's old buffer stays until then: at most as much again).
    struct Arena {
        static let pageValues = 1 << 18
        private(set) var pages: [UnsafeMutablePointer<UInt32>] = []
        private var next: UnsafeMutablePointer<UInt32>? = nil
        private var left = 0
        /// Values allocated, in all pages.
        private(set) var allocated = 0

        @inline(__always)
        mutating func allocate(_ n: Int) -> UnsafeMutablePointer<UInt32> {
            if n > left {
                let size = max(n, Self.pageValues)
                let page = UnsafeMutablePointer<UInt32>.allocate(capacity: size)
                pages.append(page)
                allocated += size
                next = page
                left = size
            }
            let p = next!
            next = p + n
            left -= n
            return p
        }

        func free() { for p in pages { p.deallocate() } }
    }

    struct Term {
        var passages = List()
        var tfs = List()
        var positions = List()
        var lastPassage: Int32 = -1
        /// A pair's neighbours so far (`PairContext` codes).
        var left: UInt32 = 0
        var right: UInt32 = 0

        var context: PairContext { PairContext(leftCode: left, rightCode: right) }
    }

    /// Everything the hot loop touches.
    fileprivate struct State {
        var table = TermTable()
        var arena = Arena()
        var terms: UnsafeMutablePointer<Term>
        var capacity = 1 << 12
        var initialized = 0

        /// Term ids of the BMP characters' unigrams (-1: not seen yet), so that half of the hot
        /// loop's lookups index an array instead of probing the hash table.
        var unigramIDs: UnsafeMutablePointer<Int32>

        init() {
            terms = .allocate(capacity: capacity)
            unigramIDs = .allocate(capacity: 0x10000)
            unigramIDs.initialize(repeating: -1, count: 0x10000)
        }

        @inline(__always)
        mutating func addUnigram(_ c: UInt32, passage: Int32) {
            if c < 0x10000 {
                var id = unigramIDs[Int(c)]
                if id < 0 {
                    id = table.id(TermKey.unigram(c))
                    unigramIDs[Int(c)] = id
                }
                add(id: Int(id), passage: passage, position: 0, positional: false)
            } else {
                add(id: Int(table.id(TermKey.unigram(c))), passage: passage, position: 0, positional: false)
            }
        }

        /// A pair at `position`, with the codes of the characters around it (`PairContext`).
        @inline(__always)
        mutating func addPair(_ key: UInt64, passage: Int32, position: UInt32, left: UInt32, right: UInt32) {
            let id = Int(table.id(key))
            add(id: id, passage: passage, position: position, positional: true)
            let t = terms + id
            if t.pointee.left != left { t.pointee.left = PairContext.combine(t.pointee.left, left) }
            if t.pointee.right != right { t.pointee.right = PairContext.combine(t.pointee.right, right) }
        }

        @inline(__always)
        mutating func add(id: Int, passage: Int32, position: UInt32, positional: Bool) {
            if id == initialized {
                // A new term: ids are dense and handed out in order.
                if id == capacity { grow() }
                (terms + id).initialize(to: Term())
                initialized += 1
            }
            let t = terms + id
            if t.pointee.lastPassage != passage {
                t.pointee.lastPassage = passage
                t.pointee.passages.append(UInt32(passage), &arena)
                t.pointee.tfs.append(1, &arena)
            } else {
                t.pointee.tfs.base![t.pointee.tfs.count - 1] += 1
            }
            if positional { t.pointee.positions.append(position, &arena) }
        }

        private mutating func grow() {
            let c = capacity * 2
            let p = UnsafeMutablePointer<Term>.allocate(capacity: c)
            p.moveInitialize(from: terms, count: initialized)
            terms.deallocate()
            terms = p
            capacity = c
        }
    }

    fileprivate var state = State()

    deinit {
        state.arena.free()
        state.terms.deinitialize(count: state.initialized)
        state.terms.deallocate()
        state.unigramIDs.deallocate()
    }

    var count: Int { state.table.count }
    func key(_ id: Int) -> UInt64 { state.table.keyOf[id] }
    /// Every term's key, by id.
    var keys: [UInt64] { state.table.keyOf }
    func term(_ id: Int) -> Term { state.terms[id] }

    /// Bytes the accumulator holds, for the writer's memory budget.
    var byteCount: Int { 4 * state.arena.allocated + state.capacity * MemoryLayout<Term>.stride }

    /// Adds one passage's normalized characters: a unigram per character, a bigram per pair with
    /// its neighbours, and the end pair of the last character.
    func add(_ scalars: [UInt32], passage: Int32) {
        scalars.withUnsafeBufferPointer { s in
            state.addAll(s, passage: passage)
        }
    }
}

extension PostingsAccumulator.State {
    fileprivate mutating func addAll(_ s: UnsafeBufferPointer<UInt32>, passage: Int32) {
        let edge = PairContext.mixed
        for i in 0..<s.count {
            addUnigram(s[i], passage: passage)
            let next = i + 1 < s.count ? s[i + 1] : TermKey.end
            let left = i > 0 ? s[i - 1] &+ 1 : edge, right = i + 2 < s.count ? s[i + 2] &+ 1 : edge
            addPair(TermKey.bigram(s[i], next), passage: passage, position: UInt32(i), left: left, right: right)
        }
    }
}
