/// Collects the postings of every term while passages stream by: for each term, the passages it
/// occurs in, its count in each, and (bigrams) its positions.
///
/// This is the indexer's innermost loop — one call per character and per character pair of the
/// corpus — so it uses manually grown buffers instead of nested Swift arrays, whose appends pay a
/// uniqueness check per element.
final class PostingsAccumulator {
    /// A growable list of UInt32 in manually managed memory.
    struct List {
        var base: UnsafeMutablePointer<UInt32>? = nil
        var count = 0
        var capacity = 0

        @inline(__always)
        mutating func append(_ v: UInt32) {
            if count == capacity {
                let c = max(4, capacity * 2)
                let p = UnsafeMutablePointer<UInt32>.allocate(capacity: c)
                if let base {
                    p.update(from: base, count: count)
                    base.deallocate()
                }
                base = p
                capacity = c
            }
            base![count] = v
            count += 1
        }

        var buffer: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: base, count: count) }

        mutating func free() {
            base?.deallocate()
            self = List()
        }
    }

    struct Term {
        var passages = List()
        var tfs = List()
        var positions = List()
        var lastPassage: Int32 = -1
    }

    private(set) var table = TermTable()
    private var terms: UnsafeMutablePointer<Term>
    private var capacity = 1 << 12
    private var initialized = 0

    init() {
        terms = .allocate(capacity: capacity)
    }

    deinit {
        for i in 0..<initialized { freeTerm(i) }
        terms.deinitialize(count: initialized)
        terms.deallocate()
    }

    var count: Int { table.count }
    func key(_ id: Int) -> UInt64 { table.keyOf[id] }
    func term(_ id: Int) -> Term { terms[id] }

    /// Releases a term's memory once it has been written.
    func freeTerm(_ id: Int) {
        terms[id].passages.free()
        terms[id].tfs.free()
        terms[id].positions.free()
    }

    @inline(__always)
    private func add(_ key: UInt64, passage: Int32, position: UInt32, positional: Bool) {
        let id = Int(table.id(key))
        if id == initialized {
            // A new term: ids are dense and handed out in order.
            if id == capacity { grow() }
            (terms + id).initialize(to: Term())
            initialized += 1
        }
        let t = terms + id
        if t.pointee.lastPassage != passage {
            t.pointee.lastPassage = passage
            t.pointee.passages.append(UInt32(passage))
            t.pointee.tfs.append(1)
        } else {
            t.pointee.tfs.base![t.pointee.tfs.count - 1] += 1
        }
        if positional { t.pointee.positions.append(position) }
    }

    private func grow() {
        let c = capacity * 2
        let p = UnsafeMutablePointer<Term>.allocate(capacity: c)
        p.moveInitialize(from: terms, count: initialized)
        terms.deallocate()
        terms = p
        capacity = c
    }

    /// Adds one passage's normalized characters: a unigram per character, a bigram per pair.
    func add(_ scalars: [UInt32], passage: Int32) {
        scalars.withUnsafeBufferPointer { s in
            for i in 0..<s.count {
                add(TermKey.unigram(s[i]), passage: passage, position: UInt32(i), positional: false)
                if i + 1 < s.count {
                    add(TermKey.bigram(s[i], s[i + 1]), passage: passage, position: UInt32(i), positional: true)
                }
            }
        }
    }
}
