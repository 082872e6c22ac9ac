import Foundation
import Index
import Ingestion
import Research
import TestSupport
import Testing

/// A draft made of two corpus paragraphs (picked by reading the files: the 跨境资金方面 measure of
/// Chongqing's 专栏 14, the 消费转型升级步伐加快 paragraph of Sichuan's 基础条件) and new text.
@Suite struct DraftCheckTests {
    static let chongqing = ReuseFixture.passage("chongqing-commerce-14th-fyp.txt", containing: "跨境资金方面。开展合格境内有限合伙人")
    static let sichuan = ReuseFixture.passage("sichuan-commerce-14th-fyp.txt", containing: "消费转型升级步伐加快。社会消费品零售总额")

    static let newText = [
        "本方案所称数字乡村集市，是指由村集体经济组织牵头，依托县域快递共配中心开展农特产品线上团购的新型流通形态。",
        "各乡镇应当于每季度首月十日前报送集市运营台账，台账载明参与农户数量、订单笔数、退货比例及投诉处理情况。"
    ]

    static func writeDraft() throws -> URL {
        let dir = try Support.temporaryDirectory("draft")
        let url = dir.appendingPathComponent("县域数字乡村集市建设方案（草案）.txt")
        let body = [
            "县域数字乡村集市建设方案（草案）", "一、总体要求", newText[0], ReuseFixture.text(chongqing), "二、重点任务",
            ReuseFixture.text(sichuan), newText[1]
        ]
        try Support.write(body.joined(separator: "\n\n") + "\n", to: url)
        return url
    }

    @Test func draftReportsExactlyItsTwoSources() throws {
        let url = try Self.writeDraft()
        defer { Support.remove(url.deletingLastPathComponent()) }
        let draft = try Ingestor.ingest(fileAt: url)
        let result = try ClauseReuse(reader: ReuseFixture.reader).check(draft: draft, threshold: 0.5)
        let matched = result.filter { !$0.matches.isEmpty }
        #expect(result.count >= 4)  // two copied paragraphs, two new ones
        #expect(Set(matched.flatMap { $0.matches.compactMap(\.b.id) }) == [Self.chongqing, Self.sichuan])
        #expect(matched.count == 2)
        for m in matched {
            #expect(m.matches.count == 1)
            #expect(m.matches[0].similarity == 1)
            #expect(m.passage.text == m.matches[0].b.text)
        }
        for t in Self.newText { #expect(result.contains { $0.passage.text == t && $0.matches.isEmpty }) }
    }

    /// A short indexed clause copied into a long draft paragraph: the whole clause is in the draft
    /// (containment 1), but it is a small share of the paragraph, and that share (`found`) is what
    /// --min compares and what the report shows beside the other figures.
    @Test func foundIsTheShareOfTheDraftPassage() throws {
        let clause = ReuseFixture.text(Self.chongqing)
        let paragraph = clause + Self.newText.joined()
        let draft = Ingestor.ingest(text: "一、总体要求\n\n" + paragraph + "\n", name: "draft.txt")
        let reuse = try ClauseReuse(reader: ReuseFixture.reader)
        let loose = try reuse.check(draft: draft, threshold: 0.1).flatMap(\.matches).filter { $0.b.id == Self.chongqing }
        let pair = try #require(loose.first)
        let found = try #require(pair.found)
        #expect(pair.containment > 0.95 && found < 0.5 && found >= 0.1)
        // The clause's share of the paragraph's letters and digits, roughly what the shingles measure.
        func letters(_ t: String) -> Double { Double(t.filter { $0.isLetter || $0.isNumber }.count) }
        let share = letters(clause) / letters(paragraph)
        #expect(abs(found - share) < 0.05, "found \(found), letters \(share)")
        #expect(pair.figuresLine.hasSuffix(String(format: "· %.0f %% of the draft passage found", found * 100)))
        #expect(try reuse.check(draft: draft, threshold: 0.5).allSatisfy { $0.matches.isEmpty })
    }

    @Test func cliReportsTheSourcesAsJSON() throws {
        let url = try Self.writeDraft()
        defer { Support.remove(url.deletingLastPathComponent()) }
        let r = try Support.run(["check-draft", url.path, "--index", ReuseFixture.indexDirectory.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(Support.json(r))
        #expect(object["matched"] as? Int == 2)
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        let sources = Set(pairs.compactMap { ($0["b"] as? [String: Any])?["passage"] as? String })
        #expect(sources == [try PassageReferenceName.of(Self.chongqing), try PassageReferenceName.of(Self.sichuan)])
        let text = try Support.run(["check-draft", url.path, "--index", ReuseFixture.indexDirectory.path])
        #expect(text.status == 0 && text.stdout.contains("2 of ") && text.stdout.contains("chongqing-commerce-14th-fyp.txt#"))
        let missing = try Support.run(["check-draft", "/nonexistent/draft.txt", "--index", ReuseFixture.indexDirectory.path])
        #expect(missing.status == 2)
    }
}

/// A draft that is itself indexed is left out of its own check (it would stand in itself, every
/// passage at 1.00), with a note.
@Suite struct IndexedDraftTests {
    @Test func anIndexedDraftIsNotFoundInItself() throws {
        let draft = Support.corpus.appendingPathComponent(ReuseFixture.services)
        let r = try Support.run(["check-draft", draft.path, "--index", ReuseFixture.indexDirectory.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("is itself indexed"))
        let object = try #require(Support.json(r))
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        let sources = pairs.compactMap { ($0["b"] as? [String: Any])?["doc"] as? String }
        #expect(!sources.isEmpty && !sources.contains(ReuseFixture.services), "\(Set(sources))")
    }
}

/// Reuse results name a PDF passage's page, as search does: the Sichuan draft opinions as text and
/// as PDF, indexed together, are the same clauses; the PDF side of each pair has its page (a pair's
/// page as search gives that passage's), the text side none.
@Suite struct ReusePagesTests {
    @Test func pdfSidesCarryTheirPage() throws {
        let txt = Support.corpus.appendingPathComponent("sichuan-trade-power-opinions-draft.txt")
        let (dir, index, built) = try Support.index([Support.fixturePDF, txt], label: "reuse-pages")
        defer { Support.remove(dir) }
        #expect(built.status == 0)
        let r = try Support.run(["reuse", "--min", "0.9", "--format", "json", "--index", index])
        let object = try #require(Support.json(r))
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count >= 10)
        let pageOf = try Support.pages(of: "服务贸易", in: index)
        for pair in pairs {
            for side in ["a", "b"] {
                let s = try #require(pair[side] as? [String: Any])
                let doc = s["doc"] as? String ?? ""
                if doc.hasSuffix(".pdf") {
                    let page = try #require(s["page"] as? Int)
                    if let expected = pageOf[s["passage"] as? String ?? ""] { #expect(page == expected) }
                } else {
                    #expect(s["page"] is NSNull)
                }
            }
        }
        let text = try Support.run(["reuse", "--min", "0.9", "--index", index])
        #expect(text.stdout.contains(", p. "))
    }
}

/// `FILE#N` of a passage, computed from the document's passage range (independent of the CLI).
enum PassageReferenceName {
    static func of(_ id: Int) throws -> String {
        let r = ReuseFixture.reader
        let d = try r.passageRecord(id).document
        return try r.documentSummary(d).name + "#\(id - r.passageRange(ofDocument: d).lowerBound + 1)"
    }
}

/// A draft paragraph stitched from the first halves of the two corpus paragraphs above: neither
/// holds half of it, together they hold nearly all of it.
@Suite struct DraftPiecesTests {
    static func paragraph() -> (text: String, pieces: [String]) {
        let a = ReuseFixture.text(DraftCheckTests.chongqing), b = ReuseFixture.text(DraftCheckTests.sichuan)
        let n = min(a.count, b.count) / 2
        let pieces = [String(a.prefix(n)), String(b.prefix(n))]
        return (pieces.joined() + "并纳入年度考核。", pieces)
    }

    @Test func aParagraphOfTwoCopiedClausesIsFoundInBoth() throws {
        let (text, pieces) = Self.paragraph()
        let draft = Ingestor.ingest(text: "一、总体要求\n\n" + text + "\n", name: "draft.txt")
        let reuse = try ClauseReuse(reader: ReuseFixture.reader)
        let checked = try #require(try reuse.check(draft: draft, threshold: 0.5).first { $0.passage.text == text })
        #expect(Set(checked.matches.compactMap(\.b.id)) == [DraftCheckTests.chongqing, DraftCheckTests.sichuan])
        // Each piece's share, and the two together, against the letters each piece is of the paragraph.
        func letters(_ t: String) -> Double { Double(t.filter { $0.isLetter || $0.isNumber }.count) }
        for pair in checked.matches {
            let found = try #require(pair.found)
            #expect(found < 0.5 && found > 0.35, "\(found)")
        }
        let together = try #require(checked.together)
        // A text of L letters has L − 4 five-letter shingles; a piece holds those wholly inside it.
        let share = pieces.map { letters($0) - 4 }.reduce(0, +) / (letters(text) - 4)
        #expect(abs(together - share) < 0.02, "together \(together), letters \(share)")
        // Not when --min asks for more than the two hold together.
        let strict = try reuse.check(draft: draft, threshold: 0.97).first { $0.passage.text == text }
        #expect(strict?.matches.isEmpty == true && strict?.together == nil)
    }

    /// One clause stands whole elsewhere (over --min) and the paragraph's other clause in another
    /// passage: both are listed, the second as a piece, not marked as the draft's own text.
    @Test func theOtherClauseOfAParagraphFoundWholeIsListedToo() throws {
        let a = ReuseFixture.text(DraftCheckTests.chongqing), b = ReuseFixture.text(DraftCheckTests.sichuan)
        let text = a + String(b.prefix(a.count * 3 / 5))
        let draft = Ingestor.ingest(text: "一、总体要求\n\n" + text + "\n", name: "draft.txt")
        let checked = try #require(
            try ClauseReuse(reader: ReuseFixture.reader).check(draft: draft, threshold: 0.5).first { $0.passage.text == text })
        #expect(checked.matches.compactMap(\.b.id) == [DraftCheckTests.chongqing, DraftCheckTests.sichuan])
        #expect((checked.matches[0].found ?? 0) >= 0.5 && (checked.matches[1].found ?? 1) < 0.5)
        let together = try #require(checked.together)
        #expect(together > (checked.matches[0].found ?? 1) + 0.2, "\(together)")
    }

    @Test func cliSaysTheyHoldItTogether() throws {
        let dir = try Support.temporaryDirectory("pieces")
        defer { Support.remove(dir) }
        let url = dir.appendingPathComponent("draft.txt")
        try Support.write("一、总体要求\n\n" + Self.paragraph().text + "\n", to: url)
        let text = try Support.run(["check-draft", url.path, "--index", ReuseFixture.indexDirectory.path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("no one indexed passage holds 50 % of it; these 2 together hold"))
        let json = try Support.run(["check-draft", url.path, "--index", ReuseFixture.indexDirectory.path, "--format", "json"])
        let object = try #require(Support.json(json))
        let pairs = try #require(object["pairs"] as? [[String: Any]])
        #expect(pairs.count == 2 && pairs.allSatisfy { ($0["together"] as? Double ?? 0) > 0.8 })
    }
}
