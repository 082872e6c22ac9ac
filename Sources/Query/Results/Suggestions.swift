import Analysis
import Index

/// For a part that matches nothing, the nearest strings the index does hold: one character deleted,
/// inserted, replaced, or two neighbours swapped (edit distance 1), or the part without the
/// brackets and marks around it, most frequent first. Inserted and
/// replacing characters are read from the text around the rest of the part (跨竟电商: the passages
/// holding 跨 and 电商 one character apart say it is 跨境电商), so no vocabulary list is needed and
/// every suggestion is a string that occurs. Synonym forms and Traditional characters need no
/// suggestion: the part already searched them.
public struct Suggestion: Sendable, Equatable, Codable {
    /// The part as typed.
    public var part: String
    /// What to search instead, and how many passages hold it.
    public var text: String
    public var passages: Int

    /// `text` as it is typed back into a query: quoted when it holds a character the query
    /// language reads as syntax (a bracket, a colon, a minus, a space), so that (一 or (三)强化
    /// searches the string, not a group.
    public var query: String {
        let syntax = Set("()（）:：-−–“”「」 \u{3000}")
        guard text.contains(where: { syntax.contains($0) }), !text.contains("\"") else { return text }
        return "\"" + text + "\""
    }
}

extension Searcher {
    /// Suggestions for the wanted parts of `plan` that match no passage (at most `limit` per part).
    public func suggestions(for plan: QueryPlan, limit: Int = 3) throws -> [Suggestion] {
        var out: [Suggestion] = []
        for (part, scalars) in plan.unmatched where scalars.count >= 2 && scalars.count <= 20 {
            out += try nearest(scalars, limit: limit).map { Suggestion(part: part.text, text: $0.text, passages: $0.passages) }
        }
        return out
    }

    static func isWordCharacter(_ v: UInt32) -> Bool {
        Unicode.Scalar(v).map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false
    }

    private func nearest(_ s: [UInt32], limit: Int) throws -> [(text: String, passages: Int)] {
        var candidates = Set<[UInt32]>()
        // Brackets or marks typed around a word: （跨境电商） → 跨境电商.
        let isWordCharacter = Self.isWordCharacter
        if let first = s.firstIndex(where: isWordCharacter), let last = s.lastIndex(where: isWordCharacter) {
            candidates.insert(Array(s[first...last]))
        }
        for i in s.indices {
            candidates.insert(Array(s[..<i] + s[(i + 1)...]))  // deletion
            if i + 1 < s.count {
                var swapped = s
                swapped.swapAt(i, i + 1)
                candidates.insert(swapped)  // transposition
            }
        }
        for i in 0...s.count {
            // Insertion before i, and replacement of s[i]: the characters found between the two sides.
            for x in try between(Array(s[..<i]), Array(s[i...])) { candidates.insert(Array(s[..<i]) + [x] + Array(s[i...])) }
            if i < s.count {
                for x in try between(Array(s[..<i]), Array(s[(i + 1)...])) where x != s[i] {
                    candidates.insert(Array(s[..<i]) + [x] + Array(s[(i + 1)...]))
                }
            }
        }
        // A mistyped character (same length) is the likeliest slip, then a missing one, then an extra one.
        func rank(_ c: [UInt32]) -> Int { c.count == s.count || c.count < s.count - 1 ? 0 : c.count > s.count ? 1 : 2 }
        var found: [(text: String, passages: Int, rank: Int)] = []
        // Marks alone (“” for “““) are no word to search (a query of them is empty once cleaned),
        // and a double quote cannot be typed back inside a quoted phrase.
        for c in candidates where c.count >= 2 && c != s && c.contains(where: isWordCharacter) && !c.contains(0x22) {
            guard try PhraseMatcher.match(c, in: reader).count > 0 else { continue }
            // Counted as a search for it would count (with its synonyms).
            let text = String(String.UnicodeScalarView(c.compactMap(Unicode.Scalar.init)))
            let count = try matches(try plan(text, .term(QueryPart(text: text, quoted: false)))).count
            found.append((text, count, rank(c)))
        }
        found.sort { ($0.rank, -$0.passages, $0.text) < ($1.rank, -$1.passages, $1.text) }
        // Rare neighbours of a common string are accidents of the text (海外仓 13, 海外市 2), and a
        // piece of a better suggestion (rce beside rcep) says nothing more: leave them out.
        let floor = (found.map(\.passages).max() ?? 0) / 5
        var kept: [(text: String, passages: Int)] = []
        for f in found where f.passages >= max(1, floor) && !kept.contains(where: { $0.text.contains(f.text) }) {
            kept.append((f.text, f.passages))
        }
        return Array(kept.prefix(limit))
    }

    /// The characters that stand between `left` and `right` (one character apart) in the passages
    /// holding both; with one side empty, those next to the other side. Searched in at most 2,000
    /// passages: enough to find what is common.
    private func between(_ left: [UInt32], _ right: [UInt32]) throws -> Set<UInt32> {
        guard !(left.isEmpty && right.isEmpty), left.count + right.count >= 1 else { return [] }
        let sides = [left, right].filter { !$0.isEmpty }
        var passages = try PhraseMatcher.match(sides[0], in: reader).passages
        if sides.count == 2 { passages = SortedSet.intersection(passages, try PhraseMatcher.match(sides[1], in: reader).passages) }
        var result = Set<UInt32>()
        for p in passages.prefix(2000) {
            let text = try texts.get(Int(p)).normalized.scalars
            if left.isEmpty {
                for k in Occurrences.starts(of: right, in: text) where k > 0 { result.insert(text[k - 1]) }
            } else {
                for k in Occurrences.starts(of: left, in: text) {
                    let x = k + left.count
                    guard x < text.count, text[(x + 1)...].starts(with: right) else { continue }
                    result.insert(text[x])
                }
            }
        }
        // Letters, digits and ideographs, not spaces or punctuation.
        return result.filter { v in Unicode.Scalar(v).map { $0.properties.isAlphabetic || $0.properties.numericType != nil } ?? false }
    }
}
