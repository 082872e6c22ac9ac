extension IndexReader {
    /// Looks a term up in the dictionary (`TermDictionary`).
    public func term(_ key: UInt64) throws -> TermInfo? {
        try decoding(.terms) {
            try TermDictionary.find(
                key, blocks: TermDictionary.blockCount(terms: termCount), firstKey: dictionaryFirstKey,
                block: { try dictionaryEntries($0) }, passages: passageCount)
        }
    }

    /// The terms with keys in `range`, in order.
    func terms(in range: ClosedRange<UInt64>) throws -> [TermInfo] {
        var result: [TermInfo] = []
        try TermDictionary.forEachTerm(
            from: range.lowerBound, blocks: TermDictionary.blockCount(terms: termCount),
            firstKey: dictionaryFirstKey, scan: { try forEachTerm(inBlock: $0, $1) }
        ) { t in
            guard t.key <= range.upperBound else { return false }
            result.append(t)
            return true
        }
        return result
    }

    func dictionaryBlock(_ b: Int) throws -> TermDictionary.Block {
        try decoding(.terms) {
            try TermDictionary.Block.decode(try bytes(.terms, b * TermDictionary.Block.size, TermDictionary.Block.size))
        }
    }

    /// The first key of dictionary block `b`, for the binary search over blocks: its 8 bytes
    /// alone (decoding the whole entry at every step was a third of a lookup).
    private func dictionaryFirstKey(_ b: Int) throws -> UInt64 {
        var r = ByteReader(try bytes(.terms, b * TermDictionary.Block.size, 8))
        return try r.u64()
    }

    /// Dictionary block `b`: its table entry, its entries' bytes, and how many terms it holds.
    private func dictionaryEntries(_ b: Int) throws -> (TermDictionary.Block, UnsafeRawBufferPointer, count: Int) {
        let block = try dictionaryBlock(b)
        let entries = try bytes(.termEntries, block.entries.offset, block.entries.length)
        return (block, entries, min(TermDictionary.blockSize, termCount - b * TermDictionary.blockSize))
    }

    /// Calls `body` for each term of dictionary block `b` in order until it returns false.
    func forEachTerm(inBlock b: Int, _ body: (TermInfo) throws -> Bool) throws {
        let (block, entries, count) = try dictionaryEntries(b)
        try decoding(.terms) {
            try TermDictionary.forEachTerm(in: block, entries: entries, count: count, passages: passageCount, body)
        }
    }

    /// A cursor over a list decoded elsewhere (a phrase's matches: passages ascending, with their
    /// tfs), to walk in step with postings lists (`ListIntersection`). Its blocks have no bounds.
    public func cursor(passages: [Int32], tfs: [Int32]) throws -> PostingsCursor {
        guard !passages.isEmpty, passages.count == tfs.count, passages.last! < passageCount else {
            throw IndexError.corrupted(path: path, part: "postings", detail: "a decoded list is empty or out of range")
        }
        return try PostingsCursor(
            storage: storage, merged: .init(passages: passages, tfs: tfs, lengths: nil), passageCount: passageCount, path: path)
    }

    /// A cursor over a term's postings; for a character without a list of its own, over its pairs'
    /// postings merged (`PostingsFormat.storesUnigram`).
    public func cursor(_ term: TermInfo) throws -> PostingsCursor {
        if term.isUnigram, term.length == 0 { return try mergedCursor(term) }
        return try PostingsCursor(
            storage: storage, raw: try bytes(.postings, term.offset, term.length + BitPacking.padding), df: term.df,
            positional: !term.isUnigram, passageCount: passageCount, path: path)
    }
}
