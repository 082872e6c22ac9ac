import CChecksum

/// CRC-32C of index blocks (hardware-accelerated in `CChecksum`): integrity checks must cost
/// little next to reading the blocks they protect.
public enum CRC32 {
    public static func checksum(_ buffer: UnsafeRawBufferPointer, seed: UInt32 = 0) -> UInt32 {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return pf_crc32c(seed, nil, 0) }
        return pf_crc32c(seed, base, buffer.count)
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }
}
