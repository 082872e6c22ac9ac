import Analysis
import Dispatch
import Foundation
import Ingestion

/// Serializes documents into one index file, atomically: the file is written under a temporary
/// name, fsynced, renamed over the old one, and the folder is fsynced. A crash at any point leaves
/// either the old index or the new one, never a mix; readers that opened the old file keep it.
public enum IndexWriter {
    /// - Parameter fingerprint: identifies the source files' state (see `SourceScanner`), so a reader
    ///   can tell cheaply whether the index is current.
    /// - Parameter manifest: the sources the documents come from, for later rebuilds.
    public static func write(
        _ documents: [IndexedDocument], to directory: URL, fingerprint: UInt64 = 0, manifest: IndexManifest = IndexManifest(),
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        let file = try IndexFileWriter(url: directory.appendingPathComponent(IndexFormat.fileName))
        try serialize(documents, fingerprint: fingerprint, manifest: manifest, threads: threads, into: file)
        try file.commit()
    }

    static func serialize(
        _ documents: [IndexedDocument], fingerprint: UInt64, manifest: IndexManifest, threads: Int, into file: IndexFileWriter
    ) throws {
        var tables = StoredTables(documents)
        let builders = buildPostings(documents, threads: threads)
        let order = mergeOrder(builders)
        var meta = ByteBuffer()
        IndexMeta(
            passages: tables.passageCount, documents: documents.count, terms: order.count,
            characters: order.reduce(0) { $0 + (TermKey.isUnigram($1.key) ? 1 : 0) }, totalWords: tables.totalWords,
            fingerprint: fingerprint
        ).encode(into: &meta)
        try file.section(.meta, meta.bytes)
        var sources = ByteBuffer()
        manifest.encode(into: &sources)
        try file.section(.manifest, sources.bytes)
        try file.section(.documents, tables.documents.bytes)
        try file.section(.documentInfo, tables.infos.bytes)
        try file.section(.passages, tables.passages.bytes)
        try file.section(.lengths, tables.lengths.bytes)
        try file.section(.paths, tables.paths.bytes)
        try file.section(.text, tables.text.bytes)
        let lengths = tables.lengthValues
        tables = StoredTables([])  // free the stored text before the postings are encoded
        let terms = try writePostings(builders, order: order, lengths: lengths, into: file)
        let dictionary = TermDictionary.encode(terms)
        try file.section(.terms, dictionary.table)
        try file.section(.termEntries, dictionary.entries)
    }

    /// Everything but the postings: document and passage records, lengths, paths, stored text.
    struct StoredTables {
        var text = ByteBuffer(), passages = ByteBuffer(), lengths = ByteBuffer(), paths = ByteBuffer()
        var documents = ByteBuffer(), infos = ByteBuffer()
        var lengthValues: [UInt32] = []
        var passageCount = 0
        var totalWords: UInt64 = 0

        init(_ docs: [IndexedDocument]) {
            var pathIDs: [String: Int] = [:]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for (docIndex, doc) in docs.enumerated() {
                let info = (try? encoder.encode(doc.info)).map { [UInt8]($0) } ?? []
                DocumentRecord(
                    firstPassage: passageCount, passageCount: doc.passages.count, name: string(doc.info.name),
                    title: string(doc.info.title), info: ByteSpan(offset: infos.count, length: info.count)
                ).encode(into: &documents)
                infos.append(info)
                for (p, words) in zip(doc.passages, doc.wordCounts) {
                    let key = ([p.box ?? ""] + p.path).joined(separator: "\u{1F}")
                    let pathID: Int
                    if let known = pathIDs[key] {
                        pathID = known
                    } else {
                        pathID = pathIDs.count
                        pathIDs[key] = pathID
                        PathRecord.encode(string(key), into: &paths)
                    }
                    let record = PassageRecord(
                        document: docIndex, kind: p.kind, ordinal: p.ordinal, firstLine: p.firstLine, lastLine: p.lastLine,
                        words: words, pathID: pathID, firstPage: p.firstPage, lastPage: p.lastPage)
                    PassageRecordCodec.encode(record, text: string(p.text), into: &passages)
                    lengths.append(UInt32(words))
                    lengthValues.append(UInt32(words))
                    totalWords += UInt64(words)
                    passageCount += 1
                }
            }
        }

        /// Appends a string to the text section; returns where it lies.
        private mutating func string(_ s: String) -> ByteSpan {
            let bytes = Array(s.utf8)
            defer { text.append(bytes) }
            return ByteSpan(offset: text.count, length: bytes.count)
        }
    }

    /// Streams the postings term by term in key order, freeing each as it goes; a term's parts from
    /// several builders are concatenated (their passage ranges are ascending and disjoint).
    static func writePostings(
        _ builders: [PostingsAccumulator], order: [(key: UInt64, parts: [(Int, Int)])],
        lengths: [UInt32], into file: IndexFileWriter
    ) throws -> [(key: UInt64, df: UInt32, length: UInt32)] {
        var terms: [(key: UInt64, df: UInt32, length: UInt32)] = []
        terms.reserveCapacity(order.count)
        try file.begin(.postings)
        var buffer = ByteBuffer()
        var mergedPassages: [UInt32] = [], mergedTFs: [UInt32] = [], mergedPositions: [UInt32] = []
        for (key, parts) in order {
            buffer.bytes.removeAll(keepingCapacity: true)
            let positional = !TermKey.isUnigram(key)
            let df: Int
            if parts.count == 1 {
                let t = builders[parts[0].0].term(parts[0].1)
                PostingsFormat.encode(
                    passages: t.passages.buffer, tfs: t.tfs.buffer, positions: t.positions.buffer,
                    positional: positional, lengths: lengths, into: &buffer)
                df = t.passages.count
            } else {
                mergedPassages.removeAll(keepingCapacity: true)
                mergedTFs.removeAll(keepingCapacity: true)
                mergedPositions.removeAll(keepingCapacity: true)
                for (b, id) in parts {
                    let t = builders[b].term(id)
                    mergedPassages.append(contentsOf: t.passages.buffer)
                    mergedTFs.append(contentsOf: t.tfs.buffer)
                    mergedPositions.append(contentsOf: t.positions.buffer)
                }
                mergedPassages.withUnsafeBufferPointer { ps in
                    mergedTFs.withUnsafeBufferPointer { ts in
                        mergedPositions.withUnsafeBufferPointer { pos in
                            PostingsFormat.encode(
                                passages: ps, tfs: ts, positions: pos, positional: positional,
                                lengths: lengths, into: &buffer)
                        }
                    }
                }
                df = mergedPassages.count
            }
            for (b, id) in parts { builders[b].freeTerm(id) }
            terms.append((key, UInt32(df), UInt32(buffer.count)))
            try file.append(buffer.bytes)
        }
        try file.end()
        return terms
    }

    /// Character postings for all passages, built by `threads` workers over contiguous runs of
    /// documents (so each worker's passage ids are ascending and follow the previous worker's).
    static func buildPostings(_ documents: [IndexedDocument], threads: Int) -> [PostingsAccumulator] {
        let total = documents.reduce(0) { $0 + $1.passages.count }
        let workers = max(1, min(threads, documents.count))
        var starts: [Int] = [0]  // document index where each worker starts
        var acc = 0
        for (i, d) in documents.enumerated() {
            acc += d.passages.count
            if starts.count < workers, acc >= total * starts.count / workers, i + 1 < documents.count { starts.append(i + 1) }
        }
        starts.append(documents.count)
        var firstPassage: [Int32] = []
        var p: Int32 = 0
        var d = 0
        for w in 0..<(starts.count - 1) {
            while d < starts[w] {
                p += Int32(documents[d].passages.count)
                d += 1
            }
            firstPassage.append(p)
        }
        return Parallel.perWorker(starts.count - 1) { [starts, firstPassage] w in
            let builder = PostingsAccumulator()
            let normalizer = Normalizer()
            var id = firstPassage[w]
            for doc in documents[starts[w]..<starts[w + 1]] {
                for (k, passage) in doc.passages.enumerated() {
                    builder.add(doc.normalized?[k] ?? normalizer.normalize(passage.text).scalars, passage: id)
                    id += 1
                }
            }
            return builder
        }
    }

    /// All keys in order, each with the (builder, term id) pairs that hold its postings.
    static func mergeOrder(_ builders: [PostingsAccumulator]) -> [(key: UInt64, parts: [(Int, Int)])] {
        var all: [(key: UInt64, builder: Int, id: Int)] = []
        for (b, builder) in builders.enumerated() {
            for id in 0..<builder.count { all.append((builder.key(id), b, id)) }
        }
        all.sort { $0.key != $1.key ? $0.key < $1.key : $0.builder < $1.builder }
        var result: [(key: UInt64, parts: [(Int, Int)])] = []
        for e in all {
            if result.last?.key == e.key {
                result[result.count - 1].parts.append((e.builder, e.id))
            } else {
                result.append((e.key, [(e.builder, e.id)]))
            }
        }
        return result
    }
}
