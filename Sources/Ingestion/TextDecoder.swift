import ICUFacade

/// Why a file could not be turned into text. Messages name the file and say what to do.
public enum IngestionError: Error, Equatable, CustomStringConvertible {
    case empty(file: String)
    case binary(file: String, reason: String)
    case undecodable(file: String, encoding: String, byteOffset: Int)
    case unreadable(file: String, reason: String)
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// A Word 97–2003, WPS or RTF file: a format read by no library here.
    case legacyWordFormat(file: String, kind: String)
    /// A PDF whose pages carry no text layer (scanned images).
    case noTextLayer(file: String, pages: Int)
    /// A PDF encrypted with a password.
    case encrypted(file: String)
    /// A PDF, DOCX or HTML file that its parser could not read.
    case damaged(file: String, format: String, reason: String)

    public var description: String { "\(file): \(reason)" }

    /// The file the error is about, as it was named.
    public var file: String {
        switch self {
        case .empty(let f), .binary(let f, _), .undecodable(let f, _, _), .unreadable(let f, _), .tooLarge(let f, _, _),
            .legacyWordFormat(let f, _), .noTextLayer(let f, _), .encrypted(let f), .damaged(let f, _, _):
            return f
        }
    }

    /// What is wrong and what to do, without the file's name (an index's report puts its path first).
    public var reason: String {
        switch self {
        case .empty: return "the file is empty (no text to read)"
        case .binary(_, let r): return "not a text file (\(r))"
        case .undecodable(_, let e, let o):
            return "not valid UTF-8, UTF-16 or GB18030 text (invalid \(e) byte sequence at byte \(o)); convert it to UTF-8 and retry"
        case .unreadable(_, let r): return "cannot be read (\(r))"
        case .tooLarge(_, let b, let l): return "\(b) bytes exceeds the \(l)-byte limit for one document"
        case .legacyWordFormat(let f, let k):
            // LibreOffice will not write over its input: a .doc renamed .docx converts into another folder.
            if f.lowercased().hasSuffix(".docx") {
                return "\(k) named .docx, which cannot be read; convert it with "
                    + "`libreoffice --headless --convert-to docx --outdir converted \(f)` and index converted/"
            }
            return "\(k), which cannot be read; convert it with `libreoffice --headless --convert-to docx \(f)` and index the .docx"
        case .noTextLayer(let f, let p):
            return "a scanned PDF (\(p) page\(p == 1 ? "" : "s") without a text layer); run OCR on it "
                + "(e.g. `ocrmypdf -l chi_sim \(f) out.pdf`) and index the result"
        case .encrypted: return "the PDF is password-protected; save an unprotected copy and index that"
        case .damaged(_, let format, let r): return "not a readable \(format) file (\(r))"
        }
    }
}

/// Text decoded from bytes, with the encoding it was found in.
public struct DecodedText: Sendable {
    public var text: String
    public var encoding: String
}

/// Detects the encoding of a policy text file and decodes it.
///
/// The image format whose signature `bytes` start with (a scan saved or renamed as a text file).
private func imageKind(_ bytes: [UInt8]) -> String? {
    let signatures: [(String, [UInt8])] = [
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), ("JPEG", [0xFF, 0xD8, 0xFF]), ("GIF", Array("GIF8".utf8)),
        ("TIFF", [0x49, 0x49, 0x2A, 0x00]), ("TIFF", [0x4D, 0x4D, 0x00, 0x2A])
    ]
    if let kind = signatures.first(where: { bytes.starts(with: $0.1) }) { return kind.0 }
    return bytes.count >= 12 && bytes.starts(with: Array("RIFF".utf8)) && Array(bytes[8..<12]) == Array("WEBP".utf8) ? "WebP" : nil
}

/// Order matters: a byte-order mark is authoritative; then UTF-16 without a BOM is recognised by
/// its NUL bytes (ASCII newlines and digits carry a zero byte); strict UTF-8 validation is next
/// because valid UTF-8 is vanishingly unlikely by accident; GB18030 (a superset of GBK and GB2312,
/// the encoding of most Chinese government downloads) comes last, decoded strictly by ICU.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8], file: String) throws -> DecodedText {
        if bytes.isEmpty { throw IngestionError.empty(file: file) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try finish(utf8: bytes[3...], file: file, encoding: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return try finish(icu: "UTF-16LE", Array(bytes[2...]), file: file, label: "UTF-16LE (BOM)", skipped: 2)
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return try finish(icu: "UTF-16BE", Array(bytes[2...]), file: file, label: "UTF-16BE (BOM)", skipped: 2)
        }
        if let utf16 = guessUTF16(bytes) {
            return try finish(icu: utf16, bytes, file: file, label: utf16)
        }
        if let image = imageKind(bytes) {
            throw IngestionError.binary(file: file, reason: "a \(image) image; a scan needs OCR to text first")
        }
        if bytes.contains(0) {
            throw IngestionError.binary(file: file, reason: "contains NUL bytes")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return try check(DecodedText(text: text, encoding: "UTF-8"), file: file)
        }
        // UTF-8 text cut inside its last character (an interrupted copy) must not be decoded as
        // GB18030 mojibake; and when neither decoding works, the one that got further names the
        // place to look (a GB18030 line pasted into a UTF-8 file).
        let utf8Error = utf8ErrorOffset(bytes[...], start: 0)
        if isCutCharacter(bytes, at: utf8Error), bytes[..<utf8Error].contains(where: { $0 >= 0x80 }) {
            throw IngestionError.undecodable(file: file, encoding: "UTF-8", byteOffset: utf8Error)
        }
        // Big5 (Traditional, Taiwan and Hong Kong) reads as GB18030 without an error, as mojibake:
        // ICU's detector, which knows the two by their character statistics, tells them apart.
        if detectedCharset(bytes) == "Big5" || looksLikeBig5(bytes), let big5 = try? finish(icu: "Big5", bytes, file: file, label: "Big5") {
            return big5
        }
        do {
            return try finish(icu: "GB18030", bytes, file: file, label: "GB18030")
        } catch IngestionError.undecodable(_, _, let offset) where utf8Error > offset {
            throw IngestionError.undecodable(file: file, encoding: "UTF-8", byteOffset: utf8Error)
        }
    }

    /// Big5 by its byte pairs, for texts too short for ICU's statistics (a terms file of three
    /// Traditional words): a quarter or more of Big5's characters have a second byte below 0xA1
    /// (電 is B9 71), which GB2312, where Simplified text lives, never has, or a first byte in
    /// 0xAA–0xAF or 0xF8–0xF9, which GB18030 maps to private-use characters. A pair Big5 does not
    /// have (a four-byte GB18030 sequence, a lead byte below 0xA1) rules it out.
    static func looksLikeBig5(_ bytes: [UInt8]) -> Bool {
        var pairs = 0, unlikeGB = 0, i = 0
        let sample = bytes.prefix(1 << 16)
        while i < sample.count {
            let lead = sample[sample.startIndex + i]
            guard lead >= 0x81, i + 1 < sample.count else {
                i += 1
                continue
            }
            let trail = sample[sample.startIndex + i + 1]
            // Not a Big5 pair (a four-byte GB18030 sequence has a digit second).
            guard (0xA1...0xF9).contains(lead), (0x40...0x7E).contains(trail) || (0xA1...0xFE).contains(trail) else { return false }
            pairs += 1
            if trail < 0xA1 || (0xAA...0xAF).contains(lead) || lead >= 0xF8 { unlikeGB += 1 }
            i += 2
        }
        return pairs >= 2 && unlikeGB * 4 >= pairs
    }

    /// ICU's guess at the charset of a sample of the bytes.
    static func detectedCharset(_ bytes: [UInt8]) -> String? {
        let sample = Array(bytes.prefix(1 << 16))
        var name = [CChar](repeating: 0, count: 64)
        let confidence = sample.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { pf_detect_charset($0, Int32(b.count), &name, 64) }
        }
        guard confidence >= 10 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Offset (counted from `start`) of the first byte that is not part of a valid UTF-8 sequence.
    static func utf8ErrorOffset(_ bytes: ArraySlice<UInt8>, start: Int) -> Int {
        var offset = start
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += String(s).utf8.count
            case .emptyInput, .error: break loop
            }
        }
        return offset
    }

    /// Whether the bytes from `offset` to the end are the beginning of one multi-byte UTF-8 character.
    static func isCutCharacter(_ bytes: [UInt8], at offset: Int) -> Bool {
        let rest = bytes[offset...]
        guard let lead = rest.first, rest.count < 4 else { return false }
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
        return rest.count < length && rest.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// UTF-16 without a BOM: a file with zero bytes (ASCII newlines and digits carry one in
    /// UTF-16, and so do ideographs such as 一 U+4E00) that reads as plausible text in one byte order:
    /// nearly all of it ideographs, ASCII, CJK or full-width punctuation, or the symbols plans set
    /// (rules ━━ and ──, boxes, ①, ≥, ×, ㈠, Ⅱ). Counting where the zero
    /// bytes fall is not enough: a Chinese text's ideographs put zeros on both sides.
    static func guessUTF16(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let sample = Array(bytes.prefix(1 << 16))
        guard sample.contains(0) else { return nil }
        func plausibility(littleEndian: Bool) -> Double {
            var good = 0, total = 0
            for i in stride(from: 0, to: sample.count - 1, by: 2) {
                let unit = littleEndian ? UInt16(sample[i]) | UInt16(sample[i + 1]) << 8 : UInt16(sample[i]) << 8 | UInt16(sample[i + 1])
                total += 1
                switch unit {
                case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xFF, 0x2000...0x27BF, 0x3000...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                    0xFE30...0xFE4F, 0xFF00...0xFFEF:
                    good += 1
                default: break
                }
            }
            return total == 0 ? 0 : Double(good) / Double(total)
        }
        let le = plausibility(littleEndian: true), be = plausibility(littleEndian: false)
        if le >= 0.9 && le > be { return "UTF-16LE" }
        if be >= 0.9 && be > le { return "UTF-16BE" }
        return nil
    }

    private static func finish(utf8 bytes: ArraySlice<UInt8>, file: String, encoding: String) throws -> DecodedText {
        if bytes.isEmpty { throw IngestionError.empty(file: file) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw IngestionError.undecodable(file: file, encoding: "UTF-8", byteOffset: utf8ErrorOffset(bytes, start: 3))
        }
        return try check(DecodedText(text: text, encoding: encoding), file: file)
    }

    /// - Parameter skipped: bytes before `bytes` in the file (a BOM), so error offsets are file offsets.
    private static func finish(icu charset: String, _ bytes: [UInt8], file: String, label: String, skipped: Int = 0) throws -> DecodedText {
        if bytes.isEmpty { throw IngestionError.empty(file: file) }
        guard bytes.count < Int(Int32.max / 2) - 2 else {
            throw IngestionError.tooLarge(file: file, bytes: bytes.count, limit: Int(Int32.max / 2) - 2)
        }
        let capacity = bytes.count * 2 + 2
        var units = [UInt16](repeating: 0, count: capacity)
        var error: Int32 = 0
        var errorOffset: Int32 = -1
        let written = bytes.withUnsafeBufferPointer { src in
            units.withUnsafeMutableBufferPointer { dst in
                src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: src.count) { csrc in
                    pf_convert_to_utf16(charset, csrc, Int32(src.count), dst.baseAddress, Int32(capacity), &error, &errorOffset)
                }
            }
        }
        if written < 0 {
            throw IngestionError.undecodable(file: file, encoding: charset, byteOffset: skipped + Int(max(errorOffset, 0)))
        }
        let text = String(decoding: units[0..<Int(written)], as: UTF16.self)
        return try check(DecodedText(text: text, encoding: label), file: file)
    }

    /// Rejects text that decoded but is not prose: control characters or no letters at all.
    private static func check(_ decoded: DecodedText, file: String) throws -> DecodedText {
        var controls = 0, total = 0, visible = 0
        var text = decoded.text
        // Read on the string's UTF-8 (iterating `unicodeScalars` cost ~2 % of a build): a scalar
        // starts at every byte that is not a continuation byte; the controls above ASCII are
        // U+0080–009F (C2 80–9F) and U+FFFD (EF BF BD); a non-ASCII scalar is decoded only
        // while nothing visible has been seen (its whitespace property decides).
        text.withUTF8 { utf8 in
            let n = utf8.count
            var i = 0
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    total += 1
                    if b == 0 || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C) || b == 0x7F {
                        controls += 1
                    } else if b > 0x20 {
                        visible += 1
                    }
                    i += 1
                    continue
                }
                let length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                total += 1
                if b == 0xC2, utf8[i + 1] < 0xA0 {
                    controls += 1
                } else if b == 0xEF, utf8[i + 1] == 0xBF, utf8[i + 2] == 0xBD {
                    controls += 1
                } else if visible > 0 {
                    visible += 1
                } else {
                    var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { v = v << 6 | UInt32(utf8[i + k] & 0x3F) }
                    // Only whether anything is visible matters: the property lookup stops at the first.
                    if !(Unicode.Scalar(v)?.properties.isWhitespace ?? false) { visible += 1 }
                }
                i += length
            }
        }
        if visible == 0 { throw IngestionError.empty(file: file) }
        if controls * 50 > total {
            throw IngestionError.binary(file: file, reason: "\(controls) control characters in \(total)")
        }
        return decoded
    }
}
