import Foundation
import Index
import Query
import Research
import TestSupport

/// Indicator tables written for the `targets` suites in layouts the bundled plans do not show, as
/// other extractions print them: tab-separated with a page break, a repeated header, a category
/// printed beside the middle row of its group, a 2035 column and a footnote; PDF text with cells
/// separated by spaces and a name wrapped over two lines, without 序号; one cell per line as HTML
/// and DOCX extraction give, with a target column only; a Markdown table headed 基期值/目标值 in a
/// plan dated by its catalog entry, and a table of achieved values; and tables that are not
/// indicator tables (a project list, a table of figures in prose).
enum TargetsFixture {
    static let files: [(name: String, title: String, date: String?, text: String)] = [
        ("logistics-tabs.txt", "示例市“十四五”现代物流发展规划", nil, logistics),
        ("opening-spaces.txt", "乙省“十四五”对外开放发展规划", "2021-09", opening),
        ("commerce-cells.txt", "丙市“十四五”商务发展规划", nil, commerce),
        ("county-markdown.md", "丁县商贸流通体系建设实施方案", "2022-03", county),
        ("services-joined.txt", "戊市“十四五”服务贸易发展规划", nil, servicesJoined),
        ("outline-tabs.txt", "己省国民经济和社会发展第十四个五年规划纲要", nil, outlineTabs),
        ("outline-spaces.txt", "庚省国民经济和社会发展第十四个五年规划纲要", nil, outlineSpaces),
        ("two-row-header.txt", "辛市“十四五”商务发展规划", nil, twoRowHeader),
        ("outlook-column.txt", "壬市“十四五”现代服务业发展规划", nil, outlookColumn)
    ]

    static let corpus: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("policy-search-targets-fixture-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var catalog: [String: [String: String]] = [:]
        for f in files {
            try! Support.write(f.text, to: dir.appendingPathComponent(f.name))
            catalog[f.name] = ["title": f.title].merging(f.date.map { ["date": $0] } ?? [:]) { a, _ in a }
        }
        try! JSONSerialization.data(withJSONObject: catalog, options: [.sortedKeys]).write(to: dir.appendingPathComponent("catalog.json"))
        return dir
    }()
    static let index: URL = ResearchFixture.build([corpus], "targets-fixture")
    static let reader = try! IndexReader(directory: index)

    /// A header in two rows, as a merged cell prints it: 指标值 spans 2020年 and 2025年 of the row under it.
    static let twoRowHeader = """
        辛市“十四五”商务发展规划

        二、发展目标

        到2025年，全市社会消费品零售总额达到500亿元。

        专栏1 “十四五”商务发展主要指标

        序号\t指标\t单位\t指标值\t\t属性
        \t\t\t2020年\t2025年\t
        1\t社会消费品零售总额\t亿元\t336.4\t500\t预期性
        2\t进出口总额\t亿美元\t2.1\t4\t预期性
        3\t茶叶出口额\t万美元\t860\t2000\t预期性

        三、主要任务

        发展特色产业，扩大出口。

        """

    /// What was achieved in the base year (2020年实际值) beside the target, and a long-range
    /// column (2035年远景目标) that is neither.
    static let outlookColumn = """
        壬市“十四五”现代服务业发展规划

        一、发展目标

        专栏2 现代服务业发展主要指标

        序号\t指标名称\t单位\t2020年实际值\t2025年目标值\t2035年远景目标\t属性
        1\t服务业增加值\t亿元\t1256.3\t1800\t3000\t预期性
        2\t服务业从业人员占比\t%\t42\t48\t55\t预期性

        二、重点任务

        建设现代服务业集聚区。

        """

    /// Tab-separated, as PDF-to-text tools print table cells: a category printed beside the middle
    /// row of its group (规模) or its first (效率), a page footer and the header repeated after the
    /// break, a 2035 column, an attribute column and a footnote.
    static let logistics = """
        示例市“十四五”现代物流发展规划

        一、发展目标

        到2025年，现代物流体系基本建成，物流降本增效成效显著。

        专栏1 “十四五”现代物流发展主要指标

        领域\t序号\t指标名称\t单位\t2020年\t2025年\t2035年\t属性
        \t1\t社会物流总额\t万亿元\t3.2\t4.5\t7\t预期性
        规模\t2\t物流业增加值\t亿元\t1560\t2200\t3500\t预期性
        \t3\t快递业务量\t亿件\t10.5\t18\t—\t预期性

        — 5 —

        领域\t序号\t指标名称\t单位\t2020年\t2025年\t2035年\t属性
        效率\t4\t社会物流总费用与GDP的比率\t%\t14.8\t13.5左右\t12\t约束性
        \t5\t多式联运货运量年均增长\t%\t—\t［10］\t—\t预期性
        \t6\t冷链流通率\t%\t35\t≥50\t70\t预期性
        注：带［］为五年年均值。

        二、主要任务

        （一）建设物流枢纽

        建设国家物流枢纽2个，培育5A级物流企业10家。

        """

    /// PDF text whose cells are separated by spaces (cleaning removes those beside Chinese
    /// characters), no 序号 column, a 年均增长 column, bracketed cumulative values, and a name
    /// wrapped over two lines.
    static let opening = """
        乙省“十四五”对外开放发展规划

        第二章 发展目标

        到2025年，开放型经济水平明显提升，外贸外资稳中提质。

        表1 “十四五”时期对外开放主要指标

        指标 单位 2020年 2025年 年均增长

        货物进出口总额 亿美元 980 1300 5.8%
        服务进出口总额 亿美元 160 240 8.4%
        实际使用外资 亿美元 [85] [100] —
        跨境电商交易额 亿元 300 800 21.7%
        国家级经济技术开发
        区数量 个 8 10 —
        外贸新业态进出口额占比 % 6 ＞10 —
        备注：[ ]为五年累计数。

        第三章 推动贸易高质量发展

        到2025年，货物进出口总额达到1300亿美元。

        """

    /// One cell per line, as HTML and DOCX extraction give: the header one word per line, a
    /// category cell opening each group, and a target column only (no baseline).
    static let commerce = """
        丙市“十四五”商务发展规划

        一、发展目标

        到2025年，国际消费中心城市建设取得显著成效。

        专栏2 主要目标

        类别
        指标
        单位
        2025年目标
        指标属性
        消费
        社会消费品零售总额
        亿元
        5000
        预期性
        网络零售额
        亿元
        1200
        预期性
        开放
        货物进出口总额
        亿元
        3000
        预期性
        实际使用外资
        亿美元
        【30】
        预期性

        二、重点任务

        培育一批消费新业态。

        """

    /// Markdown tables: one headed 基期值/目标值 (no years) in a plan whose title names no period
    /// (its catalog date does), a table of achieved values, and a project list (not indicators).
    static let county = """
        # 丁县商贸流通体系建设实施方案

        ## 一、工作目标

        | 序号 | 指标 | 单位 | 基期值 | 目标值 |
        |---|---|---|---|---|
        | 1 | 县域商业网点数 | 个 | 120 | 150 |
        | 2 | 乡镇快递网点覆盖率 | % | 85 | 100 |
        | 3 | 农村网络零售额 | 亿元 | 6.5 | 10 |

        ## 二、工作基础

        表2 2016—2020年主要指标完成情况

        | 指标 | 单位 | 2016年 | 2020年 |
        |---|---|---|---|
        | 社会消费品零售总额 | 亿元 | 80 | 110 |
        | 网络零售额 | 亿元 | 2.1 | 5.9 |

        ## 三、重点项目

        | 序号 | 项目名称 | 建设内容 | 总投资（亿元） |
        |---|---|---|---|
        | 1 | 县级物流配送中心 | 新建仓储设施2万平方米 | 1.2 |
        | 2 | 乡镇商贸中心 | 改造提升乡镇商贸中心8个 | 0.8 |

        """

    /// PDF text whose lines extraction joins into one paragraph: the unit for the whole table in
    /// the caption (单位：亿元), a “十四五”目标 column, 年均增长（%）, serial numbers, and the header
    /// repeated where a page broke.
    static let servicesJoined = """
        戊市“十四五”服务贸易发展规划

        一、发展目标

        到2025年，服务贸易规模稳步扩大，结构持续优化。

        表3 服务贸易发展主要指标（单位：亿元）

        序号 指标 2020年 “十四五”目标 年均增长（%）
        1 服务进出口总额 320 500 9.3
        2 数字服务进出口额 110 200 12.7
        3 技术贸易额 45 80 12.2
        序号 指标 2020年 “十四五”目标 年均增长（%）
        4 服务外包执行额 60 100 10.8
        5 知识产权使用费 8 15 13.4

        二、重点任务

        推动服务外包转型升级。

        """

    /// The layout of the national outline's table, tab-separated: no 序号 column but numbered names
    /// (1.地区生产总值增长(%)), a target in words, a value marked * (2019 data), 〔〕 five-year sums.
    static let outlineTabs = """
        己省国民经济和社会发展第十四个五年规划纲要

        第二章 发展目标

        专栏1 “十四五”时期经济社会发展主要指标

        类别\t指标\t2020年\t2025年\t年均/累计\t属性
        经济发展\t1.地区生产总值增长(%)\t3.8\t—\t6左右\t预期性
        \t2.全员劳动生产率增长(%)\t4.1\t高于GDP增长\t—\t预期性
        \t3.常住人口城镇化率(%)\t56.7*\t62\t—\t预期性
        创新驱动\t4.每万人口高价值发明专利拥有量(件)\t3.2\t6\t—\t预期性
        绿色生态\t5.单位地区生产总值能源消耗降低(%)\t—\t—\t〔14〕\t约束性
        注：①〔〕内为5年累计数。②带*的为2019年数据。

        第三章 坚持创新驱动发展

        创新是引领发展的第一动力。

        """

    /// The same layout as PDF text with cells separated by spaces: cleaning joins the category to
    /// the numbered name (经济发展1.地区生产总值增长), a dash to a following value (3.8—6左右) and two
    /// dashes to each other (——), and extraction joins the last rows and the footnote in one paragraph.
    static let outlineSpaces = """
        庚省国民经济和社会发展第十四个五年规划纲要

        第二章 发展目标

        专栏1 “十四五”时期经济社会发展主要指标

        类别 指标 2020年 2025年 年均/累计 属性
        经济发展 1.地区生产总值增长(%) 3.8 — 6左右 预期性
        2.常住人口城镇化率(%) 56.7* 62 — 预期性
        创新驱动 3.每万人口高价值发明专利拥有量(件) 3.2 6 — 预期性
        绿色生态 4.单位地区生产总值能源消耗降低(%) — — 〔14〕 约束性
        注：①〔〕内为5年累计数。②带*的为2019年数据。

        第三章 坚持创新驱动发展

        创新是引领发展的第一动力。

        """
}
