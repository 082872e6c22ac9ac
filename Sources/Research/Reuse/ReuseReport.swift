import Foundation
import Query

/// Results of `reuse`, `similar` and `check-draft` in one shape for every output format: a title,
/// notes, and groups of pairs (a document pair, a query, a draft passage), each with its summary.
/// The words are `Message`s: English for the commands' writers and the JSON, Chinese on the web.
public struct ReuseReport: Sendable {
    public struct Group: Sendable {
        public var headingMessage: Message
        public var summaryMessages: [Message]
        public var pairs: [ReusePair]

        public var heading: String { headingMessage.english }
        public var summary: [String] { summaryMessages.map(\.english) }
    }

    public var titleMessage: Message
    public var messages: [Message]
    public var groups: [Group]

    public var title: String { titleMessage.english }
    public var notes: [String] { messages.map(\.english) }
    public var pairCount: Int { groups.reduce(0) { $0 + $1.pairs.count } }

    static func percent(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }

    /// FILE#N (line L) for an indexed passage, FILE:L for a draft's, "text" for --text.
    static func name(_ p: ReusePassage) -> String { label(p).english }

    /// `name` in both languages.
    static func label(_ p: ReusePassage) -> Message {
        if let id = p.passage, let line = p.line {
            return Message(
                english: "\(id) (line \(line)\(p.page.map { ", p. \($0)" } ?? ""))",
                chinese: "\(id)（第 \(line) 行\(p.page.map { "，第 \($0) 页" } ?? "")）")
        }
        if let id = p.passage { return Message(english: id, chinese: id) }
        if let doc = p.doc { return Message(english: "\(doc):\(p.line ?? 0)", chinese: "\(doc):\(p.line ?? 0)") }
        return Message(english: "text", chinese: "文本")
    }

    /// `reuse`: one group per document pair.
    public init(documentPairs: [DocumentPair], threshold: Double, compared: Int) {
        titleMessage = Message(english: "Clause reuse", chinese: "条款复用")
        let pairs = documentPairs.reduce(0) { $0 + $1.pairs.count }
        messages = [
            Message(
                english: String(
                    format: "%d pair(s) in %d document pair(s) at similarity ≥ %.2f; %d passages compared", pairs, documentPairs.count,
                    threshold, compared),
                chinese: String(format: "相似度 ≥ %.2f 的条款 %d 对，分属 %d 组文档；比较了 %d 个段落", threshold, pairs, documentPairs.count, compared))
        ]
        groups = documentPairs.map { d in
            func share(_ tag: String, _ other: String, _ name: String, _ matched: Int, _ passages: Int, _ fraction: Double) -> Message {
                Message(
                    english: "\(tag) \(name): \(matched)/\(passages) passages, \(Self.percent(fraction)) of its text in \(other)",
                    chinese: "\(tag) \(name)：\(matched)/\(passages) 个段落，\(Self.percent(fraction)) 的文字见于 \(other)")
            }
            let heading = "\(d.a.title) ↔ \(d.b.title)"
            return Group(
                headingMessage: Message(english: heading, chinese: heading),
                summaryMessages: [
                    share("A", "B", d.a.name, d.aMatched, d.aPassages, d.aShare),
                    share("B", "A", d.b.name, d.bMatched, d.bPassages, d.bShare)
                ],
                pairs: d.pairs)
        }
    }

    /// `similar`: one group, the query.
    public init(similarTo query: ReusePassage, pairs: [ReusePair], threshold: Double) {
        let name = Self.label(query)
        titleMessage = Message(english: "Passages similar to " + name.english, chinese: "与 " + name.chinese + " 相似的段落")
        messages = [
            Message(
                english: String(format: "%d passage(s) of other documents at similarity or containment ≥ %.2f", pairs.count, threshold),
                chinese: String(format: "其他文档中相似度或包含度 ≥ %.2f 的段落 %d 个", threshold, pairs.count))
        ]
        groups = [
            Group(
                headingMessage: Message(english: name.english + " " + query.text, chinese: name.chinese + " " + query.text),
                summaryMessages: [], pairs: pairs)
        ]
    }

    /// `check-draft`: one group per draft passage that already stands somewhere.
    public init(draft name: String, passages: [DraftPassage], threshold: Double) {
        titleMessage = Message(english: "Draft check: " + name, chinese: "草稿核查：" + name)
        let matched = passages.filter { !$0.matches.isEmpty }
        messages = [
            Message(
                english: String(
                    format: "%d of %d draft passages already stand in the index (≥ %.0f %% found)", matched.count, passages.count,
                    threshold * 100),
                chinese: String(
                    format: "草稿的 %d 个段落中有 %d 个已见于索引（找到 ≥ %.0f %%）", passages.count, matched.count, threshold * 100))
        ]
        groups = matched.map { d in
            let alone = (d.matches.first?.found ?? 0) >= threshold - 1e-9
            let n = d.matches.count
            let summary = d.together.map { t in
                alone
                    ? Message(
                        english: String(
                            format: "its other clauses stand in other passages: these %d together hold %.0f %% of it", n, t * 100),
                        chinese: String(format: "它的其他条款见于其他段落：这 %d 个段落合计包含它的 %.0f %%", n, t * 100))
                    : Message(
                        english: String(
                            format: "no one indexed passage holds %.0f %% of it; these %d together hold %.0f %%", threshold * 100, n,
                            t * 100),
                        chinese: String(
                            format: "没有一个已索引段落包含它的 %.0f %%；这 %d 个段落合计包含 %.0f %%", threshold * 100, n, t * 100))
            }
            let heading = "\(name):\(d.passage.line ?? 0) " + d.passage.text
            return Group(
                headingMessage: Message(english: heading, chinese: heading), summaryMessages: summary.map { [$0] } ?? [], pairs: d.matches)
        }
    }
}
