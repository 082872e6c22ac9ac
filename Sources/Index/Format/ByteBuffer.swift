/// A growable little-endian byte buffer: what every codec's `encode` appends to (`ByteReader` is
/// its mirror for `decode`).
struct ByteBuffer {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func append(_ v: UInt8) { bytes.append(v) }
    mutating func append(_ v: UInt16) { appendLittleEndian(v) }
    mutating func append(_ v: UInt32) { appendLittleEndian(v) }
    mutating func append(_ v: UInt64) { appendLittleEndian(v) }
    mutating func append(_ b: [UInt8]) { bytes.append(contentsOf: b) }
    /// Fields of a fixed-size record, in order, each as u32 (or u64).
    mutating func append(u32 values: Int...) { for v in values { append(UInt32(v)) } }
    mutating func append(u64 values: Int...) { for v in values { append(UInt64(v)) } }
    mutating func append<S: Sequence>(contentsOf s: S) where S.Element == UInt8 { bytes.append(contentsOf: s) }

    /// Appends `n` zero bytes (room a packer then fills in place).
    mutating func appendZeros(_ n: Int) {
        var left = n
        while left > 0 {
            let k = min(left, Self.zeros.count)
            bytes.append(contentsOf: Self.zeros[0..<k])
            left -= k
        }
    }

    private static let zeros = [UInt8](repeating: 0, count: 4096)

    private mutating func appendLittleEndian<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// LEB128 unsigned varint: 7 bits a byte, high bit set on all but the last.
    mutating func appendVarint<T: FixedWidthInteger & UnsignedInteger>(_ value: T) {
        var v = UInt64(value)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
