import Ingestion

/// A document's date when the catalog gives none, from what official documents print (GB/T 9704):
/// the date line of an issuing notice (2021年12月21日, alone on its line, also in Chinese numerals
/// 二〇二一年十二月二十一日), a law's or regulation's adoption note under its title (its last date:
/// the latest revision), a speech's or report's dated subtitle (——2025年1月15日在…会议上), a saved
/// page's dated source line (2023-09-01 21:50 来源：新华社), else the date line under the signature
/// that closes the document, else the year of its document number (川府发〔2021〕12号).
enum IssueDate {
    /// - Parameter closing: the document's last passages, last first.
    /// - Parameter field: a page's labelled date (成文日期：2024-03-15 or 2024年3月15日), read first.
    static func infer(title: String, field: String? = nil, opening: [String], closing: [String] = []) -> String? {
        if let field, let d = dateLine(field) ?? dates(in: field).first { return d }
        for line in opening {
            if let d = dateLine(line) ?? noteDate(line) ?? subtitleDate(line) ?? sourceLineDate(line) ?? monthLine(line) ?? signedLine(line)
            {
                return d
            }
        }
        for line in closing {
            if let d = dateLine(line) { return d }
        }
        for line in [title] + opening.filter(Regions.isDocumentNumberLine) {
            if let y = documentNumberYear(line) { return y }
        }
        return nil
    }

    /// The few passages after a notice's closing formula (特此通知。, 特此公告。), where its signature
    /// and date line stand: read when a long preamble (a saved page's furniture, a list of
    /// addressees) pushes them past the opening's first passages.
    static func afterClosingFormula(_ passages: [String]) -> [String] {
        guard let k = passages.firstIndex(where: { $0.hasPrefix("特此") && $0.count <= 8 }) else { return [] }
        return Array(passages[(k + 1)...].prefix(3))
    }

    /// "2021年12月21日" (or in Chinese numerals, or in brackets under a speech's title) as the whole
    /// line → "2021-12-21".
    static func dateLine(_ line: String) -> String? {
        var trimmed = Substring(line.trimmingCharacters(in: .whitespaces))
        if let f = trimmed.first, f == "（" || f == "(", let l = trimmed.last, l == "）" || l == ")" {
            trimmed = trimmed.dropFirst().dropLast()
        }
        let s = Array(
            trimmed.unicodeScalars.map { digit($0).map { Unicode.Scalar(UInt8(48 + $0)) } ?? $0 })
        let text = String(String.UnicodeScalarView(s))
        guard s.count <= 16, let y = text.range(of: "年"), let m = text.range(of: "月"), text.hasSuffix("日"),
            let year = Int(text[..<y.lowerBound]), (1949...2100).contains(year),
            let month = number(String(text[y.upperBound..<m.lowerBound])), (1...12).contains(month),
            let day = number(String(text[m.upperBound..<text.index(before: text.endIndex)])), (1...31).contains(day)
        else { return nil }
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// 2021年9月 (or 二〇二一年十一月) alone on a line, as a plan's cover prints it → "2021-09".
    static func monthLine(_ line: String) -> String? {
        let s = line.trimmingCharacters(in: .whitespaces).unicodeScalars.map { digit($0).map { Unicode.Scalar(UInt8(48 + $0)) } ?? $0 }
        let text = String(String.UnicodeScalarView(s))
        guard s.count <= 9, let y = text.range(of: "年"), text.hasSuffix("月"), let year = Int(text[..<y.lowerBound]),
            (1949...2100).contains(year), let month = number(String(text[y.upperBound..<text.index(before: text.endIndex)])),
            (1...12).contains(month)
        else { return nil }
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    /// 湖南省人民政府办公厅 2021年9月 (a cover's issuer and date on one line, the day given or not)
    /// → "2021-09".
    static func signedLine(_ line: String) -> String? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let m = text.firstMatch(of: /^(\p{Han}{4,40}?)\s*([0-9０-９〇○零一二三四五六七八九]{4}\s*年[^年]{1,12})$/),
            IssuerName.coverLine(String(m.output.1)) != nil
        else { return nil }
        let date = String(m.output.2).filter { $0 != " " }
        return dateLine(date) ?? monthLine(date)
    }

    /// （1999年4月29日…会议通过 … 2023年9月1日…会议修订）: a parenthesized note that records how a
    /// text was adopted, revised or published → its last date, the version's. Not the date it takes
    /// effect (自2024年6月1日起施行), which follows its publication: that is the date only when the
    /// note gives no other.
    static func noteDate(_ line: String) -> String? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard let first = text.first, first == "（" || first == "(", let last = text.last, last == "）" || last == ")",
            !text.dropFirst().dropLast().contains(where: { $0 == "）" || $0 == ")" }),
            ["通过", "修订", "修正", "公布", "发布", "印发", "批准", "施行"].contains(where: text.contains)
        else { return nil }
        // Clauses end at a space or mark, and after each act's verb: a note joined from wrapped
        // lines has lost its spaces (…令第88号公布自2024年6月1日起施行).
        let marked = String(text.dropFirst().dropLast()).replacing(/通过|修订|修正|公布|发布|印发|批准/) { $0.output + "，" }
        let clauses = marked.split(whereSeparator: { $0.isWhitespace || "，；、,;".contains($0) }).map(String.init)
        let issued = clauses.filter { !$0.contains("施行") }.flatMap(dates(in:))
        return issued.last ?? dates(in: text).last
    }

    /// ——2025年1月15日在某某市第十七届人民代表大会第五次会议上: the date a speech or report was given.
    static func subtitleDate(_ line: String) -> String? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("—") || text.hasPrefix("－") || text.hasPrefix("-") else { return nil }
        let body = text.drop(while: { $0 == "—" || $0 == "－" || $0 == "-" || $0 == " " || $0 == "　" })
        guard let date = dates(in: String(body.prefix(12))).first, body.contains("在") else { return nil }
        return date
    }

    /// 2023-09-01 21:50 来源：新华社 / 发布时间：2023年09月01日 来源：…: a saved page's dated source line.
    static func sourceLineDate(_ line: String) -> String? {
        guard line.count <= 80, line.contains("来源") else { return nil }
        return dates(in: line).first
    }

    /// Every full date in `text`, in order: 2023年9月1日, 2023-09-01, 2023.9.1 or 2023/09/01 (ASCII
    /// digits) → "2023-09-01".
    static func dates(in text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var found: [String] = []
        var i = 0
        while i + 4 <= s.count {
            guard let year = fixedNumber(s, i, 4), (1949...2100).contains(year), i == 0 || !isASCIIDigit(s[i - 1]) else {
                i += 1
                continue
            }
            var j = i + 4
            let separator: Unicode.Scalar? = j < s.count && (s[j] == "-" || s[j] == "." || s[j] == "/") ? s[j] : nil
            guard j < s.count, separator != nil || s[j] == "年" else {
                i += 1
                continue
            }
            j += 1
            let (month, afterMonth) = leadingNumber(s, j)
            j = afterMonth
            guard let month, (1...12).contains(month), j < s.count, s[j] == (separator ?? "月") else {
                i += 1
                continue
            }
            let (day, afterDay) = leadingNumber(s, j + 1)
            let ended = separator != nil ? afterDay == s.count || !isASCIIDigit(s[afterDay]) : afterDay < s.count && s[afterDay] == "日"
            guard let day, (1...31).contains(day), ended else {
                i += 1
                continue
            }
            found.append("\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)")
            i = afterDay
        }
        return found
    }

    private static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private static func fixedNumber(_ s: [Unicode.Scalar], _ at: Int, _ width: Int) -> Int? {
        guard at + width <= s.count, s[at..<(at + width)].allSatisfy(isASCIIDigit) else { return nil }
        return s[at..<(at + width)].reduce(0) { $0 * 10 + Int($1.value - 48) }
    }

    /// One or two ASCII digits at `at` → (value, index after them).
    private static func leadingNumber(_ s: [Unicode.Scalar], _ at: Int) -> (Int?, Int) {
        var j = at, n = 0
        while j < s.count, j - at < 2, isASCIIDigit(s[j]) {
            n = n * 10 + Int(s[j].value - 48)
            j += 1
        }
        return (j > at ? n : nil, j)
    }

    /// 〔2021〕 or [2021] in a document number → "2021".
    static func documentNumberYear(_ line: String) -> String? {
        let s = Array(line.prefix(200).unicodeScalars)
        for (i, c) in s.enumerated() where (c == "〔" || c == "[") && i + 5 < s.count {
            let digits = s[(i + 1)...(i + 4)]
            let close = s[i + 5]
            guard close == "〕" || close == "]", digits.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
                let year = Int(String(String.UnicodeScalarView(digits))), (1949...2100).contains(year)
            else { continue }
            return String(year)
        }
        return nil
    }

    /// 〇一二…九 as digits (a date line in Chinese numerals writes its year digit by digit).
    private static func digit(_ c: Unicode.Scalar) -> Int? {
        let chinese: [Unicode.Scalar: Int] = [
            "〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9
        ]
        return chinese[c]
    }

    /// "12" or, after digit mapping of 十二 → "1十2", the Chinese tens: 十 10, 十二 12, 二十一 21.
    private static func number(_ s: String) -> Int? {
        if let n = Int(s) { return n }
        let parts = s.split(separator: "十", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let tens = parts[0].isEmpty ? 1 : Int(parts[0]), ones = parts[1].isEmpty ? 0 : Int(parts[1])
        guard let tens, let ones, tens < 10, ones < 10 else { return nil }
        return tens * 10 + ones
    }
}
