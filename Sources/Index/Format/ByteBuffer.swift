/// Little-endian, varint-capable growable byte buffer used by the writer.
struct ByteBuffer {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func append(_ v: UInt8) { bytes.append(v) }
    mutating func append(_ v: UInt16) {
        bytes.append(UInt8(v & 0xFF))
        bytes.append(UInt8(v >> 8))
    }
    mutating func append(_ v: UInt32) {
        bytes.append(UInt8(v & 0xFF))
        bytes.append(UInt8((v >> 8) & 0xFF))
        bytes.append(UInt8((v >> 16) & 0xFF))
        bytes.append(UInt8(v >> 24))
    }
    mutating func append(_ v: UInt64) {
        append(UInt32(v & 0xFFFF_FFFF))
        append(UInt32(v >> 32))
    }
    mutating func append(_ b: [UInt8]) { bytes.append(contentsOf: b) }
    mutating func append<S: Sequence>(contentsOf s: S) where S.Element == UInt8 { bytes.append(contentsOf: s) }

    /// LEB128 unsigned varint: 7 bits a byte, high bit set on all but the last.
    mutating func appendVarint(_ value: UInt32) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
