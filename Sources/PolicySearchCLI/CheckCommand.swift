import ArgumentParser
import Foundation
import Index
import Research

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify every checksum and structural invariant of an index.")

    @OptionGroup var location: IndexOptions

    func run() throws {
        let reader = try location.open()
        try reader.verify()
        print(
            "ok: \(location.directory.path): \(counted(reader.documentCount, "document")), \(counted(reader.passageCount, "passage")), \(reader.characterCount + reader.characterPairCount) terms, all checksums valid"
        )
    }
}
