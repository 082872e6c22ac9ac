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
    /// Traditional and Simplified, a pair per two characters.
    static let pairs = """
        亞亚 佈布 來来 侷局 係系 俬私 們们 倫伦 備备 傢家 傳传 內内 別别 則则 剋克 劃划 務务 區区 協协 吳吴 呂吕 員员 問问 單单
        囌苏 國国 圖图 垻坝 報报 壩坝 壯壮 婁娄 寧宁 寶宝 專专 導导 屆届 岡冈 峯峰 島岛 峽峡 崑昆 崗岗 嶺岭 嶽岳 巖岩 廈厦 廢废
        廣广 廳厅 張张 彆别 彔录 彥彦 彿佛 後后 復复 慶庆 懞蒙 懷怀 掃扫 揚扬 撫抚 擊击 據据 數数 於于 旂旗 時时 晉晋 書书 會会
        朮术 東东 條条 棗枣 構构 樂乐 樑梁 標标 樹树 機机 檯台 欄栏 權权 欽钦 決决 涼凉 準准 溫温 滄沧 滬沪 漢汉 潛潜 澤泽 濛蒙
        濟济 濰潍 濱滨 瀋沈 瀏浏 瀘泸 灣湾 為为 烏乌 無无 煙烟 營营 爲为 爾尔 瑪玛 瓊琼 甦苏 甯宁 畢毕 發发 盤盘 眞真 矇蒙 確确
        碼码 礙碍 稱称 節节 範范 粵粤 糾纠 紀纪 約约 紅红 納纳 細细 紹绍 組组 結结 綏绥 維维 綱纲 網网 綿绵 編编 縣县 縮缩 總总
        繫系 義义 聞闻 聯联 聲声 肅肃 脩修 臨临 臺台 與与 興兴 舘馆 荊荆 莊庄 華华 菸烟 蒐搜 蓆席 蕪芜 薩萨 蘆芦 蘇苏 蘭兰 處处
        號号 術术 衕同 衛卫 裏里 裡里 製制 複复 見见 規规 覽览 訂订 計计 記记 訪访 許许 註注 証证 話话 認认 語语 說说 説说 請请
        講讲 證证 識识 議议 護护 讀读 貝贝 財财 貢贡 責责 貴贵 賀贺 資资 賓宾 贛赣 輯辑 輸输 轉转 辦办 農农 迴回 連连 週周 運运
        過过 達达 遠远 遷迁 遼辽 邊边 郵邮 鄉乡 鄭郑 鄲郸 銀银 銅铜 錄录 錦锦 錫锡 錯错 録录 錶表 鎭镇 鎮镇 鏈链 鐵铁 長长 門门
        閉闭 開开 間间 閤合 閩闽 閱阅 閲阅 關关 陝陕 陽阳 隨随 隱隐 隴陇 雙双 雞鸡 雲云 電电 韆千 頁页 頂顶 項项 順顺 頒颁 頗颇
        頭头 題题 類类 颱台 餘余 館馆 饒饶 馬马 駐驻 體体 髮发 鬆松 魯鲁 鮮鲜 鴨鸭 鶴鹤 鷄鸡 鷹鹰 鹹咸 鹽盐 麗丽 麪面 麫面 麯曲
        麴曲 麵面 黃黄 點点 黨党 齊齐 齣出 龍龙
        """

    /// Indexed by code point − 0x3400 (the pairs' characters all lie in 0x3400 ..< 0xA000): one array
    /// read per ideograph, which every structure rule pays on every line it reads.
    private static let table: [Unicode.Scalar] = {
        var table = (0x3400..<0xA000).map { Unicode.Scalar($0)! }
        let ideographs = Array(pairs.unicodeScalars.filter { $0.value >= 0x3400 })
        for k in stride(from: 0, to: ideographs.count - 1, by: 2) { table[Int(ideographs[k].value) - 0x3400] = ideographs[k + 1] }
        return table
    }()

    /// The Simplified form of `c` as the rules read it (itself when it has none).
    @inline(__always)
    static func folded(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c.value < 0x3400 || c.value >= 0xA000 ? c : table[Int(c.value) &- 0x3400]
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
