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

    /// The first `count` values of the array packed at `base`, into `out`.
    @inline(__always)
    static func unpack(_ base: UnsafeRawPointer, count: Int, width: Int, into out: UnsafeMutablePointer<UInt32>) {
        guard width > 0 else {
            out.update(repeating: 0, count: count)
            return
        }
        let mask = (UInt64(1) &<< UInt64(width)) &- 1
        var bit = 0
        for i in 0..<count {
            let word = (base + (bit &>> 3)).loadUnaligned(as: UInt64.self)
            out[i] = UInt32(truncatingIfNeeded: (word &>> UInt64(bit & 7)) & mask)
            bit &+= width
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
