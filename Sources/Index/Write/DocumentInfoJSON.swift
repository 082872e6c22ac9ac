import Foundation
import Ingestion

/// A document's info as `JSONEncoder` (sorted keys) writes it, byte for byte, with the outline's
/// headings written by hand: encoding them through `Codable` cost ~3 % of an index build. Only
/// headings whose strings need no escaping are written here (their JSON is then the same under any
/// encoder: keys in sorted order, integers, raw UTF-8); any other heading, and everything else of
/// the info, still goes through the encoder. `DocumentInfoJSONTests` compares both on real documents.
enum DocumentInfoJSON {
    static func encode(_ info: DocumentInfo, with encoder: JSONEncoder) throws -> [UInt8] {
        var bare = info
        bare.headings = []
        var out = [UInt8](try encoder.encode(bare))
        guard !info.headings.isEmpty else { return out }
        // The empty array's place: the key cannot occur inside a string value, whose quotes are escaped.
        guard let at = find(emptyHeadings, in: out) else { return [UInt8](try encoder.encode(info)) }
        var headings: [UInt8] = []
        headings.reserveCapacity(info.headings.count * 96)
        for (k, h) in info.headings.enumerated() {
            if k > 0 { headings.append(UInt8(ascii: ",")) }
            if !append(h, to: &headings) { headings.append(contentsOf: try encoder.encode(h)) }
        }
        out.insert(contentsOf: headings, at: at + emptyHeadings.count - 1)
        return out
    }

    private static let emptyHeadings = Array(#""headings":[]"#.utf8)

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    /// `{"depth":…,"kind":…,"label":…,"line":…,"style":…,"title":…}` (style left out when nil, as
    /// the synthesized `Codable` does); false, with nothing written, if a string needs escaping.
    private static func append(_ h: Heading, to out: inout [UInt8]) -> Bool {
        guard isPlain(h.label), isPlain(h.title) else { return false }
        out.append(contentsOf: #"{"depth":"#.utf8)
        out.append(contentsOf: String(h.depth).utf8)
        out.append(contentsOf: #","kind":""#.utf8)
        out.append(contentsOf: h.kind.rawValue.utf8)
        out.append(contentsOf: #"","label":""#.utf8)
        out.append(contentsOf: h.label.utf8)
        out.append(contentsOf: #"","line":"#.utf8)
        out.append(contentsOf: String(h.line).utf8)
        if let style = h.style {
            out.append(contentsOf: #","style":"#.utf8)
            out.append(contentsOf: String(style.rawValue).utf8)
        }
        out.append(contentsOf: #","title":""#.utf8)
        out.append(contentsOf: h.title.utf8)
        out.append(contentsOf: #""}"#.utf8)
        return true
    }

    /// No character an encoder might escape: controls, quote, backslash, slash, DEL, line and paragraph separators.
    private static func isPlain(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x2F && $0 != 0x7F }
            && !s.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" }
    }
}
