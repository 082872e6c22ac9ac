/// Patched bit packing (PFor, as in Lucene's and tantivy's postings): a block is packed at the
/// width most of its values need, and the few larger values ("exceptions") store their high bits
/// apart, so one long gap or one large count does not widen the whole block.
///
///     width b u8 · exception count e u8 · [exception high-part width u8, if e > 0]
///     values' low b bits packed · [e exception indices u8 · e high parts packed]
///
/// Blocks hold at most 256 values (indices are one byte). The low bits of an array of 128 values
/// may be packed vertically instead (`BitPacking.packVertical`, the same number of bytes): the
/// writer and the reader of an array agree on which (a full block's passage gaps are vertical).
enum PatchedPacking {
    /// Appends `count` (≤ 256) values at the cheapest width. No allocation: it runs for every
    /// block of every list the writer encodes.
    static func pack(_ values: UnsafePointer<UInt32>, count: Int, vertical: Bool = false, into out: inout ByteBuffer) {
        precondition(!vertical || count == BitPacking.verticalCount)
        var bits: UInt32 = 0
        for i in 0..<count { bits |= values[i] }
        let maxWidth = BitPacking.width(bits)
        // Values of at most 2 bits (most tfs) or no value wider than the rest: plain packing. So
        // is a vertical array (a full block's passage gaps): exceptions would save a few bytes per
        // block (2.5 % of the index at ×100) but cost a pass of their own before the gaps are summed,
        // where a plain array is unpacked and summed in one (`ps_decode_ids_vertical128`): 6 % of a
        // two-term conjunction's instructions. Readers still accept exceptions there.
        guard maxWidth > 2, !vertical else {
            return packPlain(values, count: count, width: maxWidth, vertical: vertical, into: &out)
        }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 33) { histogram in
            histogram.initialize(repeating: 0)
            for i in 0..<count { histogram[BitPacking.width(values[i])] += 1 }
            var best = (width: maxWidth, bits: count * maxWidth)
            var above = 0  // values wider than `b`
            for b in stride(from: maxWidth - 1, through: 0, by: -1) {
                above += histogram[b + 1]
                let bits = count * b + 8 + above * (8 + maxWidth - b)
                if bits < best.bits { best = (b, bits) }
            }
            guard best.width < maxWidth else {
                return packPlain(values, count: count, width: maxWidth, vertical: vertical, into: &out)
            }
            packPatched(values, count: count, width: best.width, maxWidth: maxWidth, vertical: vertical, into: &out)
        }
    }

    private static func packPlain(
        _ values: UnsafePointer<UInt32>, count: Int, width: Int, vertical: Bool, into out: inout ByteBuffer
    ) {
        out.append(UInt8(width))
        out.append(UInt8(0))
        packLow(values, count: count, width: width, vertical: vertical, into: &out)
    }

    private static func packLow(
        _ values: UnsafePointer<UInt32>, count: Int, width: Int, vertical: Bool, into out: inout ByteBuffer
    ) {
        if vertical {
            BitPacking.packVertical(values, width: width, into: &out)
        } else {
            BitPacking.pack(values, count: count, width: width, into: &out)
        }
    }

    /// Values above `width` bits are exceptions: their low bits in the array, the rest apart.
    private static func packPatched(
        _ values: UnsafePointer<UInt32>, count: Int, width b: Int, maxWidth: Int, vertical: Bool, into out: inout ByteBuffer
    ) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * count) { scratch in
            let mask: UInt32 = (1 << UInt32(b)) &- 1
            let low = scratch.baseAddress!, high = low + count
            var exceptions = 0
            for i in 0..<count {
                low[i] = values[i] & mask
                if values[i] > mask {
                    high[exceptions] = values[i] >> UInt32(b)
                    exceptions += 1
                }
            }
            out.append(UInt8(b))
            out.append(UInt8(exceptions))
            out.append(UInt8(maxWidth - b))
            packLow(low, count: count, width: b, vertical: vertical, into: &out)
            for i in 0..<count where values[i] > mask { out.append(UInt8(i)) }
            BitPacking.pack(high, count: exceptions, width: maxWidth - b, into: &out)
        }
    }

    /// Where an array's parts lie, its header read and every bound checked against `end`: the
    /// low bits at `low`, the exception indices at `indices`, their high parts after them. A
    /// reader that reads several values of one array one by one keeps it (`value(_:in:index:)`).
    struct Layout {
        let width: Int, exceptions: Int, highWidth: Int
        let low: Int, indices: Int, end: Int

        init(_ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int, count: Int) throws {
            guard end - offset >= 2 else { throw MalformedRecord(detail: "block truncated") }
            width = Int(bytes[offset])
            exceptions = Int(bytes[offset + 1])
            var at = offset + 2
            var highWidth = 0
            if exceptions > 0 {
                guard at < end else { throw MalformedRecord(detail: "block truncated") }
                highWidth = Int(bytes[at])
                at += 1
            }
            self.highWidth = highWidth
            guard width + highWidth <= 31, exceptions <= count else { throw MalformedRecord(detail: "bad widths") }
            let lowBytes = BitPacking.byteCount(count, width: width)
            let highBytes = BitPacking.byteCount(exceptions, width: highWidth)
            guard lowBytes + exceptions + highBytes <= end - at else { throw MalformedRecord(detail: "block truncated") }
            low = at
            indices = at + lowBytes
            self.end = indices + (exceptions > 0 ? exceptions + highBytes : 0)
        }
    }

    /// Value `index` of the `count` values at `offset` of `bytes`, without unpacking the others
    /// (an intersection wants one tf of a block): its low bits, and its high part if it is an
    /// exception. The same bounds are checked as by `unpack`.
    static func value(_ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int, count: Int, index: Int) throws -> UInt32 {
        guard index < count else { throw MalformedRecord(detail: "block truncated") }
        return value(bytes, in: try Layout(bytes, at: offset, end: end, count: count), index: index)
    }

    /// Value `index` (below the array's count) of the array whose layout `l` was read from `bytes`,
    /// its low bits packed densely (not vertically).
    static func value(_ bytes: UnsafeRawBufferPointer, in l: Layout, index: Int) -> UInt32 {
        var k = 0
        return value(bytes, in: l, index: index, exception: &k)
    }

    /// `value(_:in:index:)` for a reader asking for ascending indices: the exception indices
    /// ascend (the writer lists them in order), so the scan resumes at `k`, the first exception
    /// not below the index asked before (0 at first), and leaves it at the first not below `index`.
    @inline(__always)
    static func value(_ bytes: UnsafeRawBufferPointer, in l: Layout, index: Int, exception k: inout Int) -> UInt32 {
        let base = bytes.baseAddress!
        var v = BitPacking.get(base + l.low, index, width: l.width)
        while k < l.exceptions {
            let i = Int(base.load(fromByteOffset: l.indices &+ k, as: UInt8.self))
            if i >= index {
                if i == index { v |= BitPacking.get(base + l.indices + l.exceptions, k, width: l.highWidth) &<< UInt32(l.width) }
                break
            }
            k &+= 1
        }
        return v
    }

    /// Unpacks `count` values at `offset` of `bytes` (which has `BitPacking.padding` readable
    /// bytes past `end`), checking every bound; returns the offset after them. `vertical`: as
    /// `pack` wrote them (then `count` is 128).
    static func unpack(
        _ bytes: UnsafeRawBufferPointer, at offset: Int, end: Int, count: Int, vertical: Bool = false,
        into out: UnsafeMutablePointer<UInt32>
    ) throws -> Int {
        let l = try Layout(bytes, at: offset, end: end, count: count)
        if vertical {
            precondition(count == BitPacking.verticalCount)
            BitPacking.unpackVertical(bytes.baseAddress! + l.low, width: l.width, into: out)
        } else {
            BitPacking.unpack(bytes.baseAddress! + l.low, count: count, width: l.width, into: out)
        }
        // The patch loop runs for a tenth of a block's values (their large gaps): its shifts are
        // computed once and its bit offsets added up, not multiplied, with no conversion checked
        // per exception (`Layout` bounded the widths).
        let indices = bytes.baseAddress! + l.indices, high = indices + l.exceptions
        let shift = UInt32(truncatingIfNeeded: l.width), highWidth = l.highWidth
        var previous = -1, bit = 0
        for k in 0..<l.exceptions {
            let i = Int(indices.load(fromByteOffset: k, as: UInt8.self))  // within `Layout`'s bounds
            guard i < count, i > previous else { throw MalformedRecord(detail: "exception out of range") }
            previous = i
            out[i] |= BitPacking.get(high, bit: bit, width: highWidth) &<< shift
            bit &+= highWidth
        }
        return l.end
    }
}
