/// Values kept per passage across searches, found through a slot per passage (an array read,
/// not a hash: top-k looks one up per candidate, the hits shown one per hit), up to `capacity`
/// of them; emptied when full. The slots take 4 bytes per passage of the index, made on first use.
struct PassageSlotCache<Value> {
    let capacity: Int
    private var slots: [Int32] = []
    private var kept: [(passage: Int32, value: Value)] = []

    init(capacity: Int) { self.capacity = capacity }

    func get(_ passage: Int) -> Value? {
        guard passage >= 0, passage < slots.count else { return nil }
        let slot = slots[passage]
        return slot < 0 ? nil : kept[Int(slot)].value
    }

    /// Keeps `value` for `passage`, one of `passages` (the index's count).
    mutating func set(_ passage: Int, _ value: Value, passages: Int) {
        guard passage >= 0, passage < passages else { return }
        if slots.isEmpty { slots = [Int32](repeating: -1, count: passages) }
        if kept.count >= capacity {
            for k in kept { slots[Int(k.passage)] = -1 }
            kept.removeAll(keepingCapacity: true)
        }
        slots[passage] = Int32(kept.count)
        kept.append((Int32(passage), value))
    }
}
