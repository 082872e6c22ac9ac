import Analysis
import Foundation
import Index
import Query

/// "What else do plans say next to this?": the words that co-occur with a query in the same
/// passages more than chance would have it, by Dunning's log-likelihood ratio (G²) over passages,
/// which, unlike PMI, does not overrate rare words.
///
/// Candidates are the ICU words (two characters or more, letters or ideographs) of the passages the
/// query matches; each candidate's counts are then exact substring counts from the index, like
/// every count of the product: `together` = passages matching both, `passages` = passages with the
/// word anywhere. Only positive associations are listed.
public struct RelatedTerms: Sendable, Codable {
    public struct Term: Sendable, Codable, Equatable {
        public var word: String
        /// Passages that match the query and contain the word.
        public var together: Int
        /// Passages that contain the word.
        public var passages: Int
        /// Dunning's G² (log-likelihood ratio) of the 2×2 passage table.
        public var logLikelihood: Double
        /// log2 of observed over expected co-occurrence.
        public var pmi: Double
    }

    public var query: String
    /// Passages the query matches, and passages in the index.
    public var matched: Int
    public var total: Int
    public var terms: [Term]

    /// Words too general to say anything about a subject in a plan (verbs of intent and scope).
    public static let stopwords: Set<String> = [
        "加强", "推进", "推动", "坚持", "全面", "落实", "加快", "提升", "促进", "支持", "鼓励", "建设", "发展", "完善", "健全",
        "强化", "深化", "实施", "开展", "积极", "进一步", "不断", "着力", "大力", "重点", "相关", "有关", "以及", "其中", "主要",
        "我们", "我国", "我市", "我省", "一批", "一个", "各类", "方面", "工作", "领域", "水平", "能力", "体系", "机制"
    ]

    /// The `limit` strongest related words of `query` (any query of the language).
    public static func compute(_ query: String, searcher: Searcher, analyzer: Analyzer, limit: Int = 20, candidates: Int = 400)
        throws -> RelatedTerms
    {
        let reader = searcher.reader
        let plan = try searcher.plan(query)
        let matched = try searcher.matches(plan)
        let n = reader.passageCount
        // Candidate words by how many matched passages hold them.
        var inMatched: [String: Int] = [:]
        for p in matched {
            for w in Self.words(try reader.passage(Int(p)).text, analyzer: analyzer) { inMatched[w, default: 0] += 1 }
        }
        let forms = plan.terms.filter(\.positive).flatMap {
            $0.variants.map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
        }
        let pool = inMatched.filter { w, c in c >= 2 && !stopwords.contains(w) && !forms.contains { $0.contains(w) || w.contains($0) } }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(candidates)
        var terms: [Term] = []
        for (word, _) in pool {
            let wordPlan = try searcher.plan("\"\(word)\"")
            let withWord = try searcher.matches(wordPlan)
            let k11 = SortedSet.intersectionCount(matched, withWord)
            let stats = table(k11: k11, query: matched.count, word: withWord.count, total: n)
            guard stats.positive else { continue }
            terms.append(Term(word: word, together: k11, passages: withWord.count, logLikelihood: stats.g2, pmi: stats.pmi))
        }
        terms.sort { $0.logLikelihood != $1.logLikelihood ? $0.logLikelihood > $1.logLikelihood : $0.word < $1.word }
        let listed = distinct(terms).sorted {
            $0.logLikelihood != $1.logLikelihood ? $0.logLikelihood > $1.logLikelihood : $0.word < $1.word
        }
        return RelatedTerms(query: query, matched: matched.count, total: n, terms: Array(listed.prefix(limit)))
    }

    /// Of two listed words where one contains the other (试验 / 试验区, 海外 / 海外仓), the longer is
    /// kept when it keeps most of the shorter's co-occurrences, else the shorter.
    static func distinct(_ terms: [Term]) -> [Term] {
        var kept: [Term] = []
        for t in terms {
            if let i = kept.firstIndex(where: { $0.word.contains(t.word) || t.word.contains($0.word) }) {
                let (long, short) = kept[i].word.count > t.word.count ? (kept[i], t) : (t, kept[i])
                kept[i] = Double(long.together) >= 0.75 * Double(short.together) ? long : short
            } else {
                kept.append(t)
            }
        }
        return kept
    }

    /// Function characters that ICU leaves attached to a run of single characters (电商等, 仓和).
    static let clitics: Set<Character> = [
        "的", "和", "与", "及", "等", "或", "在", "对", "为", "将", "把", "被", "了", "是", "并", "而", "也", "都", "之", "其"
    ]

    /// A passage's candidate words, normalized: ICU words of two or more characters, where runs of
    /// single characters (ICU's "not in my dictionary": 跨|境|电|商) are kept together within a clause.
    static func words(_ text: String, analyzer: Analyzer) -> Set<String> {
        var result = Set<String>()
        let clauses = text.split { c in !(c.isLetter || c.isNumber) }
        for clause in clauses {
            for w in analyzer.queryWords(String(clause)) {
                var folded = String(String.UnicodeScalarView(analyzer.normalizer.fold(w).compactMap(Unicode.Scalar.init)))
                while let last = folded.last, clitics.contains(last) { folded.removeLast() }
                while let first = folded.first, clitics.contains(first) { folded.removeFirst() }
                guard folded.unicodeScalars.count >= 2, folded.unicodeScalars.count <= 12,
                    folded.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
                else { continue }
                result.insert(folded)
            }
        }
        return result
    }

    /// G² and PMI of the 2×2 table: k11 both, query passages, word passages, all passages.
    static func table(k11: Int, query: Int, word: Int, total: Int) -> (g2: Double, pmi: Double, positive: Bool) {
        let k12 = query - k11, k21 = word - k11, k22 = total - query - word + k11
        let cells = [k11, k12, k21, k22].map(Double.init)
        let rows = [cells[0] + cells[1], cells[2] + cells[3]], cols = [cells[0] + cells[2], cells[1] + cells[3]]
        let n = Double(total)
        var g2 = 0.0
        for (k, o) in cells.enumerated() where o > 0 {
            let e = rows[k / 2] * cols[k % 2] / n
            g2 += o * log(o / e)
        }
        let expected = Double(query) * Double(word) / n
        return (2 * g2, log2(Double(k11) / expected), Double(k11) > expected)
    }
}
