import Foundation
import TestSupport
import Testing

@testable import Ingestion

/// Encodings that a plain byte test gets wrong: Big5 (it reads as GB18030 without an error, as
/// mojibake) and UTF-16 without a byte-order mark whose ideographs put zero bytes on both sides.
@Suite struct LegacyEncodingTests {
    static let traditional = "一、總體要求\n\n加快發展跨境電子商務，支持企業建設海外倉。推進營商環境優化，提升貿易便利化水準。\n"

    @Test func big5IsReadAsBig5() throws {
        // `printf … | iconv -f UTF-8 -t BIG5 | xxd -i` of the text above.
        let bytes: [UInt8] = [
            0xa4, 0x40, 0xa1, 0x42, 0xc1, 0x60, 0xc5, 0xe9, 0xad, 0x6e, 0xa8, 0x44, 0x0a, 0x0a, 0xa5, 0x5b, 0xa7, 0xd6, 0xb5, 0x6f, 0xae,
            0x69, 0xb8, 0xf3, 0xb9, 0xd2, 0xb9, 0x71, 0xa4, 0x6c, 0xb0, 0xd3, 0xb0, 0xc8, 0xa1, 0x41, 0xa4, 0xe4, 0xab, 0xf9, 0xa5, 0xf8,
            0xb7, 0x7e, 0xab, 0xd8, 0xb3, 0x5d, 0xae, 0xfc, 0xa5, 0x7e, 0xad, 0xdc, 0xa1, 0x43, 0xb1, 0xc0, 0xb6, 0x69, 0xc0, 0xe7, 0xb0,
            0xd3, 0xc0, 0xf4, 0xb9, 0xd2, 0xc0, 0x75, 0xa4, 0xc6, 0xa1, 0x41, 0xb4, 0xa3, 0xa4, 0xc9, 0xb6, 0x54, 0xa9, 0xf6, 0xab, 0x4b,
            0xa7, 0x51, 0xa4, 0xc6, 0xa4, 0xf4, 0xb7, 0xc7, 0xa1, 0x43, 0x0a
        ]
        let decoded = try TextDecoder.decode(bytes, file: "big5.txt")
        #expect(decoded.encoding == "Big5")
        #expect(decoded.text == Self.traditional)
    }

    /// A terms file of three Traditional words saved as Big5 (Windows' Traditional default) is too
    /// short for ICU's detector; it read as GB18030 mojibake (阁挂筿坝). The same words in GB18030,
    /// and Simplified ones, stay GB18030.
    @Test func aShortBig5TextIsReadAsBig5() throws {
        // `printf '跨境電商\n海外倉\n發展\n' | iconv -t BIG5 | xxd -i`
        let bytes: [UInt8] = [
            0xb8, 0xf3, 0xb9, 0xd2, 0xb9, 0x71, 0xb0, 0xd3, 0x0a, 0xae, 0xfc, 0xa5, 0x7e, 0xad, 0xdc, 0x0a, 0xb5, 0x6f, 0xae, 0x69, 0x0a
        ]
        let decoded = try TextDecoder.decode(bytes, file: "terms.txt")
        #expect(decoded.encoding == "Big5" && decoded.text == "跨境電商\n海外倉\n發展\n", "\(decoded.text)")
        let gb = String.Encoding(rawValue: 0x8000_0632)
        for text in ["跨境電商\n海外倉\n發展\n", "跨境电商\n海外仓\n发展\n", "营商环境\n"] {
            let decoded = try TextDecoder.decode([UInt8](try #require(text.data(using: gb))), file: "terms.txt")
            #expect(decoded.encoding == "GB18030" && decoded.text == text)
        }
    }

    @Test func gb18030IsNotMistakenForBig5() throws {
        for name in CorpusSupport.names {
            let text = try String(contentsOf: CorpusSupport.corpus.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let gb = String.Encoding(rawValue: 0x8000_0632)
            let decoded = try TextDecoder.decode([UInt8](try #require(text.data(using: gb))), file: name)
            #expect(decoded.encoding == "GB18030", "\(name)")
        }
    }

    /// The development set's Beijing notice, UTF-16LE with its BOM removed.
    @Test func utf16WithoutBOMWhoseIdeographsHoldZeroBytes() throws {
        guard let dev = Support.corpusDev else { return }
        let bytes = try Data(contentsOf: dev.appendingPathComponent("beijing_data_zone_guiding_opinions_2022.utf16le-bom.txt"))
        let decoded = try TextDecoder.decode(Array(bytes.dropFirst(2)), file: "beijing.txt")
        #expect(decoded.encoding == "UTF-16LE")
        let reference = try String(contentsOf: dev.appendingPathComponent("beijing_data_zone_guiding_opinions_2022.txt"), encoding: .utf8)
        #expect(decoded.text == reference.replacingOccurrences(of: "\u{FEFF}", with: ""))
    }
}
