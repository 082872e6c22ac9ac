import ICUFacade

/// Text as the index sees it: NFKC_Casefold applied character by character, with each normalized
/// character mapped back to its Unicode scalar offset in the original text, so highlights land on the
/// original characters. Full-width ＲＣＥＰ２０２５ → rcep2025, （一） → (一), Kangxi ⼯ → 工.
public struct NormalizedText: Equatable, Sendable {
    /// Normalized Unicode scalar values.
    public var scalars: [UInt32]
    /// For each normalized scalar, the offset (in scalars) of the original scalar it came from.
    public var sourceOffsets: [Int32]
}

/// NFKC_Casefold per scalar, plus the folding of dash, tilde and quote variants to ASCII
/// (`punctuationFold`): the one normalization of documents and queries. Applying it per scalar (not per string) keeps a 1→n mapping to source
/// offsets; the two differ only for combining sequences, which do not occur in Chinese policy text
/// and are folded identically for documents and queries anyway. ASCII and CJK ideographs, nearly all
/// of the text, take a fast path; other scalars are folded by ICU once and cached.
public final class Normalizer {
    /// Folds of other scalars: the BMP in a flat table filled on first use (`unknown` until then,
    /// `multiple` when the fold is not one scalar), the rest in a dictionary.
    private let bmp: UnsafeMutablePointer<UInt32>
    private var cache: [UInt32: [UInt32]] = [:]
    private let traditional = TraditionalFolding()
    private static let unknown: UInt32 = 0xFFFF_FFFF
    private static let multiple: UInt32 = 0xFFFF_FFFE

    /// Dash, tilde and quote variants fold to their ASCII form, so typing either finds the other:
    /// 2021-2025 finds 2021—2025, "十四五" finds “十四五”. (NFKC alone folds only the full-width forms.)
    static let punctuationFold: [UInt32: UInt32] = {
        var m: [UInt32: UInt32] = [:]
        for d: UInt32 in [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D] { m[d] = 0x2D }  // ‐‑‒–—―−﹘﹣－
        for t: UInt32 in [0x301C, 0xFF5E, 0x223C] { m[t] = 0x7E }  // 〜～∼
        for q: UInt32 in [0x201C, 0x201D, 0x201E, 0x201F, 0x301D, 0x301E, 0xFF02] { m[q] = 0x22 }  // “”„‟〝〞＂
        for q: UInt32 in [0x2018, 0x2019, 0x201A, 0x201B, 0xFF07] { m[q] = 0x27 }  // ‘’‚‛＇
        return m
    }()

    public init() {
        bmp = .allocate(capacity: 0x10000)
        bmp.initialize(repeating: Self.unknown, count: 0x10000)
    }

    deinit { bmp.deallocate() }

    public func normalize(_ text: String) -> NormalizedText {
        if let plain = normalizeUnlessTraditional(text) { return plain }
        // Traditional characters: fold the whole text through OpenCC, then normalize.
        if let folded = traditional.fold(Array(text.unicodeScalars)) { return normalize(folded.scalars, from: folded.from) }
        return normalizeUnlessTraditional(text, checkTraditional: false)!
    }

    /// The text normalized scalar by scalar, or nil at the first candidate for Traditional folding
    /// (when `checkTraditional`). Scalars are decoded from the string's UTF-8 by hand: iterating
    /// `unicodeScalars` cost as much as the folding.
    private func normalizeUnlessTraditional(_ text: String, checkTraditional: Bool = true) -> NormalizedText? {
        var text = text
        return text.withUTF8 { utf8 -> NormalizedText? in
            var out: [UInt32] = []
            var offsets: [Int32] = []
            out.reserveCapacity(utf8.count / 2)
            offsets.reserveCapacity(utf8.count / 2)
            var i = 0
            var k: Int32 = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                let v: UInt32
                if b < 0x80 {
                    v = UInt32(b)
                    i += 1
                } else if b < 0xE0 {
                    v = UInt32(b & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    v = UInt32(b & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    i += 3
                } else {
                    v =
                        UInt32(b & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                        | UInt32(utf8[i + 3] & 0x3F)
                    i += 4
                }
                if checkTraditional, v >= 0x3400, TraditionalFolding.isCandidate(v) { return nil }
                append(v, k, &out, &offsets)
                k += 1
            }
            return NormalizedText(scalars: out, sourceOffsets: offsets)
        }
    }

    /// Normalizes scalars that came from other positions of the original text (`from`).
    private func normalize(_ scalars: [Unicode.Scalar], from: [Int]) -> NormalizedText {
        var out: [UInt32] = []
        var offsets: [Int32] = []
        out.reserveCapacity(scalars.count)
        offsets.reserveCapacity(scalars.count)
        for (s, i) in zip(scalars, from) { append(s.value, Int32(i), &out, &offsets) }
        return NormalizedText(scalars: out, sourceOffsets: offsets)
    }

    @inline(__always)
    private func append(_ v: UInt32, _ i: Int32, _ out: inout [UInt32], _ offsets: inout [Int32]) {
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
            offsets.append(i)
        } else if v >= 0x4E00 && v <= 0x9FFF {
            out.append(v)
            offsets.append(i)
        } else if v < 0x10000, case let f = bmp[Int(v)], f < Self.multiple {
            out.append(f)
            offsets.append(i)
        } else {
            for f in fold(v) {
                out.append(f)
                offsets.append(i)
            }
        }
    }

    /// Normalized scalars only.
    public func fold(_ text: String) -> [UInt32] { normalize(text).scalars }

    public func fold(_ v: UInt32) -> [UInt32] {
        if v < 0x10000, case let f = bmp[Int(v)], f < Self.multiple { return [f] }
        if let hit = cache[v] { return hit }
        var units = [UInt16]()
        if let s = Unicode.Scalar(v) { units.append(contentsOf: String(s).utf16) }
        var buffer = [UInt16](repeating: 0, count: 32)
        var error: Int32 = 0
        let n = units.withUnsafeBufferPointer { src in
            buffer.withUnsafeMutableBufferPointer { dst in
                pf_nfkc_casefold(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &error)
            }
        }
        var result: [UInt32]
        if let folded = Self.punctuationFold[v] ?? RadicalFolding.ideograph(for: v) {
            result = [folded]
        } else if n < 0 || n > 32 {
            result = [v]
        } else {
            result = String(decoding: buffer[0..<Int(n)], as: UTF16.self).unicodeScalars.map(\.value)
        }
        // Whitespace of any width is one space; folding must never erase a character entirely
        // except default-ignorables (soft hyphen, zero-width space), which carry no content.
        if result.count == 1, let s = Unicode.Scalar(result[0]), s.properties.isWhitespace { result = [0x20] }
        if v < 0x10000 {
            bmp[Int(v)] = result.count == 1 ? result[0] : Self.multiple
        }
        cache[v] = result
        return result
    }
}
