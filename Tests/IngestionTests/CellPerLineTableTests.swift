import Foundation
import Testing

@testable import Ingestion

/// A table whose every cell is a line of its own (a table copied as text): its rows are read
/// again where 序号 and the rows' numbers 1, 2, 3 … show the row length; nothing else is.
@Suite struct CellPerLineTableTests {
    static let plan = """
        某市“十四五”商务发展规划

        一、发展目标

        到2025年，全市商务发展质量和效益显著提升，主要指标见专栏1。

        专栏1　“十四五”商务发展主要指标
        序号
        指标名称
        单位
        2020年
        2025年
        属性
        1
        社会消费品零售总额
        亿元
        613.8
        900
        预期性
        2
        货物进出口总额
        亿元
        86.2
        150
        预期性
        3
        跨境电商交易额
        亿元
        3.1
        30
        预期性

        二、重点任务

        推进跨境电商综合试验区建设。
        """

    @Test func rowsAreReadAgain() {
        let d = Ingestor.ingest(text: Self.plan, name: "plan.txt")
        let rows = d.passages.filter { $0.kind == .tableRow }
        #expect(
            rows.map(\.text) == [
                "序号 | 指标名称 | 单位 | 2020年 | 2025年 | 属性", "1 | 社会消费品零售总额 | 亿元 | 613.8 | 900 | 预期性",
                "2 | 货物进出口总额 | 亿元 | 86.2 | 150 | 预期性", "3 | 跨境电商交易额 | 亿元 | 3.1 | 30 | 预期性"
            ])
        // Each row where it starts in the file, in its box.
        #expect(rows.map(\.firstLine) == [8, 14, 20, 26] && rows.allSatisfy { $0.box == "专栏 1 “十四五”商务发展主要指标" })
        #expect(d.passages.first { $0.text.hasPrefix("推进跨境电商综合") }?.path == ["二、重点任务"])
    }

    @Test func shortLinesWithoutTheNumberingStayLines() {
        // A row number missing (the stride breaks after one row) or no 序号 header: not a table.
        let broken = Self.plan.replacingOccurrences(of: "2\n货物进出口总额", with: "货物进出口总额")
        #expect(!Ingestor.ingest(text: broken, name: "plan.txt").passages.contains { $0.kind == .tableRow })
        // A cell wrapped onto a second line: the rows after it would be misread, so none is read.
        let wrapped = Self.plan.replacingOccurrences(of: "货物进出口总额\n", with: "货物进出口\n总额\n")
        #expect(!Ingestor.ingest(text: wrapped, name: "plan.txt").passages.contains { $0.kind == .tableRow })
        let list = "某市工作要点\n\n重点领域\n跨境电商\n海外仓\n1\n服务贸易\n数字贸易\n2\n会展经济\n"
        #expect(!Ingestor.ingest(text: list, name: "list.txt").passages.contains { $0.kind == .tableRow })
    }
}
