import Analysis
import Foundation
import Ingestion
import Query

/// The query list of `report --terms FILE`: UTF-8 (with or without BOM), one query per line in the
/// query language, blank lines, lines starting with # (or ＃) and comments after " #" ignored, and an optional label after
/// " = " (`跨境电商 | 跨境电子商务 = 跨境电商（含全称）`) that names the row instead of the query.
///
/// A bad line does not stop the others: it becomes a `Problem` with its line number.
public struct TermsFile: Sendable {
    public struct Entry: Equatable, Sendable {
        /// 1-based line number in the file.
        public var line: Int
        public var query: String
        public var label: String?

        public init(line: Int, query: String, label: String? = nil) {
            self.line = line
            self.query = query
            self.label = label
        }

        /// What the row is called: the label, else the query.
        public var name: String { label ?? query }
    }

    /// A line that cannot be used, and why.
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var text: String
        /// Why, in English (the command, the JSON) and in Chinese (the web page).
        public var message: String
        public var chinese: String

        public init(line: Int, text: String, _ why: Message) {
            (self.line, self.text, message, chinese) = (line, text, why.english, why.chinese)
        }

        public var description: String { "line \(line): \(message)" }
    }

    /// A file that cannot be read as a terms file at all.
    public enum FileError: Error, Equatable, CustomStringConvertible {
        case binary

        public var description: String {
            "the terms file is not text (binary, or an encoding other than UTF-8, UTF-16 or GB18030); give a text file with one query per line"
        }
    }

    public var entries: [Entry]
    public var problems: [Problem]

    public init(entries: [Entry], problems: [Problem] = []) {
        self.entries = entries
        self.problems = problems
    }

    /// Queries given in code (a server's request), numbered from 1.
    public init(queries: [String]) {
        self.init(entries: queries.enumerated().map { Entry(line: $0 + 1, query: $1) })
    }

    /// UTF-8 (BOM or not), read line by line so that one damaged line is reported and the rest
    /// run; a file that is not UTF-8 at all (GB18030 as WPS and older Excel save it, UTF-16) is
    /// decoded whole as documents are (`TextDecoder`).
    /// Lines end at LF or CRLF, or at CR in a file with no LF (Excel for Mac's "CSV (Macintosh)").
    public init(data: Data) throws {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let end: UInt8 = !bytes.contains(0x0A) && !bytes.contains(0) && bytes.contains(0x0D) ? 0x0D : 0x0A
        let lines = bytes.split(separator: end, omittingEmptySubsequences: false)
        // Blank lines are valid in any encoding: a one-line GB18030 file is judged by its one line.
        let written = lines.filter { !$0.isEmpty }
        let valid = written.filter { String(validating: $0, as: UTF8.self) != nil }.count
        if bytes.contains(0) || valid * 2 < written.count {
            do {
                let decoded = try TextDecoder.decode([UInt8](data), file: "terms file")
                // Split by scalar: "\r\n" is one Character, so a Character split would keep CRLF lines whole.
                let scalars = decoded.text.unicodeScalars
                let end: Unicode.Scalar = !scalars.contains("\n") && scalars.contains("\r") ? "\r" : "\n"
                let lines = scalars.split(separator: end, omittingEmptySubsequences: false)
                self.init(lines: lines.map { Optional(Self.droppingCR(String($0))) })
                return
            } catch {
                throw FileError.binary
            }
        }
        self.init(lines: lines.map { String(validating: $0, as: UTF8.self).map(Self.droppingCR) })
    }

    /// A line of a CRLF file without its CR, and without byte-order marks before it (a file
    /// converted twice, or files joined, carries one at the start of a line: not a query's text).
    private static func droppingCR(_ line: String) -> String {
        var scalars = Substring(line).unicodeScalars.drop { $0 == "\u{FEFF}" }
        if scalars.last == "\r" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Lines, nil for a line that could not be decoded.
    private init(lines: [String?]) {
        entries = []
        problems = []
        // First line of each query and label, and of each row name (a label, else the query):
        // found by hash, as a file may hold 100,000 lines.
        var firstLine: [String: Int] = [:]
        var firstName: [String: Int] = [:]
        // The same query once folded (ＲＣＥＰ and rcep, 跨境電商 and 跨境电商): rows that count alike.
        let normalizer = Normalizer()
        var firstFolded: [[UInt32]: Int] = [:]
        for (i, line) in lines.enumerated() {
            let number = i + 1
            guard let decoded = line else {
                problems.append(
                    Problem(
                        line: number, text: "",
                        Message(english: "not valid UTF-8; save the file as UTF-8", chinese: "不是有效的 UTF-8 文本；请把文件另存为 UTF-8")))
                continue
            }
            switch Self.parse(line: decoded) {
            case .none: continue
            case .entry(let query, let label):
                // A repeated line would be a repeated row: counted once, and said.
                let key = query + "\u{0}" + (label ?? "\u{1}")
                if let first = firstLine[key] {
                    problems.append(
                        Problem(
                            line: number, text: decoded,
                            Message(english: "repeats line \(first); counted once", chinese: "与第 \(first) 行重复；只计一次")))
                    continue
                }
                // Two rows of one name could not be told apart in the report: the first is counted,
                // the later one is not, and said (a problem is a line not counted).
                let name = label ?? query
                if let first = firstName[name] {
                    problems.append(
                        Problem(
                            line: number, text: decoded,
                            Message(
                                english: "names its row “\(name)” as line \(first) does; not counted: give it another label",
                                chinese: "行名“\(name)”与第 \(first) 行相同；未计入：请另起一个标签")))
                    continue
                }
                let folded = normalizer.fold(TypedText.clean(query))
                if let first = firstFolded[folded], label == nil {
                    problems.append(
                        Problem(
                            line: number, text: decoded,
                            Message(
                                english:
                                    "counts what line \(first) counts (search folds full-width forms, case and Traditional characters); counted once",
                                chinese: "与第 \(first) 行计的是同一内容（检索不分全角半角、大小写和繁简）；只计一次")))
                    continue
                }
                firstFolded[folded] = firstFolded[folded] ?? number
                firstLine[key] = number
                firstName[name] = firstName[name] ?? number
                entries.append(Entry(line: number, query: query, label: label))
            case .problem(let why): problems.append(Problem(line: number, text: decoded, why))
            }
        }
    }

    enum Line: Equatable {
        case none
        case entry(String, String?)
        case problem(Message)
    }

    /// One line: blank, a comment, a query with an optional label, or a problem. The label separator is
    /// the first " = " outside quotes, so a quoted phrase may contain one.
    static func parse(line raw: String) -> Line {
        // ＝ as a Chinese IME types it is the label's =.
        var line = raw.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "＝", with: "=")
        if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("＃") { return .none }
        if let number = listNumber(line) {
            // A list pasted with its numbering (1. 跨境电商) would search for the number too.
            return .problem(
                Message(
                    english:
                        "starts with the list number “\(number)”; not counted: remove the numbering, or quote the line to search for it",
                    chinese: "以列表编号“\(number)”开头；未计入：请去掉编号，或给整行加引号按原文检索"))
        }
        // A comment after the query: " #" (or a full-width ＃, as a Chinese IME types it) outside
        // quotes (C# stays a word).
        if let comment = outsideQuotes(
            in: line, where: { $0.hasPrefix(" #") || $0.hasPrefix("\t#") || $0.hasPrefix(" ＃") || $0.hasPrefix("\t＃") })
        {
            line = String(line[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        if line == "=" || line.hasPrefix("= ") { return .problem(Message(english: "no query before “\(line)”", chinese: "“\(line)”前没有查询")) }
        var query = line
        var label: String?
        if let split = labelSeparator(in: line) {
            query = String(line[..<split.lowerBound]).trimmingCharacters(in: .whitespaces)
            label = String(line[split.upperBound...]).trimmingCharacters(in: .whitespaces)
        } else if line.hasSuffix(" =") {
            return .problem(Self.emptyLabel)
        }
        if label == nil,
            let half = outsideQuotes(
                in: line, where: { $0.hasPrefix(" =") && !$0.hasPrefix(" = ") || $0.dropFirst().hasPrefix("= ") && $0.first != " " })
        {
            // 海外仓 =标签 or 海外仓= 标签: a label meant, its spaces mistyped.
            let at = line.distance(from: line.startIndex, to: half.lowerBound) + 2
            return .problem(
                Message(
                    english: "“=” at column \(at) has a space on one side only; write QUERY = LABEL, or quote “=” to search for it",
                    chinese: "第 \(at) 列的“=”只有一侧有空格；请写成 查询 = 标签，或给“=”加引号按原文检索"))
        }
        if query.isEmpty {
            return .problem(Message(english: "no query before “ = \(label ?? "")”", chinese: "“ = \(label ?? "")”前没有查询"))
        }
        if label?.isEmpty == true { return .problem(Self.emptyLabel) }
        return .entry(query, label)
    }

    private static let emptyLabel = Message(
        english: "empty label after “=”; write QUERY = LABEL, or leave the “=” out", chinese: "“=”后的标签为空；请写成 查询 = 标签，或去掉“=”")

    /// 1. 2、 3) （4） 一、 at the start of a line with more after it (not 2.5倍 or 5G).
    static func listNumber(_ line: String) -> String? {
        guard let m = line.prefixMatch(of: /^(?:[（(][0-9０-９]{1,3}[)）]|[0-9０-９]{1,3}[.．、)）]|[一二三四五六七八九十]{1,3}、)\s*/),
            line[m.range.upperBound...].first.map({ !$0.isNumber }) == true
        else { return nil }
        return String(line[m.range]).trimmingCharacters(in: .whitespaces)
    }

    private static func labelSeparator(in line: String) -> Range<String.Index>? {
        if line.hasSuffix(" =") && outsideQuotes(in: line, where: { $0.hasPrefix(" = ") }) == nil { return nil }
        return outsideQuotes(in: line, where: { $0.hasPrefix(" = ") }).map { $0.lowerBound..<line.index($0.lowerBound, offsetBy: 3) }
    }

    /// The first place outside "…" and “…” quotes where the rest of the line satisfies `matches`.
    private static func outsideQuotes(in line: String, where matches: (Substring) -> Bool) -> Range<String.Index>? {
        var quote: Character?
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" {
                quote = "\""
            } else if c == "“" {
                quote = "”"
            } else if matches(line[i...]) {
                return i..<line.index(after: i)
            }
            i = line.index(after: i)
        }
        return nil
    }
}
