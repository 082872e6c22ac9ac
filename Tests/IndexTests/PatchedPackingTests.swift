import Testing

@testable import Index

/// Patched bit packing (PFor): one value read in place (`value`) equals the same value of the
/// whole array unpacked, for blocks with and without exceptions, and damage is refused.
@Suite struct PatchedPackingTests {
    static func packed(_ values: [UInt32]) -> [UInt8] {
        var out = ByteBuffer()
        values.withUnsafeBufferPointer { PatchedPacking.pack($0.baseAddress!, count: values.count, into: &out) }
        return out.bytes + [UInt8](repeating: 0, count: BitPacking.padding)
    }

    static let arrays: [[UInt32]] = {
        let zeros = [UInt32](repeating: 0, count: 128)
        let small: [UInt32] = (0..<128).map { UInt32($0 % 3) }
        // A few large tfs among small ones: exceptions.
        let spiky: [UInt32] = (0..<128).map { (i: Int) -> UInt32 in i == 17 || i == 90 ? 4000 : UInt32(i % 2) }
        let spread: [UInt32] = (0..<100).map { (i: Int) -> UInt32 in UInt32(i * 7919 % 1000) }
        return [zeros, small, spiky, spread, [5]]
    }()

    @Test(arguments: arrays)
    func oneValueEqualsTheUnpackedArray(_ values: [UInt32]) throws {
        let bytes = Self.packed(values)
        let end = bytes.count - BitPacking.padding
        var all = [UInt32](repeating: 0, count: values.count)
        try bytes.withUnsafeBytes { raw in
            let after = try all.withUnsafeMutableBufferPointer {
                try PatchedPacking.unpack(raw, at: 0, end: end, count: values.count, into: $0.baseAddress!)
            }
            #expect(after == end)
            for i in values.indices {
                #expect(try PatchedPacking.value(raw, at: 0, end: end, count: values.count, index: i) == values[i])
            }
            // A truncated block or an index past the array is refused, not read.
            #expect(throws: MalformedRecord.self) { try PatchedPacking.value(raw, at: 0, end: 1, count: values.count, index: 0) }
            #expect(throws: MalformedRecord.self) {
                try PatchedPacking.value(raw, at: 0, end: end, count: values.count, index: values.count)
            }
        }
        #expect(all == values)
    }

    /// Exception indices ascend (a reader of one value stops at the first past it): a block
    /// whose indices do not is damage, refused by the full unpack that checking runs.
    @Test func exceptionIndicesOutOfOrderAreRefused() throws {
        let values: [UInt32] = (0..<128).map { (i: Int) -> UInt32 in i == 17 || i == 90 ? 4000 : UInt32(i % 2) }
        var bytes = Self.packed(values)
        let (width, exceptions) = (Int(bytes[0]), Int(bytes[1]))
        #expect(exceptions == 2)
        let indices = 3 + BitPacking.byteCount(values.count, width: width)
        #expect(Array(bytes[indices..<(indices + 2)]) == [17, 90])
        bytes.swapAt(indices, indices + 1)
        let end = bytes.count - BitPacking.padding
        var all = [UInt32](repeating: 0, count: values.count)
        bytes.withUnsafeBytes { raw in
            _ = #expect(throws: MalformedRecord.self) {
                try all.withUnsafeMutableBufferPointer {
                    try PatchedPacking.unpack(raw, at: 0, end: end, count: values.count, into: $0.baseAddress!)
                }
            }
        }
    }
}
