import ArgumentParser
import Foundation
import Index
import Query
import Research

/// `docs` (alias `list`): what an index holds, document by document, and where it came from.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "List the indexed documents: file, title, issuer, document number, region, date, format, passages, source path.",
        aliases: ["list"])

    @OptionGroup var location: IndexOptions

    @Flag(
        help:
            "Print JSON: {index, sources, excluded, documents: [{doc, title, region, regionInferred, date, dateInferred, issuer, number, format, passages, source, sameContentAs}]}."
    )
    var json = false

    /// One document. Region and date are the ones the filters use: the catalog's, else what the
    /// title, issuer or document number say (`regionInferred`, `dateInferred`).
    struct Entry: Encodable {
        var doc, title: String
        @NullWhenAbsent var region: String?
        var regionInferred: Bool
        @NullWhenAbsent var date: String?
        var dateInferred: Bool
        @NullWhenAbsent var issuer: String?
        /// The document number (发文字号) its opening prints.
        @NullWhenAbsent var number: String?
        var format: String
        var passages: Int
        var source: String
        /// The earlier document whose text this one repeats (every total counts its mentions again).
        @NullWhenAbsent var sameContentAs: String?
    }

    /// The JSON contract of `docs --json`.
    struct Listing: Encodable {
        var index: String
        var sources, excluded: [String]
        var documents: [Entry]
    }

    static func listing(_ reader: IndexReader, index: URL) throws -> Listing {
        let manifest = try reader.manifest()
        let documents = try DocumentFacts.load(reader).map { f -> Entry in
            Entry(
                doc: f.name, title: f.title, region: f.region, regionInferred: f.regionInferred, date: f.date, dateInferred: f.dateInferred,
                issuer: f.issuer, number: f.number, format: f.format, passages: f.passages.count,
                source: try reader.documentInfo(f.index).source.path, sameContentAs: f.sameContentAs)
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
            // Inferred values are marked with "~": read from the text, not given by a catalog.
            let date = d.date.map { d.dateInferred ? "~" + $0 : $0 }, region = d.region.map { d.regionInferred ? "~" + $0 : $0 }
            let facts = [counted(d.passages, "passage"), d.format, date, region].compactMap { $0 }.joined(separator: " · ")
            print("\(String(format: "%3d", i + 1))  \(t.bold(d.doc))  \(facts)")
            // The issuer the issuer: filter reads, after the title it issued, and the number it gave it.
            print("     \(d.title)" + [d.issuer, d.number].compactMap { $0.map { " · " + $0 } }.joined())
            print("     " + t.dim(Self.elided(d.source, to: 90)))
            if let first = d.sameContentAs { print("     same content as \(first): every total counts its mentions again") }
        }
        let passages = listing.documents.reduce(0) { $0 + $1.passages }
        print(
            "\(counted(listing.documents.count, "document")), \(counted(passages, "passage")), from \(listing.sources.joined(separator: ", "))"
        )
        if !listing.excluded.isEmpty { print("removed from them: \(listing.excluded.joined(separator: ", "))") }
        if listing.documents.contains(where: { $0.regionInferred || $0.dateInferred }) {
            print(t.dim("~ region or date read from the title, issuer or document number (no catalog entry gives it)"))
        }
    }
}
