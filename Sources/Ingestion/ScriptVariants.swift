/// Traditional script read as Simplified by the structure rules, one character for one: a plan
/// printed in Traditional characters (第一節, 第三條, 專欄 2, 附錄1, 導言, …實施意見) has the same
/// outline as its Simplified twin. Only recognition reads the folded form: every text the
/// document keeps (titles, passages) stays as printed, and search folds scripts on its own
/// (`TraditionalFolding`).
///
/// The table holds the Traditional forms (OpenCC's t2s, one character at a time, variants included:
/// 為 and 爲, 裡 and 裏) of every character the rules' literals were written in when it was made;
/// other characters are left as they are. `TraditionalStructureTests` checks each pair against
/// OpenCC and the outline of a Traditional copy of every bundled and development document.
public enum ScriptVariants {
    static let traditional = """
        亞佈來侷係俬們倫備傢傳內別則剋劃務區協吳呂員問單囌國圖垻報壩壯婁寧寶專導屆岡峯島峽崑崗嶺嶽巖廈廢廣廳張彆彔彥彿後復慶懞懷
        掃揚撫擊據數於旂時晉書會朮東條棗構樂樑標樹機檯欄權欽決涼準溫滄滬漢潛澤濛濟濰濱瀋瀏瀘灣為烏無煙營爲爾瑪瓊甦甯畢發盤眞矇確
        碼礙稱節範粵糾紀約紅納細紹組結綏維綱網綿編縣縮總繫義聞聯聲肅脩臨臺與興舘荊莊華菸蒐蓆蕪薩蘆蘇蘭處號術衕衛裏裡製複見規覽訂
        計記訪許註証話認語說説請講證識議護讀貝財貢責貴賀資賓贛輯輸轉辦農迴連週運過達遠遷遼邊郵鄉鄭鄲銀銅錄錦錫錯録錶鎭鎮鏈鐵長門
        閉開間閤閩閱閲關陝陽隨隱隴雙雞雲電韆頁頂項順頒頗頭題類颱餘館饒馬駐體髮鬆魯鮮鴨鶴鷄鷹鹹鹽麗麪麫麯麴麵黃點黨齊齣龍
        """
    static let simplified = """
        亚布来局系私们伦备家传内别则克划务区协吴吕员问单苏国图坝报坝壮娄宁宝专导届冈峰岛峡昆岗岭岳岩厦废广厅张别录彦佛后复庆蒙怀
        扫扬抚击据数于旗时晋书会术东条枣构乐梁标树机台栏权钦决凉准温沧沪汉潜泽蒙济潍滨沈浏泸湾为乌无烟营为尔玛琼苏宁毕发盘真蒙确
        码碍称节范粤纠纪约红纳细绍组结绥维纲网绵编县缩总系义闻联声肃修临台与兴馆荆庄华烟搜席芜萨芦苏兰处号术同卫里里制复见规览订
        计记访许注证话认语说说请讲证识议护读贝财贡责贵贺资宾赣辑输转办农回连周运过达远迁辽边邮乡郑郸银铜录锦锡错录表镇镇链铁长门
        闭开间合闽阅阅关陕阳随隐陇双鸡云电千页顶项顺颁颇头题类台余馆饶马驻体发松鲁鲜鸭鹤鸡鹰咸盐丽面面曲曲面黄点党齐出龙
        """

    private static let table: [Unicode.Scalar: Unicode.Scalar] = {
        let t = traditional.unicodeScalars.filter { $0.value >= 0x3400 }
        let s = simplified.unicodeScalars.filter { $0.value >= 0x3400 }
        precondition(t.count == s.count, "ScriptVariants: the two rows differ in length")
        return Dictionary(zip(t, s), uniquingKeysWith: { a, _ in a })
    }()

    /// The Simplified form of `c` as the rules read it (itself when it has none).
    @inline(__always)
    static func folded(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value < 0x3400 ? c : table[c] ?? c
    }

    /// Each character folded: the same length, so an index into one is an index into the other.
    static func folded<C: Collection<Unicode.Scalar>>(_ s: C) -> [Unicode.Scalar] { s.map(folded) }

    public static func folded(_ s: String) -> String { String(scalars: folded(s.unicodeScalars)) }

    /// `read` applied to `line` as the rules read it (folded), its answer given back in the line's
    /// own characters where it is a piece of the line: folding changes only ideographs, each three
    /// bytes of UTF-8 before and after, so a piece lies at the same offsets in both.
    public static func asPrinted(_ line: String, _ read: (String) -> String?) -> String? {
        let folded = folded(line)
        guard let found = read(folded) else { return nil }
        guard folded != line, let r = folded.range(of: found) else { return found }
        let from = folded.utf8.distance(from: folded.startIndex, to: r.lowerBound)
        return String(decoding: line.utf8.dropFirst(from).prefix(found.utf8.count), as: UTF8.self)
    }
}
