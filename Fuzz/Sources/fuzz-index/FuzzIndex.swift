import Foundation
import FuzzSupport
import Index
import Query

let directory: URL = {
    let d = FileManager.default.temporaryDirectory.appendingPathComponent("policy-fuzz-index-\(getpid())")
    try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    return d
}()
let file = directory.appendingPathComponent(IndexFormat.fileName)

/// One index image: open, verify, search, read passages. Errors are fine; a crash is a bug.
/// The searches run whether or not verify() passed: a reader checks lazily, so a search may meet
/// damage that verify() would have reported.
func exercise(_ bytes: [UInt8]) {
    guard FileManager.default.createFile(atPath: file.path, contents: Data(bytes)) else { return }
    guard let reader = try? IndexReader(directory: directory) else { return }
    _ = try? reader.verify()
    var queries = ["跨境电商", "电", "\"发展 ( FDI )\"", "服务 OR 贸易 -重庆", "规划 doc:成都", "优化营商环境建设海外仓"]
    // Characters the index holds: single characters and phrases taken from stored passages.
    for p in [0, reader.passageCount / 2, reader.passageCount - 1] where p >= 0 {
        guard let text = try? reader.passage(p).text else { continue }
        let scalars = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\"" })
        for len in [1, 2, 5] where scalars.count >= len {
            queries.append("\"" + String(String.UnicodeScalarView(scalars.prefix(len))) + "\"")
        }
    }
    let searcher = Searcher(reader: reader)
    for q in queries {
        _ = try? searcher.search(q, options: SearchOptions(limit: 5))
        _ = try? searcher.search(q, options: SearchOptions(limit: nil, rankDocuments: true))
    }
    for p in [0, 1, reader.passageCount - 1] where p >= 0 {
        if let ref = try? PassageReference.format(reader, passage: p) { _ = try? PassageReference.resolve(ref, in: reader) }
        _ = try? reader.passage(p)
    }
    _ = try? PassageReference.resolve("x.txt#1", in: reader)
}

/// The input as index.psx, then the same bytes with every checksum recomputed (so mutations get
/// past the CRCs to the bounds and structure checks).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    exercise(bytes)
    if FuzzFixture.repairChecksums(&bytes) { exercise(bytes) }
    return 0
}
