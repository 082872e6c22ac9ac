import Analysis
import Foundation
import Ingestion

/// Turns chunks of files into `IndexChunk`s: reads and hashes each file, reuses it from the
/// previous index when unchanged or ingests and analyzes it, and feeds its passages straight into
/// the postings, the records and the compressed text store, so no intermediate copy of the corpus
/// is kept. One per worker thread (the normalizer's fold cache and compression contexts are per thread).
final class ChunkIndexer {
    private let normalizer = Normalizer()
    private let texts: ZstdCompressor
    private let previous: PreviousIndex?
    private let budget: MemoryBudget
    private let encoder = JSONEncoder()

    init(dictionary: [UInt8], previous: PreviousIndex?, budget: MemoryBudget) throws {
        texts = ZstdCompressor(dictionary: dictionary)
        self.previous = previous
        self.budget = budget
        encoder.outputFormatting = [.sortedKeys]
    }

    /// The chunk being built and its accumulator.
    private struct State {
        var chunk = IndexChunk()
        let postings = PostingsAccumulator()
        var pathIDs: [String: Int] = [:]
    }

    func index(_ jobs: ArraySlice<SourceJob>) -> IndexChunk {
        var state = State()
        for job in jobs {
            guard let data = FileManager.default.contents(atPath: job.url.path) else {
                failed(job, "cannot be read (permissions?)", &state)
                continue
            }
            let bytes = [UInt8](data)
            let source = SourceInfo(
                path: job.url.path, size: UInt64(bytes.count), modified: job.modified, hash: bytes.withUnsafeBytes { SourceInfo.hash($0) })
            state.chunk.inputBytes += UInt64(bytes.count)
            if let reused = reuse(job, source) {
                add(reused.info, reused.passages, to: &state)
                state.chunk.reused.append(job.name)
                continue
            }
            do {
                let doc = try Ingestor.ingest(bytes: bytes, name: job.name, metadata: job.metadata)
                let info = DocumentInfo(
                    name: job.name, title: doc.title, metadata: doc.metadata, encoding: doc.encoding, format: doc.format, source: source,
                    headings: doc.headings)
                add(info, doc.passages, to: &state)
                state.chunk.analyzed.append(job.name)
            } catch {
                failed(job, (error as? IngestionError)?.reason ?? "\(error)", &state)
            }
        }
        state.chunk.postings = ChunkPostings(state.postings, lengths: state.chunk.lengths, budget: budget)
        return state.chunk
    }

    /// A hash of the text a document's passages hold: two files of the same text are duplicates
    /// whatever their bytes (one saved as GB18030, the other as UTF-8).
    static func textHash(_ passages: [Passage]) -> String {
        var bytes: [UInt8] = []
        for p in passages {
            bytes += p.text.utf8
            bytes.append(0)
        }
        return bytes.withUnsafeBytes { SourceInfo.hash($0) }
    }

    /// A file that cannot be read or ingested is skipped and said; if the previous index holds it,
    /// that version stays (a half-copied or half-synced file does not erase what was searchable),
    /// with its old hash, so the next update reads the file again.
    private func failed(_ job: SourceJob, _ reason: String, _ state: inout State) {
        guard let kept = previousVersion(job) else { return state.chunk.skipped.append((job.url.path, reason)) }
        add(kept.info, kept.passages, to: &state)
        state.chunk.kept.append(job.name)
        state.chunk.skipped.append((job.url.path, reason + "; the version indexed before is kept"))
    }

    /// The file's passages as the previous index holds them, when its content, the rules it was
    /// read under and its catalog entry are unchanged (re-deriving postings is cheap; reading a
    /// document's structure is not).
    private func reuse(_ job: SourceJob, _ source: SourceInfo) -> (info: DocumentInfo, passages: [Passage])? {
        guard let previous, let old = previous.documents[job.name], old.info.source.reusable(for: source),
            old.info.metadata == (job.metadata ?? DocumentMetadata()),
            var kept = previousVersion(job)
        else { return nil }
        kept.info.source = source
        return kept
    }

    /// The document of this name as the previous index holds it: its record and passages.
    private func previousVersion(_ job: SourceJob) -> (info: DocumentInfo, passages: [Passage])? {
        guard let previous, let old = previous.documents[job.name], let range = try? previous.reader.passageRange(ofDocument: old.doc)
        else { return nil }
        var passages: [Passage] = []
        for id in range {
            guard let p = try? previous.reader.passage(id) else { return nil }
            passages.append(
                Passage(
                    kind: p.record.kind, text: p.text, path: p.path, box: p.box, ordinal: p.record.ordinal,
                    firstLine: p.record.firstLine, lastLine: p.record.lastLine, firstPage: p.record.firstPage, lastPage: p.record.lastPage))
        }
        return (old.info, passages)
    }

    /// Adds one document: records, lengths, postings and text blocks of its passages.
    private func add(_ info: DocumentInfo, _ passages: [Passage], to state: inout State) {
        var info = info
        info.textHash = Self.textHash(passages)
        state.chunk.hashes.append((info.name, info.textHash!))
        let doc = state.chunk.documents.count
        var block: [[UInt8]] = []
        var blockBytes = 0
        func flush() {
            guard !block.isEmpty else { return }
            state.chunk.blockFirsts.append(UInt32(state.chunk.records.count - block.count))
            TextStore.encodeBlock(block[...]).withUnsafeBytes { texts.compress($0, into: &state.chunk.text) }
            state.chunk.blockEnds.append(UInt32(state.chunk.text.count))
            block.removeAll(keepingCapacity: true)
            blockBytes = 0
        }
        var last: (path: [String], box: String?, id: Int)? = nil
        for p in passages {
            // Consecutive passages mostly share their section's path: compared before hashed.
            let pathID: Int
            if let last, last.path == p.path, last.box == p.box {
                pathID = last.id
            } else {
                let key = ([p.box ?? ""] + p.path).joined(separator: "\u{1F}")
                pathID = state.pathIDs[key] ?? state.chunk.paths.count
                if pathID == state.chunk.paths.count {
                    state.pathIDs[key] = pathID
                    state.chunk.paths.append(key)
                }
                last = (p.path, p.box, pathID)
            }
            // A block closes once it holds `blockTarget` bytes.
            if blockBytes >= TextStore.blockTarget { flush() }
            let id = state.chunk.records.count
            let normalized = normalizer.normalize(p.text)
            state.postings.add(normalized.scalars, passage: Int32(id))
            let length = normalized.length
            state.chunk.records.append(
                PassageRecord(
                    document: doc, kind: p.kind, ordinal: p.ordinal, firstLine: p.firstLine, lastLine: p.lastLine, length: length,
                    pathID: pathID, firstPage: p.firstPage, lastPage: p.lastPage))
            state.chunk.lengths.append(UInt32(length))
            state.chunk.totalLength += UInt64(length)
            let bytes = Array(p.text.utf8)
            block.append(bytes)
            blockBytes += bytes.count
        }
        flush()
        var compressed = ByteBuffer()
        ((try? DocumentInfoJSON.encode(info, with: encoder)) ?? []).withUnsafeBytes { texts.compress($0, into: &compressed) }
        state.chunk.documents.append(
            .init(
                name: info.name, title: info.title, info: compressed.bytes, passages: passages.count,
                folder: URL(fileURLWithPath: info.source.path).deletingLastPathComponent().path))
    }
}
