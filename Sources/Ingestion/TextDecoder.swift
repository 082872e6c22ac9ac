import ICUFacade

/// Why a file could not be turned into text. Messages name the file and say what to do.
public enum IngestionError: Error, Equatable, CustomStringConvertible {
    case empty(file: String)
    case binary(file: String, reason: String)
    case undecodable(file: String, encoding: String, byteOffset: Int)
    case unreadable(file: String, reason: String)
    case tooLarge(file: String, bytes: Int, limit: Int)
    /// A Word 97–2003 or WPS file: a binary format read by no library here.
    case legacyWordFormat(file: String, kind: String)
    /// A PDF whose pages carry no text layer (scanned images).
    case noTextLayer(file: String, pages: Int)
    /// A PDF encrypted with a password.
    case encrypted(file: String)
    /// A PDF, DOCX or HTML file that its parser could not read.
    case damaged(file: String, format: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let f): return "\(f): the file is empty (nothing to index)"
        case .binary(let f, let r): return "\(f): not a text file (\(r)); skipped"
        case .undecodable(let f, let e, let o):
            return "\(f): not valid UTF-8, UTF-16 or GB18030 text (invalid \(e) byte sequence at byte \(o)); convert it to UTF-8 and retry"
        case .unreadable(let f, let r): return "\(f): cannot be read (\(r))"
        case .tooLarge(let f, let b, let l): return "\(f): \(b) bytes exceeds the \(l)-byte limit for one document"
        case .legacyWordFormat(let f, let k):
            return "\(f): a legacy Word/WPS file (\(k)), which cannot be read; convert it with "
                + "`libreoffice --headless --convert-to docx \(f)` and index the .docx; skipped"
        case .noTextLayer(let f, let p):
            return "\(f): a scanned PDF (\(p) page\(p == 1 ? "" : "s") without a text layer); run OCR on it "
                + "(e.g. `ocrmypdf -l chi_sim \(f) out.pdf`) and index the result; skipped"
        case .encrypted(let f): return "\(f): the PDF is password-protected; save an unprotected copy and index that; skipped"
        case .damaged(let f, let format, let r): return "\(f): not a readable \(format) file (\(r)); skipped"
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
        do {
            return try finish(icu: "GB18030", bytes, file: file, label: "GB18030")
        } catch IngestionError.undecodable(_, _, let offset) where utf8Error > offset {
            throw IngestionError.undecodable(file: file, encoding: "UTF-8", byteOffset: utf8Error)
        }
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

    /// UTF-16 without a BOM: zero bytes concentrated at odd (LE) or even (BE) offsets. ASCII (newlines,
    /// digits) puts its zero byte on one side; a few ideographs (一 U+4E00) put theirs on the other.
    static func guessUTF16(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        let sample = min(bytes.count, 1 << 16)
        for i in 0..<sample where bytes[i] == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample / 2
        if oddZeros * 50 >= pairs && evenZeros * 3 <= oddZeros { return "UTF-16LE" }
        if evenZeros * 50 >= pairs && oddZeros * 3 <= evenZeros { return "UTF-16BE" }
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
        for s in decoded.text.unicodeScalars {
            total += 1
            let v = s.value
            if v == 0 || (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D && v != 0x0C) || (v >= 0x7F && v < 0xA0) || v == 0xFFFD {
                controls += 1
            } else if v < 0x80 {
                if v > 0x20 && v != 0x7F { visible += 1 }
            } else if visible > 0 || !s.properties.isWhitespace {
                // Only whether anything is visible matters: the property lookup stops at the first.
                visible += 1
            }
        }
        if visible == 0 { throw IngestionError.empty(file: file) }
        if controls * 50 > total {
            throw IngestionError.binary(file: file, reason: "\(controls) control characters in \(total)")
        }
        return decoded
    }
}
