import Analysis
import Foundation
import Index
import Ingestion

/// Turns a parsed query into a `QueryPlan` for one index (see there).
struct QueryPlanner {
    let reader: IndexReader
    let normalizer: Normalizer
    let texts: PassageTexts
    /// What filters need of each document; read only when the query has a filter.
    let loadDocuments: () throws -> [DocumentFacts]
    let synonyms: SynonymTable?
    var makeAnalyzer: () throws -> Analyzer
    /// Leave the matches of direct 1–2 character terms unread (`QueryPlan.Term.deferred`): only
    /// `search` asks for it, and it reads them (`Searcher.materialize`) unless a step that walks
    /// their postings lists answers the query.
    var deferDirectTerms = false
    /// Search a plain part that occurs nowhere as its words instead (`search`'s fallback); the
    /// counting views turn it off: a count is of the part as written, never of its words.
    var wordFallback = true
    /// The documents are a research view's selection (`--docs`), not the whole index: notes say so.
    var scoped = false

    private var terms: [QueryPlan.Term] = []
    private var notes: [Message] = []
    private var unmatched: [(part: QueryPart, scalars: [UInt32])] = []
    /// How many OR groups the part being planned stands in.
    private var orDepth = 0
    /// The other filters ANDed with the one being planned (region:四川 beside year:2021..2023): a
    /// date filter's note counts the undated documents they keep.
    private var siblingFilters: [DocumentFilter] = []

    init(
        reader: IndexReader, normalizer: Normalizer, texts: PassageTexts, documents: @escaping () throws -> [DocumentFacts],
        synonyms: SynonymTable?,
        makeAnalyzer: @escaping () throws -> Analyzer
    ) {
        self.reader = reader
        self.normalizer = normalizer
        self.texts = texts
        self.loadDocuments = documents
        self.synonyms = synonyms
        self.makeAnalyzer = makeAnalyzer
    }

    mutating func plan(_ query: String, _ expression: QueryExpression) throws -> QueryPlan {
        terms = []
        notes = []
        unmatched = []
        let root = try node(expression, positive: true)
        var plan = QueryPlan(query: query, expression: expression, root: root, terms: terms, messages: notes)
        plan.unmatched = unmatched
        return plan
    }

    private mutating func node(_ e: QueryExpression, positive: Bool) throws -> QueryPlan.Node {
        switch e {
        case .term(let part):
            let t = try term(part, positive: positive)
            if positive, t.df == 0 { unmatched.append((part, t.scalars)) }
            if positive, !part.quoted, t.df == 0, let glued = Self.gluedOperator(part) { notes.append(glued) }
            if positive, !part.quoted, t.df == 0, let words = try fallback(part, t.scalars) {
                guard wordFallback else {
                    let listed = words.map { "“\($0.text)”" }.joined(separator: " + ")
                    notes.append(
                        Message(
                            english:
                                "“\(part.text)” occurs nowhere as written, so it counts 0; its words \(listed) do occur (count them as terms of their own if that is what you mean)",
                            chinese: "“\(part.text)”原文未出现，计为 0；其中的词 \(listed) 出现过（如需统计，请分别列为检索词）"))
                    return .term(add(t))
                }
                let listed = words.map { "“\($0.text)”" }.joined(separator: " + ")
                notes.append(
                    Message(
                        english:
                            "No exact match for “\(part.text)”; searched its words \(listed) instead (quote it to require the exact phrase)",
                        chinese: "未找到“\(part.text)”原文，已改为同时检索其中的词 \(listed)（加引号则只查原文）"))
                return .and(try words.map { .term(add(try term($0, positive: true))) })
            }
            if !positive, t.df == 0 {
                // Excluding what occurs nowhere excludes nothing (a misspelling, or a long word whose
                // exact form no plan prints): say so rather than answer as if it had worked.
                notes.append(
                    Message(
                        english: "“\(part.text)” occurs nowhere, so excluding it leaves out nothing",
                        chinese: "“\(part.text)”未在任何段落出现，排除它不影响结果"))
            }
            if positive, t.df == 0, orDepth > 0 { notes.append(Self.alternativeMatchesNothing(part)) }
            return .term(add(t))
        case .near(let distance, let a, let b):
            let ta = try term(a, positive: positive), tb = try term(b, positive: positive)
            for t in [ta, tb] where positive && t.df == 0 { unmatched.append((t.part, t.scalars)) }
            return .near(distance: distance, add(ta), add(tb))
        case .filter(let f):
            let documents = try loadDocuments()
            let selected = documents.filter { f.selects($0, normalizer: normalizer) }
            if selected.isEmpty {
                let fields = f.value.split(whereSeparator: { (c: Character) in !c.isNumber })
                let unpadded = f.field == .date && fields.dropFirst().contains { $0.count == 1 }
                let meaning = DocumentFilter.unifiedDate(f.value)
                notes.append(
                    Message(
                        english: "\(f) matches no document\(scoped ? " of the --docs selection" : "")"
                            + (unpadded ? " (dates compare field by field: it means \(meaning))" : ""),
                        chinese: "\(f) 没有选中\(scoped ? "所选范围中的" : "")任何文档" + (unpadded ? "（日期按年、月、日逐项比较：即 \(meaning)）" : "")))
            }
            if f.field == .year || f.field == .date {
                let others = siblingFilters.filter { $0 != f && $0.field != .year && $0.field != .date }
                let undated = documents.filter { d in d.date == nil && others.allSatisfy { $0.selects(d, normalizer: normalizer) } }.count
                if undated > 0 { notes.append(Self.undatedLeftOut(f.description, undated, scoped: scoped)) }
            }
            return .documents(selected.map(\.passages))
        case .and(let items):
            try noteExclusiveFilters(items)
            let outer = siblingFilters
            defer { siblingFilters = outer }
            siblingFilters = outer + items.compactMap { if case .filter(let f) = $0 { f } else { nil } }
            return .and(try items.map { try node($0, positive: positive) })
        case .or(let items):
            orDepth += 1
            defer { orDepth -= 1 }
            return .or(try items.map { try node($0, positive: positive) })
        case .not(let inner): return .not(try node(inner, positive: !positive))
        }
    }

    /// What a date filter (or a `--docs` selection holding one) leaves out: `n` documents without a
    /// date, of the view's selection when `scoped`. `chinese`: the subject as the web page names it
    /// (a selection is the form's 文档 field there, not `--docs`).
    static func undatedLeftOut(_ subject: String, chinese: String? = nil, _ n: Int, scoped: Bool = false) -> Message {
        Message(
            english:
                "\(subject) leaves out \(n) document\(n == 1 ? "" : "s")\(scoped ? " of the --docs selection" : "") without a date (see `policy-search docs`)",
            chinese: "\(chinese ?? subject) 不含\(scoped ? "所选范围中" : "") \(n) 份没有日期的文档（见文档列表）")
    }

    /// One alternative of an OR that occurs nowhere: the results are the others' alone, which the
    /// reader should know (a part mistyped, or a bracket left open and so read as text: （跨境电商 OR 海外仓).
    static func alternativeMatchesNothing(_ part: QueryPart) -> Message {
        let open = part.text.first.map { "（(".contains($0) } == true && !part.text.contains(where: { "）)".contains($0) })
        return Message(
            english: "“\(part.text)” occurs nowhere; the results are those of the other parts of its OR"
                + (open ? " (a bracket not closed is text: close it to group)" : ""),
            chinese: "“\(part.text)”未在任何段落出现；结果只来自同一 OR 中的其他部分" + (open ? "（括号没有闭合，被当作文字：补上“）”才是分组）" : ""))
    }

    /// OR, AND or NOT (in any case) typed against a Chinese word without a space (跨境电商OR海外仓,
    /// RCEP OR海外仓, 海外仓 or跨境电商) is text, as keywords stand only between spaces; a part that
    /// then matches nothing says how to mean it.
    static func gluedOperator(_ part: QueryPart) -> Message? {
        let s = Array(part.text.unicodeScalars)
        let upper = s.map { ("a"..."z").contains($0) ? Unicode.Scalar($0.value - 32)! : $0 }
        func isHan(_ i: Int) -> Bool { i >= 0 && i < s.count && s[i].value >= 0x3400 }
        for keyword in ["OR", "AND", "NOT"] {
            let k = Array(keyword.unicodeScalars)
            for i in 0..<max(0, s.count - k.count + 1) where Array(upper[i..<(i + k.count)]) == k {
                let before = i == 0 ? nil : isHan(i - 1), after = i + k.count == s.count ? nil : isHan(i + k.count)
                // Han on one side and Han or the part's edge on the other: an operator meant.
                guard before != false, after != false, before == true || after == true else { continue }
                let spaced =
                    (String(String.UnicodeScalarView(s[..<i])) + " \(keyword) " + String(String.UnicodeScalarView(s[(i + k.count)...])))
                    .trimmingCharacters(in: .whitespaces)
                return Message(
                    english:
                        "“\(String(String.UnicodeScalarView(s[i..<(i + k.count)])))” in “\(part.text)” is text: an operator needs spaces around it (\(spaced))",
                    chinese: "“\(part.text)”中的 \(keyword) 被当作文字：运算符两边需要空格（\(spaced)）")
            }
        }
        return nil
    }

    /// Filters side by side that each select documents but no document together (doc:重庆 doc:成都:
    /// a passage belongs to one document) get a note suggesting OR.
    private mutating func noteExclusiveFilters(_ items: [QueryExpression]) throws {
        let filters = items.compactMap { item -> DocumentFilter? in if case .filter(let f) = item { return f } else { return nil } }
        guard filters.count >= 2 else { return }
        let documents = try loadDocuments()
        let sets = filters.map { f in Set(documents.filter { f.selects($0, normalizer: normalizer) }.map(\.index)) }
        guard sets.allSatisfy({ !$0.isEmpty }), sets.dropFirst().reduce(sets[0], { $0.intersection($1) }).isEmpty else { return }
        notes.append(
            Message(
                english:
                    "\(filters.map(\.description).joined(separator: " and ")) select no document together; write OR between them to take either",
                chinese: "\(filters.map(\.description).joined(separator: " 与 ")) 不能同时满足（一个段落只属于一份文档）；要任选其一，请在中间写 OR"))
    }

    /// The index of a term; a part that searches the same forms as an earlier one (跨境电商 OR
    /// 跨境电子商务 with synonyms on) is that term, so BM25 does not count it twice.
    private mutating func add(_ t: QueryPlan.Term) -> Int {
        if let same = terms.firstIndex(where: { $0.positive == t.positive && Set($0.variants) == Set(t.variants) }) { return same }
        if t.isGroup {
            let others = t.variantTexts.dropFirst().map { "“\($0)”" }.joined(separator: ", ")
            let source = synonyms.map { " (\(URL(fileURLWithPath: $0.source).lastPathComponent))" } ?? ""
            let synonymList = others.replacingOccurrences(of: ", ", with: "、")
            notes.append(
                t.positive
                    ? Message(
                        english: "“\(t.part.text)” also searched as \(others)\(source); quote it or use --exact for only what was typed",
                        chinese: "“\(t.part.text)”同时检索了同义词 \(synonymList)；加引号或选“精确”则只查所输入的词")
                    : Message(
                        english:
                            "excluding “\(t.part.text)” also excludes \(others)\(source); quote it or use --exact to exclude only what was typed",
                        chinese: "排除“\(t.part.text)”时也排除了同义词 \(synonymList)；加引号或选“精确”则只排除所输入的词"))
        }
        terms.append(t)
        return terms.count - 1
    }

    /// Cleans and normalizes a part as documents are, expands it to its synonym group (unquoted
    /// parts only), then matches every form exactly; the forms are one term: a passage's tf is the
    /// number of their occurrences, overlapping occurrences of different forms counted once.
    private func term(_ part: QueryPart, positive: Bool) throws -> QueryPlan.Term {
        let scalars = normalizer.fold(TypedText.clean(part.text))
        guard !scalars.isEmpty, !scalars.allSatisfy({ $0 == 0x20 }) else {
            throw QueryError(
                message: "“\(part.text)” has nothing to search for after normalization", column: part.column,
                chinese: "“\(part.text)”去掉标点和空白后没有可检索的内容")
        }
        var variants = [scalars], texts = [part.text]
        if !part.quoted, let group = synonyms?.group(of: scalars) {
            for (form, n) in zip(group.forms, group.normalized) where n != scalars {
                variants.append(n)
                texts.append(form)
            }
        }
        if deferDirectTerms, variants.count == 1, !Occurrences.canOverlap(scalars), let key = PhraseMatcher.directKey(scalars) {
            var t = QueryPlan.Term(
                part: part, scalars: scalars, variants: variants, variantTexts: texts, matches: PhraseMatches(), positive: positive)
            t.entry = try reader.term(key)
            (t.dfOverride, t.deferred) = (t.entry?.df ?? 0, true)
            return t
        }
        var matches = try PhraseMatcher.match(scalars, in: reader)
        if variants.count > 1 {
            let all = [matches] + (try variants.dropFirst().map { try PhraseMatcher.match($0, in: reader) })
            matches = PhraseMatches.union(all)
        }
        if Occurrences.canOverlap(variants) {
            // The index counts overlapping occurrences (哈哈 twice in 哈哈哈), and forms of a group
            // may overlap one another; the counting definition does not count overlaps. (Forms
            // that cannot overlap have exact counts in the index: summed, they are the tf.)
            for (i, p) in matches.passages.enumerated() {
                matches.tfs[i] = Int32(Occurrences.spans(of: variants, in: try self.texts.get(Int(p)).normalized.scalars).count)
            }
        }
        return QueryPlan.Term(part: part, scalars: scalars, variants: variants, variantTexts: texts, matches: matches, positive: positive)
    }

    /// A long run of Chinese with no exact match is split into ICU words (ANDed).
    private func fallback(_ part: QueryPart, _ scalars: [UInt32]) throws -> [QueryPart]? {
        guard scalars.filter({ $0 >= 0x3400 }).count >= 4 else { return nil }
        let words = try makeAnalyzer().queryWords(TypedText.clean(part.text)).filter {
            !normalizer.fold($0).allSatisfy { $0 == 0x20 }
        }
        guard words.count >= 2 else { return nil }
        return words.map { QueryPart(text: $0, quoted: false, column: part.column) }
    }
}
