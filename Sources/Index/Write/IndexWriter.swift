import Foundation

/// Writes the chunks of an index build into one file, atomically: the file is written under a
/// temporary name, fsynced, renamed over the old one, and the folder is fsynced. A crash at any
/// point leaves either the old index or the new one, never a mix; readers that opened the old file
/// keep it. Each section is encoded by its codec in `Format/`.
enum IndexWriter {
    static func write(
        _ chunks: [IndexChunk], dictionary: [UInt8], manifest: IndexManifest, fingerprint: UInt64, threads: Int, to directory: URL
    ) throws {
        // Block ends in the text store are 32-bit (`TextStore`): ~10 GB of input.
        guard chunks.reduce(0, { $0 + $1.text.count }) <= Int(UInt32.max), chunks.reduce(0, { $0 + $1.records.count }) < Int(Int32.max)
        else {
            throw IndexError.io(path: directory.path, detail: "too much text for one index file (the text store is limited to 4 GiB)")
        }
        let file = try IndexFileWriter(url: directory.appendingPathComponent(IndexFormat.fileName))
        var tables = Tables(chunks)
        let lengths = chunks.flatMap(\.lengths)
        var meta = IndexMeta(
            passages: tables.records.count, documents: tables.documentCount, terms: 0, characters: 0, endPairs: 0,
            totalLength: chunks.reduce(0) { $0 + $1.totalLength }, fingerprint: fingerprint, textBlocks: tables.blockFirsts.count)
        // The postings first, into the file; the meta (which counts their terms) goes at the end.
        try file.section(.textDictionary, dictionary)
        try file.begin(.textBlocks)
        for c in chunks { try file.append(c.text.bytes) }
        try file.end()
        try file.section(.textIndex) { TextStore.encodeIndex(firstPassages: tables.blockFirsts, ends: tables.blockEnds, into: &$0) }
        try file.section(.passages) { PassageTable.encode(tables.records, into: &$0) }
        tables.records = []
        try file.section(.lengths) { LengthsCodec.encode(lengths, into: &$0) }
        try file.section(.documents, tables.documents.bytes)
        try file.section(.documentInfo, tables.infos.bytes)
        try file.section(.paths, tables.paths.bytes)
        try file.section(.strings, tables.strings.bytes)
        var folders: [String] = []
        for d in chunks.flatMap(\.documents) where !folders.contains(d.folder) { folders.append(d.folder) }
        var written = manifest
        written.folders = folders
        try file.section(.manifest) { written.encode(into: &$0) }
        let terms = try PostingsMerger.merge(
            chunks.map(\.postings), offsets: tables.passageOffsets, lengths: lengths, threads: threads, into: file)
        let dictionarySections = TermDictionary.encode(terms)
        try file.section(.terms, dictionarySections.table)
        try file.section(.termEntries, dictionarySections.entries)
        meta.terms = terms.count
        meta.characters = terms.reduce(0) { $0 + (TermKey.isUnigram($1.key) ? 1 : 0) }
        meta.endPairs = terms.reduce(0) { $0 + (TermKey.isEnd($1.key) ? 1 : 0) }
        try file.section(.meta) { meta.encode(into: &$0) }
        try file.commit()
    }

    /// Documents, records, paths and the text store's block index, with every chunk-local id made
    /// global: chunk k's passages follow chunk k−1's, and a heading path shared by chunks gets one id.
    struct Tables {
        var records: [PassageRecord] = []
        var documents = ByteBuffer(), infos = ByteBuffer(), paths = ByteBuffer(), strings = ByteBuffer()
        var documentCount = 0
        var blockFirsts: [UInt32] = [], blockEnds: [UInt32] = []
        /// Each chunk's first passage id.
        var passageOffsets: [UInt32] = []

        init(_ chunks: [IndexChunk]) {
            // Every heading path first, then every document's strings: the bytes then depend on
            // the files and their order only, not on how they were grouped into chunks (which
            // follows the thread count).
            var pathIDs: [String: Int] = [:]
            let chunkPaths = chunks.map { c in
                c.paths.map { key -> Int in
                    if let id = pathIDs[key] { return id }
                    pathIDs[key] = pathIDs.count
                    PathRecord.encode(string(key), into: &paths)
                    return pathIDs.count - 1
                }
            }
            var textOffset: UInt32 = 0
            for (c, globalPaths) in zip(chunks, chunkPaths) {
                let first = records.count, firstDocument = documentCount
                passageOffsets.append(UInt32(first))
                var start = first
                for d in c.documents {
                    DocumentRecord(
                        firstPassage: start, passageCount: d.passages, name: string(d.name), title: string(d.title),
                        info: ByteSpan(offset: infos.count, length: d.info.count)
                    ).encode(into: &documents)
                    infos.append(d.info)
                    start += d.passages
                    documentCount += 1
                }
                records.append(
                    contentsOf: c.records.map {
                        var r = $0
                        r.document += firstDocument
                        r.pathID = globalPaths[r.pathID]
                        return r
                    })
                blockFirsts.append(contentsOf: c.blockFirsts.map { $0 + UInt32(first) })
                blockEnds.append(contentsOf: c.blockEnds.map { $0 + textOffset })
                textOffset += UInt32(c.text.count)
            }
        }

        /// Appends a string to the strings section; returns where it lies.
        private mutating func string(_ s: String) -> ByteSpan {
            let bytes = Array(s.utf8)
            defer { strings.append(bytes) }
            return ByteSpan(offset: strings.count, length: bytes.count)
        }
    }
}
