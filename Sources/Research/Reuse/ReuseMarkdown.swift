/// A `ReuseReport` as Markdown (GitHub flavour): ~~removed~~ and **added** in the diff.
public enum ReuseMarkdown {
    public static func render(_ report: ReuseReport) -> String {
        var out = "# \(escape(report.title))\n\n"
        for note in report.notes { out += escape(note) + "\n\n" }
        for group in report.groups {
            out += "## \(escape(group.heading))\n\n"
            for line in group.summary { out += "- \(escape(line))\n" }
            if !group.summary.isEmpty { out += "\n" }
            for (i, p) in group.pairs.enumerated() {
                out += "### \(i + 1). \(p.figuresLine)\n\n"
                for (label, side) in [("A", p.a), ("B", p.b)] {
                    let path = side.path + (side.box.map { [$0] } ?? [])
                    out +=
                        "- \(label): `\(ReuseReport.name(side))`" + (side.title.map { " \(escape($0))" } ?? "")
                        + (path.isEmpty ? "" : " — " + escape(path.joined(separator: " › "))) + "\n"
                }
                out += "\n> " + p.alignment.pieces(p.a.text, p.b.text).map(piece).joined() + "\n\n"
            }
        }
        return out
    }

    static func piece(_ p: Alignment.Piece) -> String {
        switch p {
        case .same(let s): escape(s)
        case .removed(let s): "~~" + escape(s) + "~~"
        case .added(let s): "**" + escape(s) + "**"
        }
    }

    static func format(_ x: Double) -> String { String(format: "%.2f", x) }

    static func escape(_ s: String) -> String { Markdown.escape(s) }
}
