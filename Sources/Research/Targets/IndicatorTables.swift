import Index
import Query

/// The indicator tables (主要指标 / 主要目标) of the documents of a scope, read from the index's
/// passages: target tables, and apart from them the tables of achieved values (十三五 完成情况).
public struct IndicatorTables: Sendable {
    /// The documents looked at, in catalog order.
    public var documents: [DocumentFacts]
    /// Every table found, in catalog order, then document order.
    public var tables: [IndicatorTable]

    public var targetTables: [IndicatorTable] { tables.filter { $0.kind == .target } }
    public var achievedTables: [IndicatorTable] { tables.filter { $0.kind == .achieved } }

    public init(documents: [DocumentFacts], tables: [IndicatorTable]) {
        self.documents = documents
        self.tables = tables
    }

    /// Reads the tables of every document of `scope` (`--docs`, or all).
    public init(searcher: Searcher, scope: DocumentScope) throws {
        let tables = try scope.documents.flatMap { try Self.read($0, reader: searcher.reader) }
        self.init(documents: scope.documents, tables: tables)
    }

    /// One document's tables.
    static func read(_ d: DocumentFacts, reader: IndexReader) throws -> [IndicatorTable] {
        let passages = try d.passages.map { p -> SourcePassage in
            let stored = try reader.passage(p)
            return SourcePassage(
                id: p, text: stored.text, isTableRow: stored.record.kind == .tableRow, isHeading: stored.record.kind == .heading,
                box: stored.box, line: stored.record.firstLine)
        }
        let period = PlanPeriod.infer(title: d.title, date: d.date)
        return try IndicatorTable.read(passages, documentName: d.name, documentTitle: d.title, period: period) { p in
            try PassageReference.format(reader, passage: p)
        }
    }
}
