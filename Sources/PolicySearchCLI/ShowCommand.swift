import ArgumentParser
import Foundation
import Index
import Query

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a passage (FILE#N, as printed by search) with its neighbours.")

    @Argument(help: "Passage id, e.g. chongqing-commerce-14th-fyp.txt#42.")
    var passage: String

    @Option(help: "Passages to show before and after.")
    var context: Int = 2

    @OptionGroup var location: IndexOptions

    func validate() throws {
        guard context >= 0 else { throw ValidationError("--context must be 0 or more") }
    }

    func run() throws {
        let reader = try location.open()
        guard let id = try PassageReference.resolve(passage, in: reader) else {
            throw ValidationError("no passage \(passage); ids look like FILE#N, as printed by search")
        }
        let p = try reader.passage(id)
        let range = try reader.passageRange(ofDocument: p.record.document)
        let info = try reader.documentSummary(p.record.document)
        let t = Terminal.standardOutput
        print(t.bold(info.title) + "  " + t.dim(info.name))
        for k in max(range.lowerBound, id - context)..<min(range.upperBound, id + context + 1) {
            let q = try reader.passage(k)
            var path = q.path
            if let box = q.box { path.append(box) }
            let marker = k == id ? "▶" : " "
            print("")
            print(
                t.dim(
                    "\(marker) #\(k - range.lowerBound + 1)  lines \(q.record.firstLine)–\(q.record.lastLine)  "
                        + path.joined(separator: " › ")))
            print("  " + (k == id ? t.bold(q.text) : q.text))
        }
    }
}
