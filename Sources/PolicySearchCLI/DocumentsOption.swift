import ArgumentParser
import Foundation
import Query

/// `--docs SPEC`, shared by the research commands. Its value may begin with "-" (`--docs
/// -doc:草案`: every document but the drafts), so it is taken unconditionally, never read as an
/// option.
struct DocumentsOption: ParsableArguments {
    @Option(
        name: .customLong("docs"), parsing: .unconditional,
        help: ArgumentHelp("Only these documents: filters (region:四川 -doc:草案) or comma-separated names.", valueName: "SPEC"))
    var spec: String?
}

extension DocumentsOption {
    /// Notes on the documents a research command covers (`DocumentScope.notes`: undated documents a
    /// `--docs` date filter leaves out, copies counted again), on standard error, as every research
    /// command gives them.
    static func printNotes(_ notes: [Message]) {
        for note in notes { FileHandle.standardError.write("note: \(Terminal.printable(note.english))\n") }
    }
}
