import ArgumentParser
import Foundation
import Index
import Query

/// Exit codes: 0 ok · 1 no results with --fail-empty, or some input files skipped · 2 usage error
/// or malformed query · 3 index or input error (missing, damaged, unreadable).
@main
struct PolicySearch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy-search",
        abstract: "Full-text search for Chinese policy documents: exact sub-word matching, BM25 passages with provenance.",
        subcommands: [
            SearchCommand.self, IndexCommand.self, OutlineCommand.self, ShowCommand.self,
            AnalyzeCommand.self, StatsCommand.self, CheckCommand.self, DocsCommand.self
        ],
        defaultSubcommand: SearchCommand.self
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let e as QueryError {
            FileHandle.standardError.write("policy-search: \(e.message)\n")
            Foundation.exit(2)
        } catch let e as IndexError {
            FileHandle.standardError.write("policy-search: \(e)\n")
            Foundation.exit(3)
        } catch let e as ExitCode {
            Foundation.exit(e.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success || code.rawValue == 0 {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Argument and validation errors are usage errors: 2, as is conventional.
            FileHandle.standardError.write(fullMessage(for: error) + "\n")
            Foundation.exit(code == .validationFailure || code.rawValue == 64 ? 2 : (error is CLIError ? 3 : code.rawValue))
        }
    }
}

/// A runtime failure with a message for the user.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

extension FileHandle {
    func write(_ s: String) { write(Data(s.utf8)) }
}
