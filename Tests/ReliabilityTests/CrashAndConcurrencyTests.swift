import Foundation
import Index
import Query
import TestSupport
import Testing
#if canImport(Glibc)
    import Glibc
#endif

extension ReliabilityTests {
    /// The index survives a writer killed at any moment, writers serialize, and readers keep
    /// answering while the index is rebuilt or deleted under them.
    @Suite struct CrashAndConcurrency {
        static let query = "跨境电商"

        /// A source folder whose indexing takes about a second with the debug binary.
        static func bigSource(copies: Int = 4) throws -> URL {
            let src = try Support.temporaryDirectory("big-src")
            try Support.replicateCorpus(into: src, copies: copies)
            return src
        }

        static func openAndCheck(_ dir: URL) throws -> (IndexReader, Support.Answer) {
            let reader = try IndexReader(directory: dir)
            try reader.verify()
            return (reader, try Support.answer(reader, query))
        }

        /// Files in the index folder besides index.psx and .lock (temporary files of killed writers).
        static func strayFiles(_ dir: URL) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0 != IndexFormat.fileName && $0 != ".lock" }
        }

        /// `index --rebuild` killed with SIGKILL 15 times, at deterministic pseudo-random moments
        /// spread over a measured run: after each kill the index opens, verifies and answers as
        /// before; a final run completes.
        @Test func killedRebuildLeavesAWorkingIndex() throws {
            let src = try Self.bigSource()
            let idx = try Support.temporaryDirectory("crash-idx")
            defer { Support.remove(src, idx) }
            let first = try Support.run(["index", "--index", idx.path, src.path])
            try #require(first.exited && first.status == 0, "initial index: \(first.stderr)")
            let (_, reference) = try Self.openAndCheck(idx)
            #expect(reference.total > 0)

            // Calibrate: how long an uninterrupted rebuild takes here, now; the faster of two runs, as
            // a run slowed by other tests would place the kills after most rebuilds have finished.
            var duration = Double.infinity
            for _ in 0..<2 {
                let timing = try Support.run(["index", "--rebuild", "--index", idx.path, src.path])
                try #require(timing.status == 0)
                duration = min(duration, timing.seconds)
            }
            #expect(try Self.openAndCheck(idx).1 == reference)

            var rng = SplitMix64(state: 0x5EED_2026)
            let iterations = 15
            var killedRunning = 0
            for i in 0..<iterations {
                // Stratified: the i-th delay falls in the i-th fifteenth of [2 %, 98 %] of the run.
                let delay = duration * (0.02 + 0.96 * (Double(i) + rng.unit()) / Double(iterations))
                let child = try Support.Child(["index", "--rebuild", "--index", idx.path, src.path])
                usleep(UInt32(delay * 1_000_000))
                if child.process.isRunning { killedRunning += 1 }
                child.kill(SIGKILL)
                let r = child.wait(timeout: 60)
                #expect(r.signaled || r.status == 0, "iteration \(i): exit \(r.status) \(r.stderr)")
                do {
                    let (_, answer) = try Self.openAndCheck(idx)
                    #expect(answer == reference, "iteration \(i) (killed after \(delay) s): \(answer) ≠ \(reference)")
                } catch {
                    Issue.record("iteration \(i) (killed after \(String(format: "%.3f", delay)) s): index unusable: \(error)")
                }
            }
            // Kills must land while the writer runs, or the test tests nothing (the calibration run
            // may have been slower than later ones when other tests compete for the CPU).
            #expect(killedRunning >= iterations / 3, "only \(killedRunning) of \(iterations) kills hit a running writer")

            let final = try Support.run(["index", "--rebuild", "--index", idx.path, src.path])
            #expect(final.exited && final.status == 0, "final rerun: \(final.stderr)")
            #expect(try Self.openAndCheck(idx).1 == reference)
            // Temporary files of the killed writers are gone.
            #expect(Self.strayFiles(idx).isEmpty, "left behind: \(Self.strayFiles(idx))")
            #expect(try Support.run(["check", "--index", idx.path]).status == 0)
        }

        /// A writer killed while writing leaves `.index.psx.tmp-PID` behind (simulated here, as a
        /// kill may or may not land in the write phase): the next run is not confused by it and
        /// removes it.
        @Test func staleTemporaryFileOfAKilledWriter() throws {
            let src = try Support.temporaryDirectory("stale-src")
            try Support.write("第一章 总则\n发展跨境电商。\n", to: src.appendingPathComponent("a.txt"))
            let idx = try Support.temporaryDirectory("stale-idx")
            defer { Support.remove(src, idx) }
            let stale = idx.appendingPathComponent(".\(IndexFormat.fileName).tmp-999999")
            try Data(repeating: 0xAB, count: 100_000).write(to: stale)
            let r = try Support.run(["index", "--index", idx.path, src.path])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try Self.openAndCheck(idx).1.total == 1)
            #expect(Self.strayFiles(idx).isEmpty, "left behind: \(Self.strayFiles(idx))")
        }

        /// Returns once `writer` holds the index lock (the lock file then holds its pid); fails
        /// when it finished before that could be seen.
        static func waitUntilItHoldsTheLock(_ writer: Support.Child, _ idx: URL) throws {
            let lock = idx.appendingPathComponent(".lock")
            let deadline = Date().addingTimeInterval(30)
            while writer.process.isRunning, Date() < deadline,
                (try? String(contentsOf: lock, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) != "\(writer.pid)"
            {
                usleep(1_000)
            }
            try #require(writer.process.isRunning, "the first writer finished before the second could start; make the source bigger")
        }

        /// Two `index` processes on one folder: the second waits for the first (and says so).
        @Test func concurrentWritersSerialize() throws {
            let src = try Self.bigSource()
            let idx = try Support.temporaryDirectory("writers-idx")
            defer { Support.remove(src, idx) }
            let a = try Support.Child(["index", "--rebuild", "--index", idx.path, src.path])
            try Self.waitUntilItHoldsTheLock(a, idx)
            let b = try Support.Child(["index", "--rebuild", "--index", idx.path, src.path])
            let ra = a.wait(), rb = b.wait()
            #expect(ra.exited && ra.status == 0, "A: \(ra.stderr)")
            #expect(rb.exited && rb.status == 0, "B: \(rb.stderr)")
            #expect(rb.stderr.contains("being updated by pid \(a.pid)"), "B's stderr: \(rb.stderr)")
            // B finished after A: its run lasted at least until A's end.
            #expect(b.started.addingTimeInterval(rb.seconds) >= a.started.addingTimeInterval(ra.seconds))
            #expect(try Self.openAndCheck(idx).1.total > 0)
        }

        /// Two runs adding different folders at once: the one that waited builds on what the first
        /// wrote, so both folders' documents and both sources stay (the waiting run used to write
        /// the sources it had read before waiting, dropping the other's).
        @Test func concurrentAdditionsBothStay() throws {
            let src = try Self.bigSource()
            let extra = try Support.temporaryDirectory("writers-extra")
            let idx = try Support.temporaryDirectory("writers-add-idx")
            defer { Support.remove(src, extra, idx) }
            try Support.write("第一章 总则\n\n另一份文件，标记词辰巳午未申。\n", to: extra.appendingPathComponent("extra.txt"))
            let a = try Support.Child(["index", "--index", idx.path, src.path])
            try Self.waitUntilItHoldsTheLock(a, idx)
            let b = try Support.Child(["index", "--index", idx.path, extra.path])
            let ra = a.wait(), rb = b.wait()
            #expect(ra.exited && ra.status == 0 && rb.exited && rb.status == 0, "\(ra.stderr) \(rb.stderr)")
            let docs = try Support.run(["docs", "--json", "--index", idx.path])
            let listing = try #require(Support.json(docs))
            let sources = Set((listing["sources"] as? [String] ?? []).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
            #expect(sources == Set([src, extra].map { $0.standardizedFileURL.path }), "\(sources)")
            let names = (listing["documents"] as? [[String: Any]] ?? []).compactMap { $0["doc"] as? String }
            #expect(names.contains("extra.txt") && names.count > 1, "\(names)")
        }

        /// Searches in a loop while the index is rebuilt with one more document: every answer is
        /// the one before the rebuild or the one after, never an error; a reader opened before the
        /// rebuild keeps answering from the old file.
        @Test func searchesDuringARebuildKeepAnswering() throws {
            let src = try Self.bigSource()
            let idx = try Support.temporaryDirectory("readers-idx")
            defer { Support.remove(src, idx) }
            try #require(try Support.run(["index", "--index", idx.path, src.path]).status == 0)
            let (oldReader, before) = try Self.openAndCheck(idx)
            try Support.write("第一章 新增\n新增的跨境电商跨境电商跨境电商文件。\n", to: src.appendingPathComponent("zz-new.txt"))

            let writer = try Support.Child(["index", "--rebuild", "--index", idx.path, src.path])
            var answers: [Support.Answer] = []
            var errors: [String] = []
            var after: Support.Answer? = nil
            var extra = 0
            while extra < 5 {  // a few more searches once the writer is done
                if !writer.process.isRunning { extra += 1 }
                do {
                    let reader = try IndexReader(directory: idx)
                    answers.append(try Support.answer(reader, Self.query))
                } catch {
                    errors.append("\(error)")
                }
            }
            let w = writer.wait()
            #expect(w.exited && w.status == 0, "rebuild: \(w.stderr)")
            after = try Self.openAndCheck(idx).1
            #expect(errors.isEmpty, "searches failed during the rebuild: \(errors.prefix(3))")
            #expect(after != before && after?.total == before.total + 1)
            let strays = answers.filter { $0 != before && $0 != after }
            #expect(strays.isEmpty, "answers neither before nor after: \(strays.prefix(2))")
            #expect(answers.count > 5)
            #expect(answers.last == after)
            // The reader opened before the rebuild still answers from the replaced file.
            #expect(try Support.answer(oldReader, Self.query) == before)
            try oldReader.verify()
        }

        /// The index folder deleted between open and search: the mapped file still answers (or a
        /// clear IndexError), never a crash.
        @Test func indexDeletedBetweenOpenAndSearch() throws {
            let idx = try Support.temporaryDirectory("deleted-idx")
            try #require(try Support.run(["index", "--index", idx.path, Support.corpus.path]).status == 0)
            let reader = try IndexReader(directory: idx)
            let before = try Support.answer(reader, Self.query)
            let fresh = try IndexReader(directory: idx)  // nothing read from it yet
            try FileManager.default.removeItem(at: idx)
            #expect(!FileManager.default.fileExists(atPath: idx.path))
            for r in [reader, fresh] {
                do {
                    #expect(try Support.answer(r, Self.query) == before)
                    #expect(try Support.answer(r, "优化营商环境", limit: nil).total > 0)
                    try r.verify()
                } catch let e as IndexError {
                    Issue.record("mmap should keep the deleted file readable, got: \(e)")
                }
            }
            // Opening the deleted index is a clear error, exit 3 from the CLI.
            #expect(throws: IndexError.self) { try IndexReader(directory: idx) }
            let cli = try Support.run(["search", Self.query, "--index", idx.path])
            #expect(cli.status == 3 && cli.stderr.contains("policy-search index"), "\(cli.status): \(cli.stderr)")
        }
    }
}
