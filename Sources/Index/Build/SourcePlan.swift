import Foundation
import Ingestion

/// The files of a build, named and grouped before any is read: each with its catalog metadata and
/// a unique document name, in runs of consecutive files (chunks) for the workers.
struct SourcePlan: Sendable {
    var jobs: [SourceJob] = []
    /// Ranges of `jobs`, in order.
    var chunks: [Range<Int>] = []

    /// Chunks shrink as the plan goes (guided scheduling): each holds half a worker's share of
    /// what is left, between these bounds, so the first are large (few chunks: merging their
    /// postings costs per term and chunk) and the last small (workers finish together). The
    /// chunking does not change the index written.
    static let chunkBytes = (min: 256 << 10, max: 8 << 20)

    /// Catalogs that cannot be read are reported in `report`. Two files of the same name in
    /// different folders are told apart by their folder.
    init(_ sources: [SourceScanner.Source], threads: Int, report: inout IndexBuildReport) {
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
        var left = jobs.reduce(0) { $0 + Int($1.size) }
        var start = 0, bytes = 0
        var target = Self.chunkTarget(left, threads: threads)
        for (i, job) in jobs.enumerated() {
            bytes += Int(job.size)
            if bytes >= target || i == jobs.count - 1 {
                chunks.append(start..<(i + 1))
                left -= bytes
                target = Self.chunkTarget(left, threads: threads)
                start = i + 1
                bytes = 0
            }
        }
    }

    static func chunkTarget(_ left: Int, threads: Int) -> Int {
        min(chunkBytes.max, max(chunkBytes.min, left / (2 * max(1, threads))))
    }

    /// Up to this much text is sampled, from up to `sampleFiles` files spread over the corpus, to
    /// train the text store's dictionary; the dictionary gets 1/8 of the sample's size (measured:
    /// 1/16 and 1/4 both compress the ×100 benchmark corpus worse, and ×1 alike).
    static let sampleBytes = 256 << 10
    static let sampleFiles = 32
    static let dictionaryBytes = 64 << 10

    /// A zstd dictionary for the text store, trained on lines of evenly spaced files (the start of
    /// each, decoded as ingestion decodes it). Empty when the corpus is too small to train on.
    func trainDictionary() -> [UInt8] {
        guard !jobs.isEmpty else { return [] }
        let files = min(jobs.count, Self.sampleFiles)
        let perFile = Self.sampleBytes / files
        var samples: [[UInt8]] = []
        var total = 0
        for k in 0..<files {
            guard let bytes = Self.head(of: jobs[k * jobs.count / files].url, bytes: perFile * 2),
                let text = try? TextDecoder.decode(bytes, file: "sample").text
            else { continue }
            let utf8 = Array(text.utf8)
            var start = 0, taken = 0
            for (i, b) in utf8.enumerated() where b == 0x0A && taken < perFile {
                if i - start > 8 {
                    samples.append(Array(utf8[start..<i]))
                    taken += i - start
                }
                start = i + 1
            }
            total += taken
        }
        return ZstdCompressor.trainDictionary(samples, capacity: min(Self.dictionaryBytes, total / 8))
    }

    /// About the first `bytes` bytes of a file, cut after a line feed (so no character is cut in
    /// UTF-8 or GB18030); nil when unreadable.
    static func head(of url: URL, bytes: Int) -> [UInt8]? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: bytes) else { return nil }
        var head = [UInt8](data)
        if head.count == bytes, let end = head.lastIndex(of: 0x0A) { head.removeSubrange((end + 1)...) }
        return head
    }
}
