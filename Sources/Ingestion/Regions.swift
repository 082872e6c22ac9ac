/// China's provincial-level divisions and their prefecture-level divisions (GB/T 2260), so that a
/// filter `region:四川` takes in the plans of 成都市, and a document without a catalog region gets one
/// from its own title, issuer or document number (川府发〔2021〕…).
public enum Regions {
    public struct Province: Sendable {
        /// Full name, e.g. 四川省.
        public var name: String
        /// Name without 省/市/自治区, e.g. 四川.
        public var shortName: String
        /// One-character abbreviation used in document numbers, e.g. 川.
        public var abbreviation: String
        /// Prefecture-level divisions: full name and short name.
        public var cities: [(name: String, shortName: String)]
    }

    /// The region of a document that names none in its catalog entry: the first province or city
    /// named in its title or issuer, else the province of a document number (京经信发〔2022〕87号)
    /// in its title or opening text, else 全国 for central-government documents; nil when unknown.
    /// An issuing organ of a county or a city below the tables' level (青州市人民政府办公厅, 都江堰市
    /// 发展和改革局) decides it: its region when the tables know its place, else unknown — its
    /// document numbers use its own code (青政办发 for 青州), whose first character may be a province's.
    public static func infer(title printedTitle: String, issuer printedIssuer: String?, opening printedOpening: [String] = []) -> String? {
        // Place and organ names read in Simplified (重慶市人民政府辦公廳 is 重庆市's).
        let title = ScriptVariants.folded(printedTitle)
        let issuer = printedIssuer.map(ScriptVariants.folded)
        let opening = printedOpening.map(ScriptVariants.folded)
        let text = String(title.prefix(400)) + " " + String((issuer ?? "").prefix(200))
        if let named = firstNamed(in: text) { return named }
        let organLines = [issuer ?? "", title] + opening.prefix(12).filter { $0.count <= 30 }
        if let place = organLines.lazy.compactMap(localOrganPlace).first { return firstNamed(in: place) }
        for line in [title] + opening.filter(isDocumentNumberLine) {
            if let p = provinceOfDocumentNumber(in: line) { return p.name }
        }
        for central in ["中华人民共和国", "国务院", "中共中央", "全国人民代表大会", "中国人民银行", "国家发展改革委", "商务部", "财政部"]
        where text.contains(central) {
            return "全国"
        }
        return nil
    }

    /// The place of a local organ a line starts with: 青州市 of 青州市人民政府办公厅(文件), 都江堰市 of
    /// 都江堰市发展和改革局. Not an addressee list (各设区市人民政府) or a place not named (某市, 本市, 全市).
    static func localOrganPlace(_ line: String) -> String? {
        let s = line.filter { !$0.isWhitespace }
        guard let m = s.prefixMatch(of: localOrgan), let first = m.output.1.first, !"各某本全".contains(first) else { return nil }
        return String(m.output.1)
    }

    private nonisolated(unsafe) static let localOrgan =
        /(\p{Han}{1,6}?(?:市|县|区|旗))(?:人民政府|政府|人大常委会|\p{Han}{0,10}?(?:局|委员会|办公室|办公厅))/

    /// Whether a document of region `region` is selected by the filter value `filter` (both
    /// normalized by the caller): the region names it (成都 in 成都市), or the filter names a
    /// province and the region is one of its cities.
    /// A filter that names a city as well as its province (四川省成都市) selects the city's.
    public static func matches(region: String, filter: String) -> Bool {
        guard !filter.isEmpty else { return false }
        if region.contains(filter) { return true }
        // The filter names a place, and nothing else: 非四川 or 四川重庆 names none (a filter that
        // merely contains a name would select the very place it means to leave out).
        for p in provinces {
            // The city's full name (成都市, 吉林市 — not 吉林, the province), or the province and the city (四川成都).
            for c in p.cities where cityForms(c, of: p).contains(filter) {
                return region.contains(c.name) || (c.shortName.count >= 2 && region.hasPrefix(c.shortName))
            }
        }
        for p in provinces where filter.count >= 2 && p.name.hasPrefix(filter) || filter == p.shortName && p.shortName.count >= 2 {
            if region.contains(p.shortName) { return true }
            if p.cities.contains(where: { region.contains($0.name) || ($0.shortName.count >= 2 && region.hasPrefix($0.shortName)) }) {
                return true
            }
        }
        return false
    }

    /// 成都市, 成都, 四川成都, 四川省成都市 …: the ways a filter names a city (its short name only
    /// where it is not the province's: 吉林 is the province).
    private static func cityForms(_ c: (name: String, shortName: String), of p: Province) -> [String] {
        var forms = [c.name, p.shortName + c.name, p.name + c.name]
        if c.shortName.count >= 2 && c.shortName != p.shortName {
            forms += [c.shortName, p.shortName + c.shortName, p.name + c.shortName]
        }
        return forms
    }

    /// The province a region belongs to (itself for a province), if known.
    public static func province(of region: String) -> Province? {
        provinces.first { p in region.contains(p.shortName) || p.cities.contains { region.contains($0.name) } }
    }

    /// The region of the first province or city named in `text`: one pass over the text, looking
    /// up the names that start with each character.
    static func firstNamed(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for i in scalars.indices {
            guard let candidates = namesByFirst[scalars[i]] else { continue }
            for (name, region) in candidates where scalars[i...].starts(with: name) { return region }
        }
        return nil
    }

    /// Province short names and city names by their first character, longest first.
    private static let namesByFirst: [Unicode.Scalar: [(name: [Unicode.Scalar], region: String)]] = {
        var map: [Unicode.Scalar: [(name: [Unicode.Scalar], region: String)]] = [:]
        for p in provinces {
            for (name, region) in [(p.shortName, p.name)] + p.cities.map({ ($0.name, $0.name) }) {
                let n = Array(name.unicodeScalars)
                map[n[0], default: []].append((n, region))
            }
        }
        return map.mapValues { $0.sorted { $0.name.count > $1.name.count } }
    }()

    /// A line that is a document number of its own (川府发〔2021〕12号, as GB/T 9704 sets it under the
    /// issuer), not a sentence that cites one (…（沪府发〔2021〕15号）): the body's citations name other
    /// documents' issuers and years.
    public static func isDocumentNumberLine(_ line: String) -> Bool { documentNumber(inLine: line) != nil }

    /// The document number of such a line, without its spaces and without what follows it on the
    /// line (川府发〔2021〕12号 of `川府发〔2021〕12号　　签发人：王五`).
    public static func documentNumber(inLine line: String) -> String? {
        let s = line.filter { !$0.isWhitespace }
        guard s.count <= 40, let m = s.prefixMatch(of: /[\p{Han}]{1,12}[〔\[［][0-9]{4}[〕\]］]第?[0-9]+[号號]/) else { return nil }
        return String(m.output)
    }

    /// A decree's number as it is cited, from the opening lines of a regulation published by
    /// decree: 上海市人民政府令 over （第19号） (or on one line, 国务院令第708号; 中华人民共和国主席令
    /// 第六号; 商务部令2019年第1号) → 上海市人民政府令第19号. The decree line is an organ's name and 令
    /// alone, the organ's name ending as an organ's does (or 主席), so a sentence that mentions a
    /// decree, or a heading such as 公布令, is never taken for one.
    public static func decreeNumber(in lines: [String]) -> String? {
        let compact = lines.map { $0.filter { !$0.isWhitespace } }
        for (i, line) in compact.enumerated() {
            guard let m = line.wholeMatch(of: /(\p{Han}{2,20}令)(.*)/),
                (OrganNames.suffixes + ["主席"]).contains(where: m.output.1.dropLast().hasSuffix)
            else { continue }
            let rest = m.output.2.isEmpty && i + 1 < compact.count ? Substring(compact[i + 1]) : m.output.2
            if let n = rest.wholeMatch(of: decreeOrdinal) { return String(m.output.1) + n.output.1 }
        }
        return nil
    }

    private nonisolated(unsafe) static let decreeOrdinal =
        /[（(]?((?:[0-9]{4}年)?第[0-9０-９〇零一二三四五六七八九十百千]+[号號])[）)]?/

    /// GB/T 9704 document numbers start with the issuing organ's code, whose first character is
    /// the province's abbreviation for provincial organs: 川府发〔2021〕12号, 沪府令第19号.
    static func provinceOfDocumentNumber(in line: String) -> Province? {
        // A document number stands near the start of its line; long paragraphs are not read through.
        let s = Array(line.unicodeScalars.prefix(200))
        let isDecree = s.contains("令")
        for (i, c) in s.enumerated() where c == "〔" || c == "[" || (c == "第" && isDecree) {
            // Walk back over the organ code (Han characters) to its first character.
            func isHan(_ k: Int) -> Bool { s[k].value >= 0x4E00 && s[k].value <= 0x9FFF }
            var j = i
            while j > 0, isHan(j - 1), i - j < 8 { j -= 1 }
            // The code stands alone (after a bracket, space or the line start), 2–8 characters.
            guard i - j >= 2, j == 0 || !isHan(j - 1) else { continue }
            let first = String(s[j])
            if let p = provinces.first(where: { $0.abbreviation.contains(first) }) { return p }
        }
        return nil
    }

    private static func province(_ name: String, _ short: String, _ abbreviation: String, _ cities: String) -> Province {
        let list = cities.split(separator: " ").map { entry -> (String, String) in
            let parts = entry.split(separator: ":")
            let full = String(parts[0])
            if parts.count > 1 { return (full, String(parts[1])) }
            for suffix in ["市", "地区", "盟", "林区"] where full.hasSuffix(suffix) && full.count > suffix.count + 1 {
                return (full, String(full.dropLast(suffix.count)))
            }
            return (full, full)
        }
        return Province(name: name, shortName: short, abbreviation: abbreviation, cities: list)
    }

    public static let provinces: [Province] = [
        province("北京市", "北京", "京", ""),
        province("天津市", "天津", "津", ""),
        province("河北省", "河北", "冀", "石家庄市 唐山市 秦皇岛市 邯郸市 邢台市 保定市 张家口市 承德市 沧州市 廊坊市 衡水市"),
        province("山西省", "山西", "晋", "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市"),
        province(
            "内蒙古自治区", "内蒙古", "蒙",
            "呼和浩特市 包头市 乌海市 赤峰市 通辽市 鄂尔多斯市 呼伦贝尔市 巴彦淖尔市 乌兰察布市 兴安盟 锡林郭勒盟 阿拉善盟"),
        province("辽宁省", "辽宁", "辽", "沈阳市 大连市 鞍山市 抚顺市 本溪市 丹东市 锦州市 营口市 阜新市 辽阳市 盘锦市 铁岭市 朝阳市 葫芦岛市"),
        province("吉林省", "吉林", "吉", "长春市 吉林市 四平市 辽源市 通化市 白山市 松原市 白城市 延边朝鲜族自治州:延边"),
        province(
            "黑龙江省", "黑龙江", "黑",
            "哈尔滨市 齐齐哈尔市 鸡西市 鹤岗市 双鸭山市 大庆市 伊春市 佳木斯市 七台河市 牡丹江市 黑河市 绥化市 大兴安岭地区"),
        province("上海市", "上海", "沪", ""),
        province("江苏省", "江苏", "苏", "南京市 无锡市 徐州市 常州市 苏州市 南通市 连云港市 淮安市 盐城市 扬州市 镇江市 泰州市 宿迁市"),
        province("浙江省", "浙江", "浙", "杭州市 宁波市 温州市 嘉兴市 湖州市 绍兴市 金华市 衢州市 舟山市 台州市 丽水市"),
        province(
            "安徽省", "安徽", "皖",
            "合肥市 芜湖市 蚌埠市 淮南市 马鞍山市 淮北市 铜陵市 安庆市 黄山市 滁州市 阜阳市 宿州市 六安市 亳州市 池州市 宣城市"),
        province("福建省", "福建", "闽", "福州市 厦门市 莆田市 三明市 泉州市 漳州市 南平市 龙岩市 宁德市"),
        province("江西省", "江西", "赣", "南昌市 景德镇市 萍乡市 九江市 新余市 鹰潭市 赣州市 吉安市 宜春市 抚州市 上饶市"),
        province(
            "山东省", "山东", "鲁",
            "济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市"),
        province(
            "河南省", "河南", "豫",
            "郑州市 开封市 洛阳市 平顶山市 安阳市 鹤壁市 新乡市 焦作市 濮阳市 许昌市 漯河市 三门峡市 南阳市 商丘市 信阳市 周口市 驻马店市 济源市"),
        province(
            "湖北省", "湖北", "鄂",
            "武汉市 黄石市 十堰市 宜昌市 襄阳市 鄂州市 荆门市 孝感市 荆州市 黄冈市 咸宁市 随州市 恩施土家族苗族自治州:恩施 仙桃市 潜江市 天门市 神农架林区"),
        province(
            "湖南省", "湖南", "湘",
            "长沙市 株洲市 湘潭市 衡阳市 邵阳市 岳阳市 常德市 张家界市 益阳市 郴州市 永州市 怀化市 娄底市 湘西土家族苗族自治州:湘西"),
        province(
            "广东省", "广东", "粤",
            "广州市 韶关市 深圳市 珠海市 汕头市 佛山市 江门市 湛江市 茂名市 肇庆市 惠州市 梅州市 汕尾市 河源市 阳江市 清远市 东莞市 中山市 潮州市 揭阳市 云浮市"
        ),
        province(
            "广西壮族自治区", "广西", "桂",
            "南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市"),
        province("海南省", "海南", "琼", "海口市 三亚市 三沙市 儋州市"),
        province("重庆市", "重庆", "渝", ""),
        province(
            "四川省", "四川", "川蜀",
            "成都市 自贡市 攀枝花市 泸州市 德阳市 绵阳市 广元市 遂宁市 内江市 乐山市 南充市 眉山市 宜宾市 广安市 达州市 雅安市 巴中市 资阳市 "
                + "阿坝藏族羌族自治州:阿坝 甘孜藏族自治州:甘孜 凉山彝族自治州:凉山"),
        province(
            "贵州省", "贵州", "黔贵",
            "贵阳市 六盘水市 遵义市 安顺市 毕节市 铜仁市 黔西南布依族苗族自治州:黔西南 黔东南苗族侗族自治州:黔东南 黔南布依族苗族自治州:黔南"),
        province(
            "云南省", "云南", "滇云",
            "昆明市 曲靖市 玉溪市 保山市 昭通市 丽江市 普洱市 临沧市 楚雄彝族自治州:楚雄 红河哈尼族彝族自治州:红河 文山壮族苗族自治州:文山 "
                + "西双版纳傣族自治州:西双版纳 大理白族自治州:大理 德宏傣族景颇族自治州:德宏 怒江傈僳族自治州:怒江 迪庆藏族自治州:迪庆"),
        province("西藏自治区", "西藏", "藏", "拉萨市 日喀则市 昌都市 林芝市 山南市 那曲市 阿里地区"),
        province("陕西省", "陕西", "陕秦", "西安市 铜川市 宝鸡市 咸阳市 渭南市 延安市 汉中市 榆林市 安康市 商洛市"),
        province(
            "甘肃省", "甘肃", "甘陇",
            "兰州市 嘉峪关市 金昌市 白银市 天水市 武威市 张掖市 平凉市 酒泉市 庆阳市 定西市 陇南市 临夏回族自治州:临夏 甘南藏族自治州:甘南"),
        province(
            "青海省", "青海", "青",
            "西宁市 海东市 海北藏族自治州:海北 黄南藏族自治州:黄南 海南藏族自治州:海南州 果洛藏族自治州:果洛 玉树藏族自治州:玉树 海西蒙古族藏族自治州:海西"),
        province("宁夏回族自治区", "宁夏", "宁", "银川市 石嘴山市 吴忠市 固原市 中卫市"),
        province(
            "新疆维吾尔自治区", "新疆", "新",
            "乌鲁木齐市 克拉玛依市 吐鲁番市 哈密市 昌吉回族自治州:昌吉 博尔塔拉蒙古自治州:博尔塔拉 巴音郭楞蒙古自治州:巴音郭楞 阿克苏地区 "
                + "克孜勒苏柯尔克孜自治州:克孜勒苏 喀什地区 和田地区 伊犁哈萨克自治州:伊犁 塔城地区 阿勒泰地区"),
        province("台湾省", "台湾", "台", ""),
        province("香港特别行政区", "香港", "港", ""),
        province("澳门特别行政区", "澳门", "澳", "")
    ]
}
