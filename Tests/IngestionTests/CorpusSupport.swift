import Foundation
@testable import Ingestion
import TestSupport

/// Locates the bundled corpus from this source file, so tests run from any directory.
enum CorpusSupport {
    static let root = Support.root
    static let corpus = Support.corpus
    static let names = [
        "sichuan-commerce-14th-fyp",
        "chongqing-commerce-14th-fyp",
        "chengdu-services-14th-fyp",
        "chengdu-ecommerce-14th-fyp",
        "sichuan-trade-power-opinions-draft"
    ]

    static func document(_ name: String) throws -> Document {
        try Ingestor.ingest(fileAt: corpus.appendingPathComponent(name + ".txt"), catalog: try Catalog.load(directory: corpus))
    }

    static func raw(_ name: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    /// NFKC, no whitespace, no markdown/HTML emphasis: how gold and program output are compared.
    static func comparable(_ s: String) -> String {
        var t = s.precomposedStringWithCompatibilityMapping
        for debris in ["**", "<b>", "</b>", "#"] { t = t.replacingOccurrences(of: debris, with: "") }
        return String(t.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
}
