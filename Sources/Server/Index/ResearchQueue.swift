import Dispatch
import Index
import Research

/// The research views (clause reuse, compare, kwic, report, targets, related) for requests. Their
/// work takes tenths of a second on the bundled corpus and far more at scale, so it runs on one
/// serial queue of its own instead of Swift concurrency's few threads: searches go on being
/// answered meanwhile, and research requests wait their turn instead of taking every core. The finders (the shingle sets of every compared
/// passage) are built once per passage filter and kept, the last two.
final class ResearchQueue: @unchecked Sendable {
    private let queue = DispatchQueue(label: "policy-search.research")
    private let reader: IndexReader
    /// Touched only on `queue`.
    private var finders: [(filter: PassageFilter, finder: ClauseReuse)] = []

    init(reader: IndexReader) { self.reader = reader }

    /// Runs `body` on the research queue.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `body` on the research queue with a finder for `filter`.
    func run<T: Sendable>(_ filter: PassageFilter, _ body: @escaping @Sendable (ClauseReuse) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(try self.finder(filter)) })
            }
        }
    }

    private func finder(_ filter: PassageFilter) throws -> ClauseReuse {
        if let i = finders.firstIndex(where: { $0.filter == filter }) {
            let found = finders.remove(at: i)
            finders.append(found)
            return found.finder
        }
        let made = try ClauseReuse(reader: reader, filter: filter)
        finders.append((filter, made))
        if finders.count > 2 { finders.removeFirst() }
        return made
    }
}
