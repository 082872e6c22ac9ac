/// The 落款 of GB/T 9704: the issuing organs and the date under a document's last paragraph
/// (中国人民银行 / 农业农村部 / 2025年7月17日). It signs the whole document, so its lines are filed
/// under the document, not under the last numbered item they follow.
extension StructureBuilder {
    enum SignatureLine {
        case organ, date, note
    }

    /// Whether the lines from `index` are a signature that ends its document: organ names and a
    /// date (at most six lines, the date required), perhaps a bracketed note (（此件公开发布）),
    /// then only the end of the file, an attachment or the 版记 (抄送：…).
    func startsSignature(at index: Int) -> Bool {
        guard let first = Self.signatureLine(lines[index].scalars), first != .note else { return false }
        var dated = false
        var seen = 0
        var j = index
        while j < lines.count {
            let line = lines[j]
            j += 1
            switch line.kind {
            case .blank, .pageMark: continue
            case .text: break
            default: return false
            }
            guard let kind = Self.signatureLine(line.scalars) else {
                return dated && (HeadingParser.parseAttachment(line.scalars) != nil || startsRecordBlock(at: j - 1))
            }
            seen += 1
            guard seen <= 6 else { return false }
            if kind == .date { dated = true }
        }
        return dated
    }

    /// Later lines are the document's own: no heading or box above them.
    mutating func openSignature() {
        flush()
        stack.removeAll()
        box = nil
        boxItemLast = [:]
    }

    /// A line a signature is made of: a date; a bracketed note; or an organ's name — short, no
    /// punctuation, not numbered, ending as organs are named (…局, …厅, …委员会, …人民政府, …银行,
    /// 海关总署; several on a line when cleaning joined them: 中国人民银行农业农村部), perhaps with
    /// the seal's place after it (（盖章）).
    static func signatureLine(_ line: [Unicode.Scalar]) -> SignatureLine? {
        guard line.count >= 2, line.count <= 40 else { return nil }
        if TitleBlock.isDate(line) { return .date }
        if line.first == "（" || line.first == "(", line.last == "）" || line.last == ")" { return .note }
        // The seal's place may be printed after the name: 某市人民政府（盖章）.
        var s = line
        if let open = s.lastIndex(where: { $0 == "（" || $0 == "(" }), s.count - open <= 6, s.last == "）" || s.last == ")",
            s[(open + 1)...].contains(where: { $0 == "章" || $0 == "印" })
        {
            s.removeSubrange(open...)
        }
        guard s.count >= 2, s.count <= 30, let last = s.last, organEndings.contains(last),
            !s.contains(where: { HeadingParser.isSentenceEnd($0) || signaturePunctuation.contains($0) }),
            HeadingParser.parse(s) == nil
        else { return nil }
        return .organ
    }

    private static let organEndings: Set<Unicode.Scalar> = [
        "局", "厅", "委", "办", "府", "室", "会", "院", "部", "处", "心", "行", "署", "所", "社", "组", "司", "馆", "站"
    ]
    private static let signaturePunctuation: Set<Unicode.Scalar> = ["，", "：", ":", ",", "、", "《", "》", "“", "”"]
}
