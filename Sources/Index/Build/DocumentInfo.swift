import Ingestion

/// Where a document came from, for change detection: a file is re-analyzed only if its content
/// hash changed.
public struct SourceInfo: Codable, Equatable, Sendable {
    public var path: String
    public var size: UInt64
    public var modified: Double
    /// FNV-1a 64 of the file's bytes, hex.
    public var hash: String

    public init(path: String, size: UInt64, modified: Double, hash: String) {
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}

/// What the index stores about a document besides its passages.
public struct DocumentInfo: Codable, Equatable, Sendable {
    public var name: String
    public var title: String
    public var metadata: DocumentMetadata
    public var encoding: String
    /// Source format (`Document.format`).
    public var format: String
    public var source: SourceInfo
    public var headings: [Heading]
}
