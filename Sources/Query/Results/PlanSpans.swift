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
    public func labeledOccurrences(in normalized: NormalizedText) -> [(span: Range<Int>, form: String)] {
        var spans: [(Range<Int>, String)] = []
        collect(root, normalized.scalars, positive: true, into: &spans)
        spans.sort { $0.0.lowerBound != $1.0.lowerBound ? $0.0.lowerBound < $1.0.lowerBound : $0.0.upperBound > $1.0.upperBound }
        var kept: [(Range<Int>, String)] = []
        for (s, form) in spans where s.lowerBound >= (kept.last?.0.upperBound ?? 0) { kept.append((s, form)) }
        return kept.map { s, form in
            (Int(normalized.sourceOffsets[s.lowerBound])..<(Int(normalized.sourceOffsets[s.upperBound - 1]) + 1), form)
        }
    }

    /// Normalized-text spans of the wanted parts with their forms; NEAR contributes only its near
    /// occurrences.
    private func collect(_ node: Node, _ text: [UInt32], positive: Bool, into spans: inout [(Range<Int>, String)]) {
        switch node {
        case .term(let t):
            guard positive else { return }
            for (form, label) in zip(terms[t].variants, terms[t].variantTexts) {
                spans += Occurrences.everyStart(of: form, in: text).map { ($0..<($0 + form.count), label) }
            }
        case .near(let d, let a, let b):
            guard positive else { return }
            let near = Proximity.nearSpans(terms[a].variants, terms[b].variants, distance: d, in: text)
            for s in near {
                let form = [a, b].lazy.compactMap { t in
                    zip(self.terms[t].variants, self.terms[t].variantTexts).first { f, _ in
                        s.count == f.count && Array(text[s]) == f
                    }?.1
                }.first
                spans.append((s, form ?? terms[a].part.text))
            }
        case .documents: break
        case .and(let items), .or(let items): for i in items { collect(i, text, positive: positive, into: &spans) }
        case .not(let inner): collect(inner, text, positive: !positive, into: &spans)
        }
    }
}
