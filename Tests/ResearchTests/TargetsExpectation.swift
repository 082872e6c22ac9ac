import Foundation
import Index
import Query
import Research
import Testing

/// Indicator rows written by reading a table, and the comparison with what `targets` read.
enum TargetsExpectation {
    struct Row: Sendable, CustomStringConvertible {
        var line: Int
        var category: String?
        var indicator: String
        var unit: String?
        var baseline: String?
        var target: String?
        var extra: String?
        var value: Double?

        init(
            _ line: Int, _ category: String?, _ indicator: String, _ unit: String?, _ baseline: String?, _ target: String?,
            _ extra: String?, _ value: Double?
        ) {
            self.line = line
            self.category = category
            self.indicator = indicator
            self.unit = unit
            self.baseline = baseline
            self.target = target
            self.extra = extra
            self.value = value
        }

        var description: String { "line \(line) \(indicator)" }
    }

    /// The index's cleaning of printed text, restated for the tests (README, "Matching and
    /// counting"): a run of spaces next to a Chinese character goes; other spaces stay.
    static func cleaned(_ s: String?) -> String? {
        guard let s else { return nil }
        let chars = Array(s)
        func han(_ c: Character?) -> Bool {
            guard let v = c?.unicodeScalars.first?.value else { return false }
            return (0x3400...0x9FFF).contains(v) || (0x3000...0x303F).contains(v) || (0xFF00...0xFFEF).contains(v)
                || (0x2000...0x206F).contains(v)
        }
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i] == " " {
                var j = i
                while j < chars.count, chars[j] == " " { j += 1 }
                if !(han(out.last) || han(j < chars.count ? chars[j] : nil)) { out += " " }
                i = j
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Every row read equals the row written, in order; each cites a passage that holds the row's
    /// source line, and its line is that passage's first.
    static func check(_ actual: [IndicatorRow], _ expected: [Row], reader: IndexReader) {
        #expect(actual.count == expected.count, "rows read: \(actual.map(\.indicator))")
        for (a, e) in zip(actual, expected) {
            #expect(a.indicator == cleaned(e.indicator)!, "\(e)")
            #expect(a.category == cleaned(e.category), "\(e)")
            #expect(a.unit == cleaned(e.unit), "\(e)")
            #expect(a.baseline == cleaned(e.baseline), "\(e)")
            #expect(a.target == cleaned(e.target), "\(e)")
            #expect(a.extra == cleaned(e.extra), "\(e)")
            #expect(a.value == e.value, "\(e)")
            if let id = try? PassageReference.resolve(a.passage, in: reader), let record = try? reader.passageRecord(id) {
                #expect(
                    record.firstLine <= e.line && e.line <= record.lastLine,
                    "\(e): passage \(a.passage) lines \(record.firstLine)–\(record.lastLine)")
                #expect(a.line == record.firstLine, "\(e)")
            } else {
                Issue.record("\(e): passage \(a.passage) does not resolve")
            }
        }
    }
}
