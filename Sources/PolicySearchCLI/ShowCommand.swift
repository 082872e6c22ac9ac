import ArgumentParser
import Foundation
import Index
import Query
import Research

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a passage (FILE#N, as printed by search) with its neighbours.")

    @Argument(help: "Passage id, e.g. chongqing-commerce-14th-fyp.txt#42.")
    var passage: String

    @Option(help: "Passages to show before and after.")
    var context: Int = 2

    @Flag(help: "Print JSON: {passage, passages: [{doc, title, path, box, passage, line, page, text, current}]}.")
    var json = false

    @OptionGroup var location: IndexOptions

    func validate() throws {
        guard context >= 0 else { throw ValidationError("--context must be 0 or more") }
    }

    func run() throws {
        let reader = try location.open()
        guard let id = try PassageReference.resolve(passage, in: reader) else {
            throw CLIError("no passage “\(passage)” in the index; ids look like FILE#N, as printed by search (see `policy-search docs`)")
        }
        if json {
            try JSON.print(PassageContextJSON(reader, reference: passage, passage: id, context: context))
            return
        }
        let p = try reader.passage(id)
        let range = try reader.passageRange(ofDocument: p.record.document)
        let info = try reader.documentSummary(p.record.document)
        let shown = try PassageContextJSON.window(reader, passage: id, context: context)
        let t = Terminal.standardOutput
        print(t.bold(Terminal.elideMiddle(info.title, columns: t.width)) + "  " + t.dim(info.name))
        for k in shown {
            let q = try reader.passage(k)
            var path = q.path
            if let box = q.box { path.append(box) }
            let marker = k == id ? "▶" : " "
            var location = "\(marker) #\(k - range.lowerBound + 1)  lines \(q.record.firstLine)–\(q.record.lastLine)"
            if let pages = q.record.pageLabel { location += "  " + pages }
            print("")
            print(t.dim(location) + "  " + Terminal.path(path, columns: max(20, t.width - location.count - 4)))
            for line in Terminal.wrap(Terminal.printable(q.text), columns: t.width - 2) { print("  " + (k == id ? t.bold(line) : line)) }
        }
    }
}
