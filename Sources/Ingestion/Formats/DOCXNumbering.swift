import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Word's automatic list numbering (numbering.xml): the labels Word draws before numbered
/// paragraphs (一、 （一） 1. 第一章) are not in the text, so they are rendered here from each level's
/// format and pattern, counting as Word counts.
final class DOCXNumbering: NSObject, XMLParserDelegate {
    struct Level {
        var format = "decimal"
        var pattern = "%1."
        var start = 1
        /// w:lvlRestart: the (1-based) level whose use restarts this one; 0 never; nil, any
        /// shallower level (ECMA-376 §17.9.10).
        var restart: Int?
    }
    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: String] = [:]
    private var abstractID: String?
    private var numID: String?
    private var level: Int?
    /// Counters per list instance and level.
    private var counters: [String: [Int: Int]] = [:]
    /// The level a list gives a style linked to it (w:lvl/w:pStyle), for a style that names only
    /// the list.
    private(set) var styleLevels: [String: Int] = [:]

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        switch name {
        case "w:abstractNum": abstractID = attributes["w:abstractNumId"]
        case "w:lvl":
            level = attributes["w:ilvl"].flatMap(Int.init)
            if let a = abstractID, let l = level { abstracts[a, default: [:]][l] = Level() }
        case "w:numFmt": update { $0.format = attributes["w:val"] ?? "decimal" }
        case "w:lvlText": update { $0.pattern = attributes["w:val"] ?? "" }
        case "w:start": update { $0.start = attributes["w:val"].flatMap(Int.init) ?? 1 }
        case "w:lvlRestart": update { $0.restart = attributes["w:val"].flatMap(Int.init) }
        case "w:pStyle": if abstractID != nil, let l = level, let style = attributes["w:val"] { styleLevels[style] = l }
        case "w:num": numID = attributes["w:numId"]
        case "w:abstractNumId": if let n = numID, abstractID == nil { instances[n] = attributes["w:val"] }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:abstractNum": abstractID = nil
        case "w:lvl": level = nil
        case "w:num": numID = nil
        default: break
        }
    }

    private func update(_ change: (inout Level) -> Void) {
        guard let a = abstractID, let l = level, var value = abstracts[a]?[l] else { return }
        change(&value)
        abstracts[a]?[l] = value
    }

    /// The label of the next paragraph numbered (`numID`, `level`), advancing the counters.
    func nextLabel(numID: String, level: Int) -> String {
        guard numID != "0", let abstract = instances[numID].flatMap({ abstracts[$0] }), let lvl = abstract[level] else { return "" }
        var c = counters[numID] ?? [:]
        c[level] = (c[level] ?? (lvl.start - 1)) + 1
        // A deeper level restarts unless its lvlRestart names a level shallower than this one (or 0).
        for deeper in (level + 1)..<10 where level < abstract[deeper]?.restart ?? deeper { c[deeper] = nil }
        counters[numID] = c
        if lvl.format == "bullet" || lvl.format == "none" { return "" }
        var label = lvl.pattern
        for l in (0...level).reversed() {
            let value = c[l] ?? abstract[l]?.start ?? 1
            label = label.replacingOccurrences(of: "%\(l + 1)", with: Self.format(value, as: abstract[l]?.format ?? "decimal"))
        }
        return label
    }

    static func format(_ n: Int, as format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified",
            "ideographDigital", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return n >= 1 && n <= 20 ? String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) : String(n)
        case "lowerLetter": return letter(n, base: 0x61)
        case "upperLetter": return letter(n, base: 0x41)
        case "lowerRoman": return roman(n).lowercased()
        case "upperRoman": return roman(n)
        default: return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
    static func chinese(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0, n < 1000 else { return String(n) }
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        if n < 100 { return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]) }
        let rest = n % 100
        return digits[n / 100] + "百" + (rest == 0 ? "" : rest < 10 ? "零" + digits[rest] : (rest < 20 ? "一" : "") + chinese(rest))
    }

    private static func letter(_ n: Int, base: UInt32) -> String {
        guard n > 0 else { return String(n) }
        let c = Character(Unicode.Scalar(base + UInt32((n - 1) % 26))!)
        return String(repeating: c, count: (n - 1) / 26 + 1)
    }

    private static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
            (5, "V"), (4, "IV"), (1, "I")
        ]
        var n = n, out = ""
        for (v, s) in table {
            while n >= v {
                out += s
                n -= v
            }
        }
        return out
    }
}
