import ArgumentParser
import Foundation
import Index

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Summarize the index.")

    @OptionGroup var location: IndexOptions

    @Flag(help: "Print JSON.")
    var json = false

    struct Document: Encodable {
        var doc, format: String
        var passages: Int
    }

    /// The JSON contract of `stats --json`.
    struct Stats: Encodable {
        var index: String
        /// Each document with its source format and passage count.
        var documents: Int, documentList: [Document]
        /// Documents per source format; bytes of each section of the index file.
        var formats, sections: [String: Int]
        /// Index terms: distinct normalized characters plus distinct pairs of adjacent characters.
        var passages, terms, characters, characterPairs, indexBytes: Int
        var averagePassageWords: Double
        var sources: [String]
    }

    func run() throws {
        let r = try location.open()
        let documents = try (0..<r.documentCount).map { d in
            Document(
                doc: try r.documentInfo(d).name, format: try r.documentInfo(d).format, passages: try r.passageRange(ofDocument: d).count)
        }
        let s = Stats(
            index: location.directory.path, documents: documents.count, documentList: documents,
            formats: Dictionary(documents.map { ($0.format, 1) }, uniquingKeysWith: +),
            sections: Dictionary(r.sectionSizes().map { ($0.name, $0.bytes) }, uniquingKeysWith: +), passages: r.passageCount,
            terms: r.characterCount + r.characterPairCount, characters: r.characterCount, characterPairs: r.characterPairCount,
            indexBytes: r.fileSize, averagePassageWords: r.averageLength, sources: try r.manifest().roots)
        if json { return try JSON.print(s) }
        let formats = s.formats.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("index      \(s.index)")
        print("sources    \(s.sources.joined(separator: ", "))")
        print("documents  \(documents.count) (\(formats))")
        for d in documents { print("           \(d.doc)  \(d.format), \(d.passages) passages") }
        print("passages   \(s.passages)")
        print("terms      \(s.terms): \(s.characters) distinct characters and \(s.characterPairs) distinct character pairs")
        print("size       \(s.indexBytes) bytes")
        // Sections largest first, a few to a line: the output fits an 80-column terminal.
        let sections = r.sectionSizes().sorted { $0.bytes > $1.bytes }.map { "\($0.name) \($0.bytes)" }
        for start in stride(from: 0, to: sections.count, by: 3) {
            print("           " + sections[start..<min(sections.count, start + 3)].joined(separator: ", "))
        }
        print(String(format: "avgdl      %.2f ICU words per passage", s.averagePassageWords))
    }
}
