import Foundation
import FuzzSupport
import Query

/// Arbitrary bytes → (when valid UTF-8) QueryParser.parse, and, for queries that parse, a search of a
/// small real index: parse errors and QueryError from search are fine; a crash is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let query = String(validating: bytes, as: UTF8.self) else { return 0 }
    guard (try? QueryParser.parse(query)) != nil else { return 0 }
    let searcher = FuzzFixture.searcher
    _ = try? searcher.search(query, options: SearchOptions(limit: 3))
    _ = try? searcher.search(query, options: SearchOptions(limit: nil, rankDocuments: true))
    return 0
}
