import Ingestion

extension IndexReader {
    /// Passage records read in place, for callers that read many per query (top-k reads the record
    /// of every candidate it boosts): the records and lengths sections are checksummed whole once,
    /// when the view is made, so a read is bounds checks and bit unpacking, without the lock and
    /// per-block bookkeeping of `passageRecord`. Holds the mapping, like `Lengths`. A class: top-k
    /// keeps one and reads through it per candidate, without copying its references each time.
    public final class PassageRecords: @unchecked Sendable {
        let storage: IndexStorage
        let section: UnsafeRawPointer
        let table: PassageTable
        let lengths: Lengths
        let documents: Int
        /// Heading paths in the index: record path ids are below it.
        public let paths: Int
        let path: String

        init(
            storage: IndexStorage, section: UnsafeRawPointer, table: PassageTable, lengths: Lengths, documents: Int, paths: Int,
            path: String
        ) {
            (self.storage, self.section, self.table, self.lengths) = (storage, section, table, lengths)
            (self.documents, self.paths, self.path) = (documents, paths, path)
        }

        /// The same record as `IndexReader.passageRecord(id)`, checked the same way.
        public func record(_ id: Int) throws -> PassageRecord {
            let part = IndexFormat.Section.passages.name
            guard id >= 0, id < lengths.count else {
                throw IndexError.corrupted(path: path, part: part, detail: "passage \(id) out of range")
            }
            let record: PassageRecord
            do { record = try table.decode(id, section: section, length: Int(lengths[id])) } catch let e as MalformedRecord {
                throw IndexError.corrupted(path: path, part: part, detail: e.detail)
            }
            guard record.document < documents, record.pathID < paths else {
                throw IndexError.corrupted(path: path, part: part, detail: "passage \(id) has an invalid record")
            }
            return record
        }

        /// What ranking reads of a candidate: its kind, BM25 length and heading path id, checked
        /// as `record` checks them (without unpacking the fields ranking does not read).
        public func rankingFields(_ id: Int) throws -> (kind: Passage.Kind, length: Int, pathID: Int) {
            guard id >= 0, id < lengths.count, let f = table.kindAndPath(id, section: section), f.pathID < paths, f.document < documents
            else { throw invalid(id) }
            return (f.kind, Int(lengths[id]), f.pathID)
        }

        /// What is wrong with record `id`, which `rankingFields` refused (built only then).
        @inline(never)
        private func invalid(_ id: Int) -> IndexError {
            let detail =
                id < 0 || id >= lengths.count
                ? "passage \(id) out of range"
                : table.kindAndPath(id, section: section) == nil
                    ? "passage \(id) has an unknown kind" : "passage \(id) has an invalid record"
            return .corrupted(path: path, part: IndexFormat.Section.passages.name, detail: detail)
        }
    }

    /// The records view (see there); checks every block of the records and lengths sections.
    public func passageRecords() throws -> PassageRecords {
        let all = try bytes(.passages, 0, sections.length(.passages))
        return PassageRecords(
            storage: storage, section: all.baseAddress!, table: passageTable, lengths: try lengths(), documents: documentCount,
            paths: pathCount, path: path)
    }
}
