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
    public static func write(
        _ documents: [IndexedDocument], to directory: URL, fingerprint: UInt64 = 0,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws {
        let file = try IndexFileWriter(url: directory.appendingPathComponent(IndexFormat.fileName))
        try serialize(documents, fingerprint: fingerprint, threads: threads, into: file)
        try file.commit()
    }

    static func serialize(_ documents: [IndexedDocument], fingerprint: UInt64, threads: Int, into file: IndexFileWriter) throws {
        var tables = StoredTables(documents)
        let builders = buildPostings(documents, threads: threads)
        let order = mergeOrder(builders)
        try file.section(
            .meta,
            meta(
                passages: tables.passageCount, documents: documents.count, terms: order.count,
                totalWords: tables.totalWords, fingerprint: fingerprint))
        try file.section(.documents, tables.documents.bytes)
        try file.section(.documentInfo, tables.infos.bytes)
        try file.section(.passages, tables.passages.bytes)
        try file.section(.lengths, tables.lengths.bytes)
        try file.section(.paths, tables.paths.bytes)
        try file.section(.text, tables.text.bytes)
        let lengths = tables.lengthValues
        tables = StoredTables([])  // free the stored text before the postings are encoded
        let terms = try writePostings(builders, order: order, lengths: lengths, into: file)
        let dictionary = TermDictionary.write(terms)
        try file.section(.terms, dictionary.table)
        try file.section(.termEntries, dictionary.entries)
    }

    /// Everything but the postings: document and passage records, lengths, paths, stored text.
    struct StoredTables {
        var text = ByteBuffer(), passages = ByteBuffer(), lengths = ByteBuffer(), paths = ByteBuffer()
        var documents = ByteBuffer(), infos = ByteBuffer()
        var lengthValues: [UInt32] = []
        var passageCount: Int32 = 0
        var totalWords: UInt64 = 0

        init(_ docs: [IndexedDocument]) {
            var pathIDs: [String: UInt32] = [:]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for (docIndex, doc) in docs.enumerated() {
                let info = (try? encoder.encode(doc.info)).map { [UInt8]($0) } ?? []
                let name = string(doc.info.name), title = string(doc.info.title)
                documents.append(UInt32(passageCount))
                documents.append(UInt32(doc.passages.count))
                documents.append(name.0)
                documents.append(name.1)
                documents.append(title.0)
                documents.append(title.1)
                documents.append(UInt64(infos.count))
                documents.append(UInt32(info.count))
                documents.append(UInt32(0))
                infos.append(info)

                for (p, words) in zip(doc.passages, doc.wordCounts) {
                    let key = ([p.box ?? ""] + p.path).joined(separator: String(IndexFormat.pathSeparator))
                    let pathID: UInt32
                    if let known = pathIDs[key] {
                        pathID = known
                    } else {
                        pathID = UInt32(pathIDs.count)
                        pathIDs[key] = pathID
                        let s = string(key)
                        paths.append(s.0)
                        paths.append(s.1)
                    }
                    let body = string(p.text)
                    passages.append(UInt32(docIndex))
                    passages.append(kindCode(p.kind))
                    passages.append(UInt8(0))
                    passages.append(UInt16(min(p.ordinal, Int(UInt16.max))))
                    passages.append(body.0)
                    passages.append(body.1)
                    passages.append(UInt32(p.firstLine))
                    passages.append(UInt32(p.lastLine))
                    passages.append(UInt32(words))
                    passages.append(pathID)
                    passages.append(UInt32(p.firstPage ?? 0))
                    passages.append(UInt32(p.lastPage ?? 0))
                    lengths.append(UInt32(words))
                    lengthValues.append(UInt32(words))
                    totalWords += UInt64(words)
                    passageCount += 1
                }
            }
        }

        /// Appends a string to the text section; returns its offset and length.
        private mutating func string(_ s: String) -> (UInt32, UInt32) {
            let bytes = Array(s.utf8)
            defer { text.append(bytes) }
            return (UInt32(text.count), UInt32(bytes.count))
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
                PostingsWriter.encode(
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
                            PostingsWriter.encode(
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

    static func meta(passages: Int32, documents: Int, terms: Int, totalWords: UInt64, fingerprint: UInt64) -> [UInt8] {
        var meta = ByteBuffer()
        meta.append(UInt32(passages))
        meta.append(UInt32(documents))
        meta.append(UInt32(terms))
        meta.append(UInt32(0))
        meta.append(totalWords)
        meta.append(fingerprint)
        while meta.count < IndexFormat.metaSize { meta.append(UInt8(0)) }
        return meta.bytes
    }

    static func kindCode(_ k: Passage.Kind) -> UInt8 {
        switch k {
        case .paragraph: return 0
        case .heading: return 1
        case .tableRow: return 2
        case .frontMatter: return 3
        case .footnote: return 4
        }
    }
}
