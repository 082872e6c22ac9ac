import Foundation

/// The parameters of a request's query string, decoded as browsers encode forms: `+` is a space,
/// `%XX` bytes are UTF-8. The first occurrence of a name wins. Malformed encoding or a value that
/// is not what the parameter takes (an empty number among them) is a 400 naming the parameter.
struct QueryParameters: Sendable {
    private var values: [(name: String, value: String)] = []

    init(query: String?) throws {
        guard let query, !query.isEmpty else { return }
        for field in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decode(parts[0], what: "a parameter name")
            let value = parts.count > 1 ? try Self.decode(parts[1], what: "the value of \(name)") : ""
            values.append((name, value))
        }
    }

    /// `+` → space, `%XX` → the byte, then the bytes as UTF-8 (invalid UTF-8 is an error). Control
    /// characters other than tab and line ends become spaces: the query language reads them so,
    /// and a NUL must not reach a page.
    static func decode(_ s: Substring, what: String) throws -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            switch b {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let h = it.next().flatMap(hex), let l = it.next().flatMap(hex) else {
                    throw ServerError.badRequest(
                        "\(what) is not valid URL encoding (a % must be followed by two hex digits)",
                        chinese: "\(what) 的网址编码不对（% 后面应是两位十六进制数）")
                }
                let v = h << 4 | l
                bytes.append(v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D || v == 0x7F ? UInt8(ascii: " ") : v)
            default: bytes.append(b)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw ServerError.badRequest(
                "\(what) is not valid URL encoding (percent-encoded UTF-8)", chinese: "\(what) 的网址编码不对（应为 UTF-8）")
        }
        return decoded
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// These parameters and `other`'s (a form body's), the first occurrence of a name winning.
    func merging(_ other: QueryParameters) -> QueryParameters {
        var merged = self
        merged.values += other.values
        return merged
    }

    /// Every non-empty value of a repeated parameter (`q=A&q=B`), in order.
    func all(_ name: String) -> [String] {
        values.filter { $0.name == name && !$0.value.isEmpty }.map(\.value)
    }

    /// The value, or nil when absent. An empty text counts as absent (an empty form field).
    func string(_ name: String) -> String? {
        guard let v = values.first(where: { $0.name == name })?.value, !v.isEmpty else { return nil }
        return v
    }

    /// The value of a number or flag: nil when absent; present but empty is no number.
    private func typed(_ name: String) -> String? {
        values.first(where: { $0.name == name })?.value
    }

    func int(_ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let s = typed(name) else { return value }
        guard let n = Int(Self.trimmed(s)), range.contains(n) else {
            throw ServerError.badRequest(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(s)”",
                chinese: "\(name) 应为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数，不是“\(s)”")
        }
        return n
    }

    /// - Parameter expectedInChinese: what `expected` says, for the web pages.
    func double(
        _ name: String, default value: Double, where valid: (Double) -> Bool, expected: String, expectedInChinese: String? = nil
    ) throws -> Double {
        guard let s = typed(name) else { return value }
        guard let x = Double(Self.trimmed(s)), x.isFinite, valid(x) else {
            throw ServerError.badRequest(
                "\(name) must be \(expected), not “\(s)”", chinese: "\(name) 的值“\(s)”不对：应为 \(expectedInChinese ?? expected)")
        }
        return x
    }

    func bool(_ name: String) throws -> Bool {
        guard let s = typed(name)?.lowercased() else { return false }
        switch s {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ServerError.badRequest("\(name) must be true or false, not “\(s)”", chinese: "\(name) 只能是 true 或 false")
        }
    }

    /// `name` limited to `max` characters.
    func text(_ name: String, max: Int) throws -> String? {
        guard let s = string(name) else { return nil }
        let n = s.unicodeScalars.count
        guard n <= max else {
            throw ServerError.badRequest("\(name) is \(n) characters long; the limit is \(max)", chinese: "\(name) 有 \(n) 个字符，上限是 \(max)")
        }
        return s
    }

    /// `s` without white space (spaces, tabs, line breaks, ideographic spaces) at either end.
    static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Query string for a link: these parameters in order, empty values left out.
    static func encode(_ pairs: [(String, String?)]) -> String {
        let kept = pairs.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : "\(name)=\(formEncode($0))" } }
        return kept.joined(separator: "&")
    }

    /// Percent-encodes everything but unreserved ASCII (RFC 3986), spaces as %20.
    static func formEncode(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
