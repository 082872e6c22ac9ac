/// Organs' names as official documents print them: how a name ends (…局, …厅, …人民政府), and joint
/// issuers that cleaning ran together (中国人民银行 农业农村部, set apart by a space in a title or
/// by a line in a signature, become 中国人民银行农业农村部 once spaces beside Chinese are dropped).
public enum OrganNames {
    public static let suffixes = [
        "政府", "办公厅", "办公室", "委员会", "委", "局", "厅", "部", "院", "署", "办", "银行", "中心", "总局", "联合会", "协会"
    ]

    /// Joint issuers that cleaning ran together (中国人民银行 农业农村部 → 中国人民银行农业农村部, as
    /// titles and signatures set them apart by a space or a line) listed with 、: split where both
    /// sides are organs' names of four characters or more and the second is no office of the first
    /// (国务院办公厅, 四川省人民政府办公厅 stay whole; 财政部 / 商务部, three characters, are not split
    /// off), and the second is no local office of the first (`isBranch`).
    public static func listed(_ name: String, separator: String = "、") -> String {
        // Read in Simplified (中國人民銀行 ends as 中国人民银行 does), the names kept as printed.
        let folded = ScriptVariants.folded(name)
        let result = split(folded, separator: separator)
        guard folded != name, result != folded else { return result == folded ? name : result }
        let f = Array(folded), p = Array(name)
        var out = ""
        var i = 0
        for r in result {
            if i < f.count, r == f[i] {
                out.append(p[i])
                i += 1
            } else {
                while i < f.count, f[i] == " " { i += 1 }  // the spaces a separator replaced
                out.append(r)
            }
        }
        return out
    }

    private static func split(_ name: String, separator: String) -> String {
        // Organs a source already set apart by spaces take the separator too.
        let spaced = name.split(separator: " ").map(String.init)
        if spaced.count > 1 {
            return spaced.allSatisfy { p in suffixes.contains(where: p.hasSuffix) } ? spaced.joined(separator: separator) : name
        }
        let s = Array(name)
        guard s.count >= 8, !name.contains("、") else { return name }
        for cut in stride(from: s.count - 4, through: 4, by: -1) {
            let head = String(s[..<cut]), tail = String(s[cut...])
            guard suffixes.contains(where: head.hasSuffix), !subunits.contains(where: tail.hasPrefix), !isBranch(tail, of: head)
            else { continue }
            let rest = split(tail, separator: separator)
            if rest != tail || suffixes.contains(where: tail.hasSuffix) { return split(head, separator: separator) + separator + rest }
        }
        return name
    }

    /// A national organ's local office (国家税务总局四川省税务局): the tail names a place, the head none.
    static func isBranch(_ tail: String, of head: String) -> Bool {
        let places: Set<Character> = ["省", "市", "区", "县", "州"]
        return tail.prefix(6).contains(where: places.contains) && !head.contains(where: places.contains)
    }

    /// What follows an organ's name as its own office, not another organ.
    static let subunits = ["办公", "委员会", "总局", "中心", "分行", "机关", "党组"]

    /// A title opening with joint issuers run together (云南省商务厅云南省财政厅关于…) with the space
    /// its source set between them back (云南省商务厅 云南省财政厅关于…).
    public static func spacedTitle(_ title: String) -> String {
        guard let cut = title.firstRange(of: /关于|印发|转发|联合印发/)?.lowerBound, title.distance(from: title.startIndex, to: cut) <= 60 else {
            return title
        }
        let issuers = listed(String(title[..<cut]), separator: " ")
        return issuers.contains(" ") ? issuers + title[cut...] : title
    }
}
