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

    /// Catalogs that cannot be read, and their entries or fields left out, are reported in `report`.
    /// Two files of the same name in different folders are told apart by their folder; a file the
    /// index held before keeps the name it had (`earlierNames`, by source path), so passage ids
    /// such as plan.txt#24 never come to mean another document.
    init(_ sources: [SourceScanner.Source], threads: Int, earlierNames: [String: String] = [:], report: inout IndexBuildReport) {
        var catalogs: [String: Catalog] = [:]
        var names = Set<String>()
        var kept: [String: String] = [:]
        for s in sources {
            if let name = earlierNames[s.url.path], names.insert(name).inserted { kept[s.url.path] = name }
        }
        for s in sources {
            let dir = s.url.deletingLastPathComponent()
            if catalogs[dir.path] == nil {
                do {
                    let catalog = try Catalog.load(directory: dir)
                    for p in catalog.problems { report.skipped.append((dir.appendingPathComponent(Catalog.fileName).path, p)) }
                    catalogs[dir.path] = catalog
                } catch {
                    report.skipped.append((dir.appendingPathComponent(Catalog.fileName).path, "\(error)"))
                    catalogs[dir.path] = Catalog()
                }
            }
            let name = kept[s.url.path] ?? Self.uniqueName(for: s.url, taken: &names)
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

    /// The file name, else with its folder (b/plan.txt), else with more folders, else numbered
    /// (2/plan.txt; "#" would read as a passage id).
    static func uniqueName(for url: URL, taken: inout Set<String>) -> String {
        var name = url.lastPathComponent
        var folder = url.deletingLastPathComponent()
        var k = 0
        while taken.contains(name) {
            if folder.path != "/" && k < 3 {
                name = folder.lastPathComponent + "/" + name
                folder = folder.deletingLastPathComponent()
            } else {
                name = "\(k)/" + url.lastPathComponent
            }
            k += 1
        }
        taken.insert(name)
        return name
    }

    static func chunkTarget(_ left: Int, threads: Int) -> Int {
        min(chunkBytes.max, max(chunkBytes.min, left / (2 * max(1, threads))))
    }

    /// Up to this much text is sampled, from up to `sampleFiles` files spread over the corpus, to
    /// train the text store's dictionary; the dictionary gets 1/8 of the sample's size (measured:
    /// 1/16 and 1/4 both compress the ×100 benchmark corpus worse, and ×1 alike).
    static let sampleBytes = 256 << 10
    static let sampleFiles = 64
    static let dictionaryBytes = 64 << 10

    /// A zstd dictionary for the text store, trained on lines of evenly spaced files, each sampled
    /// at a different place (a golden-ratio sequence over the file, so heads, bodies and ends all
    /// count), decoded as ingestion decodes them. Empty when the corpus is too small to train on.
    func trainDictionary() -> [UInt8] {
        guard !jobs.isEmpty else { return [] }
        let files = min(jobs.count, Self.sampleFiles)
        let perFile = Self.sampleBytes / files
        var samples: [[UInt8]] = []
        var total = 0
        for k in 0..<files {
            let job = jobs[k * jobs.count / files]
            let place = (Double(k) * 0.618_033_988_75).truncatingRemainder(dividingBy: 1)
            guard let bytes = Self.slice(of: job.url, at: Int(place * Double(max(0, Int(job.size) - perFile * 2))), bytes: perFile * 2),
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

    /// About `bytes` bytes of a file from `offset`, cut after line feeds at both ends (so no
    /// character is cut in UTF-8 or GB18030); nil when unreadable.
    static func slice(of url: URL, at offset: Int, bytes: Int) -> [UInt8]? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard (try? handle.seek(toOffset: UInt64(offset))) != nil, let data = try? handle.read(upToCount: bytes) else { return nil }
        var slice = [UInt8](data)
        if slice.count == bytes, let end = slice.lastIndex(of: 0x0A) { slice.removeSubrange((end + 1)...) }
        if offset > 0, let start = slice.firstIndex(of: 0x0A) { slice.removeSubrange(...start) }
        return slice
    }
}
