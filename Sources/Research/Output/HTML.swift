/// HTML output in one place: every piece of document text, query text and file name that goes
/// into a page passes through `escape`, so a passage containing `<script>` renders as text.
public enum HTML {
    /// Escapes the five characters that matter in element content and quoted attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// `text` with the code-point ranges in `marks` wrapped in `<mark>`, everything escaped.
    /// Ranges must be ascending and non-overlapping.
    public static func marked(_ text: String, _ marks: [Range<Int>]) -> String {
        let scalars = Array(text.unicodeScalars)
        func piece(_ r: Range<Int>) -> String { escape(String(String.UnicodeScalarView(scalars[r]))) }
        var out = ""
        var i = 0
        for m in marks where m.lowerBound >= i && m.upperBound <= scalars.count {
            out += piece(i..<m.lowerBound) + "<mark>" + piece(m) + "</mark>"
            i = m.upperBound
        }
        return out + piece(i..<scalars.count)
    }

    /// A complete, self-contained page (no network): UTF-8, system CJK fonts, print-friendly, and
    /// XHTML-compatible syntax (void elements closed), so an XML parser can check it. `style` adds rules
    /// to the shared stylesheet.
    public static func page(title: String, body: String, style: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(escape(title))</title>
        <style>\(stylesheet)\(style)</style>
        </head><body>
        \(body)
        </body></html>

        """
    }

    /// A heat-map background for a cell holding `value` out of `maximum`: white at 0, deepening on a
    /// square-root scale (counts are skewed), printed as shown (`print-color-adjust`).
    public static func heat(_ value: Double, maximum: Double) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let t = (min(value, maximum) / maximum).squareRoot()
        let channel = { (from: Double, to: Double) in Int((from + (to - from) * t).rounded()) }
        return "background:rgb(\(channel(255, 230)),\(channel(255, 120)),\(channel(255, 50)))"
    }

    /// Shared styles for exported reports: readable Chinese text on screen and on paper.
    public static let stylesheet = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;\
        line-height:1.7;max-width:72rem;margin:1.5rem auto;padding:0 1rem;color:#1a1a1a}
        table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top}
        th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}
        mark{background:#ffe08a;padding:0 .1em}.path{color:#555;font-size:.9em}.meta{color:#777;font-size:.85em}
        ins{background:#d7f5d7;text-decoration:none}del{background:#f8d4d4}
        @media print{body{max-width:none;margin:0}a{color:inherit;text-decoration:none}}
        """
}
