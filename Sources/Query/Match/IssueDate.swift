import Ingestion

/// A document's date when the catalog gives none, from what official documents print (GB/T 9704):
/// the date line of an issuing notice (2021年12月21日, alone on its line, also in Chinese numerals
/// 二〇二一年十二月二十一日), else the date line under the signature that closes the document, else
/// the year of its document number (川府发〔2021〕12号).
enum IssueDate {
    /// - Parameter closing: the document's last passages, last first.
    static func infer(title: String, opening: [String], closing: [String] = []) -> String? {
        for line in opening + closing {
            if let d = dateLine(line) { return d }
        }
        for line in [title] + opening.filter(Regions.isDocumentNumberLine) {
            if let y = documentNumberYear(line) { return y }
        }
        return nil
    }

    /// "2021年12月21日" (or in Chinese numerals) as the whole line → "2021-12-21".
    static func dateLine(_ line: String) -> String? {
        let s = Array(
            line.trimmingCharacters(in: .whitespaces).unicodeScalars.map { digit($0).map { Unicode.Scalar(UInt8(48 + $0)) } ?? $0 })
        let text = String(String.UnicodeScalarView(s))
        guard s.count <= 16, let y = text.range(of: "年"), let m = text.range(of: "月"), text.hasSuffix("日"),
            let year = Int(text[..<y.lowerBound]), (1949...2100).contains(year),
            let month = number(String(text[y.upperBound..<m.lowerBound])), (1...12).contains(month),
            let day = number(String(text[m.upperBound..<text.index(before: text.endIndex)])), (1...31).contains(day)
        else { return nil }
        return "\(year)-" + (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
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
        let chinese: [Unicode.Scalar: Int] = ["〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
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
