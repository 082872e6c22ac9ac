import Foundation

/// The editable sidecar that gives documents the metadata their text does not print
/// (a title, the issuer, a date, a region): `catalog.json` beside the corpus files,
/// `{ "file-name.txt": { "title": …, "issuer": …, "date": …, "region": … }, … }`.
public struct Catalog: Sendable {
    public static let fileName = "catalog.json"
    public var entries: [String: DocumentMetadata]

    public init(entries: [String: DocumentMetadata] = [:]) { self.entries = entries }

    /// Loads `catalog.json` from `directory`; a missing file is an empty catalog, a malformed one an error.
    public static func load(directory: URL) throws -> Catalog {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return Catalog() }
        do {
            let data = try Data(contentsOf: url)
            return Catalog(entries: try JSONDecoder().decode([String: DocumentMetadata].self, from: data))
        } catch {
            throw CatalogError(path: url.path, reason: "\(error)")
        }
    }

    public func metadata(for fileName: String) -> DocumentMetadata? { entries[fileName] }
}

public struct CatalogError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): not a valid catalog (expected {\"file.txt\": {\"title\": …}}): \(reason)" }
}
