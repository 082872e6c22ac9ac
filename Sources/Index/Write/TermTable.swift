/// An open-addressing hash map from term keys to dense term ids, for the writer's hot loop (one
/// lookup per character and per bigram of the corpus): no per-lookup allocation, no hashing of
/// generic keys.
struct TermTable {
    private var keys: [UInt64]
    private var ids: [Int32]
    private var mask: Int
    private(set) var count = 0
    /// Keys by id.
    private(set) var keyOf: [UInt64] = []

    init(capacity: Int = 1 << 16) {
        var c = 16
        while c < capacity * 2 { c <<= 1 }
        keys = [UInt64](repeating: 0, count: c)
        ids = [Int32](repeating: -1, count: c)
        mask = c - 1
    }

    /// The id of `key`, adding it if new.
    @inline(__always)
    mutating func id(_ key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let id = ids[slot]
            if id < 0 {
                let new = Int32(count)
                keys[slot] = key
                ids[slot] = new
                keyOf.append(key)
                count += 1
                if count * 2 > mask { grow() }
                return new
            }
            if keys[slot] == key { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let oldKeys = keys, oldIDs = ids
        let c = (mask + 1) * 2
        keys = [UInt64](repeating: 0, count: c)
        ids = [Int32](repeating: -1, count: c)
        mask = c - 1
        for (k, id) in zip(oldKeys, oldIDs) where id >= 0 {
            var slot = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while ids[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = k
            ids[slot] = id
        }
    }
}
