extension IndexReader {
    /// Checks every block checksum and the structural invariants (as Lucene's CheckIndex does):
    /// every section's blocks, the dictionary's order, every postings list, every record.
    public func verify() throws {
        for s in IndexFormat.Section.allCases {
            _ = try bytes(s, 0, sections.length(s))
        }
        try verifyTerms()
        try verifyDocuments()
        var length: UInt64 = 0
        for p in 0..<passageCount { length += UInt64(try passageRecord(p).length) }
        guard length == totalLength else {
            throw IndexError.corrupted(path: path, part: IndexFormat.Section.lengths.name, detail: "lengths do not add up to the total")
        }
        guard try verifyTextStore() == passageCount else {
            throw IndexError.corrupted(path: path, part: IndexFormat.Section.textIndex.name, detail: "blocks do not cover every passage")
        }
        _ = try manifest()
    }

    /// Keys ascending, postings contiguous and complete, every list decodable with its df.
    private func verifyTerms() throws {
        var previous: UInt64? = nil
        var terms = 0, characters = 0, pairs = 0
        var postingsEnd = 0
        let dictionary = IndexFormat.Section.terms.name
        for b in 0..<TermDictionary.blockCount(terms: termCount) {
            try forEachTerm(inBlock: b) { t in
                if let p = previous, t.key <= p { throw IndexError.corrupted(path: path, part: dictionary, detail: "terms out of order") }
                guard t.offset == postingsEnd else {
                    throw IndexError.corrupted(path: path, part: dictionary, detail: "postings offsets not contiguous")
                }
                previous = t.key
                terms += 1
                if t.isUnigram { characters += 1 } else if !TermKey.isEnd(t.key) { pairs += 1 }
                postingsEnd = t.offset + t.length
                let c = try cursor(t)
                var n = 0
                for b in 0..<c.blockCount {
                    try c.seek(block: b)
                    try c.validateBlock()
                    n += c.blockPassages.count
                }
                guard n == t.df else {
                    throw IndexError.corrupted(path: path, part: IndexFormat.Section.postings.name, detail: "df disagrees with postings")
                }
                return true
            }
        }
        guard terms == termCount, characters == characterCount, pairs == characterPairCount,
            postingsEnd + BitPacking.padding == sections.length(.postings)
        else {
            throw IndexError.corrupted(path: path, part: dictionary, detail: "term count or postings length mismatch")
        }
    }

    /// Documents cover the passages contiguously, in order; names, titles and infos decode.
    private func verifyDocuments() throws {
        var expectedFirst = 0
        for d in 0..<documentCount {
            let r = try passageRange(ofDocument: d)
            guard r.lowerBound == expectedFirst else {
                throw IndexError.corrupted(path: path, part: IndexFormat.Section.documents.name, detail: "document \(d) not contiguous")
            }
            expectedFirst = r.upperBound
            _ = try documentSummary(d)
            _ = try documentInfo(d)
        }
        guard expectedFirst == passageCount else {
            throw IndexError.corrupted(path: path, part: IndexFormat.Section.documents.name, detail: "passages not covered")
        }
    }
}
