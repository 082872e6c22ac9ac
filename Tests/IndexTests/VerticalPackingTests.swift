import Testing

@testable import Index

/// The vertical layout of a full postings block (`BitPacking.packVertical`, SSE2 unpacking in
/// `CBitPacking`): every width round-trips, the bytes follow the layout's definition (read here
/// bit by bit, independently of the C code), and gaps turn into ids as a 64-bit running sum does.
@Suite struct VerticalPackingTests {
    /// Deterministic values of at most `width` bits, the largest among them.
    static func values(width: Int, seed: UInt64) -> [UInt32] {
        var state = seed &+ UInt64(width) &* 0x9E37_79B9_7F4A_7C15
        let mask: UInt64 = width == 0 ? 0 : (1 << UInt64(width)) - 1
        var out = (0..<128).map { _ -> UInt32 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt32(truncatingIfNeeded: (state >> 17) & mask)
        }
        out[Int(seed % 128)] = UInt32(truncatingIfNeeded: mask)
        return out
    }

    /// Bit `b` of lane `lane`: the lane's 32-bit words lie 16 bytes apart, least significant bit first.
    static func bit(_ bytes: [UInt8], lane: Int, _ b: Int) -> UInt32 {
        let byte = bytes[16 * (b / 32) + 4 * lane + (b % 32) / 8]
        return UInt32(byte >> UInt8(b % 8)) & 1
    }

    @Test(arguments: 0...32)
    func everyWidthRoundTripsInTheDefinedLayout(width: Int) {
        for seed: UInt64 in [1, 77, 1234] {
            let values = Self.values(width: width, seed: seed)
            var out = ByteBuffer()
            values.withUnsafeBufferPointer { BitPacking.packVertical($0.baseAddress!, width: width, into: &out) }
            #expect(out.bytes.count == 16 * width)
            for i in 0..<128 {
                var v: UInt32 = 0
                for k in 0..<width { v |= Self.bit(out.bytes, lane: i % 4, (i / 4) * width + k) << UInt32(k) }
                #expect(v == values[i], "width \(width), value \(i)")
            }
            var back = [UInt32](repeating: 0xDEAD, count: 128)
            let bytes = out.bytes + [UInt8](repeating: 0xFF, count: 16)  // whatever follows is not read
            bytes.withUnsafeBytes { raw in
                back.withUnsafeMutableBufferPointer { BitPacking.unpackVertical(raw.baseAddress!, width: width, into: $0.baseAddress!) }
            }
            #expect(back == values, "width \(width)")
        }
    }

    /// The writer packs a vertical array plain, whatever its spread (one pass decodes it).
    @Test func verticalArraysArePackedWithoutExceptions() throws {
        let values: [UInt32] = (0..<128).map { (i: Int) -> UInt32 in i % 37 == 5 ? 90_000 + UInt32(i) : UInt32(i * 13 % 50) }
        var out = ByteBuffer()
        values.withUnsafeBufferPointer { PatchedPacking.pack($0.baseAddress!, count: 128, vertical: true, into: &out) }
        #expect(out.bytes[0] == 17 && out.bytes[1] == 0)  // the widest value's width, no exceptions
        #expect(try Self.unpack(out.bytes, vertical: true) == values)
        var dense = ByteBuffer()
        values.withUnsafeBufferPointer { PatchedPacking.pack($0.baseAddress!, count: 128, into: &dense) }
        #expect(dense.bytes[1] > 0)  // a dense array of the same values takes exceptions
    }

    static func unpack(_ array: [UInt8], vertical: Bool) throws -> [UInt32] {
        let bytes = array + [UInt8](repeating: 0, count: BitPacking.padding)
        var back = [UInt32](repeating: 0, count: 128)
        let end = try bytes.withUnsafeBytes { raw in
            try back.withUnsafeMutableBufferPointer {
                try PatchedPacking.unpack(raw, at: 0, end: array.count, count: 128, vertical: vertical, into: $0.baseAddress!)
            }
        }
        #expect(end == array.count)
        return back
    }

    /// A patched vertical array as an index of format 13 written before the writer stopped
    /// patching them may hold, made here by the layout's definition (`PatchedPacking`): values
    /// above `width` bits are exceptions, listed by index, their high parts packed densely.
    static func patchedVertical(_ values: [UInt32], width: Int, indices: [Int]? = nil) -> [UInt8] {
        let mask: UInt32 = (1 << UInt32(width)) - 1
        let wide = values.indices.filter { values[$0] > mask }
        let high = wide.map { values[$0] >> UInt32(width) }
        let highWidth = BitPacking.width(high.max() ?? 0)
        var out = ByteBuffer()
        out.append(UInt8(width))
        out.append(UInt8(wide.count))
        out.append(UInt8(highWidth))
        values.map { $0 & mask }.withUnsafeBufferPointer { BitPacking.packVertical($0.baseAddress!, width: width, into: &out) }
        for i in indices ?? wide { out.append(UInt8(i)) }
        high.withUnsafeBufferPointer { BitPacking.pack($0.baseAddress!, count: high.count, width: highWidth, into: &out) }
        return out.bytes
    }

    /// The ids `PostingsFormat.decodePassages` reads from a full block's gap array (32-bit path).
    static func ids(_ array: [UInt8], previous: Int64, passageCount: Int = 1 << 24) throws -> [UInt32] {
        let bytes = array + [UInt8](repeating: 0, count: BitPacking.padding)
        let passages = UnsafeMutablePointer<Int32>.allocate(capacity: 128)
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: 128)
        defer {
            passages.deallocate()
            scratch.deallocate()
        }
        let end = try bytes.withUnsafeBytes { raw in
            try PostingsFormat.decodePassages(
                raw, start: 0, end: array.count, count: 128, previous: previous, passageCount: passageCount, passages: passages,
                scratch: scratch)
        }
        #expect(end == array.count)
        return (0..<128).map { UInt32(passages[$0]) }
    }

    static func runningSum(_ gaps: [UInt32], from previous: Int64) -> [UInt32] {
        var p = previous
        return gaps.map { g in
            p += Int64(g) + 1
            return UInt32(p)
        }
    }

    /// Patched vertical arrays still decode: unpacked, and as a block's ids (patch, then sum).
    @Test(arguments: [0, 3, 7])
    func patchedVerticalArraysDecode(width: Int) throws {
        let gaps: [UInt32] = (0..<128).map { (i: Int) -> UInt32 in i % 9 == 4 || i == 127 ? 5_000 + UInt32(i) : UInt32(i * 13 % 7) }
        let array = Self.patchedVertical(gaps, width: width)
        #expect(array[1] > 0)
        #expect(try Self.unpack(array, vertical: true) == gaps)
        for previous: Int64 in [-1, 0, 999] {
            #expect(try Self.ids(array, previous: previous) == Self.runningSum(gaps, from: previous))
        }
        // Exception indices that do not ascend, or a last id at the passage count, are refused.
        let indices = gaps.indices.filter { gaps[$0] >= 1 << width }
        let swapped = [indices[1], indices[0]] + indices.dropFirst(2)
        _ = #expect(throws: MalformedRecord.self) { try Self.ids(Self.patchedVertical(gaps, width: width, indices: swapped), previous: 0) }
        let last = Int(Self.runningSum(gaps, from: 0)[127])
        _ = #expect(throws: MalformedRecord.self) { try Self.ids(array, previous: 0, passageCount: last) }
        #expect(try Self.ids(array, previous: 0, passageCount: last + 1).last == UInt32(last))
    }

    /// Plain vertical arrays of every width a valid gap can have are unpacked and summed in one
    /// pass; a wider one cannot hold gaps of an index of at most 2^24 passages and is refused.
    @Test(arguments: 0...25)
    func fullBlocksIdsAreTheRunningSum(width: Int) throws {
        let gaps = Self.values(width: width, seed: 5)
        var out = ByteBuffer()
        out.append(UInt8(width))
        out.append(UInt8(0))
        gaps.withUnsafeBufferPointer { BitPacking.packVertical($0.baseAddress!, width: width, into: &out) }
        guard width <= 24 else {
            _ = #expect(throws: MalformedRecord.self) { try Self.ids(out.bytes, previous: -1) }
            return
        }
        for previous: Int64 in [-1, 0, 12_345] {
            #expect(try Self.ids(out.bytes, previous: previous, passageCount: 1 << 31) == Self.runningSum(gaps, from: previous))
        }
    }

    /// Ids from gaps, in place, against a 64-bit running sum, for counts that are and are not a
    /// multiple of four and for the first block (`previous` −1).
    @Test(arguments: [1, 3, 4, 7, 100, 128])
    func idsFromGapsAreTheRunningSum(count: Int) throws {
        for previous: Int64 in [-1, 0, 41, 1_000_000] {
            let gaps = Self.values(width: 9, seed: UInt64(count)).prefix(count).map { $0 }
            var expected: [UInt32] = []
            var p = previous
            for g in gaps {
                p += Int64(g) + 1
                expected.append(UInt32(p))
            }
            var ids = gaps
            let seen = ids.withUnsafeMutableBufferPointer {
                BitPacking.idsFromGaps($0.baseAddress!, count: count, previous: previous)
            }
            #expect(ids == expected)
            #expect(seen == gaps.reduce(0, |))
        }
    }
}

/// A list of full (vertical) blocks and a partial one decodes to the postings it was made of,
/// through the 32-bit path (an index of up to 2^24 passages) and the 64-bit one, and ids past the
/// index's passages are refused.
@Suite struct PostingsListRoundTripTests {
    static let passages: [UInt32] = {
        var p: UInt32 = 0
        return (0..<300).map { (i: Int) -> UInt32 in
            p += i % 50 == 7 ? 40_000 : UInt32(1 + i % 5)
            return p
        }
    }()

    static func decode(_ bytes: [UInt8], passageCount: Int) throws -> [UInt32] {
        var (ids, tfs, positions) = ([UInt32](), [UInt32](), [UInt32]())
        try bytes.withUnsafeBytes { raw in
            try PostingsFormat.decodeList(
                raw, df: passages.count, positional: false, passageCount: passageCount, offset: 0, using: .init(),
                passages: &ids, tfs: &tfs, positions: &positions)
        }
        #expect(tfs == passages.map { $0 % 3 + 1 })
        return ids
    }

    @Test func bothPathsDecodeTheListAndRefuseIdsOutOfRange() throws {
        let last = Int(Self.passages.last!)
        let lengths = [UInt32](repeating: 10, count: last + 1)
        let tfs = Self.passages.map { $0 % 3 + 1 }
        var out = ByteBuffer()
        Self.passages.withUnsafeBufferPointer { p in
            tfs.withUnsafeBufferPointer { t in
                lengths.withUnsafeBufferPointer { l in
                    PostingsFormat.encode(
                        passages: p, tfs: t, positions: UnsafeBufferPointer(start: nil, count: 0), positional: false, lengths: l,
                        into: &out)
                }
            }
        }
        let bytes = out.bytes + [UInt8](repeating: 0, count: BitPacking.padding)
        #expect(try Self.decode(bytes, passageCount: last + 1) == Self.passages)
        #expect(try Self.decode(bytes, passageCount: 1 << 25) == Self.passages)
        // An id at the index's passage count: in the first (vertical) block, or only in the last.
        for passageCount in [Int(Self.passages[127]), last] {
            _ = #expect(throws: MalformedRecord.self) { try Self.decode(bytes, passageCount: passageCount) }
        }
    }
}
