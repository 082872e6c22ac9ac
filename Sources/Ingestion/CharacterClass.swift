/// Character classes the cleaning and structure rules are written in.
enum CharacterClass {
    /// Wide characters: CJK ideographs, CJK punctuation, full-width forms, Kangxi radicals.
    /// Spaces next to them are layout debris (PDF justification), never content.
    static func isWide(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2E80...0x2FDF, 0x3000...0x303F, 0x3040...0x30FF, 0x3100...0x312F, 0x3190...0x31FF,
            0x3200...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFF, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026:
            return true
        default:
            return false
        }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF, 0x2E80...0x2FDF: return true
        default: return false
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{3000}" || s == "\u{A0}" || (0x2000...0x200B).contains(s.value) || s == "\u{202F}"
            || s == "\u{205F}" || s == "\u{2060}" || s == "\u{FEFF}"
    }

    static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isFullwidthDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0xFF10 && s.value <= 0xFF19 }
    static func isDigit(_ s: Unicode.Scalar) -> Bool { isASCIIDigit(s) || isFullwidthDigit(s) }
    static func digitValue(_ s: Unicode.Scalar) -> Int {
        isASCIIDigit(s) ? Int(s.value - 0x30) : Int(s.value - 0xFF10)
    }
    static func isLatin(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
    }

    /// Punctuation that ends a paragraph when it ends a line: sentence ends, list-item ends and
    /// lead-ins (：). A line ending otherwise was broken by layout.
    static func endsParagraph(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "。", "！", "？", "；", "：", "!", "?", ";", ":", "…": return true
        default: return false
        }
    }

    /// Closing marks that may follow a sentence end: 。” 。） 。】
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "”", "’", "）", ")", "】", "」", "』", "》", "\"": return true
        default: return false
        }
    }
}

extension Sequence where Element == Unicode.Scalar {
    /// The scalars as a String, encoded to UTF-8 directly (appending to a UnicodeScalarView is
    /// several times slower).
    var string: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(underestimatedCount * 3)
        for s in self {
            let v = s.value
            switch v {
            case 0..<0x80:
                bytes.append(UInt8(v))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | v >> 6))
                bytes.append(UInt8(0x80 | v & 0x3F))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | v >> 12))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | v >> 18))
                bytes.append(UInt8(0x80 | (v >> 12) & 0x3F))
                bytes.append(UInt8(0x80 | (v >> 6) & 0x3F))
                bytes.append(UInt8(0x80 | v & 0x3F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Collection where Element == Unicode.Scalar {
    /// As `Sequence.string`, written straight into the string's storage (a passage's text is made
    /// this way: the intermediate byte array cost a third of it).
    var string: String {
        String(unsafeUninitializedCapacity: count * 4) { bytes in
            var n = 0
            for s in self {
                let v = s.value
                switch v {
                case 0..<0x80:
                    bytes[n] = UInt8(v)
                    n += 1
                case 0x80..<0x800:
                    bytes[n] = UInt8(0xC0 | v >> 6)
                    bytes[n + 1] = UInt8(0x80 | v & 0x3F)
                    n += 2
                case 0x800..<0x10000:
                    bytes[n] = UInt8(0xE0 | v >> 12)
                    bytes[n + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                    bytes[n + 2] = UInt8(0x80 | v & 0x3F)
                    n += 3
                default:
                    bytes[n] = UInt8(0xF0 | v >> 18)
                    bytes[n + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    bytes[n + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                    bytes[n + 3] = UInt8(0x80 | v & 0x3F)
                    n += 4
                }
            }
            return n
        }
    }
}

extension String {
    /// `contains(needle)` as Foundation answers it (by Character, canonical equivalence), asked only
    /// when it can be true: Foundation's search costs ~20,000 instructions a call on Linux, and the
    /// title and front-matter rules ask it of many lines. It can be true only if the needle's UTF-8
    /// occurs in the text, or the text holds a CJK compatibility ideograph (the only characters
    /// canonically equivalent to an ideograph or punctuation of such a needle).
    func containsText(_ needle: String) -> Bool {
        var text = self
        var needle = needle
        let possible = text.withUTF8 { t in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                var i = 0
                while i < t.count {
                    let b = t[i]
                    // U+F900–FAFF: EF A4 80 … EF AB BF; U+2F800–2FA1F: F0 AF A0 80 … F0 AF A8 9F.
                    if b == 0xEF, i + 1 < t.count, (0xA4...0xAB).contains(t[i + 1]) { return true }
                    if b == 0xF0, i + 1 < t.count, t[i + 1] == 0xAF { return true }
                    if b == n[0], i + n.count <= t.count {
                        var j = 1
                        while j < n.count, t[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
        return possible && contains(needle)
    }
}
