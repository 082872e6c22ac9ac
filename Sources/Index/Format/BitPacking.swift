import CBitPacking

/// Fixed-width bit packing, least significant bit first: `n` values of `w` bits take ⌈n·w/8⌉
/// bytes. Postings, positions, passage records and lengths are stored this way (as tantivy and
/// Lucene store postings), each array with its own width, the bits its largest value needs.
///
/// Readers load 8 bytes at a time at any bit position, so every packed array must be followed by
/// at least `padding` readable bytes (more of its section, or the zero padding its writer adds).
enum BitPacking {
    static let padding = 8
    /// Values are at most 32 bits wide.
    static let maxWidth = 32

    /// Bits needed for `value` (0 for 0).
    @inline(__always)
    static func width<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> Int { T.bitWidth - value.leadingZeroBitCount }

    static func byteCount(_ count: Int, width: Int) -> Int { (count * width + 7) >> 3 }

    /// Appends `values` at `width` bits each, then pads to a whole byte.
    static func pack<S: Sequence>(_ values: S, width: Int, into out: inout ByteBuffer) where S.Element: BinaryInteger {
        guard width > 0 else { return }
        var acc: UInt64 = 0
        var bits = 0
        for v in values {
            acc |= UInt64(truncatingIfNeeded: v) << UInt64(bits)
            bits += width
            while bits >= 8 {
                out.bytes.append(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                bits -= 8
            }
        }
        if bits > 0 { out.bytes.append(UInt8(truncatingIfNeeded: acc)) }
    }

    /// Appends `count` values from `values` at `width` bits each, padded to a whole byte: the
    /// encoder's inner loop (one 8-byte read-modify-write per value).
    static func pack(_ values: UnsafePointer<UInt32>, count: Int, width: Int, into out: inout ByteBuffer) {
        guard width > 0, count > 0 else { return }
        let n = byteCount(count, width: width)
        let start = out.bytes.count
        out.appendZeros(n + padding)
        out.bytes.withUnsafeMutableBytes { buffer in
            let base = buffer.baseAddress! + start
            var bit = 0
            for i in 0..<count {
                let p = base + (bit &>> 3)
                p.storeBytes(of: p.loadUnaligned(as: UInt64.self) | (UInt64(values[i]) &<< UInt64(bit & 7)), as: UInt64.self)
                bit &+= width
            }
        }
        out.bytes.removeLast(padding)
    }

    /// Value `index` of the array packed at `base` (`padding` bytes readable past it).
    @inline(__always)
    static func get(_ base: UnsafeRawPointer, _ index: Int, width: Int) -> UInt32 {
        get(base, bit: index &* width, width: width)
    }

    /// The `width`-bit value starting at bit `bit` after `base`.
    @inline(__always)
    static func get(_ base: UnsafeRawPointer, bit: Int, width: Int) -> UInt32 {
        let word = (base + (bit &>> 3)).loadUnaligned(as: UInt64.self)
        return UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & ((1 &<< UInt64(width)) &- 1))
    }

    /// The first `count` values of the array packed at `base`, into `out`. Eight values of `w`
    /// bits fill exactly `w` bytes, so the array is read in groups of eight through a routine
    /// specialized per width (every shift and mask a constant: about four instructions a value,
    /// against fourteen for a loop over a variable width); the last few values one by one. Reads
    /// at most 8 bytes past the array: within the padding.
    static func unpack(_ base: UnsafeRawPointer, count: Int, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        guard width > 0 else {
            out.update(repeating: 0, count: count)
            return
        }
        let groups = count >> 3
        switch width {
        case 1: unpackGroups(base, groups, 1, out)
        case 2: unpackGroups(base, groups, 2, out)
        case 3: unpackGroups(base, groups, 3, out)
        case 4: unpackGroups(base, groups, 4, out)
        case 5: unpackGroups(base, groups, 5, out)
        case 6: unpackGroups(base, groups, 6, out)
        case 7: unpackGroups(base, groups, 7, out)
        case 8: unpackGroups(base, groups, 8, out)
        case 9: unpackGroups(base, groups, 9, out)
        case 10: unpackGroups(base, groups, 10, out)
        case 11: unpackGroups(base, groups, 11, out)
        case 12: unpackGroups(base, groups, 12, out)
        case 13: unpackGroups(base, groups, 13, out)
        case 14: unpackGroups(base, groups, 14, out)
        case 15: unpackGroups(base, groups, 15, out)
        case 16: unpackGroups(base, groups, 16, out)
        case 17: unpackGroups(base, groups, 17, out)
        case 18: unpackGroups(base, groups, 18, out)
        case 19: unpackGroups(base, groups, 19, out)
        case 20: unpackGroups(base, groups, 20, out)
        default: unpackGroups(base, groups, width, out)
        }
        for i in (groups << 3)..<count { out[i] = get(base, i, width: width) }
    }

    /// Values in a vertically packed array (`packVertical`): a full postings block.
    static let verticalCount = Int(PS_VERTICAL_BLOCK)

    /// Appends 128 values at `width` bits each in the 4-lane vertical layout of `CBitPacking`:
    /// as many bytes as `pack` writes (16 per bit of width), in an order SSE2 unpacks four at a time.
    static func packVertical(_ values: UnsafePointer<UInt32>, width: Int, into out: inout ByteBuffer) {
        guard width > 0 else { return }
        let start = out.bytes.count
        out.appendZeros(byteCount(verticalCount, width: width))
        out.bytes.withUnsafeMutableBytes { buffer in
            ps_pack_vertical128(values, Int32(width), buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + start)
        }
    }

    /// The 128 values packed at `base` by `packVertical` (reads exactly its bytes).
    static func unpackVertical(_ base: UnsafeRawPointer, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        ps_unpack_vertical128(base.assumingMemoryBound(to: UInt8.self), Int32(width), out)
    }

    /// Turns `count` gaps at `values` into ids in place, four at a time: value i becomes
    /// `previous` + Σ_{k≤i} (gap_k + 1), in 32 bits that wrap (the caller bounds the gaps). Returns
    /// the bitwise OR of the gaps, for that bound.
    static func idsFromGaps(_ values: UnsafeMutablePointer<UInt32>, count: Int, previous: Int64) -> UInt32 {
        ps_ids_from_gaps(values, Int32(count), UInt32(truncatingIfNeeded: previous))
    }

    /// `groups` groups of eight `w`-bit values (`w` bytes each); inlined into a constant `w`.
    @inline(__always)
    private static func unpackGroups(_ base: UnsafeRawPointer, _ groups: Int, _ w: Int, _ out: UnsafeMutablePointer<UInt32>) {
        let mask = (UInt64(1) &<< UInt64(w)) &- 1
        var p = base, o = out
        for _ in 0..<groups {
            for j in 0..<8 {
                let bit = j &* w
                let word = (p + (bit &>> 3)).loadUnaligned(as: UInt64.self)
                o[j] = UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
            }
            p += w
            o += 8
        }
    }
}

/// A packed array inside a mapped section: its start, width and length, bounds checked once when
/// it is made (the reader then indexes it without further checks).
struct PackedArray {
    let base: UnsafeRawPointer
    let width: Int
    let count: Int

    /// The array of `count` values of `width` bits at `offset` of `bytes`, which must hold it and
    /// the padding after it; nil (damage) otherwise.
    init?(_ bytes: UnsafeRawBufferPointer, offset: Int, count: Int, width: Int) {
        guard width >= 0, width <= BitPacking.maxWidth, count >= 0, offset >= 0,
            offset <= bytes.count - BitPacking.padding - BitPacking.byteCount(count, width: width)
        else { return nil }
        self.base = bytes.baseAddress! + offset
        self.width = width
        self.count = count
    }

    var byteCount: Int { BitPacking.byteCount(count, width: width) }

    @inline(__always)
    subscript(i: Int) -> UInt32 { width == 0 ? 0 : BitPacking.get(base, i, width: width) }
}
