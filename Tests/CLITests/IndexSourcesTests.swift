import Foundation
import TestSupport
import Testing

/// An index remembers what it was built from: rebuilding, updating, extending and removing work
/// on its own sources, never on the bundled corpus; bad paths are refused before anything is made.
@Suite struct IndexSourcesTests {
    /// A folder with two small documents of known content, and an index folder path (not created).
    static func custom() throws -> (src: URL, index: URL) {
        let base = try Support.temporaryDirectory("sources")
        let src = base.appendingPathComponent("src")
        try FileManager.default.createDirectory(at: src, withIntermediateDirectories: true)
        try Support.write("第一章 总则\n\n推进量子纠缠通信产业发展，标记词甲乙丙丁戊。\n", to: src.appendingPathComponent("quantum.txt"))
        try Support.write("第一章 总则\n\n发展低空经济，标记词己庚辛壬癸。\n", to: src.appendingPathComponent("lowalt.txt"))
        return (src, base.appendingPathComponent("idx"))
    }

    /// The indexed documents' file names, as `docs --json` lists them.
    static func documents(_ index: URL) throws -> [String] {
        let r = try Support.run(["docs", "--json", "--index", index.path])
        try #require(r.status == 0, "docs: \(r.stderr)")
        let docs = try #require(Support.json(r)?["documents"] as? [[String: Any]])
        return docs.compactMap { $0["doc"] as? String }.sorted()
    }

    static func total(_ query: String, _ index: URL) throws -> Int? {
        Support.json(try Support.run(["search", query, "--index", index.path, "--json"]))?["total"] as? Int
    }

    /// `index --rebuild --index DIR` and `index --index DIR` used to replace a custom index's
    /// documents with the bundled corpus.
    @Test func rebuildKeepsACustomIndexsOwnDocuments() throws {
        let (src, idx) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        try #require(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        #expect(try Self.total("甲乙丙丁戊", idx) == 1)

        let rebuild = try Support.run(["index", "--rebuild", "--index", idx.path])
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(try Self.total("甲乙丙丁戊", idx) == 1)
        #expect(try Self.total("跨境电商", idx) == 0)
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])

        // An update from the stored sources sees a new file in the stored folder.
        try Support.write("第一章 总则\n\n新增文件，标记词子丑寅卯。\n", to: src.appendingPathComponent("added.txt"))
        let update = try Support.run(["index", "--index", idx.path])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(try Self.documents(idx) == ["added.txt", "lowalt.txt", "quantum.txt"])
        let search = try Support.run(["search", "子丑寅卯", "--index", idx.path, "--json"])
        #expect(Support.json(search)?["total"] as? Int == 1)
    }
}

extension IndexSourcesTests {
    @Test func addingAPathExtendsAndRemovingTakesOneDocumentOut() throws {
        let (src, idx) = try Self.custom()
        let other = src.deletingLastPathComponent().appendingPathComponent("other.txt")
        try Support.write("第一章 总则\n\n另一份文件，标记词辰巳午未。\n", to: other)
        defer { Support.remove(src.deletingLastPathComponent()) }
        try #require(try Support.run(["index", src.path, "--index", idx.path]).status == 0)

        // Extending: the index keeps its folder and gains the file.
        #expect(try Support.run(["index", other.path, "--index", idx.path]).status == 0)
        #expect(try Self.documents(idx) == ["lowalt.txt", "other.txt", "quantum.txt"])

        // Removing a file of the folder by name: it stays out of later updates.
        let byName = try Support.run(["index", "--remove", "quantum.txt", "--index", idx.path])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "other.txt"])
        #expect(try Support.run(["index", "--index", idx.path]).status == 0)
        #expect(try Self.documents(idx) == ["lowalt.txt", "other.txt"])
        #expect(try Self.total("甲乙丙丁戊", idx) == 0)

        // Removing a source named directly (by path) drops it from the sources.
        #expect(try Support.run(["index", "--remove", other.path, "--index", idx.path]).status == 0)
        let listing = try #require(Support.json(try Support.run(["docs", "--json", "--index", idx.path])))
        #expect(listing["sources"] as? [String] == [src.standardizedFileURL.path])
        #expect(try Self.documents(idx) == ["lowalt.txt"])

        // Adding the removed file's path again brings it back, and its folder stays the one source
        // (the file is not listed again beside it).
        #expect(try Support.run(["index", src.appendingPathComponent("quantum.txt").path, "--index", idx.path]).status == 0)
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])
        #expect(
            Support.json(try Support.run(["docs", "--json", "--index", idx.path]))?["sources"] as? [String] == [
                src.standardizedFileURL.path
            ])

        // A name the index does not have is a usage error that changes nothing.
        let unknown = try Support.run(["index", "--remove", "nosuch.txt", "--index", idx.path])
        #expect(unknown.status == 2 && unknown.stderr.contains("nosuch.txt"), "\(unknown.status) \(unknown.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])
    }

    /// A folder added to an index of files inside it takes their place as the one source; a file
    /// given with its folder is not a source of its own.
    @Test func aFolderHoldingSourcesReplacesThem() throws {
        let (src, idx) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        let file = src.appendingPathComponent("quantum.txt")
        try #require(try Support.run(["index", file.path, "--index", idx.path]).status == 0)
        #expect(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        let sources = { Support.json(try Support.run(["docs", "--json", "--index", idx.path]))?["sources"] as? [String] }
        #expect(try sources() == [src.standardizedFileURL.path])
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])
        // Both at once, file first: one source, the folder.
        #expect(try Support.run(["index", file.path, src.path, "--index", idx.path, "--rebuild"]).status == 0)
        #expect(try sources() == [src.standardizedFileURL.path])
    }

    /// A folder reached through a symbolic link is the folder: a file given through the link
    /// beside the folder, or the link beside the folder, is not a second source; a file of a
    /// source given as a link is removed by its own path or by its path through the link.
    @Test func aFolderThroughALinkIsTheFolder() throws {
        let (src, idx) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        let link = src.deletingLastPathComponent().appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: src.path)
        let sources = { Support.json(try Support.run(["docs", "--json", "--index", idx.path]))?["sources"] as? [String] }
        try #require(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        #expect(try Support.run(["index", link.appendingPathComponent("quantum.txt").path, "--index", idx.path]).status == 0)
        #expect(try Support.run(["index", link.path, "--index", idx.path]).status == 0)
        #expect(try sources() == [src.standardizedFileURL.path])
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])

        // Built from the link: its files are removed by either path, and stay out of updates.
        let other = src.deletingLastPathComponent().appendingPathComponent("idx-link")
        try #require(try Support.run(["index", link.path, "--index", other.path]).status == 0)
        let byRealPath = try Support.run(["index", "--remove", src.appendingPathComponent("quantum.txt").path, "--index", other.path])
        #expect(byRealPath.status == 0, "\(byRealPath.stderr)")
        #expect(try Self.documents(other) == ["lowalt.txt"])
        #expect(try Support.run(["index", "--index", other.path]).status == 0)
        #expect(try Self.documents(other) == ["lowalt.txt"])
        #expect(try Support.run(["index", src.appendingPathComponent("quantum.txt").path, "--index", other.path]).status == 0)
        let byLink = try Support.run(["index", "--remove", link.appendingPathComponent("lowalt.txt").path, "--index", other.path])
        #expect(byLink.status == 0, "\(byLink.stderr)")
        #expect(try Self.documents(other) == ["quantum.txt"])
        // Given again through the link, it is back; the source folder is removed by its own path.
        #expect(try Support.run(["index", link.appendingPathComponent("lowalt.txt").path, "--index", other.path]).status == 0)
        #expect(try Self.documents(other) == ["lowalt.txt", "quantum.txt"])
        let dropped = try Support.run(["index", "--remove", src.path, "--index", other.path])
        #expect(dropped.status == 2 && dropped.stderr.contains("no documents"), "\(dropped.status) \(dropped.stderr)")
    }

    /// A link to a folder inside a source folder is not followed (link loops cannot recur): the
    /// user is told, and giving it as a path indexes what it holds.
    @Test func aFolderLinkInsideASourceIsNamed() throws {
        let (src, idx) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        let elsewhere = src.deletingLastPathComponent().appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Support.write("第一章 总则\n\n链接后的文件，标记词辰巳午未。\n", to: elsewhere.appendingPathComponent("behind.txt"))
        let link = src.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: elsewhere.path)
        let r = try Support.run(["index", src.path, "--index", idx.path])
        #expect(r.status == 0 && r.stderr.contains("\(link.path) is a link to a folder"), "\(r.status) \(r.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])
        let given = try Support.run(["index", link.path, "--index", idx.path])
        #expect(given.status == 0 && !given.stderr.contains("is a link to a folder"), "\(given.status) \(given.stderr)")
        #expect(try Self.documents(idx) == ["behind.txt", "lowalt.txt", "quantum.txt"])
    }

    /// The same text in another encoding is the same document: noted as a copy, as a byte copy is.
    @Test func theSameTextInAnotherEncodingIsNoted() throws {
        let (src, idx) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        let text = try String(contentsOf: src.appendingPathComponent("quantum.txt"), encoding: .utf8)
        try (Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!).write(to: src.appendingPathComponent("quantum-utf16.txt"))
        let r = try Support.run(["index", src.path, "--index", idx.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("note: quantum.txt has the same content as quantum-utf16.txt"), "\(r.stderr)")
        #expect(!r.stderr.contains("lowalt.txt has the same content"))
        // The index keeps it: docs says it of the copy, and a research view covering both says its
        // totals count the text twice (not when --docs leaves one out).
        let docs = try Support.run(["docs", "--index", idx.path])
        #expect(docs.stdout.contains("same content as quantum-utf16.txt: every total counts its mentions again"), "\(docs.stdout)")
        #expect(docs.stdout.components(separatedBy: "same content as").count == 2)
        let json = try Support.run(["docs", "--json", "--index", idx.path])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let same = (listed["documents"] as? [[String: Any]] ?? []).map { ($0["doc"] as? String ?? "", $0["sameContentAs"] as? String) }
        #expect(same.filter { $0.1 != nil }.map { "\($0.0) = \($0.1!)" } == ["quantum.txt = quantum-utf16.txt"], "\(same)")
        let word = String(text.filter { $0.unicodeScalars.first!.value >= 0x4E00 }.prefix(2))
        let both = try Support.run(["compare", word, "--index", idx.path])
        #expect(
            both.stderr.contains("note: quantum-utf16.txt, quantum.txt have the same content: their mentions are counted twice"),
            "\(both.stderr)")
        let compared = try Support.run(["compare", word, "--format", "json", "--index", idx.path])
        let notes = (try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as? [String: Any])?["notes"] as? [String]
        #expect(notes?.contains { $0.contains("have the same content") } == true, "\(compared.stdout.prefix(300))")
        let one = try Support.run(["compare", word, "--docs", "-doc:utf16", "--index", idx.path])
        #expect(one.status == 0 && !one.stderr.contains("same content"), "\(one.stderr)")
        // A third copy: leaving out the one the others were named after still leaves two that count twice.
        try FileManager.default.copyItem(at: src.appendingPathComponent("quantum.txt"), to: src.appendingPathComponent("quantum-copy.txt"))
        #expect(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        let three = try Support.run(["compare", word, "--index", idx.path])
        #expect(
            three.stderr.contains(
                "quantum-copy.txt, quantum-utf16.txt, quantum.txt have the same content: their mentions are counted 3 times"),
            "\(three.stderr)")
        let two = try Support.run(["compare", word, "--docs", "-doc:quantum-copy", "--index", idx.path])
        #expect(
            two.stderr.contains("quantum-utf16.txt, quantum.txt have the same content: their mentions are counted twice"), "\(two.stderr)")
    }

    @Test func aMissingPathIsAUsageErrorAndCreatesNothing() throws {
        let base = try Support.temporaryDirectory("missing-path")
        defer { Support.remove(base) }
        let idx = base.appendingPathComponent("idx"), missing = base.appendingPathComponent("nonexistent")
        let r = try Support.run(["index", missing.path, "--index", idx.path])
        #expect(r.status == 2, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains(missing.path))
        #expect(!FileManager.default.fileExists(atPath: idx.path))

        // Beside an existing index: refused the same way, the index unchanged.
        let (src, idx2) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        try #require(try Support.run(["index", src.path, "--index", idx2.path]).status == 0)
        let again = try Support.run(["index", missing.path, "--index", idx2.path])
        #expect(again.status == 2 && again.stderr.contains(missing.path))
        #expect(try Self.documents(idx2) == ["lowalt.txt", "quantum.txt"])

        // A stored source that vanished is named, with how to drop it; nothing is lost.
        try FileManager.default.moveItem(at: src, to: base.appendingPathComponent("moved"))
        let vanished = try Support.run(["index", "--index", idx2.path])
        #expect(vanished.status == 2 && vanished.stderr.contains(src.path) && vanished.stderr.contains("--remove"), "\(vanished.stderr)")
        #expect(try Self.documents(idx2) == ["lowalt.txt", "quantum.txt"])

        // A custom index folder with no index and no paths.
        let empty = try Support.run(["index", "--index", base.appendingPathComponent("fresh").path])
        #expect(empty.status == 2 && empty.stderr.contains("PATH"), "\(empty.stderr)")
    }

    /// The format version is the little-endian word after the 8-byte magic (IndexFormat.swift):
    /// lowered by one, the index reads as one an earlier version of the program wrote.
    static func makeOlder(_ idx: URL) throws {
        let file = idx.appendingPathComponent("index.psx")
        var bytes = try Data(contentsOf: file)
        bytes[8] = bytes[8] &- 1
        try bytes.write(to: file)
    }

    /// An index of an earlier format version still says what it was built from: the advised
    /// `index --index DIR` rebuilds it from those sources, and a path given is added to them (a
    /// user upgrading loses nothing). A damaged index is replaced only with --rebuild.
    @Test func anOlderFormatIsRebuiltFromItsOwnSources() throws {
        let (src, idx) = try Self.custom()
        let other = src.deletingLastPathComponent().appendingPathComponent("other.txt")
        try Support.write("第一章 总则\n\n另一份文件，标记词辰巳午未。\n", to: other)
        defer { Support.remove(src.deletingLastPathComponent()) }
        try #require(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        try Self.makeOlder(idx)
        let search = try Support.run(["search", "量子", "--index", idx.path])
        #expect(search.status == 3 && search.stderr.contains("policy-search index --index \(idx.path)"), "\(search.stderr)")

        let bare = try Support.run(["index", "--index", idx.path])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])
        #expect(try Self.total("甲乙丙丁戊", idx) == 1)

        // A path given to an older index joins its sources instead of replacing them.
        try Self.makeOlder(idx)
        let added = try Support.run(["index", other.path, "--index", idx.path])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "other.txt", "quantum.txt"])
        #expect(try Self.total("甲乙丙丁戊", idx) == 1)

        // Sources moved since: named as missing without paths; where they went, given as a path,
        // takes their place.
        let moved = src.deletingLastPathComponent().appendingPathComponent("moved")
        try FileManager.default.moveItem(at: src, to: moved)
        try Self.makeOlder(idx)
        let missing = try Support.run(["index", "--index", idx.path])
        #expect(missing.status == 2 && missing.stderr.contains("no longer exists"), "\(missing.status) \(missing.stderr)")
        let relocated = try Support.run(["index", moved.path, "--index", idx.path])
        #expect(relocated.status == 0, "\(relocated.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "other.txt", "quantum.txt"])
        try FileManager.default.moveItem(at: moved, to: src)

        // A damaged index is replaced only with --rebuild.
        let file = idx.appendingPathComponent("index.psx")
        var damaged = try Data(contentsOf: file)
        damaged[damaged.count - 30] ^= 0xFF
        try damaged.write(to: file)
        #expect(try Support.run(["index", src.path, "--index", idx.path]).status == 3)
        let rebuild = try Support.run(["index", src.path, "--rebuild", "--index", idx.path])
        #expect(rebuild.status == 0, "\(rebuild.stderr)")
        #expect(try Self.total("甲乙丙丁戊", idx) == 1)
    }

    /// Removing every document is refused with what to do instead, and the index is untouched; a
    /// version field far from any real version reads as damage, not as another version.
    @Test func removingEverythingIsRefusedAndAWildVersionIsDamage() throws {
        let (src, idx) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        try #require(try Support.run(["index", src.path, "--index", idx.path]).status == 0)
        let r = try Support.run(["index", "--remove", src.path, "--index", idx.path])
        #expect(r.status == 2 && r.stderr.contains("no documents") && r.stderr.contains("nothing was changed"), "\(r.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum.txt"])

        let file = idx.appendingPathComponent("index.psx")
        var bytes = try Data(contentsOf: file)
        bytes[10] = 0xFF
        try bytes.write(to: file)
        let damaged = try Support.run(["search", "量子", "--index", idx.path])
        #expect(damaged.status == 3 && damaged.stderr.contains("damaged") && !damaged.stderr.contains("version 8"), "\(damaged.stderr)")
    }

    /// Two files named alike are told apart by their folder, and each keeps its name while it stays
    /// in the index: removing the other does not hand b/plan.txt's passage ids to another name.
    @Test func documentNamesAreStable() throws {
        let base = try Support.temporaryDirectory("names")
        defer { Support.remove(base) }
        let a = base.appendingPathComponent("src/a"), b = base.appendingPathComponent("src/b"), idx = base.appendingPathComponent("idx")
        for dir in [a, b] { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) }
        try Support.write("第一章 总则\n\n第一份文件，标记词甲乙丙丁戊。\n", to: a.appendingPathComponent("plan.txt"))
        try Support.write("第一章 总则\n\n第二份文件，标记词己庚辛壬癸。\n", to: b.appendingPathComponent("plan.txt"))
        try #require(try Support.run(["index", a.deletingLastPathComponent().path, "--index", idx.path]).status == 0)
        #expect(try Self.documents(idx) == ["b/plan.txt", "plan.txt"])
        let removed = try Support.run(["index", "--remove", a.appendingPathComponent("plan.txt").path, "--index", idx.path])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try Self.documents(idx) == ["b/plan.txt"])
        // --remove takes several names; none of them is read as a path to add.
        try #require(try Support.run(["index", a.appendingPathComponent("plan.txt").path, "--index", idx.path]).status == 0)
        let both = try Support.run(["index", "--remove", "plan.txt", "b/plan.txt", "--index", idx.path])
        #expect(both.status == 2 && both.stderr.contains("no documents"), "\(both.stderr)")
        #expect(try Self.documents(idx) == ["b/plan.txt", "plan.txt"])
        let hit = try #require(
            Support.json(try Support.run(["search", "己庚辛壬癸", "--json", "--index", idx.path]))?["hits"] as? [[String: Any]])
        #expect(hit.first?["doc"] as? String == "b/plan.txt")
    }

    /// What a folder of saved and copied files holds besides documents: a browser's "save page,
    /// complete" folder (page_files/ beside page.html: its widgets are not documents), a link to a
    /// file that is itself indexed (read once), and a copy under another name (indexed, with a note:
    /// its mentions count twice).
    @Test func savedPageFoldersLinksAndCopies() throws {
        let (src, idx) = try Self.custom()
        defer { Support.remove(src.deletingLastPathComponent()) }
        let page = "<html><head><title>发展低空经济的意见</title></head><body><h1>发展低空经济的意见</h1><p>培育低空经济新业态，标记词子丑寅卯。</p></body></html>"
        try Support.write(page, to: src.appendingPathComponent("saved.html"))
        let resources = src.appendingPathComponent("saved_files")
        try FileManager.default.createDirectory(at: resources, withIntermediateDirectories: true)
        try Support.write("<html><body><p>政务服务便民热线12345</p></body></html>", to: resources.appendingPathComponent("widget.html"))
        try FileManager.default.createSymbolicLink(atPath: src.appendingPathComponent("link.txt").path, withDestinationPath: "quantum.txt")
        try FileManager.default.copyItem(at: src.appendingPathComponent("quantum.txt"), to: src.appendingPathComponent("quantum-copy.txt"))
        let r = try Support.run(["index", src.path, "--index", idx.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.documents(idx) == ["lowalt.txt", "quantum-copy.txt", "quantum.txt", "saved.html"])
        #expect(r.stderr.contains("note: quantum.txt has the same content as quantum-copy.txt"), "\(r.stderr)")
        #expect(try Self.total("便民热线", idx) == 0)
        // A link named on the command line is read too (it is the document's name).
        let linked = src.deletingLastPathComponent().appendingPathComponent("idx-link")
        #expect(try Support.run(["index", src.appendingPathComponent("link.txt").path, "--index", linked.path]).status == 0)
        #expect(try Self.documents(linked) == ["link.txt"])
    }

    @Test func aLoneBinaryFileKeepsItsReason() throws {
        let base = try Support.temporaryDirectory("binary")
        defer { Support.remove(base) }
        let file = base.appendingPathComponent("image.txt"), idx = base.appendingPathComponent("idx")
        // The start of an ELF executable: NUL bytes among others.
        try Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0, 1, 0, 0, 0] + Array("第一章".utf8)).write(
            to: file)
        let r = try Support.run(["index", file.path, "--index", idx.path])
        #expect(r.status == 1, "\(r.status) \(r.stderr)")
        #expect(r.stderr.contains("image.txt") && r.stderr.contains("NUL"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: idx.path))
    }

    /// `docs` lists each document with the catalog's metadata (read from corpus/catalog.json here,
    /// independently of the program) and its source path.
    @Test func docsListsTheCatalogMetadataAndSources() throws {
        let base = try Support.temporaryDirectory("docs")
        defer { Support.remove(base) }
        let idx = base.appendingPathComponent("idx")
        try #require(try Support.run(["index", Support.corpus.path, "--index", idx.path]).status == 0)
        let catalog = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Support.corpus.appendingPathComponent("catalog.json")))
                as? [String: [String: String]])
        for command in ["docs", "list"] {
            let r = try Support.run([command, "--json", "--index", idx.path])
            #expect(r.status == 0, "\(r.stderr)")
            let docs = try #require(Support.json(r)?["documents"] as? [[String: Any]])
            #expect(docs.count == catalog.count)
            for d in docs {
                let name = try #require(d["doc"] as? String)
                let meta = try #require(catalog[name])
                #expect(d["title"] as? String == meta["title"])
                #expect(d["region"] as? String == meta["region"])
                #expect(d["date"] as? String == meta["date"])
                #expect(d["format"] as? String == "text")
                #expect((d["passages"] as? Int ?? 0) > 10)
                #expect(d["source"] as? String == Support.corpus.appendingPathComponent(name).path)
            }
        }
        let text = try Support.run(["docs", "--index", idx.path])
        #expect(text.status == 0)
        for (name, meta) in catalog {
            #expect(text.stdout.contains(name) && text.stdout.contains(meta["title"] ?? name))
        }
        // Each issuer the issuer: filter reads is shown after the title it issued.
        let listed = try #require(Support.json(try Support.run(["docs", "--json", "--index", idx.path]))?["documents"] as? [[String: Any]])
        for d in listed {
            if let issuer = d["issuer"] as? String, let title = d["title"] as? String {
                #expect(text.stdout.contains(title + " · " + issuer), "\(issuer)")
            }
        }
        #expect(listed.contains { $0["issuer"] is String })
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    /// `stats` counts characters and character pairs apart; the expected counts come from the
    /// stored passages through the independent oracle (pure CJK text, where NFKC + lowercase
    /// equals the engine's NFKC_Casefold).
    @Test func statsCountsCharactersAndPairsApart() throws {
        let base = try Support.temporaryDirectory("stats")
        defer { Support.remove(base) }
        let file = base.appendingPathComponent("a.txt"), idx = base.appendingPathComponent("idx")
        try Support.write("第一章总则\n\n甲乙甲乙丙。\n\n丙丁，甲。\n", to: file)
        try #require(try Support.run(["index", file.path, "--index", idx.path]).status == 0)
        let r = try Support.run(["stats", "--json", "--index", idx.path])
        let s = try #require(Support.json(r))
        let passages = try #require(
            Support.json(try Support.run(["search", "。 OR 则", "--all", "--json", "--index", idx.path]))?["hits"] as? [[String: Any]]
        )
        .compactMap { $0["text"] as? String }.map(Oracle.normalize)
        #expect(passages.count == 3)
        let characters = Set(passages.flatMap(\.unicodeScalars))
        let pairs = Set(passages.flatMap { p in zip(p.unicodeScalars, p.unicodeScalars.dropFirst()).map { "\($0)\($1)" } })
        #expect(s["characters"] as? Int == characters.count)
        #expect(s["characterPairs"] as? Int == pairs.count)
        #expect(s["terms"] as? Int == characters.count + pairs.count)
        #expect(s["documents"] as? Int == 1)
        #expect((s["documentList"] as? [[String: Any]])?.first?["format"] as? String == "text")
        let text = try Support.run(["stats", "--index", idx.path]).stdout
        #expect(text.contains("\(characters.count) distinct characters and \(pairs.count) distinct character pairs"))
        #expect(!text.contains("terms      \(characters.count + pairs.count) distinct characters"))
    }

    @Test func threadsHelpSaysTheDefaultOnce() throws {
        let help = try Support.run(["index", "--help"]).stdout
        let line = try #require(help.split(separator: "\n").last { $0.contains("--threads") })
        #expect(line.components(separatedBy: "default").count - 1 == 1, "\(line)")
    }
}

extension IndexSourcesTests {
    /// The synonyms.txt beside the indexed documents is used — here in the folder of the second
    /// root's document, found through the folders the index keeps — and an edit to it is seen by
    /// the next search without reindexing.
    @Test func synonymsBesideTheDocumentsAreFoundAndFollowEdits() throws {
        let (src, idx) = try Self.custom()
        let base = src.deletingLastPathComponent()
        defer { Support.remove(base) }
        let other = base.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Support.write("第一章 总则\n\n发展量子通信产业，标记词辰巳午未。\n", to: other.appendingPathComponent("comm.txt"))
        try Support.write("量子纠缠通信 = 量子通信\n", to: other.appendingPathComponent("synonyms.txt"))
        try #require(try Support.run(["index", src.path, other.path, "--index", idx.path]).status == 0)
        #expect(try Self.total("量子纠缠通信", idx) == 2, "both forms of the group beside comm.txt")
        #expect(try Self.total("\"量子纠缠通信\"", idx) == 1)

        try Support.write("# emptied\n", to: other.appendingPathComponent("synonyms.txt"))
        #expect(try Self.total("量子纠缠通信", idx) == 1)
    }
}

extension IndexSourcesTests {
    /// A synonyms.txt at the top of an indexed folder applies to documents in its subfolders; an
    /// excluded part excludes its group's forms too, and says so.
    @Test func synonymsAtTheTopOfAnIndexedFolderApply() throws {
        let base = try Support.temporaryDirectory("sources-top")
        defer { Support.remove(base) }
        let top = base.appendingPathComponent("plans"), sub = top.appendingPathComponent("2021")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try Support.write("第一章 总则\n\n推进量子纠缠通信产业发展。\n\n发展量子通信网络。\n", to: sub.appendingPathComponent("q.txt"))
        try Support.write("量子纠缠通信 = 量子通信\n", to: top.appendingPathComponent("synonyms.txt"))
        let idx = base.appendingPathComponent("idx")
        try #require(try Support.run(["index", top.path, "--index", idx.path]).status == 0)
        #expect(try Self.total("量子纠缠通信", idx) == 2)
        let excluded = try Support.run(["search", "发展 -量子通信", "--index", idx.path, "--json"])
        #expect(Support.json(excluded)?["total"] as? Int == 0)
        let notes = Support.json(excluded)?["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("excluding “量子通信” also excludes “量子纠缠通信”") }, "\(notes)")
    }
}
