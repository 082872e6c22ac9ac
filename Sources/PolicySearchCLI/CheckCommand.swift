import ArgumentParser
import Foundation
import Index

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Verify every checksum and structural invariant of an index.")

    @OptionGroup var location: IndexOptions

    func run() throws {
        let reader = try location.open()
        try reader.verify()
        print(
            "ok: \(location.directory.path): \(reader.documentCount) documents, \(reader.passageCount) passages, \(reader.characterCount + reader.characterPairCount) terms, all checksums valid"
        )
    }
}
