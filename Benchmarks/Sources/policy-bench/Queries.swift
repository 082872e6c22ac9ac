/// The fixed query set. `fts` is the same query as an FTS5 MATCH expression (each part a quoted
/// phrase); nil where the trigram tokenizer cannot answer it (a part under 3 characters).
/// `tantivy` is the same query in tantivy's query language over its n-gram fields
/// (`tantivy/child.py`): `bi:"…"` for a part of 2+ characters (its bigrams, all at position 0),
/// `uni:…` for a one-character part; `+` required, `-` excluded, `OR` either.
struct BenchQuery {
    var kind: String
    var ours: String
    var fts: String?
    var tantivy: String {
        // Derived mechanically from `ours`, so the two cannot drift apart.
        func part(_ p: Substring) -> String {
            let text = String(p.filter { $0 != "\"" })
            return text.count == 1 ? "uni:\(text)" : "bi:\"\(text)\""
        }
        let words = ours.split(separator: " ")
        if words.contains("OR") { return words.filter { $0 != "OR" }.map(part).joined(separator: " OR ") }
        if words.count == 1 { return part(words[0]) }
        return words.map { $0.hasPrefix("-") ? "-" + part($0.dropFirst()) : "+" + part($0) }.joined(separator: " ")
    }
}

let benchQueries: [BenchQuery] = [
    // Single terms, 2–9 characters.
    .init(kind: "term-2", ours: "电商", fts: nil),
    .init(kind: "term-3", ours: "服务业", fts: "\"服务业\""),
    .init(kind: "term-3", ours: "海外仓", fts: "\"海外仓\""),
    .init(kind: "term-4", ours: "跨境电商", fts: "\"跨境电商\""),
    .init(kind: "term-4", ours: "营商环境", fts: "\"营商环境\""),
    .init(kind: "term-4", ours: "一带一路", fts: "\"一带一路\""),
    .init(kind: "term-4", ours: "冷链物流", fts: "\"冷链物流\""),
    .init(kind: "term-4", ours: "数字经济", fts: "\"数字经济\""),
    .init(kind: "term-4", ours: "服务贸易", fts: "\"服务贸易\""),
    .init(kind: "term-4", ours: "中欧班列", fts: "\"中欧班列\""),
    .init(kind: "term-4", ours: "直播电商", fts: "\"直播电商\""),
    .init(kind: "term-4", ours: "电子商务", fts: "\"电子商务\""),
    .init(kind: "term-5", ours: "自贸试验区", fts: "\"自贸试验区\""),
    .init(kind: "term-5", ours: "高质量发展", fts: "\"高质量发展\""),
    .init(kind: "term-6", ours: "优化营商环境", fts: "\"优化营商环境\""),
    .init(kind: "term-6", ours: "跨境电子商务", fts: "\"跨境电子商务\""),
    .init(kind: "term-7", ours: "西部陆海新通道", fts: "\"西部陆海新通道\""),
    .init(kind: "term-8", ours: "国际消费中心城市", fts: "\"国际消费中心城市\""),
    .init(kind: "term-9", ours: "成渝地区双城经济圈", fts: "\"成渝地区双城经济圈\""),
    // One character; rare; very common.
    .init(kind: "term-1", ours: "港", fts: nil),
    .init(kind: "rare", ours: "蒲江县", fts: "\"蒲江县\""),
    .init(kind: "common-2", ours: "发展", fts: nil),
    .init(kind: "common-1", ours: "的", fts: nil),
    // AND, OR, NOT.
    .init(kind: "and", ours: "跨境电商 海外仓", fts: "\"跨境电商\" AND \"海外仓\""),
    .init(kind: "and", ours: "数字经济 服务贸易", fts: "\"数字经济\" AND \"服务贸易\""),
    .init(kind: "and-2", ours: "成都 重庆", fts: nil),
    .init(kind: "or", ours: "跨境电商 OR 跨境电子商务", fts: "\"跨境电商\" OR \"跨境电子商务\""),
    .init(kind: "or", ours: "冷链物流 OR 中欧班列", fts: "\"冷链物流\" OR \"中欧班列\""),
    .init(kind: "not-2", ours: "电商 -跨境", fts: nil),
    .init(kind: "not", ours: "电子商务 -跨境电子商务", fts: "\"电子商务\" NOT \"跨境电子商务\""),
    // Quoted phrases.
    .init(kind: "phrase", ours: "\"建设国际消费中心城市\"", fts: "\"建设国际消费中心城市\""),
    .init(kind: "phrase", ours: "\"推动跨境电商\"", fts: "\"推动跨境电商\""),
    .init(kind: "phrase", ours: "\"加快发展\"", fts: "\"加快发展\"")
]
