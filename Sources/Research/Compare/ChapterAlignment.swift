/// The rows of `compare`'s side-by-side view: the top-level chapters of each document that mention
/// the query, lined up across documents so that chapters on the same subject share a row
/// (发展基础 / 发展环境 / 发展背景, 保障措施 / 实施保障) and each document's chapters keep their order.
///
/// Two chapter titles are similar when the Dice coefficient of their character bigrams (title
/// without its number, letters and digits only) is at least `threshold`. Documents are added one by
/// one: an order-preserving alignment (as in sequence alignment) pairs the new document's chapters
/// with existing rows to maximize the summed similarity; a chapter with no similar row opens its own.
public enum ChapterAlignment {
    public static let threshold = 0.3

    /// Rows of indices into each column's chapter list (nil where a document has no chapter in the row).
    public static func rows(_ columns: [[String]]) -> [[Int?]] {
        var rows: [[Int?]] = []
        var rowGrams: [[Set<String>]] = []  // the bigram sets of the chapters already in each row
        for (c, titles) in columns.enumerated() {
            let grams = titles.map(bigrams)
            let pairs = align(rowGrams, grams)
            var merged: [[Int?]] = []
            var mergedGrams: [[Set<String>]] = []
            var r = 0, t = 0
            func takeRow() {
                merged.append(rows[r] + [nil])
                mergedGrams.append(rowGrams[r])
                r += 1
            }
            func takeTitle(_ row: [Int?]?) {
                merged.append((row ?? Array(repeating: nil, count: c)) + [t])
                mergedGrams.append((row == nil ? [] : rowGrams[r - 1]) + [grams[t]])
                t += 1
            }
            for (pr, pt) in pairs {
                while r < pr { takeRow() }
                while t < pt { takeTitle(nil) }
                r += 1
                takeTitle(rows[pr])
            }
            while r < rows.count { takeRow() }
            while t < titles.count { takeTitle(nil) }
            rows = merged
            rowGrams = mergedGrams
        }
        return rows
    }

    /// Matched (row, title) pairs of the best order-preserving alignment, ascending.
    static func align(_ rows: [[Set<String>]], _ titles: [Set<String>]) -> [(Int, Int)] {
        let n = rows.count, m = titles.count
        guard n > 0, m > 0 else { return [] }
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: m), count: n)
        for i in 0..<n {
            for j in 0..<m { similarity[i][j] = rows[i].map { dice($0, titles[j]) }.max() ?? 0 }
        }
        var best = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for i in 1...n {
            for j in 1...m {
                var v = max(best[i - 1][j], best[i][j - 1])
                if similarity[i - 1][j - 1] >= threshold { v = max(v, best[i - 1][j - 1] + similarity[i - 1][j - 1]) }
                best[i][j] = v
            }
        }
        var pairs: [(Int, Int)] = []
        var i = n, j = m
        while i > 0, j > 0 {
            let s = similarity[i - 1][j - 1]
            if s >= threshold, best[i][j] == best[i - 1][j - 1] + s {
                pairs.append((i - 1, j - 1))
                i -= 1
                j -= 1
            } else if best[i][j] == best[i - 1][j] {
                i -= 1
            } else {
                j -= 1
            }
        }
        return pairs.reversed()
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }

    /// Character bigrams of a chapter title without its number (第三章, 一、, （二）, 3.) and punctuation.
    static func bigrams(_ title: String) -> Set<String> {
        let letters = Array(
            ChapterTitle.withoutNumber(title).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        guard letters.count >= 2 else { return letters.isEmpty ? [] : [String(letters[0])] }
        return Set((0..<(letters.count - 1)).map { String(String.UnicodeScalarView(letters[$0...($0 + 1)])) })
    }
}

/// Chapter headings as official documents number them (GB/T 9704 ranks: 篇/编/部分 › 章 › 节 › 一、 › （一） › 1.).
public enum ChapterTitle {
    /// The top-level chapter of a heading path: its first 第…章 heading (a 篇 or 部分 groups
    /// chapters), else its outermost heading; nil for a passage outside any heading.
    public static func chapter(of path: [String]) -> (depth: Int, title: String)? {
        if let k = path.firstIndex(where: isNumberedChapter) { return (k, path[k]) }
        return path.first.map { (0, $0) }
    }

    static func isNumberedChapter(_ heading: String) -> Bool {
        let s = Array(heading.unicodeScalars)
        guard s.first == "第" else { return false }
        var i = 1
        while i < s.count, isNumeral(s[i]) { i += 1 }
        return i > 1 && i < s.count && s[i] == "章"
    }

    /// The title without its leading number: 第三章 推进…, 一、发展基础, （二）…, 3. … → 推进…, 发展基础.
    static func withoutNumber(_ heading: String) -> String {
        let s = Array(heading.unicodeScalars)
        var i = 0
        if s.first == "第" {
            i = 1
            while i < s.count, isNumeral(s[i]) { i += 1 }
            if i < s.count, "篇编章节条".unicodeScalars.contains(s[i]) {
                i += 1
            } else if i + 1 < s.count, s[i] == "部", s[i + 1] == "分" {
                i += 2
            } else {
                i = 0
            }
        } else if let open = s.first, open == "（" || open == "(" {
            var j = 1
            while j < s.count, isNumeral(s[j]) { j += 1 }
            if j > 1, j < s.count, s[j] == "）" || s[j] == ")" { i = j + 1 }
        } else {
            var j = 0
            while j < s.count, isNumeral(s[j]) { j += 1 }
            if j > 0, j < s.count, "、.．".unicodeScalars.contains(s[j]) { i = j + 1 }
        }
        while i < s.count, s[i].properties.isWhitespace { i += 1 }
        return String(String.UnicodeScalarView(s[i...]))
    }

    private static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        "〇零一二三四五六七八九十百千两".unicodeScalars.contains(c) || ("0"..."9").contains(c) || ("０"..."９").contains(c)
    }
}
