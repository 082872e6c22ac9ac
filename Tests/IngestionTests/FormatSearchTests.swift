import Foundation
import Testing
import TestSupport

/// Search over the bundled plans as PDF and as DOCX finds what it finds over their plain text: for
/// each query, the same documents under the same heading paths (through the CLI, as a user runs it).
@Suite(.serialized) struct FormatSearchTests {
    static let fixtures = Support.root.appendingPathComponent("Tests/IngestionTests/Fixtures")
    static let queries = ["跨境电商", "海外仓", "服务贸易", "营商环境", "自贸试验区", "数字贸易", "RCEP", "会展"]

    /// An index per format in a temporary folder: the texts (with their catalog) or the fixtures.
    static let indexes: [String: URL] = {
        var out: [String: URL] = [:]
        guard let root = try? Support.temporaryDirectory("format-search") else { return out }
        for format in ["txt", "pdf", "docx"] {
            let dir = root.appendingPathComponent(format)
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let source = format == "txt" ? Support.corpus : fixtures
            for name in CorpusSupport.names {
                try? FileManager.default.copyItem(
                    at: source.appendingPathComponent(name + "." + format), to: dir.appendingPathComponent(name + "." + format))
            }
            let index = root.appendingPathComponent(format + ".index")
            _ = try? Support.run(["index", "--index", index.path, dir.path])
            out[format] = index
        }
        return out
    }()

    struct Hits {
        var total: Int
        /// (document without extension, heading path) of every hit.
        var places: Set<String>
    }

    static func search(_ query: String, format: String) throws -> Hits {
        let index = try #require(indexes[format])
        let out = try Support.run(["search", query, "--all", "--json", "--index", index.path])
        let json = try #require(Support.json(out))
        let hits = try #require(json["hits"] as? [[String: Any]])
        let places = hits.map { h -> String in
            let doc = (h["doc"] as? String ?? "").split(separator: ".").dropLast().joined(separator: ".")
            return doc + " | " + ((h["path"] as? [String]) ?? []).joined(separator: " › ")
        }
        return Hits(total: json["total"] as? Int ?? -1, places: Set(places))
    }

    @Test(arguments: queries, ["pdf", "docx"])
    func sameDocumentsAndPaths(_ query: String, _ format: String) throws {
        let text = try Self.search(query, format: "txt")
        let other = try Self.search(query, format: format)
        #expect(text.total > 0)
        #expect(
            other.places == text.places,
            "\(query) in \(format): only text \(text.places.subtracting(other.places)), only \(format) \(other.places.subtracting(text.places))"
        )
        // A PDF splits a paragraph where a sentence ends at the right margin: a few more passages match.
        #expect(other.total >= text.total && other.total <= text.total + text.total / 5 + 1)
    }
}
