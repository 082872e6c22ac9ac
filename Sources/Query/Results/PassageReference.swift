import Index

/// Stable passage ids for users and other tools: `FILE#N`, the N-th passage (1-based) of the
/// document FILE. Stable as long as that document's text is unchanged, whatever happens to others.
public enum PassageReference {
    public static func format(_ reader: IndexReader, passage: Int) throws -> String {
        try format(reader, passage: passage, document: try reader.documentSummary(reader.passageRecord(passage).document))
    }

    /// The same, when the caller already has the passage's document.
    static func format(_ reader: IndexReader, passage: Int, document: DocumentSummary) throws -> String {
        format(name: document.name, passage: passage, firstPassage: try reader.passageRange(ofDocument: document.index).lowerBound)
    }

    /// The same, given the document's name and first passage.
    /// (Its UTF-8 written once: concatenating cost 400 instructions per hit shown.)
    static func format(name: String, passage: Int, firstPassage: Int) -> String {
        var name = name, number = String(passage - firstPassage + 1)
        return name.withUTF8 { head in
            number.withUTF8 { tail in
                String(unsafeUninitializedCapacity: head.count + 1 + tail.count) { out in
                    _ = out.initialize(fromContentsOf: head)
                    out[head.count] = UInt8(ascii: "#")
                    _ = out[(head.count + 1)...].initialize(fromContentsOf: tail)
                    return head.count + 1 + tail.count
                }
            }
        }
    }

    /// The global passage number for `FILE#N`; nil if there is no such passage.
    /// A trailing `:LINE` (as `kwic` prints, `FILE#N:LINE`) is allowed and ignored.
    public static func resolve(_ reference: String, in reader: IndexReader) throws -> Int? {
        guard let hash = reference.lastIndex(of: "#") else { return nil }
        var number = reference[reference.index(after: hash)...]
        if let colon = number.firstIndex(of: ":"), Int(number[number.index(after: colon)...]) != nil { number = number[..<colon] }
        guard let n = Int(number), n >= 1 else { return nil }
        let name = String(reference[..<hash])
        for d in 0..<reader.documentCount where try reader.documentSummary(d).name == name {
            let range = try reader.passageRange(ofDocument: d)
            return n <= range.count ? range.lowerBound + n - 1 : nil
        }
        return nil
    }
}
