/// The labelled fields a government page prints about the document (发布机构：成都市人民政府办公厅,
/// 发文字号：…, 成文日期：…), usually in a 信息公开 table above the article. Defined once: the HTML
/// reader keeps rows that carry them (outside the article block too), and the query layer reads
/// issuer, number and date from them where no catalog gives those.
public enum PageFields {
    public static let issuerLabels = ["发布机构", "发文机关", "发文单位", "发布单位", "制发机关"]
    public static let numberLabels = ["发文字号", "文号"]
    public static let dateLabels = ["成文日期", "发文日期", "发布日期", "印发日期"]

    /// Fields analysts cite the item by (索引号 003255001/202306-00021) or file it under: kept with
    /// the others, though nothing is read from them.
    public static let catalogLabels = ["索引号", "信息分类", "主题分类", "组配分类", "体裁分类", "公开方式", "有效性"]

    public static var allLabels: [String] { issuerLabels + numberLabels + dateLabels + catalogLabels }

    /// A saved page's source line under its headline (发布时间：2023-08-15 来源：贵州省商务厅 浏览次数：
    /// 1826 字体：[大 中 小]): where it came from, and counters and buttons nothing is read from. Not
    /// kept by the HTML reader as fields are (they stand in the article block when they matter).
    public static let sourceLabels = ["信息来源", "文章来源", "来源"]
    /// When the page went up (发布时间：2023-08-15 10:30): the date of a page that prints no other.
    public static let publishedLabels = ["发布时间"]
    public static let counterLabels = ["浏览次数", "阅读次数", "访问次数", "点击数", "字体", "字号", "作者", "责任编辑"]

    /// Whether `scalars` (a clean line) holds two labelled fields or more: a page's field line,
    /// which ends where it ends (no paragraph goes on from it).
    public static func isFieldLine(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count(where: { $0 == "：" || $0 == ":" }) >= 2 else { return false }
        let text = String(String.UnicodeScalarView(scalars))
        return (allLabels + sourceLabels + publishedLabels + counterLabels).filter { holds($0, text) }.count >= 2
    }

    /// Whether `text` (spaces removed) holds a label followed by its colon: 发 布 机 构 ： counts.
    public static func labels(_ text: String) -> Bool {
        let compact = String(String.UnicodeScalarView(text.unicodeScalars.filter { !CharacterClass.isSpace($0) }))
        return allLabels.contains { holds($0, compact) }
    }

    /// `label` followed by its colon (full-width or not) in `text`.
    private static func holds(_ label: String, _ text: String) -> Bool {
        text.contains(label + "：") || text.contains(label + ":")
    }
}
