import Analysis
import Ingestion
import Query

/// Indicator rows of several plans lined up by indicator: one line per indicator, one column per
/// document. Names are compared as text is searched — cleaned, normalized (NFKC, case, dash and
/// quote variants, Traditional → Simplified) — with each form of a synonym group read as the
/// group's first (跨境电子商务交易额 and 跨境电商交易额 line up); a bracketed unit was already split off.
public struct IndicatorAlignment: Sendable {
    public struct Line: Sendable {
        /// The name as the first plan to list it prints it.
        public var indicator: String
        public var key: String
        /// Per column: the row of that document, if it lists the indicator.
        public var cells: [IndicatorRow?]
        /// The unit every listed row gives, when they agree.
        public var unit: String? {
            let units = Set(cells.compactMap { $0 }.map { $0.unit ?? "" })
            return units.count == 1 ? units.first.flatMap { $0.isEmpty ? nil : $0 } : nil
        }
        /// How many documents list it.
        public var documents: Int { cells.compactMap { $0 }.count }
    }

    /// The columns: documents with at least one of the tables, in catalog order (name, title).
    public var columns: [(name: String, title: String)]
    public var lines: [Line]
    /// The comparison key of every indicator name of the tables.
    public var keys: [String: String]

    public init(_ tables: [IndicatorTable], order: [String], synonyms: SynonymTable?) {
        var names: [String] = []
        var titles: [String: String] = [:]
        for t in tables where titles[t.documentName] == nil {
            titles[t.documentName] = t.documentTitle
            names.append(t.documentName)
        }
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        names.sort { (rank[$0] ?? Int.max, $0) < (rank[$1] ?? Int.max, $1) }
        columns = names.map { ($0, titles[$0]!) }
        let column = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let keys = IndicatorKey(synonyms: synonyms)
        var lines: [Line] = []
        var keyOf: [String: String] = [:]
        var linesOfKey: [String: [Int]] = [:]
        let ordered = tables.sorted { column[$0.documentName]! < column[$1.documentName]! }
        for t in ordered {
            let c = column[t.documentName]!
            for row in t.rows {
                let key = keyOf[row.indicator] ?? keys.key(row.indicator)
                keyOf[row.indicator] = key
                // A second row of the same indicator in one document takes the next free line.
                if let free = linesOfKey[key, default: []].first(where: { lines[$0].cells[c] == nil }) {
                    lines[free].cells[c] = row
                } else {
                    var cells = [IndicatorRow?](repeating: nil, count: names.count)
                    cells[c] = row
                    linesOfKey[key, default: []].append(lines.count)
                    lines.append(Line(indicator: row.indicator, key: key, cells: cells))
                }
            }
        }
        self.lines = lines
        self.keys = keyOf
    }
}

/// The comparison key of an indicator name.
struct IndicatorKey {
    let normalizer = Normalizer()
    /// Normalized forms, longest first, each with its group's first form.
    let forms: [(form: [UInt32], canonical: [UInt32])]

    init(synonyms: SynonymTable?) {
        var forms: [(form: [UInt32], canonical: [UInt32])] = []
        for g in synonyms?.groups ?? [] {
            guard let first = g.normalized.first else { continue }
            for n in g.normalized where !n.isEmpty { forms.append((n, first)) }
        }
        self.forms = forms.sorted { $0.form.count > $1.form.count }
    }

    func key(_ name: String) -> String {
        let text = normalizer.fold(TypedText.clean(name)).filter { $0 != 0x20 }
        var out: [UInt32] = []
        var i = 0
        scan: while i < text.count {
            for f in forms where i + f.form.count <= text.count && text[i..<(i + f.form.count)].elementsEqual(f.form) {
                out += f.canonical
                i += f.form.count
                continue scan
            }
            out.append(text[i])
            i += 1
        }
        return String(String.UnicodeScalarView(out.compactMap(Unicode.Scalar.init)))
    }
}
