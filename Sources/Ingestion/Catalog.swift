import Foundation

/// The editable sidecar that gives documents the metadata their text does not print
/// (a title, the issuer, a date, a region): `catalog.json` beside the corpus files,
/// `{ "file-name.txt": { "title": …, "issuer": …, "date": …, "region": … }, … }`.
///
/// A person edits it by hand, so one bad entry or field costs only itself: it is left out and
/// named in `problems`, and the rest of the catalog still applies.
public struct Catalog: Sendable {
    public static let fileName = "catalog.json"
    public static let fields = ["title", "issuer", "date", "region"]
    public var entries: [String: DocumentMetadata]
    /// Entries or fields left out, each with what was wrong (empty for a clean catalog).
    public var problems: [String] = []

    public init(entries: [String: DocumentMetadata] = [:]) { self.entries = entries }

    /// Loads `catalog.json` from `directory`; a missing file is an empty catalog. A file that is not
    /// a JSON object is an error; within it, entries and fields that are not as expected are
    /// left out and listed in `problems`.
    public static func load(directory: URL) throws -> Catalog {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return Catalog() }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) } catch {
            throw CatalogError(path: url.path, reason: (error as NSError).localizedDescription)
        }
        guard let files = object as? [String: Any] else { throw CatalogError(path: url.path, reason: "the top level is not an object") }
        var catalog = Catalog()
        for (file, value) in files.sorted(by: { $0.key < $1.key }) {
            guard let fields = value as? [String: Any] else {
                catalog.problems.append("entry “\(file)” is not an object of fields; left out")
                continue
            }
            catalog.entries[file] = catalog.metadata(file, fields)
        }
        return catalog
    }

    /// One entry's known fields: text, or for the date a number (2021) or YYYY-MM-DD text; anything
    /// else is a problem.
    private mutating func metadata(_ file: String, _ fields: [String: Any]) -> DocumentMetadata {
        var values: [String: String] = [:]
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            guard Self.fields.contains(key) else {
                problems.append("“\(file)”: unknown field “\(key)” ignored (fields: \(Self.fields.joined(separator: ", ")))")
                continue
            }
            switch value {
            case let s as String: values[key] = s
            // A year written as a number; JSON true/false (objCType "c") is not one.
            case let n as NSNumber where key == "date" && String(cString: n.objCType) != "c": values[key] = n.stringValue
            case is NSNull: continue
            default: problems.append("“\(file)”: field “\(key)” is not text; ignored")
            }
        }
        if let date = values["date"], date.wholeMatch(of: /[12][0-9]{3}(-[01]?[0-9](-[0-3]?[0-9])?)?/) == nil {
            problems.append("“\(file)”: date “\(date)” is not YYYY, YYYY-MM or YYYY-MM-DD; ignored")
            values["date"] = nil
        }
        return DocumentMetadata(title: values["title"], issuer: values["issuer"], date: values["date"], region: values["region"])
    }

    public func metadata(for fileName: String) -> DocumentMetadata? { entries[fileName] }
}

public struct CatalogError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): not a valid catalog (expected {\"file.txt\": {\"title\": …}}): \(reason)" }
}
