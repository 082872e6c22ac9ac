extension IndexFormat {
    /// The file's first 16 bytes: magic "PLCYSRCH" (8) · format version u32 · flags u32 (0).
    struct Header {
        var version: UInt32
        /// Always 0 (reserved): any other value is damage.
        var flags: UInt32 = 0

        func encode(into out: inout ByteBuffer) {
            out.append(IndexFormat.magic)
            out.append(version)
            out.append(UInt32(0))
        }

        /// nil when the magic bytes are not ours (another kind of file).
        static func decode(_ file: UnsafeRawBufferPointer) throws -> Header? {
            var r = ByteReader(file)
            guard Array(try r.bytes(8)) == IndexFormat.magic else { return nil }
            return Header(version: try r.u32(), flags: try r.u32())
        }
    }

    /// The file's last 24 bytes: table offset u64 · table length u64 · table CRC-32C u32 · "PSND".
    public struct Footer: Equatable, Sendable {
        public var tableOffset: Int
        public var tableLength: Int
        public var tableCRC: UInt32

        func encode(into out: inout ByteBuffer) {
            out.append(UInt64(tableOffset))
            out.append(UInt64(tableLength))
            out.append(tableCRC)
            out.append(IndexFormat.endMagic)
        }

        /// The footer of an index image, its table checked to lie between header and footer.
        public static func decode(_ file: UnsafeRawBufferPointer) throws -> Footer {
            guard file.count >= headerSize + footerSize else { throw MalformedRecord(detail: "file is \(file.count) bytes, too short") }
            let start = file.count - footerSize
            var r = ByteReader(UnsafeRawBufferPointer(rebasing: file[start...]))
            let offset = Int(clamping: try r.u64()), length = Int(clamping: try r.u64())
            let crc = try r.u32()
            guard Array(try r.bytes(4)) == IndexFormat.endMagic else {
                throw MalformedRecord(detail: "end marker missing (truncated or partly written file)")
            }
            guard offset >= headerSize, length >= 4, offset <= start, length <= start - offset else {
                throw MalformedRecord(detail: "section table out of bounds")
            }
            return Footer(tableOffset: offset, tableLength: length, tableCRC: crc)
        }
    }

    /// Where each section lies and the CRC-32C of each of its 16 KiB blocks.
    ///
    ///     count u32, then per section: kind u32 · offset u64 · length u64 · blockCount u32 ·
    ///     blockCount × CRC-32C u32
    public struct SectionTable: Equatable, Sendable {
        public struct Entry: Equatable, Sendable {
            /// `Section.rawValue`; unknown kinds are kept (and ignored by the reader).
            public var kind: UInt32
            public var offset: Int
            public var length: Int
            public var crcs: [UInt32]
        }
        public var entries: [Entry] = []

        /// Blocks a section of `length` bytes has.
        static func blockCount(_ length: Int) -> Int { (length + blockSize - 1) / blockSize }

        func encode(into out: inout ByteBuffer) {
            out.append(UInt32(entries.count))
            for e in entries {
                out.append(e.kind)
                out.append(UInt64(e.offset))
                out.append(UInt64(e.length))
                out.append(UInt32(e.crcs.count))
                for c in e.crcs { out.append(c) }
            }
        }

        /// The table's entries, each checked to lie below `limit` (the table's own offset) with a
        /// CRC for each of its blocks.
        public static func parse(_ table: UnsafeRawBufferPointer, limit: Int) throws -> SectionTable {
            var result = SectionTable()
            try walk(table, limit: limit) { entry, _ in result.entries.append(entry) }
            return result
        }

        /// Calls `body` with each entry and the table offset of its first CRC; stops at the first
        /// entry that does not parse, by throwing.
        private static func walk(_ table: UnsafeRawBufferPointer, limit: Int, _ body: (Entry, Int) -> Void) throws {
            var r = ByteReader(table)
            let count = try r.u32()
            for _ in 0..<min(count, 64) {
                let kind = try r.u32()
                let offset = Int(clamping: try r.u64()), length = Int(clamping: try r.u64())
                let blocks = Int(try r.u32())
                guard offset >= headerSize, offset <= limit, length <= limit - offset, blocks == blockCount(length) else {
                    throw MalformedRecord(detail: "section \(kind) out of bounds")
                }
                let crcStart = r.offset
                var crcs: [UInt32] = []
                crcs.reserveCapacity(blocks)
                for _ in 0..<blocks { crcs.append(try r.u32()) }
                body(Entry(kind: kind, offset: offset, length: length, crcs: crcs), crcStart)
            }
        }

        /// Recomputes every block CRC and the table CRC of an index image in place, so that
        /// deliberate changes (a fuzzer's mutations, an old image given the current version) reach
        /// the structural checks behind the checksums. Entries after the first malformed one are left
        /// alone. Returns false (bytes untouched) when the footer cannot be located.
        public static func rewriteChecksums(in image: inout [UInt8]) -> Bool {
            guard let footer = image.withUnsafeBytes({ try? Footer.decode($0) }) else { return false }
            let tableRange = footer.tableOffset..<(footer.tableOffset + footer.tableLength)
            var repairs: [(at: Int, crc: UInt32)] = []
            image.withUnsafeBytes { file in
                try? walk(UnsafeRawBufferPointer(rebasing: file[tableRange]), limit: footer.tableOffset) { entry, crcStart in
                    for b in 0..<entry.crcs.count {
                        let lo = entry.offset + b * blockSize
                        let hi = min(entry.offset + entry.length, lo + blockSize)
                        repairs.append(
                            (footer.tableOffset + crcStart + 4 * b, CRC32.checksum(UnsafeRawBufferPointer(rebasing: file[lo..<hi]))))
                    }
                }
            }
            for r in repairs { store(r.crc, at: r.at, in: &image) }
            let crc = image.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[tableRange])) }
            store(crc, at: image.count - footerSize + 16, in: &image)
            return true
        }

        private static func store(_ v: UInt32, at offset: Int, in image: inout [UInt8]) {
            withUnsafeBytes(of: v.littleEndian) { image.replaceSubrange(offset..<(offset + 4), with: $0) }
        }
    }

    /// Sets the header's format version of an index image (keeping the rest) and rewrites its
    /// checksums: an image saved under an older format, read by this build, must be reported as
    /// damaged, never crash it.
    public static func retarget(_ image: inout [UInt8]) {
        guard image.count >= headerSize + footerSize else { return }
        withUnsafeBytes(of: version.littleEndian) { image.replaceSubrange(8..<12, with: $0) }
        _ = SectionTable.rewriteChecksums(in: &image)
    }
}
