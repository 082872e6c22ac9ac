import ArgumentParser
import Foundation
import Index
import Ingestion
import Query

/// The command-line tool. Exit statuses, the same for every command (README, "Exit status"):
///
///     0  success
///     1  nothing matched (with --fail-empty), or `index`/`report` skipped some input files or lines
///     2  usage error: unknown command or option, malformed query or input file, no such passage
///     3  index missing, damaged, unreadable or of another version
@main
struct PolicySearch: ParsableCommand {
    static let version = "0.4.0"

    static let configuration = CommandConfiguration(
        commandName: "policy-search",
        abstract: "Full-text search for Chinese policy documents: exact sub-word matching, BM25 passages with provenance.",
        discussion: "Exit status: 0 ok · 1 nothing matched (--fail-empty) or input skipped · 2 usage error · 3 index trouble.",
        version: version,
        subcommands: [
            SearchCommand.self, IndexCommand.self, OutlineCommand.self, ShowCommand.self,
            AnalyzeCommand.self, StatsCommand.self, CheckCommand.self, DocsCommand.self, SimilarCommand.self, ReuseCommand.self,
            CheckDraftCommand.self, RelatedCommand.self, CompareCommand.self, KwicCommand.self, ReportCommand.self, TargetsCommand.self,
            ServeCommand.self
        ],
        defaultSubcommand: SearchCommand.self
    )

    static func main() {
        let arguments = negativeValuesAttached(Array(CommandLine.arguments.dropFirst()))
        do {
            if let error = misspelledCommand(arguments) { throw error }
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            exit(with: error)
        }
    }

    static func exit(with error: Error) -> Never {
        func fail(_ status: Int32, _ message: String) -> Never {
            let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { Terminal.printable(String($0)) }
            FileHandle.standardError.write("policy-search: \(lines.joined(separator: "\n"))\n")
            Foundation.exit(status)
        }
        switch error {
        case let e as CLIError: fail(e.status, e.message)
        case let e as QueryError: fail(2, e.description)
        case let e as IndexError: fail(3, "\(e)")
        case let e as IngestionError: fail(2, e.description)
        // Thrown by a command's run() (parse-time ones come wrapped, with the command's usage).
        case let e as ValidationError: fail(2, e.message)
        case let e as ExitCode: Foundation.exit(e.rawValue)
        default:
            let code = exitCode(for: error)
            if code.rawValue == 0 {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            // Argument and validation errors are usage errors: 2, as is conventional.
            FileHandle.standardError.write(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }

    /// Options that take a number.
    static let numericOptions: Set<String> = [
        "--limit", "--k1", "--b", "--min", "--min-length", "--width", "--per", "--best", "--context", "--threads", "--port"
    ]

    /// `--limit -3` reads as an option followed by another option (-3) and fails with "Missing
    /// value"; attached (`--limit=-3`) the value reaches the option's own range check, whose message
    /// says what is allowed.
    static func negativeValuesAttached(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return out + arguments[i...] }
            if numericOptions.contains(a), i + 1 < arguments.count, arguments[i + 1].wholeMatch(of: /-[0-9][0-9.]*/) != nil {
                out.append(a + "=" + arguments[i + 1])
                i += 2
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }

    /// `policy-search stat` would search for "stat"; a first word that looks like a mistyped
    /// command gets a suggestion instead (write `search stat` to search for it).
    static func misspelledCommand(_ arguments: [String]) -> CLIError? {
        guard let first = arguments.first, first.count >= 3, first.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }),
            !first.hasPrefix("-")
        else { return nil }
        let names = configuration.subcommands.flatMap { [$0.configuration.commandName ?? ""] + $0.configuration.aliases }
        guard !names.contains(first) else { return nil }
        let close = names.filter { EditDistance.between(first, $0) <= ($0.count > 4 ? 2 : 1) || ($0.hasPrefix(first) && first.count >= 3) }
        guard let suggestion = close.min(by: { EditDistance.between(first, $0) < EditDistance.between(first, $1) }) else { return nil }
        return CLIError(
            "unknown command “\(first)”; did you mean “\(suggestion)”? To search for the word, write: policy-search search \(first)")
    }
}

/// A failure with a message for the user and its exit status (2 unless said otherwise).
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var status: Int32

    init(_ message: String, status: Int32 = 2) {
        self.message = message
        self.status = status
    }

    init(message: String) { self.init(message) }

    var description: String { message }
}

extension FileHandle {
    func write(_ s: String) { write(Data(s.utf8)) }
}
