/// Running page headers and footers — page numbers, a title repeated on every page, a printed web
/// page's date and URL — found by their repetition across pages rather than guessed from one line.
///
/// - Paged sources (PDF, text with form feeds): a line among the first or last two of a page whose
///   text, digits aside, recurs at the top or bottom of at least half of the pages (and of two), and
///   is short (50 characters at most) and no sentence.
/// - Any source: a line with the marks of page furniture (a URL, a page counter such as 3/15 or
///   第3页, a date or time) whose text, digits aside, occurs at least three times. Without such a
///   mark a repeated line may be content (牵头单位：省商务厅), so it stays.
/// A running header is removed on the first page too (a page-1 header is as much furniture as any),
/// once a page: a second line like it on a page is content (the title on a cover under the header);
/// its text is returned as title evidence, since a running header often repeats the title. When extraction interleaved body text into a furniture line (characters of the
/// last sentence scattered between a footer URL's), the line's own characters are taken out in
/// order and the body text that remains is kept.
enum RunningHeaders {
    /// Marks headers and footers as page marks; returns the text of the running headers without
    /// digits (a repeated title), first seen first, as title evidence.
    @discardableResult
    static func remove(from lines: inout [CleanLine], paged: Bool) -> [String] {
        var furniture: [[Unicode.Scalar]: Int] = [:]
        let headers = paged ? markPagedRepeats(&lines) : markRepeatsBetweenFooters(&lines)
        var counts: [[Unicode.Scalar]: Int] = [:]
        var keys: [[Unicode.Scalar]?] = Array(repeating: nil, count: lines.count)
        for (i, l) in lines.enumerated() where l.kind == .text {
            // The mark first: it rules out nearly every line before a key is built.
            guard hasFurnitureMark(l.scalars) else { continue }
            let key = self.key(l.scalars)
            guard key.count >= 6 else { continue }
            keys[i] = key
            counts[key, default: 0] += 1
        }
        for (i, key) in keys.enumerated() {
            guard let key, let n = counts[key], n >= 3 else { continue }
            furniture[key] = n
            lines[i].kind = .pageMark
        }
        recoverInterleaved(&lines, patterns: Array(furniture.keys))
        return headers
    }

    /// Text without form feeds whose pages still end in printed page numbers (- 2 -, — 3 —, as a
    /// gazette's text export keeps them): the page numbers stand for page breaks, and a line
    /// repeated at the top or bottom of those pages (成都市人民政府公报 2024年第6期) is found as in a
    /// paged source. The pages are only for this: the lines keep no page.
    private static func markRepeatsBetweenFooters(_ lines: inout [CleanLine]) -> [String] {
        guard lines.lazy.filter({ $0.kind == .pageMark }).count >= 2 else { return [] }
        var page = 1
        for i in lines.indices {
            if lines[i].kind == .pageMark { page += 1 } else { lines[i].page = page }
        }
        let headers = markPagedRepeats(&lines)
        for i in lines.indices { lines[i].page = nil }
        return headers
    }

    private static func markPagedRepeats(_ lines: inout [CleanLine]) -> [String] {
        var pages: [Int: [Int]] = [:]
        for (i, l) in lines.enumerated() where l.kind == .text || l.kind == .tableRow {
            guard let p = l.page else { continue }
            pages[p, default: []].append(i)
        }
        guard pages.count >= 2 else { return [] }
        var pagesWithKey: [[Unicode.Scalar]: Set<Int>] = [:]
        var candidates: [(index: Int, key: [Unicode.Scalar])] = []
        for (page, indices) in pages {
            let edge = Set(indices.prefix(2) + indices.suffix(2))
            for i in edge.sorted() {
                // A numbered part's label (附件2, 专栏3) at the top of its page recurs with another
                // number on each: its digits are kept, so only a label repeated as is (附件1 on every
                // page of attachment 1) is a running header.
                let key =
                    isPartLabel(lines[i].scalars) ? lines[i].scalars.filter { !CharacterClass.isSpace($0) } : self.key(lines[i].scalars)
                // Headers and footers are short and never sentences.
                guard !key.isEmpty, key.count <= 50, !key.contains(where: HeadingParser.isSentenceEnd) else { continue }
                candidates.append((i, key))
                pagesWithKey[key, default: []].insert(page)
            }
        }
        let threshold = max(2, (pages.count + 1) / 2)
        // A number alone (12, — 12 —, 第12页) is a page number only if it grows with the pages: a
        // body line that is just a number (a table cell, a split fragment) does not.
        var numbers: [[Unicode.Scalar]: [(page: Int, value: Int)]] = [:]
        for (i, key) in candidates
        where !key.contains(where: CharacterClass.isHan) || key.allSatisfy({ "#第页共".unicodeScalars.contains($0) }) {
            guard let page = lines[i].page, let value = Int(lines[i].scalars.filter(CharacterClass.isASCIIDigit).string.prefix(6)) else {
                continue
            }
            numbers[key, default: []].append((page, value))
        }
        var headers: [String] = []
        var seen: Set<[Unicode.Scalar]> = []
        // A running header is printed once a page: a second line like it on the same page is
        // content (a cover that prints the title under a header repeating it).
        var marked: Set<[Unicode.Scalar]> = []
        for (i, key) in candidates.sorted(by: { $0.index < $1.index }) {
            guard let on = pagesWithKey[key], on.count >= threshold else { continue }
            guard marked.insert(key + ["\u{0}"] + Array("\(lines[i].page ?? 0)".unicodeScalars)).inserted else { continue }
            if let values = numbers[key] {
                let ordered = values.sorted { $0.page < $1.page }
                guard zip(ordered, ordered.dropFirst()).allSatisfy({ $0.value < $1.value && $0.page < $1.page }) else { continue }
            }
            if !key.contains("#"), !seen.contains(key) {
                seen.insert(key)
                headers.append(lines[i].text)
            }
            lines[i].kind = .pageMark
        }
        return headers
    }

    private static func isPartLabel(_ s: [Unicode.Scalar]) -> Bool {
        HeadingParser.parseAttachment(s) != nil || HeadingParser.parseBox(s) != nil
    }

    /// The line without spaces, each run of digits as one `#`: 3/15 and 12/15 share a key.
    static func key(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for c in s where !CharacterClass.isSpace(c) {
            if CharacterClass.isDigit(c) {
                if out.last != "#" { out.append("#") }
            } else {
                out.append(ScriptVariants.folded(c))  // 第#頁 as 第#页
            }
        }
        return out
    }

    /// A URL, a page counter (3/15, 第3页, 共15页) or a date or time stamp (2024/1/30, 2024-01-30, 10:40).
    /// Scalar comparisons: this runs on every line.
    static func hasFurnitureMark(_ s: [Unicode.Scalar]) -> Bool {
        guard s.contains(where: { CharacterClass.isDigit($0) || $0 == "h" || $0 == "w" }) else { return false }
        if contains(s, http) || contains(s, www) { return true }
        let k = key(s)
        if contains(k, pageOf) || contains(k, pagesIn) || k.suffix(3).elementsEqual(counter) { return true }
        return contains(k, slashDate) || contains(k, dashDate) || contains(k, clock)
    }

    private static let http = Array("http".unicodeScalars), www = Array("www.".unicodeScalars)
    private static let pageOf = Array("第#页".unicodeScalars), pagesIn = Array("共#页".unicodeScalars)
    private static let counter = Array("#/#".unicodeScalars), slashDate = Array("#/#/#".unicodeScalars)
    private static let dashDate = Array("#-#-#".unicodeScalars), clock = Array("#:#".unicodeScalars)

    static func contains(_ s: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty, s.count >= needle.count else { return false }
        var i = 0
        while i + needle.count <= s.count {
            if s[i] == needle[0] {
                var j = 1
                while j < needle.count, s[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    // MARK: Interleaved text

    private enum Token: Equatable {
        case character(Unicode.Scalar)
        case digits
    }

    private static func recoverInterleaved(_ lines: inout [CleanLine], patterns: [[Unicode.Scalar]]) {
        let withURL = patterns.filter { contains($0, http) || contains($0, www) }
        guard !withURL.isEmpty else { return }
        let tokenized = withURL.map { p in p.map { $0 == "#" ? Token.digits : Token.character($0) } }
        for i in lines.indices where lines[i].kind == .text {
            guard contains(lines[i].scalars, http) || contains(lines[i].scalars, www) else { continue }
            for pattern in tokenized {
                if let rest = leftover(lines[i].scalars, pattern: pattern) {
                    lines[i].scalars = rest
                    break
                }
            }
        }
    }

    /// The characters of `s` left when `pattern` is taken out of it in order; nil unless the whole
    /// pattern is found and what is left holds ideographs (body text).
    private static func leftover(_ s: [Unicode.Scalar], pattern: [Token]) -> [Unicode.Scalar]? {
        var rest: [Unicode.Scalar] = []
        var j = 0
        var i = 0
        while i < s.count {
            let c = s[i]
            if CharacterClass.isSpace(c) {
                i += 1
                continue
            }
            if CharacterClass.isDigit(c) {
                if j < pattern.count, pattern[j] == .digits {
                    while i < s.count, CharacterClass.isDigit(s[i]) { i += 1 }
                    j += 1
                    continue
                }
                // The rest of a digit run that body text interrupted.
                if j > 0, pattern[j - 1] == .digits {
                    i += 1
                    continue
                }
            }
            if j < pattern.count, pattern[j] == .character(c) {
                j += 1
            } else {
                rest.append(c)
            }
            i += 1
        }
        guard j == pattern.count, rest.contains(where: CharacterClass.isHan) else { return nil }
        return rest
    }
}
