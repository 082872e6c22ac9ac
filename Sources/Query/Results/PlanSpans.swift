import Analysis

extension QueryPlan {
    /// The occurrences of the query in a passage (see `Occurrences`): spans of the original text,
    /// in Unicode scalar offsets, ascending, one per occurrence.
    public func occurrences(in normalized: NormalizedText) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        collect(root, normalized.scalars, positive: true, into: &spans)
        return Occurrences.merged(spans).map { s in
            Int(normalized.sourceOffsets[s.lowerBound])..<(Int(normalized.sourceOffsets[s.upperBound - 1]) + 1)
        }
    }

    /// Normalized-text spans of the wanted parts; NEAR contributes only its near occurrences.
    private func collect(_ node: Node, _ text: [UInt32], positive: Bool, into spans: inout [Range<Int>]) {
        switch node {
        case .term(let t):
            guard positive else { return }
            let n = terms[t].scalars.count
            spans += Occurrences.starts(of: terms[t].scalars, in: text).map { $0..<($0 + n) }
        case .near(let d, let a, let b):
            guard positive else { return }
            spans += Proximity.nearSpans(terms[a].scalars, terms[b].scalars, distance: d, in: text)
        case .documents: break
        case .and(let items), .or(let items): for i in items { collect(i, text, positive: positive, into: &spans) }
        case .not(let inner): collect(inner, text, positive: !positive, into: &spans)
        }
    }
}
