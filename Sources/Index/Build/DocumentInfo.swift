import Ingestion

/// Where a document came from, for change detection: a file is re-analyzed only if its content
/// hash changed, or the rules it was read under (`Ingestor.rulesRevision`).
public struct SourceInfo: Codable, Equatable, Sendable {
    public var path: String
    public var size: UInt64
    public var modified: Double
    /// FNV-1a 64 of the file's bytes, hex.
    public var hash: String
    /// The reading rules' revision; nil in an index written before revisions were kept.
    public var rules: Int?

    public init(path: String, size: UInt64, modified: Double, hash: String, rules: Int? = Ingestor.rulesRevision) {
        self.path = path
        self.size = size
        self.modified = modified
        self.hash = hash
        self.rules = rules
    }

    /// Whether a document read from `self` may stand for one read now from `current`: the same
    /// bytes, read under the same rules.
    public func reusable(for current: SourceInfo) -> Bool {
        hash == current.hash && rules == current.rules
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
    /// A hash of the text its passages hold (`ChunkIndexer.textHash`): two files of the same text
    /// (one saved as GB18030, the other as UTF-8) have the same. Nil in an index written before
    /// it was kept (the next `index` adds it).
    public var textHash: String? = nil
}
