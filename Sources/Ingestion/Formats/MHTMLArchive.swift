import Foundation

/// A web page saved as one file (.mht/.mhtml: "Save as single file" in Chrome, Edge, IE and WPS):
/// a MIME multipart message (RFC 2557) whose first text/html part is the page, the images and
/// styles following as other parts. The page's bytes, decoded from their transfer encoding
/// (quoted-printable or base64), are then read as an HTML file is.
enum MHTMLArchive {
    /// A MIME message at the start of the file: its header block names a multipart type.
    static func looks(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let end = head.range(of: "\n\n") ?? head.range(of: "\r\n\r\n") else { return false }
        let headers = head[..<end.lowerBound]
        return headers.contains("mime-version:") && headers.contains("multipart/")
    }

    /// The bytes of the first text/html part, decoded; nil when there is none.
    static func htmlPart(_ bytes: [UInt8]) -> [UInt8]? {
        guard let (headers, _) = split(bytes[...]), let boundary = parameter("boundary", in: header("content-type", in: headers))
        else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        for part in parts(bytes[...], delimiter: delimiter) {
            guard let (partHeaders, body) = split(part) else { continue }
            let type = header("content-type", in: partHeaders).lowercased()
            guard type.hasPrefix("text/html") else { continue }
            switch header("content-transfer-encoding", in: partHeaders).lowercased().trimmingCharacters(in: .whitespaces) {
            case "quoted-printable": return quotedPrintable(body)
            case "base64": return Data(base64Encoded: Data(body), options: .ignoreUnknownCharacters).map { [UInt8]($0) }
            default: return Array(body)
            }
        }
        return nil
    }

    /// Header block (unfolded, as text) and body of a MIME entity.
    private static func split(_ entity: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        var i = entity.startIndex
        // Skip the line break that follows a boundary line.
        while i < entity.endIndex, entity[i] == 0x0D || entity[i] == 0x0A { i += 1 }
        var lineStart = i
        while i < entity.endIndex {
            guard entity[i] == 0x0A else {
                i += 1
                continue
            }
            let line = entity[lineStart..<i]
            if line.isEmpty || line == [0x0D] {
                let text = String(decoding: entity[entity.startIndex..<lineStart], as: UTF8.self)
                return (
                    text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n\t", with: " ")
                        .replacingOccurrences(of: "\n ", with: " "), entity[(i + 1)...]
                )
            }
            i += 1
            lineStart = i
        }
        return nil
    }

    /// The value of header `name` (lowercase) in an unfolded header block, or "".
    private static func header(_ name: String, in headers: String) -> String {
        for line in headers.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name else { continue }
            return String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
        return ""
    }

    /// A parameter of a header value: boundary="----=_NextPart" → ----=_NextPart.
    private static func parameter(_ name: String, in value: String) -> String? {
        for piece in value.split(separator: ";") {
            let p = piece.trimmingCharacters(in: .whitespaces)
            guard p.lowercased().hasPrefix(name + "=") else { continue }
            let v = p.dropFirst(name.count + 1)
            return String(v.hasPrefix("\"") && v.hasSuffix("\"") && v.count >= 2 ? v.dropFirst().dropLast() : v)
        }
        return nil
    }

    /// The parts between boundary lines (the preamble before the first and the epilogue dropped).
    private static func parts(_ bytes: ArraySlice<UInt8>, delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        var starts: [Int] = []
        var i = bytes.startIndex
        while i + delimiter.count <= bytes.endIndex {
            if i == bytes.startIndex || bytes[i - 1] == 0x0A, bytes[i] == delimiter[0],
                bytes[i..<(i + delimiter.count)].elementsEqual(delimiter)
            {
                starts.append(i)
                i += delimiter.count
            } else {
                i += 1
            }
        }
        return zip(starts, starts.dropFirst()).map { bytes[($0 + delimiter.count)..<$1] }
    }

    /// =XX escapes to bytes, soft line breaks (= at a line end) removed.
    static func quotedPrintable(_ body: ArraySlice<UInt8>) -> [UInt8] {
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x41 + 10
            case 0x61...0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            guard b == 0x3D else {
                out.append(b)
                i += 1
                continue
            }
            if i + 1 < body.endIndex, body[i + 1] == 0x0A {
                i += 2
            } else if i + 2 < body.endIndex, body[i + 1] == 0x0D, body[i + 2] == 0x0A {
                i += 3
            } else if i + 2 < body.endIndex, let h = hex(body[i + 1]), let l = hex(body[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }
}
