import Foundation
import Ingestion
import TestSupport
import Testing

@testable import Index

/// The document info the index stores is the JSON that `JSONEncoder` (sorted keys) writes, byte for
/// byte, though its headings are written by hand: checked on every document of the bundled corpus
/// and the development set, and on headings whose text needs escaping (which go through the encoder).
@Suite struct DocumentInfoJSONTests {
    static func info(_ url: URL) throws -> DocumentInfo {
        let doc = try Ingestor.ingest(fileAt: url)
        return DocumentInfo(
            name: doc.name, title: doc.title, metadata: doc.metadata, encoding: doc.encoding, format: doc.format,
            source: SourceInfo(path: url.path, size: 1234, modified: 1_764_612_345.678, hash: "0123456789abcdef"),
            headings: doc.headings)
    }

    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }

    @Test func realDocumentsEncodeAsJSONEncoderDoes() throws {
        var files = try Support.corpusFiles()
        if let dev = Support.corpusDev {
            files += try FileManager.default.contentsOfDirectory(atPath: dev.path).filter { !$0.hasPrefix("README") }.sorted()
                .map { dev.appendingPathComponent($0) }
        }
        var headings = 0
        for url in files {
            let info = try Self.info(url)
            headings += info.headings.count
            #expect(
                try DocumentInfoJSON.encode(info, with: Self.encoder()) == [UInt8](Self.encoder().encode(info)), "\(url.lastPathComponent)")
        }
        #expect(headings > 100)
    }

    @Test func headingsThatNeedEscapingGoThroughTheEncoder() throws {
        var info = try Self.info(try Support.corpusFiles()[0])
        #expect(info.headings.count >= 3)
        info.headings[0].title = "“十四五”/2021\\2025 \"引\"\u{2028}\t"
        info.headings[1].style = nil
        info.headings[2].label = "a/b"
        #expect(try DocumentInfoJSON.encode(info, with: Self.encoder()) == [UInt8](Self.encoder().encode(info)))
        info.headings = []
        #expect(try DocumentInfoJSON.encode(info, with: Self.encoder()) == [UInt8](Self.encoder().encode(info)))
    }
}
