import ArgumentParser
import Foundation
import Research

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Summarize the index.")

    @OptionGroup var location: IndexOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        let r = try location.open()
        let s = StatsJSON(r, directory: location.directory)
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
