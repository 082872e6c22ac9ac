import Foundation
import Query
import Testing

/// Ranking quality measured against relevance judgments written by reading the passages
/// (`Judgments/`, method and format in docs/relevance-judgments.md): nDCG@10 of each judged query's
/// top 10 through the public `Searcher`, a floor under the mean so ranking changes cannot silently
/// make it worse, and a coverage check so the judgments keep describing what the engine returns.
@Suite struct RankingQualityTests {
    /// Mean nDCG@10 over the judged queries with the current ranking (bundled corpus, k1 = 1.2,
    /// b = 0.4, `BoostRules.standard`); 0.855 when the judgments were written (b = 0.75, heading
    /// ×0.5, path ×1.25). Raise it when the ranking improves.
    static let measuredMean = 0.928
    static let regressionFloor = measuredMean - 0.01

    // MARK: The metric

    /// One judged passage: its document and the source lines it spanned when it was judged.
    struct Judgment: Equatable {
        var document: String
        var firstLine: Int
        var lastLine: Int
        var grade: Int
    }

    struct JudgedQuery {
        var query: String
        /// "all" (every match judged) or "pool" (top 40 under several rankings; the rest count as 0).
        var method: String
        var judgments: [Judgment]
    }

    /// Gain of a grade: 2^grade − 1 (a 3 is worth seven 1s: reaching the content matters most).
    static func gain(_ grade: Int) -> Double { Double((1 << grade) - 1) }

    /// DCG of grades in rank order, log2 discount: Σ gain(gᵢ) / log2(i + 1), i from 1.
    static func dcg(_ grades: [Int]) -> Double {
        grades.enumerated().reduce(0) { $0 + gain($1.element) / log2(Double($1.offset + 2)) }
    }

    /// nDCG@k: DCG of the top k over the DCG of the best possible order of all judged grades.
    static func ndcg(_ ranked: [Int], judged: [Int], k: Int = 10) -> Double {
        let ideal = dcg(Array(judged.sorted(by: >).prefix(k)))
        return ideal == 0 ? 0 : dcg(Array(ranked.prefix(k))) / ideal
    }

    /// The judgment a hit stands for: a judged passage of the same document whose first line lies within
    /// the hit's lines (robust to small changes in passage splitting). A judgment is credited once; a
    /// hit covering several judged first lines takes the best unused one; `judged` false: no judgment covers it.
    static func match(
        document: String, firstLine: Int, lastLine: Int, in judgments: [Judgment], used: inout Set<Int>
    ) -> (grade: Int, judged: Bool) {
        let candidates = judgments.indices.filter {
            judgments[$0].document == document && (firstLine...lastLine).contains(judgments[$0].firstLine)
        }
        guard !candidates.isEmpty else { return (0, false) }
        guard let best = candidates.filter({ !used.contains($0) }).max(by: { judgments[$0].grade < judgments[$1].grade })
        else { return (0, true) }
        used.insert(best)
        return (judgments[best].grade, true)
    }

    // MARK: Loading

    /// Rows of a TSV resource under Judgments/, without `#` comments and the header line.
    static func rows(_ name: String) throws -> [[String]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Judgments"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        return lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static func judgedQueries() throws -> [JudgedQuery] {
        var judgments: [String: [Judgment]] = [:]
        for row in try rows("judgments") {
            try #require(row.count == 7, "judgments.tsv: 7 columns expected in \(row)")
            let first = try #require(Int(row[2])), last = try #require(Int(row[3])), grade = try #require(Int(row[4]))
            judgments[row[0], default: []].append(Judgment(document: row[1], firstLine: first, lastLine: last, grade: grade))
        }
        return try rows("queries").map { row in
            try #require(row.count == 6, "queries.tsv: 6 columns expected in \(row)")
            return JudgedQuery(query: row[0], method: row[4], judgments: judgments[row[0]] ?? [])
        }
    }

    // MARK: Tests

    /// The metric on a case computed by hand.
    @Test func ndcgMatchesHandComputation() {
        // Ranked grades 0, 3, 1; judged grades 3, 1, 0, 2.
        // DCG = 0 + 7/log2(3) + 1/log2(4) = 4.416508 + 0.5 = 4.916508
        // ideal 3, 2, 1, 0: 7 + 3/log2(3) + 1/log2(4) = 7 + 1.892789 + 0.5 = 9.392789
        #expect(abs(Self.ndcg([0, 3, 1], judged: [3, 1, 0, 2]) - 4.916508 / 9.392789) < 1e-6)
        #expect(Self.ndcg([3, 2, 1], judged: [1, 2, 3]) == 1)
        #expect(Self.ndcg([], judged: [3]) == 0)
        // Only the top k count, in the ranking and in the ideal.
        #expect(Self.ndcg([3, 3], judged: [3, 3], k: 1) == 1)
    }

    /// A hit maps to the judgment whose first line it covers, each judgment once.
    @Test func hitsMapToJudgmentsByLine() {
        let js = [
            Judgment(document: "a.txt", firstLine: 10, lastLine: 12, grade: 3),
            Judgment(document: "a.txt", firstLine: 14, lastLine: 14, grade: 1)
        ]
        var used = Set<Int>()
        // A merged passage covering both takes the better one, then the other stays available.
        #expect(Self.match(document: "a.txt", firstLine: 9, lastLine: 14, in: js, used: &used) == (3, true))
        #expect(Self.match(document: "a.txt", firstLine: 14, lastLine: 15, in: js, used: &used) == (1, true))
        #expect(Self.match(document: "a.txt", firstLine: 10, lastLine: 10, in: js, used: &used) == (0, true))
        #expect(Self.match(document: "b.txt", firstLine: 10, lastLine: 12, in: js, used: &used) == (0, false))
        #expect(Self.match(document: "a.txt", firstLine: 11, lastLine: 13, in: js, used: &used) == (0, false))
    }

    @Test func judgmentsAreWellFormed() throws {
        let queries = try Self.judgedQueries()
        #expect(queries.count >= 24)
        #expect(Set(queries.map(\.query)).count == queries.count, "a query is listed twice")
        for q in queries {
            #expect(!q.judgments.isEmpty, "\(q.query): no judgments")
            #expect(["all", "pool"].contains(q.method), "\(q.query): method \(q.method)")
            #expect(q.judgments.allSatisfy { (0...3).contains($0.grade) && $0.firstLine <= $0.lastLine })
            #expect(q.judgments.contains { $0.grade == 3 } || q.judgments.contains { $0.grade == 2 }, "\(q.query): nothing relevant")
        }
    }

    /// nDCG@10 of the engine's top 10 for every judged query; prints the per-query table.
    @Test func meanNDCGAt10DoesNotRegress() throws {
        let queries = try Self.judgedQueries()
        let searcher = Searcher(reader: Fixture.reader)
        var table = ["query\tnDCG@10\tunjudged\tgrades of the top 10 (? = unjudged)"]
        var total = 0.0
        for q in queries {
            let hits = try searcher.search(q.query, options: SearchOptions(limit: 10)).hits
            var used = Set<Int>()
            var grades: [Int] = [], shown: [String] = [], unjudged = 0
            for hit in hits {
                let m = Self.match(
                    document: hit.document.name, firstLine: hit.passage.record.firstLine,
                    lastLine: hit.passage.record.lastLine, in: q.judgments, used: &used)
                grades.append(m.grade)
                shown.append(m.judged ? String(m.grade) : "?")
                if !m.judged { unjudged += 1 }
            }
            let score = Self.ndcg(grades, judged: q.judgments.map(\.grade))
            total += score
            table.append("\(q.query)\t\(String(format: "%.3f", score))\t\(unjudged)\t\(shown.joined(separator: " "))")
            #expect(unjudged <= 1, "\(q.query): \(unjudged) of the top 10 are unjudged; judge them (docs/relevance-judgments.md)")
        }
        let mean = total / Double(queries.count)
        table.append("mean\t\(String(format: "%.3f", mean))")
        print(table.joined(separator: "\n"))
        #expect(mean >= Self.regressionFloor, "mean nDCG@10 \(mean) fell below \(Self.regressionFloor)")
    }
}
