import Dispatch
import Foundation

/// Work spread over threads, each worker owning its own state (ICU iterators, fold caches and
/// accumulators are not thread-safe, so each worker makes its own instead of sharing one).
enum Parallel {
    /// Runs `body(w)` for `w` in `0..<workers` concurrently and returns the results in worker order.
    static func perWorker<T>(_ workers: Int, _ body: @Sendable (Int) -> sending T) -> [T] {
        let slots = Slots<T>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            slots.set(w, body(w))
        }
        return slots.take()
    }
}

/// One slot per worker, each written once by its own worker under a lock and read only after
/// every worker has finished (`concurrentPerform` returns): the values never cross threads while
/// in use, which is why the unchecked conformance is sound.
private final class Slots<T>: @unchecked Sendable {
    private var values: [T?]
    private let lock = NSLock()

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: sending T) {
        lock.withLock { values[index] = value }
    }

    func take() -> [T] {
        lock.withLock { values.map { $0! } }
    }
}

/// A shared work counter for workers that take items one at a time (lock-protected).
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            value += 1
            return value - 1
        }
    }
}
