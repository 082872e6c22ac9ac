import Analysis
import ArgumentParser
import Foundation

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze", abstract: "Show how text is segmented (ICU words) and normalized.")

    @Argument(help: "Text to analyze.")
    var text: String

    @Flag(help: "Print JSON: {text, normalized, tokens: [{text, normalized, start, end, kind}]}.")
    var json = false

    func run() throws {
        let analyzer = try Analyzer()
        let tokens = analyzer.tokens(text)
        let normalized = String(String.UnicodeScalarView(analyzer.normalize(text).scalars.compactMap(Unicode.Scalar.init)))
        if json {
            struct Out: Encodable {
                var text: String
                var normalized: String
                var tokens: [Token]
            }
            try JSON.print(Out(text: text, normalized: normalized, tokens: tokens))
            return
        }
        print("normalized: \(normalized)")
        print("ICU words:  " + tokens.map(\.text).joined(separator: " | "))
        for t in tokens {
            print("  [\(t.start), \(t.end)) \(t.text) \(t.kind.rawValue)" + (t.normalized != t.text ? " → \(t.normalized)" : ""))
        }
    }
}
