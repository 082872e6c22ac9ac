import Foundation
import Ingestion

/// Deterministic scale corpus: the bundled corpus's text files copied N times with distinct names
/// (copy-0001-name.txt …), plus a catalog.json giving each copy its original's metadata. Sidecar
/// files (synonyms.txt) are not documents and are not copied.
/// This is REPLICATED text: the vocabulary and term distribution do not grow with N, only the
/// number of passages and postings do. Figures at ×N are not those of N× more distinct documents.
enum ScaleCorpus {
    static func sourceFiles(_ corpus: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" && !Ingestor.sidecarFiles.contains($0.lastPathComponent) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func copyName(_ copy: Int, _ name: String) -> String {
        String(format: "copy-%04d-", copy) + name
    }

    /// Creates (or reuses, when complete) `data/xN/`. Returns its URL and total text bytes.
    static func generate(corpus: URL, scale n: Int, data: URL) throws -> (dir: URL, bytes: Int, files: Int) {
        let files = try sourceFiles(corpus)
        guard !files.isEmpty else { fatal("no .txt files in \(corpus.path)") }
        let dir = data.appendingPathComponent("x\(n)")
        let fm = FileManager.default
        let contents = try files.map { try Data(contentsOf: $0) }
        let perCopy = contents.reduce(0) { $0 + $1.count }
        let expected = Set((1...n).flatMap { c in files.map { copyName(c, $0.lastPathComponent) } })

        let existing = Set((try? fm.contentsOfDirectory(atPath: dir.path))?.filter { $0.hasSuffix(".txt") } ?? [])
        let complete = existing == expected && diskBytes(dir) - diskBytes(dir.appendingPathComponent("catalog.json")) == perCopy * n
        if !complete {
            try? fm.removeItem(at: dir)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            for c in 1...n {
                for (f, d) in zip(files, contents) {
                    try d.write(to: dir.appendingPathComponent(copyName(c, f.lastPathComponent)))
                }
            }
            // Catalog: each copy gets its original's metadata (optional file; skipped if absent).
            let catalogURL = corpus.appendingPathComponent("catalog.json")
            if let data = try? Data(contentsOf: catalogURL),
                let catalog = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            {
                var out: [String: Any] = [:]
                for c in 1...n {
                    for (name, meta) in catalog { out[copyName(c, name)] = meta }
                }
                try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys, .prettyPrinted])
                    .write(to: dir.appendingPathComponent("catalog.json"))
            }
        }
        return (dir, perCopy * n, files.count * n)
    }
}
