import ArgumentParser
import Foundation
import Index
import Research

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Summarize the index.")

    @OptionGroup var location: IndexOptions

    @Flag(help: "Print JSON: documents, formats, sections, characters, pairs, sources.")
    var json = false

    func run() throws {
        let r = try location.open()
        let s = try StatsJSON(r, directory: location.directory)
        if json { return try JSON.print(s) }
        let formats = s.formats.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("index      \(s.index)")
        print("sources    \(s.sources.joined(separator: ", "))")
        print("documents  \(s.documents) (\(formats))")
        for d in s.documentList { print("           \(d.doc)  \(d.format), \(counted(d.passages, "passage"))") }
        print("passages   \(s.passages)")
        print("terms      \(s.terms): \(s.characters) distinct characters and \(s.characterPairs) distinct character pairs")
        print("size       \(s.indexBytes) bytes")
        // Sections largest first, a few to a line: the output fits an 80-column terminal.
        let sections = r.sectionSizes().sorted { $0.bytes > $1.bytes }.map { "\($0.name) \($0.bytes)" }
        for start in stride(from: 0, to: sections.count, by: 3) {
            print("           " + sections[start..<min(sections.count, start + 3)].joined(separator: ", "))
        }
        print(String(format: "avgdl      %.2f letters and digits per passage", s.averagePassageLength))
    }
}
