import Foundation
import Ingestion

/// What an index run did, for the user.
public struct IndexBuildReport: Sendable {
    public var analyzed: [String] = []
    public var reused: [String] = []
    public var removed: [String] = []
    /// Files that could not be indexed, with the reason.
    public var skipped: [(file: String, reason: String)] = []
    /// Of those, the ones indexed before: their earlier version stays in the index.
    public var kept: [String] = []
    /// Documents whose bytes equal an earlier one's (a copy, a renamed download): both are indexed,
    /// so their mentions count twice; the user decides which to keep.
    public var duplicates: [(name: String, sameAs: String)] = []
    /// Links to folders inside a source folder: not followed (so that link loops cannot recur),
    /// so the files behind them are not indexed unless given as paths.
    public var folderLinks: [String] = []
    public var passages = 0
    public var inputBytes: UInt64 = 0
    public var indexBytes = 0
    public var seconds = 0.0
}

/// Builds or updates the index of a set of source paths.
///
/// The files are split into chunks of consecutive files; workers on all cores take chunks in
/// turn, each turning its files into compressed text, records and encoded postings as the
/// passages stream by (`ChunkIndexer`), and the writer joins the chunks into one file
/// (`IndexWriter`). Memory holds the compact chunks, never the corpus or its raw postings.
/// Files whose content hash matches the previous index are not re-analyzed: their passages are
/// copied from it. Files that fail are reported and skipped; one the previous index holds keeps
/// that version.
public enum IndexBuilder {
    /// Builds or updates the index in `directory` from exactly `paths` (they become its sources).
    public static func build(
        sources paths: [URL], into directory: URL, rebuild: Bool = false,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        onWait: (Int32) -> Void = { _ in }
    ) throws -> IndexBuildReport {
        for url in paths where !FileManager.default.fileExists(atPath: url.path) {
            throw IndexError.sourceMissing(path: url.path, index: nil)
        }
        var manifest = IndexManifest()
        for p in paths { manifest.add(IndexManifest.absolute(p.path)) }
        return try build(manifest, into: directory, rebuild: rebuild, threads: threads, onWait: onWait)
    }

    /// Builds the index of `manifest`'s files. Nothing is created when no document can be indexed.
    /// - Parameter rawPostingsBudget: memory the chunks' postings may hold unencoded (tests set 0
    ///   to take the encoded path).
    /// - Parameter held: the index's lock when the caller took it already (`update` does, before
    ///   reading the sources, so a run that waited sees what the one before it wrote), with
    ///   whether the folder existed before that.
    static func build(
        _ manifest: IndexManifest, into directory: URL, rebuild: Bool, threads: Int, onWait: (Int32) -> Void,
        rawPostingsBudget: Int = rawPostingsBudget, held: (lock: IndexLock, existed: Bool)? = nil
    ) throws -> IndexBuildReport {
        let start = Date()
        var report = IndexBuildReport()
        let (sources, problems, folderLinks) = scan(manifest)
        report.skipped = problems.map { (file: $0.0, reason: $0.1) }
        report.folderLinks = folderLinks
        let existed = held?.existed ?? FileManager.default.fileExists(atPath: directory.path)
        var lock: IndexLock? = try held?.lock ?? lockFolder(directory, onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        removeStaleTemporaryFiles(in: directory)

        let previous = rebuild ? nil : PreviousIndex(directory)
        let plan = SourcePlan(sources, threads: threads, earlierNames: PreviousIndex.names(in: directory), report: &report)
        let dictionary = plan.trainDictionary()
        let chunks = try index(
            plan, dictionary: dictionary, previous: previous, threads: threads, budget: MemoryBudget(bytes: rawPostingsBudget))
        for c in chunks {
            report.analyzed += c.analyzed
            report.reused += c.reused
            report.skipped += c.skipped
            report.kept += c.kept
            report.inputBytes += c.inputBytes
            report.passages += c.records.count
        }
        var firstWithHash: [String: String] = [:]
        for (name, hash) in chunks.flatMap(\.hashes) {
            if let first = firstWithHash[hash] { report.duplicates.append((name, first)) } else { firstWithHash[hash] = name }
        }
        let kept = Set(chunks.flatMap { c in c.documents.map { $0.name } })
        report.removed = (previous?.documents.keys).map { $0.filter { !kept.contains($0) }.sorted() } ?? []
        guard report.passages > 0 else {
            if !existed {
                lock = nil
                try? FileManager.default.removeItem(at: directory)
            }
            throw IndexError.noDocuments(skipped: report.skipped.map { "\($0.file): \($0.reason)" })
        }
        try IndexWriter.write(
            chunks, dictionary: dictionary, manifest: manifest, fingerprint: SourceScanner.fingerprint(sources), threads: threads,
            to: directory)
        report.indexBytes =
            (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(IndexFormat.fileName).path)[.size] as? Int)
            ?? 0
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// The index folder created if need be, and its lock taken (waiting for another writer).
    static func lockFolder(_ directory: URL, onWait: (Int32) -> Void) throws -> IndexLock {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw IndexError.io(path: directory.path, detail: "cannot create index folder: \(error.localizedDescription)")
        }
        return try IndexLock(directory: directory, onWait: onWait)
    }

    /// Memory the chunks' postings may hold unencoded (`ChunkPostings`), in all.
    static let rawPostingsBudget = 512 << 20

    /// The plan's chunks, indexed by `threads` workers taking them in turn; in plan order.
    static func index(
        _ plan: SourcePlan, dictionary: [UInt8], previous: PreviousIndex?, threads: Int, budget: MemoryBudget
    ) throws -> [IndexChunk] {
        let chunks = plan.chunks
        guard !chunks.isEmpty else { return [] }
        let next = Counter()
        let done = Parallel.perWorker(max(1, min(threads, chunks.count))) { _ -> Result<[(Int, IndexChunk)], Error> in
            Result {
                let indexer = try ChunkIndexer(dictionary: dictionary, previous: previous, budget: budget)
                var mine: [(Int, IndexChunk)] = []
                while let k = next.take(below: chunks.count) { mine.append((k, indexer.index(plan.jobs[chunks[k]]))) }
                return mine
            }
        }
        var ordered = [IndexChunk?](repeating: nil, count: chunks.count)
        for result in done { for (k, c) in try result.get() { ordered[k] = c } }
        return ordered.map { $0! }
    }

    /// Temporary files left by writers that were killed mid-write. Holding the lock, no live
    /// writer can own one.
    static func removeStaleTemporaryFiles(in directory: URL) {
        let prefix = ".\(IndexFormat.fileName).tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
