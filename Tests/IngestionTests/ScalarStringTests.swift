import Ingestion
import Testing

/// `String(scalars:)` writes UTF-8 itself: it must give the string the standard library's scalar
/// view gives, for scalars of every UTF-8 length (1–4 bytes), empty input, and runs long enough
/// to leave the small-string form.
@Suite struct ScalarStringTests {
    @Test(arguments: [
        "", "a", "OR", "成都", "跨境电商 海外仓", "（二）强化", "é", "𠀀𪚥", "😀 ok", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
        String(repeating: "国际消费中心城市", count: 40)
    ])
    func matchesTheScalarView(_ text: String) {
        let scalars = Array(text.unicodeScalars)
        #expect(String(scalars: scalars) == String(String.UnicodeScalarView(scalars)))
        #expect(Array(String(scalars: scalars).utf8) == Array(text.utf8))
        #expect(String(scalars: scalars[...].dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
    }

    /// Every scalar, one at a time (surrogates are not scalars), as the reference encodes it.
    @Test func everyScalarEncodesAsUTF8() {
        var mismatches = 0
        for v in stride(from: 0, through: 0x10FFFF, by: 1) {
            guard let c = Unicode.Scalar(v) else { continue }
            if Array(String(scalars: [c]).utf8) != Array(String(c).utf8) { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }
}
