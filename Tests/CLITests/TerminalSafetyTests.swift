import Foundation
import TestSupport
import Testing

/// A document's control characters (an escape sequence that would clear the screen or retitle the
/// window, a bell, a bidi override) never reach the terminal from search, show or kwic.
@Suite struct TerminalSafetyTests {
    @Test func controlCharactersInDocumentsAreNotPrinted() throws {
        let dir = try Support.temporaryDirectory("escapes")
        defer { Support.remove(dir) }
        let file = dir.appendingPathComponent("hostile.txt")
        // A few control characters in ordinary text (a file of mostly control characters is binary).
        let body = String(repeating: "坚持以人民为中心的发展思想，推动商务高质量发展，加快建设现代流通体系。", count: 20)
        try Support.write(
            "一、总体要求\n\n\(body)\n\n推进跨境电商\u{1B}[2J\u{1B}]0;PWNED\u{07}发展，\u{202E}反转文字\u{202C}支持海外仓建设。\n", to: file)
        let index = dir.appendingPathComponent("index").path
        #expect(try Support.run(["index", file.path, "--index", index]).status == 0)
        for args in [["search", "跨境电商"], ["show", "hostile.txt#3"], ["kwic", "海外仓"], ["search", "跨境电商", "--explain"]] {
            let r = try Support.run(args + ["--index", index])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(args)")
            #expect(r.stdout.contains("\u{FFFD}") || args[0] == "kwic", "\(args)")
        }
    }
}
