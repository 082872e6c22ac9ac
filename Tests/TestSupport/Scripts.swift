import Foundation
import OpenCCFacade

extension Support {
    /// `text` converted by an OpenCC configuration (s2t.json: Simplified to Traditional, t2s.json back).
    public static func convert(_ text: String, _ config: String) throws -> String {
        guard let converter = pf_opencc_open(config) else { throw ScriptError(config: config) }
        defer { pf_opencc_close(converter) }
        let bytes = Array(text.utf8)
        let out = bytes.withUnsafeBufferPointer { b in
            b.withMemoryRebound(to: CChar.self) { pf_opencc_convert(converter, $0.baseAddress, $0.count) }
        }
        guard let out else { throw ScriptError(config: config) }
        defer { pf_opencc_free(out) }
        return String(cString: out)
    }

    /// `text` in Traditional characters, each converted alone (OpenCC's s2t, one character at a
    /// time): a character doubled by a PDF's bold stays doubled (复复 → 複複, where the phrase
    /// table would make it 複復), as a document printed in Traditional doubles it.
    public static func traditional(_ text: String) throws -> String {
        let unique = Array(Set(text.unicodeScalars.filter { $0.value >= 0x3400 }))
        let converted = try convert(unique.map { String($0) }.joined(separator: "\n"), "s2t.json").split(separator: "\n")
        guard converted.count == unique.count else { throw ScriptError(config: "s2t.json") }
        var map: [Unicode.Scalar: String] = [:]
        for (c, t) in zip(unique, converted) { map[c] = String(t) }
        return text.unicodeScalars.map { map[$0] ?? String($0) }.joined()
    }

    /// The bundled corpus and the development set's UTF-8 originals (not their re-encoded copies).
    public static var plainDocuments: [URL] {
        var urls = (try? FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)) ?? []
        urls = urls.filter { $0.pathExtension == "txt" && $0.lastPathComponent != "synonyms.txt" }
        if let dev = corpusDev {
            let files = (try? FileManager.default.contentsOfDirectory(at: dev, includingPropertiesForKeys: nil)) ?? []
            urls += files.filter {
                ["txt", "md"].contains($0.pathExtension) && $0.deletingPathExtension().pathExtension.isEmpty
                    && $0.lastPathComponent != "README.md"
            }
        }
        return urls.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}

/// OpenCC could not be opened or could not convert.
public struct ScriptError: Error, CustomStringConvertible {
    public var config: String
    public var description: String { "OpenCC cannot convert with \(config)" }
}
