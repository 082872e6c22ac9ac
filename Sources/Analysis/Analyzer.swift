/// The one analysis chain for documents and queries.
///
/// Matching is on normalized characters (see `Normalizer`): the index keeps every character (with
/// counts) and every pair of adjacent characters (with positions), and every query part is matched
/// as an exact phrase of characters, so a substring is found wherever it occurs, whatever ICU's dictionary does with it (电商 inside 跨境电商; 优化 inside
/// 优化营商环境, which ICU breaks as 优|化|营|商|环境). ICU words serve what they are good for:
/// passage length for BM25 (`wordCount`), the `analyze` command, and splitting a long query that
/// has no exact match into words (`queryWords`).
/// Not thread-safe (ICU iterators and fold caches): one per thread; `copy()` makes another.
public final class Analyzer {
    public let normalizer: Normalizer
    private let breaker: WordBreaker

    public init() throws {
        normalizer = Normalizer()
        breaker = try WordBreaker()
    }

    private init(normalizer: Normalizer, breaker: WordBreaker) {
        self.normalizer = normalizer
        self.breaker = breaker
    }

    /// An analyzer for another thread (ICU iterators and the fold cache are per thread).
    public func copy() throws -> Analyzer {
        Analyzer(normalizer: Normalizer(), breaker: try breaker.copy())
    }

    public func normalize(_ text: String) -> NormalizedText { normalizer.normalize(text) }

    /// Number of ICU word tokens: the length unit of BM25.
    public func wordCount(_ text: String) -> Int { breaker.countWords(text) }

    /// ICU word tokens with scalar offsets; punctuation and spaces included only if asked.
    public func tokens(_ text: String, includePunctuation: Bool = false) -> [Token] {
        let utf16 = Array(text.utf16)
        let (ends, statuses) = breaker.segments(utf16)
        // UTF-16 offset → scalar offset.
        var scalarAt = [Int](repeating: 0, count: utf16.count + 1)
        var scalar = 0
        var u = 0
        for s in text.unicodeScalars {
            let w = s.utf16.count
            for k in 0..<w { scalarAt[u + k] = scalar }
            u += w
            scalar += 1
        }
        scalarAt[utf16.count] = scalar
        var result: [Token] = []
        var start = 0
        for (end, status) in zip(ends, statuses) {
            let e = Int(end)
            let kind = Token.kind(forStatus: status)
            if kind != .punctuation || includePunctuation {
                let piece = String(decoding: utf16[start..<e], as: UTF16.self)
                if !(kind == .punctuation && piece.unicodeScalars.allSatisfy { $0.properties.isWhitespace }) {
                    let folded = normalizer.fold(piece)
                    result.append(
                        Token(
                            text: piece, normalized: String(String.UnicodeScalarView(folded.compactMap(Unicode.Scalar.init))),
                            start: scalarAt[start], end: scalarAt[e], kind: kind))
                }
            }
            start = e
        }
        return result
    }

    /// Splits a run of text into words for an AND fallback: ICU words, with runs of single
    /// characters (ICU's way of saying "not in my dictionary": 跨|境|电|商) kept together, and a
    /// lone single character attached to the word before it (海外|仓 → 海外仓).
    public func queryWords(_ text: String) -> [String] {
        let words = tokens(text).map(\.text)
        var pieces: [String] = []
        var run = ""
        func flushRun() {
            guard !run.isEmpty else { return }
            if run.unicodeScalars.count == 1, let last = pieces.popLast() { pieces.append(last + run) } else { pieces.append(run) }
            run = ""
        }
        for w in words {
            if w.unicodeScalars.count == 1 && w.unicodeScalars.first.map({ $0.value >= 0x3400 }) == true {
                run += w
            } else {
                flushRun()
                pieces.append(w)
            }
        }
        flushRun()
        return Self.keepingOrdinals(pieces)
    }

    private static let numerals = Set("〇零一二三四五六七八九十百千万两".unicodeScalars)

    /// An ordinal stays whole across the cuts above: 第二 | 十条 → 第二十条, 办法第 | 十一条 → 办法 |
    /// 第十一条 (a citation of an article is one word, not 十条 wherever it occurs).
    static func keepingOrdinals(_ pieces: [String]) -> [String] {
        var out: [String] = []
        for piece in pieces {
            guard let last = out.last, let first = piece.unicodeScalars.first, numerals.contains(first),
                let end = last.unicodeScalars.last
            else {
                out.append(piece)
                continue
            }
            if numerals.contains(end) {
                out[out.count - 1] = last + piece
            } else if end == "第" {
                let head = String(String.UnicodeScalarView(last.unicodeScalars.dropLast()))
                if head.isEmpty { out.removeLast() } else { out[out.count - 1] = head }
                out.append("第" + piece)
            } else {
                out.append(piece)
            }
        }
        return out
    }
}
