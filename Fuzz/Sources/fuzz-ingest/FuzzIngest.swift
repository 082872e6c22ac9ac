import Analysis
import Foundation
import Ingestion

let analyzer = try! Analyzer()

/// Raw bytes → Ingestor.ingest(bytes:) (decode, clean, front matter, structure), then what indexing
/// does next with each passage: normalization with offsets and ICU word counts. IngestionError is
/// fine; a crash, hang or invariant violation is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let doc = try? Ingestor.ingest(bytes: bytes, name: "fuzz.txt") else { return 0 }
    for p in doc.passages {
        let n = analyzer.normalize(p.text)
        let scalars = p.text.unicodeScalars.count
        // Invariants the index and highlighting rely on.
        precondition(n.scalars.count == n.sourceOffsets.count)
        precondition(n.sourceOffsets.allSatisfy { $0 >= 0 && Int($0) < scalars })
        precondition(p.firstLine >= 1 && p.lastLine >= p.firstLine)
        _ = analyzer.wordCount(p.text)
    }
    for h in doc.headings { precondition(h.depth >= 1 && h.line >= 1) }
    return 0
}
