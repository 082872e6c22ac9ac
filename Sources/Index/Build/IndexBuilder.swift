import Analysis
import Dispatch
import Foundation
import Ingestion

/// What an index run did, for the user.
public struct IndexBuildReport: Sendable {
    public var analyzed: [String] = []
    public var reused: [String] = []
    public var removed: [String] = []
    /// Files that could not be indexed, with the reason.
    public var skipped: [(file: String, reason: String)] = []
    public var passages = 0
    public var inputBytes: UInt64 = 0
    public var indexBytes = 0
    public var seconds = 0.0
}

/// Builds or updates the index of a set of source paths.
///
/// Files whose content hash matches the previous index are not re-analyzed: their passages and
/// word counts are copied from it (re-deriving character postings is cheap; ICU segmentation and
/// structure recovery are not). Files that fail are reported and skipped; the rest are indexed.
/// Analysis runs on all cores, one ICU break iterator per thread.
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
        for p in paths.map({ IndexManifest.absolute($0.path) }) where !manifest.roots.contains(p) { manifest.roots.append(p) }
        return try build(manifest, into: directory, rebuild: rebuild, threads: threads, onWait: onWait)
    }

    /// Builds the index of `manifest`'s files. Nothing is created when no document can be indexed.
    static func build(
        _ manifest: IndexManifest, into directory: URL, rebuild: Bool, threads: Int, onWait: (Int32) -> Void
    ) throws -> IndexBuildReport {
        let start = Date()
        var report = IndexBuildReport()
        let (sources, problems) = scan(manifest)
        report.skipped = problems.map { (file: $0.0, reason: $0.1) }
        let existed = FileManager.default.fileExists(atPath: directory.path)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw IndexError.io(path: directory.path, detail: "cannot create index folder: \(error.localizedDescription)")
        }
        var lock: IndexLock? = try IndexLock(directory: directory, onWait: onWait)
        defer { withExtendedLifetime(lock) {} }
        removeStaleTemporaryFiles(in: directory)
        /// Undoes what this run created, when it cannot write an index.
        func discard() {
            guard !existed else { return }
            lock = nil
            try? FileManager.default.removeItem(at: directory)
        }

        let previous = rebuild ? nil : try? IndexReader(directory: directory)
        var previousByName: [String: (doc: Int, info: DocumentInfo)] = [:]
        if let previous {
            for d in 0..<previous.documentCount {
                if let info = try? previous.documentInfo(d) { previousByName[info.name] = (d, info) }
            }
        }

        let jobs = readSources(sources, report: &report)
        report.inputBytes = jobs.reduce(0) { $0 + $1.info.size }

        // Reuse what the previous index holds unchanged; analyze the rest on all cores.
        var results = [Result<IndexedDocument, Error>?](repeating: nil, count: jobs.count)
        var analyzedHere = [Bool](repeating: false, count: jobs.count)
        for (i, job) in jobs.enumerated() {
            if let previous, let old = previousByName[job.name], old.info.source.hash == job.info.hash,
                old.info.metadata == (job.metadata ?? DocumentMetadata()),
                let reused = try? reuse(previous, document: old.doc, source: job.info)
            {
                results[i] = .success(reused)
                report.reused.append(job.name)
            } else {
                analyzedHere[i] = true
            }
        }
        try analyzeInParallel(jobs, only: analyzedHere, threads: threads, into: &results)

        var documents: [IndexedDocument] = []
        for (i, r) in results.enumerated() {
            switch r {
            case .success(let d)?:
                documents.append(d)
                if analyzedHere[i] { report.analyzed.append(jobs[i].name) }
            case .failure(let e)?:
                report.skipped.append((jobs[i].info.path, "\(e)"))
            case nil:
                break
            }
        }
        let kept = Set(documents.map(\.info.name))
        report.removed = previousByName.keys.filter { !kept.contains($0) }.sorted()
        report.passages = documents.reduce(0) { $0 + $1.passages.count }
        guard !documents.isEmpty else {
            discard()
            throw IndexError.noDocuments(skipped: report.skipped.map { "\($0.file): \($0.reason)" })
        }

        try IndexWriter.write(
            documents, to: directory, fingerprint: SourceScanner.fingerprint(sources), manifest: manifest, threads: threads)
        report.indexBytes =
            (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(IndexFormat.fileName).path)[.size] as? Int)
            ?? 0
        report.seconds = Date().timeIntervalSince(start)
        return report
    }

    /// A file read and hashed, ready to analyze.
    struct Job {
        var bytes: [UInt8]
        var name: String
        var info: SourceInfo
        var metadata: DocumentMetadata?
    }

    /// Reads and hashes every file, with its catalog metadata; unreadable files and catalogs are
    /// reported. Two files of the same name in different folders are told apart by their folder.
    static func readSources(_ sources: [SourceScanner.Source], report: inout IndexBuildReport) -> [Job] {
        var catalogs: [String: Catalog] = [:]
        var names = Set<String>()
        var jobs: [Job] = []
        for s in sources {
            let dir = s.url.deletingLastPathComponent()
            if catalogs[dir.path] == nil {
                do { catalogs[dir.path] = try Catalog.load(directory: dir) } catch {
                    report.skipped.append((dir.appendingPathComponent(Catalog.fileName).path, "\(error)"))
                    catalogs[dir.path] = Catalog()
                }
            }
            guard let data = FileManager.default.contents(atPath: s.url.path) else {
                report.skipped.append((s.url.path, "cannot be read (permissions?)"))
                continue
            }
            let bytes = [UInt8](data)
            var name = s.url.lastPathComponent
            if names.contains(name) { name = dir.lastPathComponent + "/" + name }
            names.insert(name)
            let hash = bytes.withUnsafeBytes { SourceInfo.hash($0) }
            jobs.append(
                Job(
                    bytes: bytes, name: name,
                    info: SourceInfo(path: s.url.path, size: UInt64(bytes.count), modified: s.modified, hash: hash),
                    metadata: catalogs[dir.path]?.metadata(for: s.url.lastPathComponent)))
        }
        return jobs
    }

    /// Analyzes the selected jobs on `threads` workers, each with its own analyzer (ICU break
    /// iterators and fold caches are per thread).
    static func analyzeInParallel(
        _ jobs: [Job], only selected: [Bool], threads: Int,
        into results: inout [Result<IndexedDocument, Error>?]
    ) throws {
        let indices = selected.indices.filter { selected[$0] }
        guard !indices.isEmpty else { return }
        _ = try Analyzer()  // fail early, with ICU's message, if ICU cannot open
        let next = Counter()
        let done = Parallel.perWorker(max(1, min(threads, indices.count))) { _ -> [(Int, Result<IndexedDocument, Error>)] in
            let analyzer: Analyzer
            do { analyzer = try Analyzer() } catch { return [] }
            var mine: [(Int, Result<IndexedDocument, Error>)] = []
            while let k = next.take(below: indices.count) {
                let job = jobs[indices[k]]
                mine.append(
                    (
                        indices[k],
                        Result { try analyze(job.bytes, name: job.name, source: job.info, metadata: job.metadata, analyzer: analyzer) }
                    ))
            }
            return mine
        }
        for (i, r) in done.joined() { results[i] = r }
    }

    /// Temporary files left by writers that were killed mid-write. Holding the lock, no live
    /// writer can own one.
    static func removeStaleTemporaryFiles(in directory: URL) {
        let prefix = ".\(IndexFormat.fileName).tmp-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Ingests and segments one file.
    public static func analyze(
        _ bytes: [UInt8], name: String, source: SourceInfo, metadata: DocumentMetadata?,
        analyzer: Analyzer
    ) throws -> IndexedDocument {
        let doc = try Ingestor.ingest(bytes: bytes, name: name, metadata: metadata)
        let info = DocumentInfo(
            name: name, title: doc.title, metadata: doc.metadata, encoding: doc.encoding, format: doc.format,
            source: source, headings: doc.headings)
        return IndexedDocument(
            info: info, passages: doc.passages, wordCounts: doc.passages.map { analyzer.wordCount($0.text) },
            normalized: doc.passages.map { analyzer.normalize($0.text).scalars })
    }

    /// A document's passages as stored in an existing index.
    static func reuse(_ reader: IndexReader, document: Int, source: SourceInfo) throws -> IndexedDocument {
        var info = try reader.documentInfo(document)
        info.source = source
        var passages: [Passage] = []
        var words: [Int] = []
        for id in try reader.passageRange(ofDocument: document) {
            let p = try reader.passage(id)
            passages.append(
                Passage(
                    kind: p.record.kind, text: p.text, path: p.path, box: p.box, ordinal: p.record.ordinal,
                    firstLine: p.record.firstLine, lastLine: p.record.lastLine, firstPage: p.record.firstPage,
                    lastPage: p.record.lastPage))
            words.append(p.record.words)
        }
        return IndexedDocument(info: info, passages: passages, wordCounts: words)
    }
}
