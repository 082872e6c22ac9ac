import Analysis
import Foundation
import Ingestion

/// Groups of forms that name one thing (跨境电商 = 跨境电子商务, 综保区 = 综合保税区), read from a
/// UTF-8 text file: one group per line, forms separated by `=`, `#` starts a comment, blank lines
/// are ignored. A plain (unquoted) query part equal to a form searches every form of its group as one
/// term; quoted parts and `--exact` searches never expand.
public struct SynonymTable: Sendable {
    public struct Group: Sendable {
        /// The forms as written in the file.
        public var forms: [String]
        /// Each form cleaned and normalized as text is.
        public var normalized: [[UInt32]]
    }

    public private(set) var groups: [Group] = []
    private var groupOf: [[UInt32]: Int] = [:]
    /// Where the table came from, for messages.
    public var source: String

    public struct ParseError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        /// "file:line: message", or "file: message" for the file as a whole (line 0).
        public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
    }

    public static let fileName = "synonyms.txt"

    public init(source: String = "") { self.source = source }

    public static func load(_ url: URL, normalizer: Normalizer) throws -> SynonymTable {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ParseError(file: url.path, line: 0, message: "cannot be read: \((error as NSError).localizedDescription)")
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw ParseError(file: url.path, line: 0, message: "is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text, source: url.path, normalizer: normalizer)
    }

    public static func parse(_ text: String, source: String, normalizer: Normalizer) throws -> SynonymTable {
        var table = SynonymTable(source: source)
        table.groupOf.reserveCapacity(64)
        var groupLines: [Int] = []
        // Read as Unicode scalars, not Characters: every search reads the file, and splitting it by
        // Character cost ~1.3 M instructions (a Swift Regex, ~10 M).
        for (i, raw) in lines(text).enumerated() {
            let number = i + 1
            let line = raw.firstIndex(of: "#").map { raw[..<$0] } ?? raw
            guard line.contains(where: { !isSpace($0) }) else { continue }
            let forms = line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "=" || $0 == "＝" }).map {
                unquoted(trimmed($0))
            }
            guard forms.count >= 2 else {
                throw ParseError(
                    file: source, line: number, message: "a group needs two or more forms separated by “=”, as in 跨境电商 = 跨境电子商务")
            }
            guard forms.allSatisfy({ !$0.isEmpty }) else {
                throw ParseError(
                    file: source, line: number, message: "an empty form: every “=” stands between two forms, as in 跨境电商 = 跨境电子商务")
            }
            let normalized = forms.map { normalizer.fold(TypedText.clean($0)) }
            for (k, (form, n)) in zip(forms, normalized).enumerated() {
                if let other = table.groupOf[n] {
                    let group = table.groups[other].forms.joined(separator: " = ")
                    throw ParseError(
                        file: source, line: number,
                        message: "“\(form)” is already in the group on line \(groupLines[other]) (\(group)); a form belongs to one group")
                }
                if normalized[..<k].contains(n) {
                    throw ParseError(file: source, line: number, message: "“\(form)” stands twice in this group")
                }
            }
            let g = table.groups.count
            table.groups.append(Group(forms: forms, normalized: normalized))
            groupLines.append(number)
            for n in normalized { table.groupOf[n] = g }
        }
        return table
    }

    /// A form written in quotes ("跨境" or “跨境”), as a query part might be, is the text inside:
    /// quotes kept would make a form no query part ever equals.
    static func unquoted(_ form: String) -> String {
        let pairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("「", "」")]
        guard form.count >= 2, let first = form.first, let last = form.last,
            pairs.contains(where: { $0.0 == first && $0.1 == last })
        else { return form }
        return trimmed(form.dropFirst().dropLast().unicodeScalars)
    }

    /// The lines of `text`, which end in \n, \r\n or \r (\r\n is one line end, as an editor counts).
    static func lines(_ text: String) -> [Substring.UnicodeScalarView] {
        let scalars = text.unicodeScalars
        var out: [Substring.UnicodeScalarView] = []
        var start = scalars.startIndex, i = start
        while i < scalars.endIndex {
            let c = scalars[i]
            guard c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" else {
                i = scalars.index(after: i)
                continue
            }
            out.append(Substring(text)[start..<i].unicodeScalars)
            i = scalars.index(after: i)
            if c == "\r", i < scalars.endIndex, scalars[i] == "\n" { i = scalars.index(after: i) }
            start = i
        }
        out.append(Substring(text)[start...].unicodeScalars)
        return out
    }

    /// Without leading and trailing white space (Foundation's `trimmingCharacters` costs tens of
    /// thousands of instructions a call, and every search reads the file).
    static func trimmed(_ s: Substring.UnicodeScalarView) -> String {
        guard let first = s.firstIndex(where: { !isSpace($0) }), let last = s.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(s[first...last]))
    }

    /// Unicode's White_Space set, listed (a property lookup costs hundreds of instructions a
    /// scalar): 0009–000D, 0020, 0085, 00A0, 1680, 2000–200A, 2028, 2029, 202F, 205F, 3000.
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The group a normalized form belongs to.
    public func group(of form: [UInt32]) -> Group? { groupOf[form].map { groups[$0] } }
}
