import Analysis

/// `targets --format csv`: the aligned view as a spreadsheet: one row per indicator (the same
/// indicator of several plans on one row), then per document its unit, baseline, target (or
/// achieved value) and extra column, as `CSV` writes them (UTF-8 with BOM, CRLF, RFC 4180).
public enum TargetsCSV {
    public static func render(_ a: IndicatorAlignment, kind: IndicatorTable.Kind = .target) -> String {
        var header: [CSV.Cell] = [.text("indicator")]
        // A title two columns share (a draft and its final version) is told apart by file name, as `report` does.
        let titles = Dictionary(a.columns.map { ($0.title, 1) }, uniquingKeysWith: +)
        for c in a.columns {
            let label = titles[c.title]! > 1 ? "\(c.title) (\(c.name))" : c.title
            header += ["unit", "baseline", kind.rawValue, "extra"].map { CSV.Cell.text(label + " " + $0) }
        }
        var rows: [[CSV.Cell]] = [header]
        for line in a.lines {
            var row: [CSV.Cell] = [.text(line.indicator)]
            for cell in line.cells {
                let main = kind == .target ? cell?.target : cell?.achieved
                row += [cell?.unit, cell?.baseline, main, cell?.extra].map { cellOf($0 ?? "") }
            }
            rows.append(row)
        }
        return CSV.render(rows)
    }

    /// A number or a lone dash cannot run as a formula, so it is written as printed (-, -3.5);
    /// other text goes through `CSV`'s defusing.
    static func cellOf(_ s: String) -> CSV.Cell {
        let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        let numeric = !body.isEmpty && body.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } && body.first != "."
        return s == "-" || numeric ? .number(s) : .text(s)
    }
}

/// `targets` on a terminal: the documents with their tables, then one line per indicator with each
/// plan's `baseline → target` in its column, aligned in display columns (CJK characters take two).
public enum TargetsText {
    /// - Parameters:
    ///   - kind: what was asked for (targets, or achieved values with `--achieved`): `tables` are
    ///     of that kind, `left` of the other.
    public static func render(
        _ a: IndicatorAlignment, tables: [IndicatorTable], left: [IndicatorTable], kind: IndicatorTable.Kind, documents: Int
    ) -> String {
        let noun = kind == .target ? "indicator table" : "table of achieved values"
        let plural = kind == .target ? "indicator tables" : "tables of achieved values"
        let rowCount = tables.reduce(0) { $0 + $1.rows.count }
        if tables.isEmpty {
            var out = "No \(noun) in \(documents == 1 ? "the document" : "the \(documents) documents")"
            if !left.isEmpty {
                let other = kind == .target ? "table" : "indicator table"
                out += "; \(left.count) \(other)\(left.count == 1 ? "" : "s")"
                out +=
                    kind == .target
                    ? " of achieved values (--achieved lists \(left.count == 1 ? "it" : "them"))"
                    : " (listed without --achieved)"
            }
            return out + ".\n"
        }
        var out =
            "\(tables.count) \(tables.count == 1 ? noun : plural) in \(a.columns.count) of \(documents) document\(documents == 1 ? "" : "s"): "
            + "\(rowCount) row\(rowCount == 1 ? "" : "s")"
        if !left.isEmpty {
            let other = kind == .target ? "table of achieved values" : "indicator table"
            out += "; \(left.count) \(other)\(left.count == 1 ? "" : "s") not listed"
            out += kind == .target ? " (--achieved lists \(left.count == 1 ? "it" : "them"))" : ""
        }
        out += "\n"
        guard !a.lines.isEmpty else { return out }
        out += "\n"
        for (i, c) in a.columns.enumerated() {
            out += "[\(i + 1)] \(Self.flat(c.title))  \(c.name)\n"
            for t in tables where t.documentName == c.name {
                let columns = [t.baselineColumn, t.targetColumn].compactMap { $0 }.joined(separator: " → ")
                out += "    \(Self.flat(t.box ?? "(no caption)")) · line \(t.line) · \(columns) · \(counted(t.rows.count, "row"))\n"
                for note in t.notes { out += "    \(Self.flat(note))\n" }
            }
        }
        out += "\n" + matrix(a, kind: kind)
        if a.lines.contains(where: { $0.cells.contains { $0?.complete == false } }) {
            out +=
                "\n* fewer cells read than the table has columns (extraction joined two of them): placed left to right, they may stand in the wrong column\n"
        }
        return out
    }

    private static func matrix(_ a: IndicatorAlignment, kind: IndicatorTable.Kind) -> String {
        var rows: [[String]] = [["indicator", "unit"] + a.columns.indices.map { "[\($0 + 1)]" }]
        for line in a.lines {
            let shared = line.unit
            rows.append(
                [flat(line.indicator), shared ?? ""]
                    + line.cells.map { cell in
                        guard let cell else { return "" }
                        let main = (kind == .target ? cell.target : cell.achieved) ?? "—"
                        var s = cell.baseline.map { $0 + " → " + main } ?? main
                        if shared == nil, let u = cell.unit { s += " " + u }
                        return flat(s) + (cell.complete ? "" : " *")
                    })
        }
        let widths = rows[0].indices.map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return rows.map { row in
            var line = row.enumerated().map { c, s in DisplayWidth.pad(s, to: widths[c], alignRight: c >= 2) }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line + "\n"
        }.joined()
    }

    /// One line: line breaks and other control characters as spaces.
    static func flat(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}
