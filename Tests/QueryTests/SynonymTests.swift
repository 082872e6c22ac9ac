import Analysis
import Foundation
import Index
import TestSupport
import Testing

@testable import Query

/// Synonym groups: plain parts expand, quoted parts and exact searches never do; a group is one
/// BM25 term whose tf counts every form's occurrences.
@Suite struct SynonymTests {
    static let table = try! SynonymTable.load(Support.corpus.appendingPathComponent("synonyms.txt"), normalizer: Normalizer())

    static func searcher(_ synonyms: SynonymTable?) -> Searcher {
        let s = Searcher(reader: Fixture.reader)
        s.synonyms = synonyms
        return s
    }

    static func ids(_ q: String, _ synonyms: SynonymTable? = table) throws -> Set<Int> {
        Set(try searcher(synonyms).search(q, options: SearchOptions(limit: nil, explain: true)).hits.map(\.passage.id))
    }

    static var chongqing: Set<Int> { Set(Fixture.grep.passages.indices.filter { Fixture.grep.documents[$0].hasPrefix("chongqing") }) }

    @Test func aPlainPartFindsEveryFormOfItsGroup() throws {
        // 重庆's plan writes only the full form.
        #expect(Fixture.oracle("跨境电商").intersection(Self.chongqing).isEmpty)
        let expected = Fixture.oracle("跨境电商").union(Fixture.oracle("跨境电子商务"))
        #expect(try Self.ids("跨境电商") == expected)
        #expect(try Self.ids("跨境电子商务") == expected)
        #expect(try Self.ids("跨境电商 doc:重庆") == expected.intersection(Self.chongqing))
        #expect(try Self.ids("综保区") == Fixture.oracle("综保区").union(Fixture.oracle("综合保税区")))
    }

    /// A long part that occurs nowhere is searched as its words (跨境电商海外仓 → 跨境电商 + 海外仓), and
    /// those words expand as plain parts do: 重庆's plan, which writes only 跨境电子商务, is found.
    @Test func wordsOfAnUnmatchedPartExpand() throws {
        let expected = Fixture.oracle("跨境电商").union(Fixture.oracle("跨境电子商务")).intersection(Fixture.oracle("海外仓"))
        #expect(!expected.intersection(Self.chongqing).isEmpty)
        #expect(try Self.ids("跨境电商海外仓") == expected)
        #expect(try Self.ids("跨境电商海外仓") == Self.ids("跨境电商 海外仓"))
    }

    @Test func quotedAndExactSearchesNeverExpand() throws {
        for q in ["跨境电商", "综保区", "自贸区", "RCEP", "电商"] {
            #expect(try Self.ids("\"\(q)\"") == Fixture.oracle(q))
            #expect(try Self.ids(q, nil) == Fixture.oracle(q))
        }
    }

    /// tf counts the occurrences of every form, df the passages with any; highlights say which form.
    @Test func aGroupIsOneTerm() throws {
        let r = try Self.searcher(Self.table).search("跨境电商", options: SearchOptions(limit: nil, explain: true))
        #expect(r.total == Fixture.oracle("跨境电商").union(Fixture.oracle("跨境电子商务")).count)
        for hit in r.hits {
            let p = hit.passage.id
            let spans = Fixture.grep.occurrences(of: "跨境电商", inPassage: p) + Fixture.grep.occurrences(of: "跨境电子商务", inPassage: p)
            let term = try #require(hit.explanation?.terms.first)
            #expect(term.tf == spans.count)
            #expect(term.df == r.total)
            #expect(term.variants == ["跨境电商", "跨境电子商务"])
            #expect(hit.highlights == spans.sorted { $0.lowerBound < $1.lowerBound })
            let scalars = Array(hit.passage.text.unicodeScalars)
            for (span, form) in zip(hit.highlights, hit.matched) {
                #expect(String(String.UnicodeScalarView(scalars[span])) == form)
            }
        }
    }

    /// Forms that contain one another (陆海新通道 inside 西部陆海新通道) count once where they overlap.
    @Test func overlappingFormsCountOnce() throws {
        let r = try Self.searcher(Self.table).search("陆海新通道", options: SearchOptions(limit: nil, explain: true))
        #expect(r.total == Fixture.oracle("陆海新通道").count)
        for hit in r.hits {
            #expect(hit.explanation?.terms.first?.tf == Fixture.grep.occurrences(of: "陆海新通道", inPassage: hit.passage.id).count)
        }
    }

    /// Two parts that search the same forms are one term: no double weight.
    @Test func aGroupTypedTwiceCountsOnce() throws {
        let s = Self.searcher(Self.table)
        let one = try s.search("跨境电商", options: SearchOptions(limit: 3, explain: true)),
            both = try s.search("跨境电商 OR 跨境电子商务", options: SearchOptions(limit: 3, explain: true))
        #expect(both.hits.map(\.passage.id) == one.hits.map(\.passage.id))
        #expect(zip(both.hits, one.hits).allSatisfy { $0.score == $1.score && $0.explanation?.terms.count == 1 })
    }

    /// The listed White_Space set is Unicode's: every scalar of the BMP checked against the property.
    @Test func spacesAreUnicodesWhiteSpace() {
        for v in 0..<0x10000 {
            guard let c = Unicode.Scalar(UInt32(v)) else { continue }
            #expect(SynonymTable.isSpace(c) == c.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    @Test func malformedFilesNameTheLine() throws {
        let n = Normalizer()
        #expect(throws: SynonymTable.ParseError.self) { try SynonymTable.parse("跨境电商 = 跨境电子商务\n孤单\n", source: "s.txt", normalizer: n) }
        do {
            _ = try SynonymTable.parse("# c\n\n跨境电商 = 跨境电子商务\n电商 = 跨境电商\n", source: "s.txt", normalizer: n)
            Issue.record("a form in two groups was accepted")
        } catch let e as SynonymTable.ParseError {
            #expect(e.line == 4 && e.description.hasPrefix("s.txt:4:"))
        } catch { Issue.record("\(error)") }
        #expect(throws: SynonymTable.ParseError.self) { try SynonymTable.parse("a = \n", source: "s.txt", normalizer: n) }
        // Windows line ends count one line each; the message names the earlier group and its line.
        func error(_ text: String) -> SynonymTable.ParseError? {
            do {
                _ = try SynonymTable.parse(text, source: "s.txt", normalizer: n)
                return nil
            } catch { return error as? SynonymTable.ParseError }
        }
        let crlf = error("跨境电商 = 跨境电子商务\r\n网商 = 电商\r\n电商 = 电子商务\r\n")
        #expect(crlf?.line == 3 && crlf?.description.contains("line 2 (网商 = 电商)") == true, "\(String(describing: crlf))")
        #expect(error("数字 =  = 数码\n")?.description.contains("empty form") == true)
        #expect(error("电商 = 网商 = 电商\n")?.description.contains("twice") == true)
        #expect(try SynonymTable.parse("跨境电商 = 跨境电子商务\r\n网商 = 电商\r\n", source: "s.txt", normalizer: n).groups.count == 2)
        // A form written in quotes, as a query part might be, is the text inside them.
        let quoted = try SynonymTable.parse("\"跨境\" = “出境” = 「境外」\n", source: "s.txt", normalizer: n)
        #expect(quoted.group(of: n.fold("跨境"))?.forms == ["跨境", "出境", "境外"])
        // A file that cannot be read is named without a line number.
        let missing = URL(fileURLWithPath: "/nonexistent/synonyms.txt")
        do {
            _ = try SynonymTable.load(missing, normalizer: n)
            Issue.record("a missing file was read")
        } catch let e as SynonymTable.ParseError {
            #expect(e.description.hasPrefix("/nonexistent/synonyms.txt: cannot be read"), "\(e)")
        }
    }

    /// Every group of the starter set names forms of which at least one occurs in the corpus, or is
    /// a standard abbreviation (those are listed here, read from the file's comments).
    @Test func starterSetIsJustified() throws {
        let standard: Set<String> = ["自贸港", "高新区", "消博会", "西洽会", "内贸", "服贸会"]
        for g in Self.table.groups where !g.forms.contains(where: standard.contains) {
            #expect(g.forms.filter { !Fixture.oracle($0).isEmpty }.count >= 1, "\(g.forms): no form in the corpus")
        }
    }
}
