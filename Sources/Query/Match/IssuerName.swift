import Ingestion

/// The issuing organ a title names before what it issues: 北京市经济和信息化局印发《…》的通知,
/// 市工业和信息化局关于印发…的通知, 国务院办公厅关于…的意见. Read where neither the catalog nor the
/// opening's labelled fields (发布机构：…) give an issuer, so `issuer:` filters work on documents
/// without a catalog. Only a name that ends as an organ's name does (…局, …厅, …政府, …委员会): a
/// title that starts with its subject (关于…的意见) names none.
enum IssuerName {
    /// A reading of `line` as the rules read a Traditional text (國務院辦公廳 ends as organs do), the
    /// name given back as printed.
    static func read(_ line: String, _ reading: (String) -> String?) -> String? { ScriptVariants.asPrinted(line, reading) }

    static func infer(fromTitle title: String) -> String? {
        let s = Array(title.unicodeScalars)
        guard let cut = firstMarker(in: s), cut >= 2, cut <= 60 else { return nil }
        var end = cut
        while end > 0, s[end - 1] == " " || s[end - 1] == "\u{3000}" { end -= 1 }
        let name = String(String.UnicodeScalarView(s[..<end]))
        return OrganNames.suffixes.contains(where: name.hasSuffix) ? name : nil
    }

    /// A cover's issuer line, wholly an organ's name (长沙市人民政府; 中共某市委 某市人民政府), as plans
    /// print it under their title, or a signature with its date (…办公室2021年9月30日, …办公厅 2021年9月).
    static func coverLine(_ line: String) -> String? {
        var name = line.trimmingCharacters(in: .whitespaces)
        // A signature joined to its date line (a Markdown hard break after the organ's name).
        if let m = name.firstMatch(of: /^(\p{Han}{4,40}?)\s*[0-9０-９〇○零一二三四五六七八九]{4}年[0-9０-９一二三四五六七八九十]{1,2}月([0-9０-９一二三四五六七八九十]{1,3}日)?$/) {
            name = String(m.output.1)
        }
        guard (4...40).contains(name.count), OrganNames.suffixes.contains(where: name.hasSuffix),
            name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "\u{3000}" || $0 == "、" })
        else { return nil }
        return name
    }

    /// The organ signed over the date line that closes a document, in its last passages (last
    /// first): an organ's name alone right before a date line, or joined to it (…办公室2025年4月3日).
    static func signature(closing: [String]) -> String? {
        for (k, line) in closing.enumerated() {
            if IssueDate.dateLine(line) != nil, k + 1 < closing.count, let name = read(closing[k + 1], coverLine) { return name }
            if IssueDate.dateLine(line) == nil, line.last == "日", let name = read(line, coverLine) { return name }
        }
        return nil
    }

    /// The body a law or regulation's adoption note says passed it, under its title:
    /// （…第九届全国人民代表大会常务委员会第九次会议通过…） → 全国人民代表大会常务委员会 (the session's
    /// 第N届 dropped), （…某市人民政府第42次常务会议审议通过…） → 某市人民政府.
    static func adoptionNote(_ line: String) -> String? {
        guard line.first == "（" || line.first == "(",
            let m = line.firstMatch(of: /(\p{Han}{2,40}?)第[0-9０-９一二三四五六七八九十百零〇]+次(?:常务)?(?:委员会)?会议/)
        else { return nil }
        var name = Substring(m.output.1)
        if let day = name.lastIndex(of: "日") { name = name[name.index(after: day)...] }
        return organ(String(name).replacing(/第[0-9０-９一二三四五六七八九十百零〇]+届/, with: ""))
    }

    /// A government decree's organ: 上海市人民政府令 on a line of its own (over （第19号）, or with
    /// it), or …青城市人民政府令第88号公布 in a regulation's adoption note → the organ (…人民政府).
    /// A decree a sentence only cites (根据某市人民政府令第19号，…) names another document's issuer.
    static func decreeLine(_ line: String) -> String? {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("令"), text.count <= 20 { return organ(String(text.dropLast())) }
        let number = /(\p{Han}{2,24})令[（(]?第[0-9０-９一二三四五六七八九十百零〇]+号[）)]?/
        if let whole = text.filter({ !$0.isWhitespace }).wholeMatch(of: number) { return organ(String(whole.output.1)) }
        guard let m = text.firstMatch(of: /(\p{Han}{2,24})令第[0-9０-９一二三四五六七八九十百零〇]+号(?:公布|发布)/) else { return nil }
        // The run of characters before 令 may start with the date before it (…4月1日青城市人民政府令).
        var name = Substring(m.output.1)
        if let day = name.lastIndex(of: "日"), text[..<m.range.lowerBound].last?.isNumber == true || name.first == "日" {
            name = name[name.index(after: day)...]
        }
        return organ(String(name))
    }

    /// `name` when it ends as an organ's name does.
    private static func organ(_ name: String) -> String? {
        (2...24).contains(name.count) && OrganNames.suffixes.contains(where: name.hasSuffix) ? name : nil
    }

    /// Where 关于, 印发 or 转发 first starts.
    private static func firstMarker(in s: [Unicode.Scalar]) -> Int? {
        for i in 0..<max(0, s.count - 1) {
            let pair = (s[i], s[i + 1])
            if pair == ("关", "于") || pair == ("印", "发") || pair == ("转", "发") { return i }
        }
        return nil
    }
}
