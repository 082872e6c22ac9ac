import Foundation
import OpenCCFacade

/// Traditional Chinese folded to Simplified by OpenCC (t2s.json, phrase-aware), the same for
/// documents and queries: 跨境電商 finds 跨境电商 and 跨境电商 finds a Traditional document, and
/// already-Simplified text is left alone (显著 stays 显著, unlike ICU's character transliterator).
///
/// Only text holding a character OpenCC would change (`candidateBitmap`, generated from OpenCC and
/// checked against it by the tests) is converted, so Simplified text never pays for OpenCC, and a
/// process opens it (about 2 ms) only when it meets such a character. Each output character keeps
/// the index of the input character it came from, so highlights land on the original text.
final class TraditionalFolding {
    private static let bits: [UInt8] = Array(Data(base64Encoded: candidateBitmap, options: .ignoreUnknownCharacters) ?? Data())

    /// Whether OpenCC's Traditional→Simplified conversion changes this character.
    @inline(__always)
    static func isCandidate(_ v: UInt32) -> Bool {
        guard v >= 0x3400, v < 0xA000 else { return false }
        let i = Int(v - 0x3400)
        return i >> 3 < bits.count && bits[i >> 3] & (1 << UInt8(i & 7)) != 0
    }

    private var converter: OpaquePointer?
    private var unavailable = false

    deinit { if let converter { pf_opencc_close(converter) } }

    /// The text converted, each scalar with the index of the input scalar it came from; nil when
    /// OpenCC cannot be opened (then nothing is folded, for documents and queries alike).
    func fold(_ input: [Unicode.Scalar]) -> (scalars: [Unicode.Scalar], from: [Int])? {
        guard let out = convert(input) else { return nil }
        if out.count == input.count { return (out, Array(input.indices)) }
        // Lengths differ (rare): convert character by character so each output keeps its source.
        var scalars: [Unicode.Scalar] = []
        var from: [Int] = []
        for (i, s) in input.enumerated() {
            let converted = Self.isCandidate(s.value) ? (convert([s]) ?? [s]) : [s]
            scalars += converted
            from += Array(repeating: i, count: converted.count)
        }
        return (scalars, from)
    }

    private func convert(_ input: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        if converter == nil && !unavailable {
            converter = pf_opencc_open("t2s.json")
            unavailable = converter == nil
        }
        guard let converter else { return nil }
        var utf8 = Array(String(String.UnicodeScalarView(input)).utf8)
        guard
            let out = utf8.withUnsafeMutableBufferPointer({ b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { pf_opencc_convert(converter, $0, b.count) }
            })
        else { return nil }
        defer { pf_opencc_free(out) }
        utf8 = Array(UnsafeRawBufferPointer(start: out, count: strlen(out)))
        return Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
    }
}
