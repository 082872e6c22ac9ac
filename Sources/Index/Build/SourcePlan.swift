import Foundation
import Ingestion

/// The files of a build, named and grouped before any is read: each with its catalog metadata and
/// a unique document name, in runs of consecutive files (chunks) for the workers.
struct SourcePlan: Sendable {
    var jobs: [SourceJob] = []
    /// Ranges of `jobs`, in order.
    var chunks: [Range<Int>] = []

    /// Chunks hold about 1/16 of the input, between these bounds: enough chunks to keep every core
    /// busy to the end, few enough that each amortizes its term table.
    static let chunkBytes = (min: 64 << 10, max: 4 << 20)

    /// Catalogs that cannot be read are reported in `report`. Two files of the same name in
    /// different folders are told apart by their folder.
    init(_ sources: [SourceScanner.Source], report: inout IndexBuildReport) {
        var catalogs: [String: Catalog] = [:]
        var names = Set<String>()
        for s in sources {
            let dir = s.url.deletingLastPathComponent()
            if catalogs[dir.path] == nil {
                do { catalogs[dir.path] = try Catalog.load(directory: dir) } catch {
                    report.skipped.append((dir.appendingPathComponent(Catalog.fileName).path, "\(error)"))
                    catalogs[dir.path] = Catalog()
                }
            }
            var name = s.url.lastPathComponent
            if names.contains(name) { name = dir.lastPathComponent + "/" + name }
            names.insert(name)
            jobs.append(
                SourceJob(
                    url: s.url, name: name, modified: s.modified, size: s.size,
                    metadata: catalogs[dir.path]?.metadata(for: s.url.lastPathComponent)))
        }
        let total = jobs.reduce(0) { $0 + Int($1.size) }
        let target = min(Self.chunkBytes.max, max(Self.chunkBytes.min, total / 16))
        var start = 0, bytes = 0
        for (i, job) in jobs.enumerated() {
            bytes += Int(job.size)
            if bytes >= target || i == jobs.count - 1 {
                chunks.append(start..<(i + 1))
                start = i + 1
                bytes = 0
            }
        }
    }

    /// Up to this much text is sampled, from files spread over the corpus, to train the text
    /// store's dictionary; the dictionary gets 1/16 of the sample's size, at most 64 KiB.
    static let sampleBytes = 1 << 20
    static let sampleFiles = 32

    /// A zstd dictionary for the text store, trained on lines of evenly spaced files (decoded as
    /// ingestion decodes them). Empty when the corpus is too small to train on.
    func trainDictionary() -> [UInt8] {
        guard !jobs.isEmpty else { return [] }
        let step = max(1, jobs.count / Self.sampleFiles)
        let perFile = Self.sampleBytes / min(jobs.count, Self.sampleFiles)
        var samples: [[UInt8]] = []
        var total = 0
        for job in stride(from: 0, to: jobs.count, by: step).map({ jobs[$0] }) {
            guard let data = FileManager.default.contents(atPath: job.url.path),
                let text = try? TextDecoder.decode([UInt8](data), file: job.name).text
            else { continue }
            var taken = 0
            for line in text.split(whereSeparator: \.isNewline) where taken < perFile {
                let bytes = Array(line.utf8)
                guard bytes.count > 8 else { continue }
                samples.append(bytes)
                taken += bytes.count
            }
            total += taken
        }
        return ZstdCompressor.trainDictionary(samples, capacity: min(64 << 10, total / 16))
    }
}
