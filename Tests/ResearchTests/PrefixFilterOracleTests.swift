import Foundation
import Index
import Research
import TestSupport
import Testing

/// The candidate filter must not lose a pair: all pairs found equal those of comparing every pair
/// of compared passages, with shingles built independently (Foundation's NFKC and lowercasing,
/// Character's letter and number tests, Set<String>).
@Suite struct PrefixFilterOracleTests {
    struct Oracle5 {
        var ids: [Int] = []
        var documents: [Int] = []
        var sets: [[Int32]] = []

        /// A table's header row, told here by reading: a row that names an indicator column (指标)
        /// and whose only figures are years (2020 年, 2025年目标值).
        static func isIndicatorHeader(_ p: StoredPassage) -> Bool {
            guard p.record.kind == .tableRow, p.text.contains("指") else { return false }
            let cells = p.text.components(separatedBy: " | ").map { $0.filter { !$0.isWhitespace } }
            guard cells.contains(where: { $0.contains("指标") }) else { return false }
            let runs = p.text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
            return !runs.isEmpty && runs.allSatisfy { $0.count == 4 && $0.hasPrefix("20") }
        }

        init(reader: IndexReader, minLength: Int = 20) throws {
            var dictionary: [String: Int32] = [:]
            for d in 0..<reader.documentCount {
                for id in try reader.passageRange(ofDocument: d) {
                    let p = try reader.passage(id)
                    let content = Array(Oracle.normalize(p.text).filter { $0.isLetter || $0.isNumber })
                    guard p.record.kind != .heading, !Self.isIndicatorHeader(p), content.count >= minLength else { continue }
                    var set = Set<Int32>()
                    for i in 0...(content.count - 5) {
                        let key = String(content[i..<(i + 5)])
                        if dictionary[key] == nil { dictionary[key] = Int32(dictionary.count) }
                        set.insert(dictionary[key]!)
                    }
                    ids.append(id)
                    documents.append(d)
                    sets.append(set.sorted())
                }
            }
        }

        /// Every pair from different documents with Jaccard ≥ t, by brute force.
        func pairs(_ t: Double) -> [String: Double] {
            var out: [String: Double] = [:]
            for i in sets.indices {
                for j in (i + 1)..<sets.count where documents[i] != documents[j] {
                    let a = sets[i], b = sets[j]
                    var x = 0, y = 0, common = 0
                    while x < a.count && y < b.count {
                        if a[x] == b[y] {
                            common += 1
                            x += 1
                            y += 1
                        } else if a[x] < b[y] {
                            x += 1
                        } else {
                            y += 1
                        }
                    }
                    let jaccard = Double(common) / Double(a.count + b.count - common)
                    if jaccard >= t { out["\(ids[i])-\(ids[j])"] = jaccard }
                }
            }
            return out
        }
    }

    @Test(arguments: [0.2, 0.5, 0.8, 1.0])
    func allPairsEqualBruteForce(threshold: Double) throws {
        let oracle = try Oracle5(reader: ReuseFixture.reader)
        let expected = oracle.pairs(threshold)
        let finder = try ClauseReuse(reader: ReuseFixture.reader)
        #expect(finder.comparedPassages == oracle.ids.count)
        var found: [String: Double] = [:]
        for p in try finder.pairs(threshold: threshold) { found["\(min(p.a, p.b))-\(max(p.a, p.b))"] = p.similarity }
        #expect(Set(found.keys) == Set(expected.keys))
        for (k, v) in expected { #expect(abs((found[k] ?? -1) - v) < 1e-12, "\(k)") }
        if threshold <= 0.5 { #expect(expected.count >= 5) }  // the test compares something
    }

    /// `similar` as its header says, "similarity or containment ≥ t", containment being the share
    /// of the smaller set found in the other (a short clause copied whole into a long query counts),
    /// by brute force.
    @Test func similarEqualsBruteForceContainment() throws {
        let oracle = try Oracle5(reader: ReuseFixture.reader)
        let query = ReuseFixture.passage(ReuseFixture.ecommerce, containing: "发展智慧体育。")
        let q = try #require(oracle.ids.firstIndex(of: query))
        let queryDocument = oracle.documents[q]
        for t in [0.1, 0.3, 0.9] {
            var expected = Set<Int>()
            for i in oracle.sets.indices where oracle.documents[i] != queryDocument {
                let common = Set(oracle.sets[i]).intersection(oracle.sets[q]).count
                let smaller = min(Set(oracle.sets[i]).count, Set(oracle.sets[q]).count)
                if Double(common) >= t * Double(smaller) - 1e-9 { expected.insert(oracle.ids[i]) }
            }
            let found = try ClauseReuse(reader: ReuseFixture.reader).similar(toPassage: query, threshold: t)
            #expect(Set(found.compactMap(\.b.id)) == expected, "t = \(t)")
        }
    }
}
