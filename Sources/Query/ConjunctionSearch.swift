import Index

extension Searcher {
    /// The passages of a conjunction (`蒲江县 发展`, `港 -的`: wanted parts and excluded parts,
    /// nothing else) of which some part is a deferred 1–2 character term, found by walking the
    /// lists in step from the rarest wanted part (`ListIntersection`): a long list is decoded only
    /// in the blocks the rarer one reaches, and tfs only for passages every wanted part holds.
    /// Returns the plan narrowed to those passages (dfs from the dictionary, or the longer parts'
    /// full matches); nil when the query is not of this shape, has no deferred part, or its other
    /// lists are not long enough beside the rarest for walking to pay.
    func conjunction(_ plan: QueryPlan) throws -> (plan: QueryPlan, passages: [Int32])? {
        guard case .and(let items) = plan.root else { return nil }
        var wanted: [Int] = [], unwanted: [Int] = []
        for item in items {
            switch item {
            case .term(let t) where plan.terms[t].positive: if !wanted.contains(t) { wanted.append(t) }
            case .not(.term(let t)) where !plan.terms[t].positive: if !unwanted.contains(t) { unwanted.append(t) }
            default: return nil
            }
        }
        guard !wanted.isEmpty, (wanted + unwanted).contains(where: { plan.terms[$0].deferred }) else { return nil }
        // The wanted lists by df, rarest first: it drives, and the next rarest rejects soonest.
        wanted.sort { plan.terms[$0].df < plan.terms[$1].df }
        guard plan.terms[wanted[0]].df > 0 else { return (plan.narrowed(to: [], tfs: plan.scoringTerms.map { _ in [] }), []) }
        // Stepping a cursor posting by posting costs several times what decoding whole blocks
        // does (~100 against ~15 instructions a posting): walking pays only when the other lists
        // are long beside the driver (蒲江县 发展: 100 passages against 49,500), so that most of
        // their blocks are skipped or left with their tfs packed. Otherwise the general path reads
        // every list in full and intersects the arrays.
        let others = (wanted.dropFirst() + unwanted).reduce(0) { $0 + plan.terms[$1].df }
        guard others >= 3 * plan.terms[wanted[0]].df else { return nil }
        let lists = try wanted.map { try cursor(plan.terms[$0]) }
        let excluded = try unwanted.filter { plan.terms[$0].df > 0 }.map { try cursor(plan.terms[$0]) }
        let walked = try ListIntersection.run(wanted: lists, excluded: excluded)
        // Narrowed tfs in `scoringTerms` order (every wanted term is one of `wanted`).
        let byTerm = plan.scoringTerms.compactMap { t in wanted.firstIndex(of: t).map { walked.tfs[$0] } }
        guard byTerm.count == plan.scoringTerms.count else { return nil }
        return (plan.narrowed(to: walked.passages, tfs: byTerm), walked.passages)
    }

    /// A term's passages as a cursor: a deferred term's postings list, another's matches.
    private func cursor(_ term: QueryPlan.Term) throws -> PostingsCursor {
        if term.deferred, let info = term.entry {
            return try reader.cursor(info)
        }
        return try reader.cursor(passages: term.matches.passages, tfs: term.matches.tfs)
    }
}
