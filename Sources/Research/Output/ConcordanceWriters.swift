/// `kwic --format csv`: a header row, then one row per occurrence: doc, title, passage, line, left,
/// match, right, path (headings joined by " › "), page (PDFs; empty otherwise), as `CSV` writes it.
public enum ConcordanceCSV {
    public static func render(_ c: Concordance) -> String {
        let header: [CSV.Cell] = ["doc", "title", "passage", "line", "left", "match", "right", "path", "page"].map(CSV.Cell.text)
        return CSV.render(
            [header]
                + c.lines.map { l in
                    [
                        .text(l.documentName), .text(l.documentTitle), .text(l.passageID), .integer(l.line), .text(l.left), .text(l.match),
                        .text(l.right), .text(l.path.joined(separator: " › ")), l.page.map { .integer($0) } ?? .text("")
                    ]
                })
    }
}

/// `kwic --format json`: an array with one object per occurrence,
/// `{"doc", "title", "passage", "line", "page": int|null, "left", "match", "right", "path": [str]}`.
public struct ConcordanceJSON: Encodable, Sendable {
    struct Line: Encodable {
        var doc: String
        var title: String
        var passage: String
        var line: Int
        var page: Int?
        var left: String
        var match: String
        var right: String
        var path: [String]

        enum CodingKeys: String, CodingKey { case doc, title, passage, line, page, left, match, right, path }

        /// `page` always present, null without pages, as in `search --json`.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(doc, forKey: .doc)
            try c.encode(title, forKey: .title)
            try c.encode(passage, forKey: .passage)
            try c.encode(line, forKey: .line)
            try c.encode(page, forKey: .page)
            try c.encode(left, forKey: .left)
            try c.encode(match, forKey: .match)
            try c.encode(right, forKey: .right)
            try c.encode(path, forKey: .path)
        }
    }

    var lines: [Line]

    public init(_ c: Concordance) {
        lines = c.lines.map {
            Line(
                doc: $0.documentName, title: $0.documentTitle, passage: $0.passageID, line: $0.line, page: $0.page, left: $0.left,
                match: $0.match,
                right: $0.right, path: $0.path)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(lines)
    }
}
