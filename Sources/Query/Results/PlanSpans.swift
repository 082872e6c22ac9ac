import Analysis

extension QueryPlan {
    /// The occurrences of the query in a passage (see `Occurrences`): spans of the original text,
    /// in Unicode scalar offsets, ascending, one per occurrence.
    public func occurrences(in normalized: NormalizedText) -> [Range<Int>] {
        labeledOccurrences(in: normalized).map(\.span)
    }

    /// The same, each with the form it matched (the part as typed, or a form of its synonym group).
    /// Candidates are every match of every wanted form, overlapping ones included; kept as
    /// `Occurrences.leftmostLongest` keeps them (what `grep -o` finds for their alternation).
    /// Candidates carry the term and form they came from, not the form's text: a hit's passage
    /// may hold hundreds, and only the kept ones are labelled.
    public func labeledOccurrences(in normalized: NormalizedText) -> [(span: Range<Int>, form: String)] {
        var spans: [Candidate] = []
        spans.reserveCapacity(32)  // one allocation for most passages, not one per doubling
        collect(root, normalized.scalars, positive: true, into: &spans)
        spans.sort { $0.start != $1.start ? $0.start < $1.start : $0.end > $1.end }
        var kept: [(span: Range<Int>, form: String)] = []
        kept.reserveCapacity(spans.count)
        var keptEnd = 0
        for c in spans where c.start >= keptEnd {
            keptEnd = c.end
            let label = c.form >= 0 ? terms[c.term].variantTexts[c.form] : terms[c.term].part.text
            kept.append((Int(normalized.sourceOffsets[c.start])..<(Int(normalized.sourceOffsets[c.end - 1]) + 1), label))
        }
        return kept
    }

    /// A candidate span (normalized offsets) and what it matched: form `form` of term `term`, or
    /// (`form` −1) a NEAR span no single form spells, labelled with the term as typed.
    private struct Candidate {
        var start: Int, end: Int, term: Int, form: Int
    }

    /// Normalized-text spans of the wanted parts with their forms; NEAR contributes only its near
    /// occurrences.
    private func collect(_ node: Node, _ text: [UInt32], positive: Bool, into spans: inout [Candidate]) {
        switch node {
        case .term(let t):
            guard positive else { return }
            for (f, form) in terms[t].variants.enumerated() {
                Occurrences.forEachStart(of: form, in: text) { spans.append(Candidate(start: $0, end: $0 + form.count, term: t, form: f)) }
            }
        case .near(let d, let a, let b):
            guard positive else { return }
            for s in Proximity.nearSpans(terms[a].variants, terms[b].variants, distance: d, in: text) {
                let spelled = [a, b].lazy.compactMap { t in
                    self.terms[t].variants.firstIndex { f in s.count == f.count && text[s].elementsEqual(f) }.map { (t, $0) }
                }.first
                spans.append(Candidate(start: s.lowerBound, end: s.upperBound, term: spelled?.0 ?? a, form: spelled?.1 ?? -1))
            }
        case .documents: break
        case .and(let items), .or(let items): for i in items { collect(i, text, positive: positive, into: &spans) }
        case .not(let inner): collect(inner, text, positive: !positive, into: &spans)
        }
    }
}
