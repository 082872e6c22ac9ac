/// A record or table that does not decode: the index is damaged. The reader adds which file and
/// which part (`IndexError.corrupted`).
struct MalformedRecord: Error {
    var detail: String
}

/// Sequential little-endian reads from a bounded buffer, the mirror of `ByteBuffer`'s appends: a
/// codec's `decode` reads the fields in the order its `encode` appended them, so each layout is
/// written down once. Every read is bounds-checked.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    @inline(__always)
    private mutating func take<T: FixedWidthInteger>(_: T.Type) throws -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw MalformedRecord(detail: "truncated at byte \(offset)") }
        defer { offset += size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    mutating func u8() throws -> UInt8 { try take(UInt8.self) }
    mutating func u16() throws -> UInt16 { try take(UInt16.self) }
    mutating func u32() throws -> UInt32 { try take(UInt32.self) }
    mutating func u64() throws -> UInt64 { try take(UInt64.self) }

    /// The next `n` fields, each a u32 (or u64), as `ByteBuffer.append(u32:)` wrote them.
    mutating func u32s(_ n: Int) throws -> [Int] { try (0..<n).map { _ in Int(try u32()) } }
    mutating func u64s(_ n: Int) throws -> [Int] { try (0..<n).map { _ in Int(clamping: try u64()) } }

    /// LEB128 unsigned varint (`ByteBuffer.appendVarint`).
    @inline(__always)
    mutating func varint() throws -> UInt64 {
        // A one-byte value (most dfs and key gaps in a dictionary block) without the loop.
        if offset < bytes.count, bytes[offset] < 0x80 {
            defer { offset &+= 1 }
            return UInt64(bytes[offset])
        }
        return try varintLoop()
    }

    private mutating func varintLoop() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw MalformedRecord(detail: "bad varint at byte \(offset)") }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// The next `count` bytes.
    mutating func bytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, remaining >= count else { throw MalformedRecord(detail: "truncated at byte \(offset)") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }
}
