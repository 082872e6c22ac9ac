import Analysis

/// Where two passages say the same thing: the runs of text they share, found by aligning their
/// characters, not by where shingles matched (shingles say *how much* is shared; a shingle hit
/// cannot say where an edit starts or ends).
///
/// The texts are compared as normalized characters (the index's `Normalizer`, so full-width and
/// half-width forms agree) with whitespace left out, since PDF extraction spaces text unevenly.
/// A character diff (Myers' algorithm, the standard library's `difference(from:)`) gives a longest
/// common subsequence; such a diff also pairs stray single characters (的, 、) inside rewritten
/// text, so an equal run no longer than the edits on both sides of it is folded into them (the
/// semantic clean-up of diff-match-patch). What remains are runs a reader sees as shared text.
public struct Alignment: Equatable, Sendable {
    /// A shared run: code-point ranges of `a` and of `b` whose texts are equal after normalization
    /// (whitespace aside). Spans are ascending and disjoint in both texts.
    public struct Span: Equatable, Sendable {
        public var a: Range<Int>
        public var b: Range<Int>
    }

    /// One piece of the two-sided diff from a to b, in reading order.
    public enum Piece: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    public var spans: [Span]

    /// Aligns `a` with `b`; `normalizer` is passed in because building one costs a 256 KiB table.
    public init(_ a: String, _ b: String, normalizer: Normalizer) {
        let x = Self.characters(a, normalizer), y = Self.characters(b, normalizer)
        var blocks = Self.blocks(x.scalars.count, y.scalars.count, y.scalars.difference(from: x.scalars))
        Self.cleanUp(&blocks)
        Self.extendEqualRuns(&blocks, x.scalars, y.scalars)
        var spans: [Span] = []
        for block in blocks where block.equal && block.aCount > 0 {
            var sa = Int(x.offsets[block.a]), sb = Int(y.offsets[block.b])
            if let last = spans.last {
                sa = max(sa, last.a.upperBound)
                sb = max(sb, last.b.upperBound)
            }
            let ea = Int(x.offsets[block.a + block.aCount - 1]) + 1, eb = Int(y.offsets[block.b + block.bCount - 1]) + 1
            if sa < ea && sb < eb { spans.append(Span(a: sa..<ea, b: sb..<eb)) }
        }
        self.spans = spans
    }

    /// Code points of `a` (or `b`) covered by spans.
    public var sharedA: Int { spans.reduce(0) { $0 + $1.a.count } }
    public var sharedB: Int { spans.reduce(0) { $0 + $1.b.count } }

    /// The diff as pieces: shared text (as b writes it), text only in a, text only in b. Gaps made
    /// only of whitespace are not shown as edits.
    public func pieces(_ a: String, _ b: String) -> [Piece] {
        let sa = Array(a.unicodeScalars), sb = Array(b.unicodeScalars)
        func text(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }
        func blank(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool { s[r].allSatisfy(\.properties.isWhitespace) }
        var out: [Piece] = []
        var ia = 0, ib = 0
        for span in spans + [Span(a: sa.count..<sa.count, b: sb.count..<sb.count)] {
            if !blank(sa, ia..<span.a.lowerBound) { out.append(.removed(text(sa, ia..<span.a.lowerBound))) }
            if !blank(sb, ib..<span.b.lowerBound) { out.append(.added(text(sb, ib..<span.b.lowerBound))) }
            if !span.b.isEmpty { out.append(.same(text(sb, span.b))) }
            ia = span.a.upperBound
            ib = span.b.upperBound
        }
        return out
    }

    // MARK: Steps

    /// Normalized scalars without whitespace, each with the code-point offset it came from.
    static func characters(_ text: String, _ normalizer: Normalizer) -> (scalars: [UInt32], offsets: [Int32]) {
        let n = normalizer.normalize(text)
        var scalars: [UInt32] = [], offsets: [Int32] = []
        scalars.reserveCapacity(n.scalars.count)
        offsets.reserveCapacity(n.scalars.count)
        for (v, o) in zip(n.scalars, n.sourceOffsets) where !(Unicode.Scalar(v)?.properties.isWhitespace ?? false) {
            scalars.append(v)
            offsets.append(o)
        }
        return (scalars, offsets)
    }

    /// A run that is equal in both texts, or an edit (a's run replaced by b's run; either may be empty).
    struct Block: Equatable {
        var equal: Bool
        var a: Int
        var aCount: Int
        var b: Int
        var bCount: Int
    }

    /// Equal runs and edits, alternating, from a diff of `na` into `nb` elements.
    static func blocks(_ na: Int, _ nb: Int, _ diff: CollectionDifference<UInt32>) -> [Block] {
        var removed = [Bool](repeating: false, count: na), inserted = [Bool](repeating: false, count: nb)
        for change in diff {
            switch change {
            case .remove(let offset, _, _): removed[offset] = true
            case .insert(let offset, _, _): inserted[offset] = true
            }
        }
        var blocks: [Block] = []
        var i = 0, j = 0
        while i < na || j < nb {
            let equal = i < na && j < nb && !removed[i] && !inserted[j]
            if blocks.last?.equal != equal { blocks.append(Block(equal: equal, a: i, aCount: 0, b: j, bCount: 0)) }
            if equal {
                i += 1
                j += 1
                blocks[blocks.count - 1].aCount += 1
                blocks[blocks.count - 1].bCount += 1
            } else if i < na && removed[i] {
                i += 1
                blocks[blocks.count - 1].aCount += 1
            } else {
                j += 1
                blocks[blocks.count - 1].bCount += 1
            }
        }
        return blocks
    }

    /// Folds an equal run into the edits around it when it is no longer than the larger side of the
    /// edit before it and of the edit after it; repeated until no such run is left.
    /// Equal runs grown into the edits beside them by the characters both sides of an edit begin
    /// (after the run) or end (before it) with: a diff may pair a shared character elsewhere (the
    /// 。 closing a copied clause with the 。 closing the text), which the clean-up then drops.
    static func extendEqualRuns(_ blocks: inout [Block], _ x: [UInt32], _ y: [UInt32]) {
        for k in blocks.indices where blocks[k].equal {
            if k + 1 < blocks.count, !blocks[k + 1].equal {
                while blocks[k + 1].aCount > 0, blocks[k + 1].bCount > 0, x[blocks[k + 1].a] == y[blocks[k + 1].b] {
                    blocks[k].aCount += 1
                    blocks[k].bCount += 1
                    blocks[k + 1].a += 1
                    blocks[k + 1].b += 1
                    blocks[k + 1].aCount -= 1
                    blocks[k + 1].bCount -= 1
                }
            }
            if k > 0, !blocks[k - 1].equal {
                while blocks[k - 1].aCount > 0, blocks[k - 1].bCount > 0,
                    x[blocks[k - 1].a + blocks[k - 1].aCount - 1] == y[blocks[k - 1].b + blocks[k - 1].bCount - 1]
                {
                    blocks[k].a -= 1
                    blocks[k].b -= 1
                    blocks[k].aCount += 1
                    blocks[k].bCount += 1
                    blocks[k - 1].aCount -= 1
                    blocks[k - 1].bCount -= 1
                }
            }
        }
        blocks.removeAll { !$0.equal && $0.aCount == 0 && $0.bCount == 0 }
    }

    /// An equal run this long is shared text whatever surrounds it: a clause copied whole between
    /// two others of a stitched paragraph is as long as the text cut on either side of it, yet is
    /// what the reader must see (the fold is for stray characters: 的, 、, 发展).
    static let keptRun = 10

    static func cleanUp(_ blocks: inout [Block]) {
        var k = 1
        while k + 1 < blocks.count {
            let before = blocks[k - 1], run = blocks[k], after = blocks[k + 1]
            if run.equal && !before.equal && !after.equal && run.aCount < Self.keptRun && run.aCount <= max(before.aCount, before.bCount)
                && run.aCount <= max(after.aCount, after.bCount)
            {
                let merged = Block(
                    equal: false, a: before.a, aCount: before.aCount + run.aCount + after.aCount, b: before.b,
                    bCount: before.bCount + run.bCount + after.bCount)
                blocks.replaceSubrange((k - 1)...(k + 1), with: [merged])
                // The merged edit is longer: the equal run before it may now qualify.
                k = max(1, k - 2)
            } else {
                k += 1
            }
        }
        // A short equal run at either end, beside a longer edit, is a stray too (the final 。 of
        // a text paired with the last 。 of a longer one).
        if blocks.count >= 2, let last = blocks.last, last.equal, last.aCount < keptRun, !blocks[blocks.count - 2].equal,
            last.aCount <= max(blocks[blocks.count - 2].aCount, blocks[blocks.count - 2].bCount)
        {
            blocks[blocks.count - 2].aCount += last.aCount
            blocks[blocks.count - 2].bCount += last.bCount
            blocks.removeLast()
        }
        if blocks.count >= 2, let first = blocks.first, first.equal, first.aCount < keptRun, !blocks[1].equal,
            first.aCount <= max(blocks[1].aCount, blocks[1].bCount)
        {
            blocks[1] = Block(
                equal: false, a: first.a, aCount: first.aCount + blocks[1].aCount, b: first.b, bCount: first.bCount + blocks[1].bCount)
            blocks.removeFirst()
        }
        // Adjacent edits (after merging) become one.
        var merged: [Block] = []
        for b in blocks {
            if let last = merged.last, !last.equal, !b.equal {
                merged[merged.count - 1].aCount += b.aCount
                merged[merged.count - 1].bCount += b.bCount
            } else {
                merged.append(b)
            }
        }
        blocks = merged
    }
}
