/// What surrounds a character pair wherever it occurs in the index: the one character before every
/// occurrence, and the one after, when all occurrences agree.
///
/// Why: a phrase's rarest pair is mostly a junction that occurs nowhere else (字经 only ever
/// inside 数字经济, 务贸 inside 服务贸易). When every occurrence of the pair is preceded by the
/// phrase's character before it and followed by the one after, those characters need no check:
/// a 4-character phrase driven by its middle pair is exactly that pair's postings, with no
/// position probe into the long lists of its words' pairs (数字, 经济). When the pair's one
/// neighbour is another character, the phrase occurs nowhere. Exact either way: the statistic
/// covers every occurrence, so one exception (文字经验) makes that side unknown.
///
/// Computed while postings accumulate and merged across chunks; written in the skip table of a
/// pair's list when the list has more than one block (`PostingsFormat`): shorter lists are
/// cheap to check anyway, and a context for each would cost bytes on every rare pair.
public struct PairContext: Equatable, Sendable {
    /// Per side: 0 while no occurrence has been seen (accumulating), the character + 1 when every
    /// occurrence has that character there, `mixed` when they differ or one touches the passage's
    /// start or end.
    var leftCode: UInt32
    var rightCode: UInt32

    static let mixed = UInt32.max
    /// Nothing seen yet: the start of an accumulation.
    static let unseen = PairContext(leftCode: 0, rightCode: 0)
    /// Nothing known: a list without a recorded context.
    public static let unknown = PairContext(leftCode: mixed, rightCode: mixed)

    /// The character before every occurrence of the pair, if one is.
    public var left: UInt32? { Self.character(leftCode) }
    /// The character after every occurrence of the pair, if one is.
    public var right: UInt32? { Self.character(rightCode) }

    private static func character(_ code: UInt32) -> UInt32? { code == 0 || code == mixed ? nil : code - 1 }

    /// The code of a side's neighbour: the character + 1, or `mixed` at a passage's edge.
    @inline(__always)
    static func code(_ neighbour: UInt32?) -> UInt32 { neighbour.map { $0 &+ 1 } ?? mixed }

    /// One side's codes combined: equal stays, unseen takes the other, anything else is mixed.
    @inline(__always)
    static func combine(_ a: UInt32, _ b: UInt32) -> UInt32 { a == b || b == 0 ? a : (a == 0 ? b : mixed) }

    /// The context of the occurrences of both.
    func merged(with other: PairContext) -> PairContext {
        PairContext(leftCode: Self.combine(leftCode, other.leftCode), rightCode: Self.combine(rightCode, other.rightCode))
    }

}

extension PairContext {
    /// A context with these neighbours (nil: not one character).
    public init(left: UInt32?, right: UInt32?) { self.init(leftCode: Self.code(left), rightCode: Self.code(right)) }

    // MARK: On disk

    /// Two varints: per side 0 (no one character) or the character + 1.
    func encode(into out: inout ByteBuffer) {
        out.appendVarint(left.map { $0 + 1 } ?? 0)
        out.appendVarint(right.map { $0 + 1 } ?? 0)
    }

    /// Reads what `encode` wrote; a side beyond the Unicode scalars is malformed.
    static func decode(_ reader: inout ByteReader) throws -> PairContext {
        let l = try reader.varint(), r = try reader.varint()
        guard l <= 0x11_0000, r <= 0x11_0000 else { throw MalformedRecord(detail: "pair context out of range") }
        return PairContext(leftCode: l == 0 ? mixed : UInt32(l), rightCode: r == 0 ? mixed : UInt32(r))
    }
}
