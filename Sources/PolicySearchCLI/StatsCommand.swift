import ArgumentParser
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Summarize the index.")

    @OptionGroup var location: IndexOptions

    @Flag(help: "Print JSON.")
    var json = false

    struct Stats: Encodable {
        var index: String
        var documents: Int
        var passages: Int
        var terms: Int
        var indexBytes: Int
        var averagePassageWords: Double
    }

    func run() throws {
        let r = try location.open()
        let s = Stats(
            index: location.directory.path, documents: r.documentCount, passages: r.passageCount, terms: r.termCount,
            indexBytes: r.fileSize, averagePassageWords: r.averageLength)
        if json {
            try JSON.print(s)
            return
        }
        print("index      \(s.index)")
        print("documents  \(s.documents)")
        print("passages   \(s.passages)")
        print("terms      \(s.terms) distinct characters")
        print("size       \(s.indexBytes) bytes")
        print(String(format: "avgdl      %.2f ICU words per passage", s.averagePassageWords))
    }
}
