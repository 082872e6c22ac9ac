/// How lines become paragraphs, beside `shouldJoin`'s width and cut marks: which shapes of
/// document say a line goes on or ends, and the longest passage a paragraph makes.
///
/// Sentences broken at every inline run. Some HTML exports put each inline element on a line of
/// its own, so a sentence reads 依据《…开展 / 2021 / 年电力需求响应工作的通知》（津工信电力〔 / 2021 / 〕 / 2 /
/// 号）等文件: the numbers and marks stand alone, and neither width nor a cut mark says the line
/// goes on. Such a document is recognised by how often a number sits alone between two lines of a
/// sentence that has not ended; in it, a fragment joins the line before it and the line after it.
/// Elsewhere a number alone on a line (a table cell, a page number) keeps its own line.
extension StructureBuilder {
    /// An inline fragment: a number with its signs (2021, 1.5, 10%, 0:00, 2018~2020, 2 2021) or one or two
    /// marks (〕, ）、, /).
    static func isFragment(_ s: [Unicode.Scalar]) -> Bool {
        guard !s.isEmpty, s.count <= 12 else { return false }
        if s.count <= 2, s.allSatisfy({ !CharacterClass.isHan($0) && !CharacterClass.isLatin($0) && !CharacterClass.isDigit($0) }) {
            return true
        }
        return s.contains(where: CharacterClass.isDigit) && s.allSatisfy { CharacterClass.isDigit($0) || numberSigns.contains($0) }
    }
    static let numberSigns: Set<Unicode.Scalar> = [" ", ".", "．", "-", "~", "～", "%", "％", ",", "+", "/", ":", "："]

    /// Marks Chinese typesetting never sets at the start of a line: a line starting with one
    /// continues the line before it, whatever the document's shape.
    static let noLineStart: Set<Unicode.Scalar> = ["，", "。", "、", "；", "：", "？", "！", "）", "〕", "》", "】", "」", "』"]

    /// Whether the lines break sentences at inline runs: at least five numbers alone on a line
    /// between a line whose sentence goes on and another text line, and at least one such line in
    /// twenty.
    static func breaksAtInlineRuns(_ lines: ArraySlice<CleanLine>) -> Bool {
        var text = 0, sandwiched = 0
        var i = lines.startIndex
        while i < lines.endIndex {
            defer { i += 1 }
            guard lines[i].kind == .text else { continue }
            text += 1
            guard i > lines.startIndex, i + 1 < lines.endIndex else { continue }
            let before = lines[i - 1], after = lines[i + 1]
            guard before.kind == .text, after.kind == .text, !endsSentence(before.scalars),
                lines[i].scalars.contains(where: CharacterClass.isDigit), isFragment(lines[i].scalars)
            else { continue }
            sandwiched += 1
        }
        return sandwiched >= 5 && sandwiched * 20 >= text
    }

    /// In a document that breaks at inline runs: `next` continues the paragraph whose last line is
    /// `previous` when either is a fragment and the sentence has not ended.
    static func continuesInlineRun(_ previous: [Unicode.Scalar], _ next: [Unicode.Scalar]) -> Bool {
        guard !endsSentence(previous) else { return false }
        return isFragment(next) || isFragment(previous)
    }

    /// Ends in 。！？； (closing quotes and brackets aside).
    static func endsSentence(_ s: [Unicode.Scalar]) -> Bool {
        guard let last = lastMark(s) else { return true }
        return sentenceStops.contains(last) || last == "!" || last == "?"
    }

    /// The last character of `s` before its closing quotes and brackets (…。” → 。).
    static func lastMark(_ s: [Unicode.Scalar]) -> Unicode.Scalar? {
        guard var k = s.indices.last else { return nil }
        while k > 0, CharacterClass.isClosing(s[k]) { k -= 1 }
        return s[k]
    }

    /// Whether the lines are whole paragraphs (a web page's text, markdown): most wide lines end
    /// a sentence. There a wide line that reads as a title (`readsAsTitle`: a headline, an
    /// attachment's title) ends at a blank line; prose still continues across one (a paragraph a
    /// page break cut: …乘势而上开启全 / 局，促进…). In text wrapped at a width (a PDF's extraction
    /// with blank lines between lines) a wrapped line often has no clause mark either, so there
    /// width alone still says a line goes on.
    static func linesAreParagraphs(_ lines: ArraySlice<CleanLine>) -> Bool {
        var wide = 0, ended = 0
        for l in lines where l.kind == .text && width(l.scalars) >= fullLineAcrossBlank {
            wide += 1
            if let last = lastMark(l.scalars), CharacterClass.endsParagraph(last) { ended += 1 }
        }
        return wide >= 5 && ended * 2 >= wide
    }

    /// A line with no clause punctuation reads as a title (关于…的意见).
    static func readsAsTitle(_ s: [Unicode.Scalar]) -> Bool {
        !s.contains { clauseMarks.contains($0) }
    }

    static let clauseMarks: Set<Unicode.Scalar> = ["，", "、", "。", "；", "：", "！", "？", ",", ";"]

    /// A line ending in a web address (原文链接：https://…html): the address is whole, and Chinese
    /// text after it starts something new.
    static func endsInAddress(_ s: [Unicode.Scalar], before next: [Unicode.Scalar]) -> Bool {
        guard let first = next.first, CharacterClass.isHan(first) else { return false }
        var k = s.count
        while k > 0, !CharacterClass.isSpace(s[k - 1]), !CharacterClass.isWide(s[k - 1]) { k -= 1 }
        let token = String(String.UnicodeScalarView(s[k...]))
        return token.contains("://") || token.hasPrefix("www.")
    }

    /// The longest passage, in characters: over three times the longest paragraph of the bundled
    /// plans (589). A text with no paragraph breaks (a page dumped on one line, 280,000 characters)
    /// would otherwise be one passage: one BM25 length for everything, one hit the size of the file.
    static let maxPassageLength = 2000

    /// `text` in pieces of at most `maxPassageLength`, each ending at the last sentence stop (else
    /// clause mark) that fits, cut at the limit only where there is none.
    static func pieces(of text: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        guard text.count > maxPassageLength else { return [text[...]] }
        var out: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        while text.count - start > maxPassageLength {
            let window = start..<(start + maxPassageLength)
            let end =
                text[window].lastIndex { sentenceStops.contains($0) }.map { $0 + 1 }
                ?? text[window].lastIndex { clauseMarks.contains($0) }.map { $0 + 1 } ?? window.upperBound
            out.append(text[start..<end])
            start = end
        }
        out.append(text[start...])
        return out
    }
}
