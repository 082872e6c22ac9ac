import Ingestion

/// The labelled fields that government websites print above a published document (政务公开
/// pages: 发布机构：…, 发文字号：…, 成文日期：…), kept when the page is saved as text or HTML. The value
/// follows the colon or stands on the next line; labels are read with their spaces removed
/// (发 布 机 构 ：). They give an issuer, a document number and a date where no catalog does.
struct OpeningFields: Equatable {
    var issuer: String?
    var number: String?
    /// The organ a saved page's source line names (来源：贵州省商务厅): the issuer when the title,
    /// cover and signature name none.
    var source: String?
    /// A saved page's 发布时间: its date when the text dates it nowhere else.
    var published: String?
    var date: String?

    init(issuer: String? = nil, number: String? = nil, date: String? = nil) {
        self.issuer = issuer
        self.number = number
        self.date = date
    }

    static let issuerLabels = PageFields.issuerLabels
    static let numberLabels = PageFields.numberLabels
    static let dateLabels = PageFields.dateLabels

    /// Opening passages looked at: a saved page puts its navigation before the fields.
    static let openingPassages = 40

    init(lines rows: [String]) {
        // Fields laid out as a table (发布机构： | 浙江省人民政府办公厅, as gov.cn pages do) read cell by cell.
        // Read in Simplified (發佈機構：… is 发布机构：…), the values given back as printed.
        let printedLines = rows.flatMap { $0.components(separatedBy: " | ") }
        let lines = printedLines.map(ScriptVariants.folded)
        defer {
            // Simplified rows (most) are read as printed already.
            if lines != printedLines {
                (issuer, number, source) = (
                    issuer.map { Self.printed($0, in: printedLines) }, number.map { Self.printed($0, in: printedLines) },
                    source.map { Self.printed($0, in: printedLines) }
                )
            }
        }
        for (i, raw) in lines.enumerated() {
            let line = raw.filter { !$0.isWhitespace }
            // Several fields run together on one line (a page printed to PDF: 发布机构：…主题分类：…成文日期：…).
            let pairs = Self.pairs(in: line)
            if pairs.count > 1 {
                for (label, value) in pairs { take(label, value) }
                continue
            }
            guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            let label = String(line[..<colon])
            var value = String(line[line.index(after: colon)...])
            if value.isEmpty, i + 1 < lines.count, !Self.isLabel(lines[i + 1]) { value = lines[i + 1].trimmingCharacters(in: .whitespaces) }
            take(label, value)
        }
        // A saved page's source line (2025-03-05 来源：云南省商务厅, or 来源：… 浏览次数：…) names the
        // organ that published it, if it is an organ's name (not 新华社).
        for raw in lines where source == nil {
            let line = raw.filter { !$0.isWhitespace }
            let value =
                Self.pairs(in: line).first { PageFields.sourceLabels.contains($0.label) }?.value
                ?? (line.range(of: "来源：") ?? line.range(of: "来源:")).map { String(line[$0.upperBound...]) }
            source = value.flatMap(IssuerName.coverLine)
        }
    }

    /// `value`, read from a folded line, in the characters of the line it came from.
    static func printed(_ value: String, in lines: [String]) -> String {
        for line in lines {
            for form in [line.filter { !$0.isWhitespace }, line.trimmingCharacters(in: .whitespaces)] {
                if let p = ScriptVariants.asPrinted(form, { $0.contains(value) ? value : nil }) { return p }
            }
        }
        return value
    }

    private mutating func take(_ label: String, _ value: String) {
        guard !value.isEmpty, value.count <= 60 else { return }
        if Self.issuerLabels.contains(label), issuer == nil { issuer = value }
        if Self.numberLabels.contains(label), number == nil { number = value }
        if Self.dateLabels.contains(label), date == nil { date = Self.day(value) }
        if PageFields.publishedLabels.contains(label), published == nil { published = Self.day(value) }
    }

    /// A date field's day: a page's time after it (2023-08-15 10:30, spaces gone: 2023-08-1510:30) cut off.
    static func day(_ value: String) -> String {
        let day = value.prefixMatch(
            of: /[0-9]{4}(-[0-9]{1,2}-[0-9]{1,2}|\/[0-9]{1,2}\/[0-9]{1,2}|\.[0-9]{1,2}\.[0-9]{1,2}|年[0-9]{1,2}月[0-9]{1,2}日)/)
        return day.map { String($0.output.0) } ?? value
    }

    /// The known labels of a line (spaces removed) each followed by its colon, with the text up to
    /// the next one as its value. Read at the colons: the label must end just before one.
    static func pairs(in line: String) -> [(label: String, value: String)] {
        let s = Array(line)
        var starts: [(at: Int, label: String, valueAt: Int)] = []
        for c in s.indices where s[c] == "：" || s[c] == ":" {
            guard let label = knownLabels.first(where: { l in l.count <= c && s[(c - l.count)..<c].elementsEqual(l) }) else { continue }
            starts.append((c - label.count, String(label), c + 1))
        }
        return starts.indices.compactMap { k in
            let end = k + 1 < starts.count ? starts[k + 1].at : s.count
            return starts[k].valueAt <= end ? (starts[k].label, String(s[starts[k].valueAt..<end])) : nil
        }
    }

    private static let knownLabels =
        (PageFields.allLabels + PageFields.sourceLabels + PageFields.publishedLabels + PageFields.counterLabels).map { Array($0) }

    /// A line that is itself a label (its value missing), so it is not taken as the value above it.
    static func isLabel(_ line: String) -> Bool {
        let s = line.filter { !$0.isWhitespace }
        guard let colon = s.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return false }
        return s.distance(from: s.startIndex, to: colon) <= 6
    }
}
