import ArgumentParser
import Foundation
import Index

/// `docs` (alias `list`): what an index holds, document by document, and where it came from.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "List the indexed documents: file, title, region, date, format, passages, source path.",
        aliases: ["list"])

    @OptionGroup var location: IndexOptions

    @Flag(help: "Print JSON: {index, sources, excluded, documents: [{doc, title, region, date, issuer, format, passages, source}]}.")
    var json = false

    struct Entry: Encodable {
        var doc, title, format, source: String
        var region, date, issuer: String?
        var passages: Int

        enum CodingKeys: String, CodingKey { case doc, title, region, date, issuer, format, passages, source }

        /// Missing metadata is `null`, not absent: every entry has the same keys.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            let strings: [(CodingKeys, String?)] = [
                (.doc, doc), (.title, title), (.region, region), (.date, date), (.issuer, issuer), (.format, format), (.source, source)
            ]
            for (key, value) in strings { try c.encode(value, forKey: key) }
            try c.encode(passages, forKey: .passages)
        }
    }

    /// The JSON contract of `docs --json`.
    struct Listing: Encodable {
        var index: String
        var sources, excluded: [String]
        var documents: [Entry]
    }

    static func listing(_ reader: IndexReader, index: URL) throws -> Listing {
        let manifest = try reader.manifest()
        let documents = try (0..<reader.documentCount).map { d -> Entry in
            let info = try reader.documentInfo(d)
            return Entry(
                doc: info.name, title: info.title, format: info.format, source: info.source.path, region: info.metadata.region,
                date: info.metadata.date, issuer: info.metadata.issuer, passages: try reader.passageRange(ofDocument: d).count)
        }
        return Listing(index: index.path, sources: manifest.roots, excluded: manifest.excluded, documents: documents)
    }

    /// `path` cut in the middle to `width` characters (the start and the file name stay).
    static func elided(_ path: String, to width: Int) -> String {
        guard path.count > width else { return path }
        let tail = (width - 1) * 2 / 3
        return String(path.prefix(width - 1 - tail)) + "…" + String(path.suffix(tail))
    }

    func run() throws {
        let listing = try Self.listing(try location.open(), index: location.directory)
        if json { return try JSON.print(listing) }
        let t = Terminal.standardOutput
        for (i, d) in listing.documents.enumerated() {
            let facts = ["\(d.passages) passages", d.format, d.date, d.region].compactMap { $0 }.joined(separator: " · ")
            print("\(String(format: "%3d", i + 1))  \(t.bold(d.doc))  \(facts)")
            print("     \(d.title)")
            print("     " + t.dim(Self.elided(d.source, to: 90)))
        }
        let passages = listing.documents.reduce(0) { $0 + $1.passages }
        print("\(listing.documents.count) documents, \(passages) passages, from \(listing.sources.joined(separator: ", "))")
        if !listing.excluded.isEmpty { print("removed from them: \(listing.excluded.joined(separator: ", "))") }
    }
}
