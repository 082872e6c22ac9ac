import Foundation
import ZIPFoundation

/// An Office Open XML workbook (.xlsx) that Excel, WPS and LibreOffice open: the SpreadsheetML
/// parts (ECMA-376) written here, the ZIP container by ZIPFoundation. Numbers are numeric cells,
/// text goes through a shared-string table, a sheet can freeze its first rows and columns.
public struct Workbook: Sendable {
    public enum Cell: Equatable, Sendable {
        case text(String)
        case number(Double)
        /// A number shown with two decimals (the value keeps its precision).
        case decimal(Double)
        case empty

        public static func integer(_ n: Int) -> Cell { .number(Double(n)) }
    }

    public struct Sheet: Sendable {
        public var name: String
        public var rows: [[Cell]]
        /// Rows and columns kept in view while scrolling (the header row, the first column).
        public var frozenRows: Int
        public var frozenColumns: Int
        /// Column widths in characters (Excel's unit); missing columns get the default.
        public var widths: [Double]

        public init(name: String, rows: [[Cell]], frozenRows: Int = 0, frozenColumns: Int = 0, widths: [Double] = []) {
            self.name = name
            self.rows = rows
            self.frozenRows = frozenRows
            self.frozenColumns = frozenColumns
            self.widths = widths
        }
    }

    /// Excel's limits: characters in a cell, rows in a sheet.
    public static let maxCellCharacters = 32_767
    public static let maxRows = 1_048_576

    public var sheets: [Sheet]

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// The .xlsx file.
    public func data(modified: Date = Date()) throws -> Data {
        var strings = SharedStrings()
        let sheetXML = sheets.map { sheet($0, strings: &strings) }
        let archive = try Archive(accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRelationships), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", Self.styles), ("xl/sharedStrings.xml", strings.xml)
        ]
        for (i, xml) in sheetXML.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", xml)) }
        for (path, xml) in parts {
            let bytes = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: modified, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    // MARK: Parts

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var contentTypes: String {
        Self.header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + sheets.indices.map {
                "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined() + "</Types>"
    }

    var rootRelationships: String {
        Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(Self.relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    }

    var workbook: String {
        var used = Set<String>()
        let names = sheets.map { Self.sheetName($0.name, used: &used) }
        return Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheets>"
            + names.enumerated().map { i, n in "<sheet name=\"\(XML.escape(n))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    var workbookRelationships: String {
        let n = sheets.count
        return Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (0..<n).map {
                "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(n + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(n + 2)\" Type=\"\(Self.relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"
    }

    /// Style 0: default; 1: bold (header row); 2: two decimals (rates).
    static let styles =
        header + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

    func sheet(_ s: Sheet, strings: inout SharedStrings) -> String {
        var out =
            Self.header + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relationships)\"><sheetViews><sheetView workbookViewId=\"0\">"
        if s.frozenRows > 0 || s.frozenColumns > 0 {
            let corner = Self.reference(row: s.frozenRows, column: s.frozenColumns)
            let pane = s.frozenRows > 0 && s.frozenColumns > 0 ? "bottomRight" : s.frozenRows > 0 ? "bottomLeft" : "topRight"
            out += "<pane"
            if s.frozenColumns > 0 { out += " xSplit=\"\(s.frozenColumns)\"" }
            if s.frozenRows > 0 { out += " ySplit=\"\(s.frozenRows)\"" }
            out +=
                " topLeftCell=\"\(corner)\" activePane=\"\(pane)\" state=\"frozen\"/><selection pane=\"\(pane)\" activeCell=\"\(corner)\" sqref=\"\(corner)\"/>"
        }
        out += "</sheetView></sheetViews>"
        if !s.widths.isEmpty {
            out +=
                "<cols>"
                + s.widths.enumerated().map { "<col min=\"\($0 + 1)\" max=\"\($0 + 1)\" width=\"\($1)\" customWidth=\"1\"/>" }.joined()
                + "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in s.rows.prefix(Self.maxRows).enumerated() {
            out += "<row r=\"\(r + 1)\">"
            for (c, cell) in row.enumerated() {
                let ref = Self.reference(row: r, column: c)
                let style = r < s.frozenRows ? " s=\"1\"" : ""
                switch cell {
                case .empty: continue
                case .number(let x): out += "<c r=\"\(ref)\"\(style)><v>\(Self.number(x))</v></c>"
                case .decimal(let x): out += "<c r=\"\(ref)\" s=\"2\"><v>\(Self.number(x))</v></c>"
                case .text(let t): out += "<c r=\"\(ref)\" t=\"s\"\(style)><v>\(strings.index(t))</v></c>"
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// A1-style reference of a 0-based cell.
    static func reference(row: Int, column: Int) -> String {
        var letters = ""
        var c = column + 1
        while c > 0 {
            let r = (c - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            c = (c - 1) / 26
        }
        return letters + String(row + 1)
    }

    static func number(_ x: Double) -> String {
        x.isFinite ? (x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)) : "0"
    }

    /// Sheet names: at most 31 characters, none of []:*?/\, unique.
    static func sheetName(_ name: String, used: inout Set<String>) -> String {
        var base = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        if base.isEmpty { base = "Sheet" }
        var candidate = base
        var n = 2
        while used.contains(candidate.lowercased()) {
            candidate = String(base.prefix(31 - " (\(n))".count)) + " (\(n))"
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    struct SharedStrings {
        private var table: [String: Int] = [:]
        private var items: [String] = []
        private var uses = 0

        mutating func index(_ s: String) -> Int {
            uses += 1
            if let i = table[s] { return i }
            table[s] = items.count
            items.append(s)
            return items.count - 1
        }

        var xml: String {
            Workbook.header + "<sst xmlns=\"\(Workbook.main)\" count=\"\(uses)\" uniqueCount=\"\(items.count)\">"
                + items.map { s in
                    let text =
                        s.unicodeScalars.count > Workbook.maxCellCharacters
                        ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(Workbook.maxCellCharacters - 1))) + "…" : s
                    return "<si><t xml:space=\"preserve\">\(XML.escape(text))</t></si>"
                }.joined() + "</sst>"
        }
    }
}

/// Text inside XML 1.0 element content and attribute values.
enum XML {
    /// Escapes markup characters and drops the characters XML 1.0 cannot carry at all (C0 controls
    /// other than tab and line ends, U+FFFE, U+FFFF), which a damaged document could contain.
    static func escape(_ s: String) -> String {
        HTML.escape(
            String(
                String.UnicodeScalarView(
                    s.unicodeScalars.filter { c in
                        c == "\t" || c == "\n" || c == "\r" || !(c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF)
                    })))
    }
}
