import Foundation

/// Which files an index is built from: its stored roots (`IndexManifest`), paths added to them,
/// documents removed from them. Everything here is checked before anything is written, so a typo
/// in a path creates nothing and a stored source that vanished is reported, not silently dropped.
public struct IndexUpdate: Sendable {
    /// Files or folders to add to the index's sources.
    public var adding: [URL] = []
    /// Documents (file name or path) or sources (as given) to take out.
    public var removing: [String] = []
    /// Re-analyze every file instead of reusing unchanged ones.
    public var rebuild = false
    /// The sources of an index that does not exist yet and is given no paths (the bundled corpus
    /// for the default index); empty means such an index cannot be built.
    public var defaultRoots: [URL] = []

    public init(adding: [URL] = [], removing: [String] = [], rebuild: Bool = false, defaultRoots: [URL] = []) {
        self.adding = adding
        self.removing = removing
        self.rebuild = rebuild
        self.defaultRoots = defaultRoots
    }
}

extension IndexBuilder {
    /// Updates (or first builds) the index in `directory` from its stored sources, changed by
    /// `update`: added paths join the roots, removed documents leave (a removed root is dropped; a
    /// file inside a root folder stays excluded from later updates).
    public static func update(
        _ directory: URL, _ update: IndexUpdate, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        onWait: (Int32) -> Void = { _ in }
    ) throws -> IndexBuildReport {
        for url in update.adding where !FileManager.default.fileExists(atPath: url.path) {
            throw IndexError.sourceMissing(path: url.path, index: nil)
        }
        let existed = FileManager.default.fileExists(atPath: directory.path)
        if !existed, update.adding.isEmpty, update.defaultRoots.isEmpty { throw IndexError.noSources(index: directory.path) }
        // The sources are read under the lock: a run that waited for another builds on what that
        // one wrote (two runs adding paths at once both keep theirs).
        let lock = try lockFolder(directory, onWait: onWait)
        do {
            let manifest = try resolve(directory, update)
            return try build(
                manifest, into: directory, rebuild: update.rebuild, threads: threads, onWait: onWait, held: (lock, existed))
        } catch {
            if !existed { try? FileManager.default.removeItem(at: directory) }
            throw error
        }
    }

    /// The manifest an update leads to, every path checked.
    static func resolve(_ directory: URL, _ update: IndexUpdate) throws -> IndexManifest {
        for url in update.adding where !FileManager.default.fileExists(atPath: url.path) {
            throw IndexError.sourceMissing(path: url.path, index: nil)
        }
        let fallback = IndexManifest(roots: update.defaultRoots.map { IndexManifest.absolute($0.path) })
        // Paths given with --rebuild replace sources that cannot be read (a damaged index, or one
        // of another format version whose sources cannot be read either): the advice the errors
        // give. An index of another format version takes paths given even without --rebuild: it
        // must be rebuilt anyway, and `index PATH --index DIR` after an upgrade should just work.
        let replaceable = !update.adding.isEmpty && (update.rebuild || Self.hasOtherVersion(directory))
        var manifest =
            try stored(directory, orDefault: update.defaultRoots.isEmpty ? nil : fallback, replaceable: replaceable) ?? fallback
        for url in update.adding { manifest.add(IndexManifest.absolute(url.path)) }
        for name in update.removing { try remove(name, from: &manifest, directory) }
        guard !manifest.roots.isEmpty else {
            if !update.removing.isEmpty { throw IndexError.wouldBeEmpty(index: directory.path) }
            throw IndexError.noSources(index: directory.path)
        }
        for root in manifest.roots where !FileManager.default.fileExists(atPath: root) {
            throw IndexError.sourceMissing(path: root, index: directory.path)
        }
        if !update.removing.isEmpty, scan(manifest).sources.isEmpty { throw IndexError.wouldBeEmpty(index: directory.path) }
        return manifest
    }

    /// The stored manifest; nil when there is no index yet. An index of an earlier format version
    /// gives its own when it can still be read (`IndexReader.manifest(in:olderVersion:)`), else it
    /// is rebuilt from `orDefault` when the index has default sources. An unreadable one that is
    /// `replaceable` counts as no index.
    private static func stored(_ directory: URL, orDefault: IndexManifest?, replaceable: Bool) throws -> IndexManifest? {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(IndexFormat.fileName).path) else { return nil }
        do { return try IndexReader.manifest(in: directory) } catch let e as IndexError {
            // An index of an earlier format still says what it was built from: it is rebuilt from
            // those sources, with any paths given added to them (when paths are given, sources
            // that no longer exist are dropped: the paths say where they went).
            if case .incompatibleVersion = e, var old = try? IndexReader.manifest(in: directory, olderVersion: true),
                !old.roots.isEmpty
            {
                if replaceable { old.roots.removeAll { !FileManager.default.fileExists(atPath: $0) } }
                return old
            }
            if replaceable { return IndexManifest(roots: []) }
            if case .incompatibleVersion = e, let orDefault { return orDefault }
            throw IndexError.sourcesUnreadable(index: directory.path, detail: e.cause)
        }
    }

    /// Whether `directory` holds an index file of another format version.
    static func hasOtherVersion(_ directory: URL) -> Bool {
        do {
            _ = try IndexReader.manifest(in: directory)
            return false
        } catch let e as IndexError {
            if case .incompatibleVersion = e { return true }
            return false
        } catch { return false }
    }

    /// Takes `name` out of the sources: a root as given, else a document by file name or path
    /// (dropped from the roots if it is one, and kept out of any root folder that holds it).
    private static func remove(_ name: String, from manifest: inout IndexManifest, _ directory: URL) throws {
        let path = IndexManifest.absolute(name), real = IndexManifest.real(path)
        if let i = manifest.roots.firstIndex(where: { $0 == path || IndexManifest.real($0) == real }) {
            let root = manifest.roots.remove(at: i)
            manifest.excluded.removeAll { $0.hasPrefix(root + "/") || $0.hasPrefix(real + "/") }
            exclude(root, from: &manifest)
            return
        }
        guard let reader = try? IndexReader(directory: directory) else { throw IndexError.notIndexed(name: name, index: directory.path) }
        for d in 0..<reader.documentCount {
            let info = try reader.documentInfo(d)
            guard info.name == name || info.source.path == path || info.source.path == real else { continue }
            let source = IndexManifest.absolute(info.source.path)
            manifest.roots.removeAll { $0 == source }
            exclude(source, from: &manifest)
            return
        }
        throw IndexError.notIndexed(name: name, index: directory.path)
    }

    /// Keeps `path` out of the remaining root folders that contain it (a folder reached through
    /// a link contains what lies in its target).
    private static func exclude(_ path: String, from manifest: inout IndexManifest) {
        let covered = manifest.roots.contains { path.hasPrefix($0 + "/") || path.hasPrefix(IndexManifest.real($0) + "/") }
        if covered, !manifest.excluded.contains(path) { manifest.excluded.append(path) }
    }

    /// The files of a manifest: its roots scanned, excluded files left out.
    static func scan(
        _ manifest: IndexManifest
    ) -> (sources: [SourceScanner.Source], problems: [(String, String)], folderLinks: [String]) {
        let (found, problems, folderLinks) = SourceScanner.scan(manifest.roots.map { URL(fileURLWithPath: $0) })
        // A file reached through two roots (a folder and the file itself) is indexed once.
        var seen = Set(manifest.excluded)
        let sources = found.filter { seen.insert(IndexManifest.absolute($0.url.path)).inserted }
        // A link to a folder that is a root itself is read through that root.
        let roots = manifest.roots.map(IndexManifest.real)
        return (sources, problems, folderLinks.filter { link in !roots.contains(IndexManifest.real(link)) })
    }

    /// Whether the index in `directory` was built from its sources as they are now (a stat of each
    /// file, no reading); false when there is no readable index.
    public static func isCurrent(_ directory: URL) -> Bool {
        guard let reader = try? IndexReader(directory: directory), let manifest = try? reader.manifest() else { return false }
        return SourceScanner.fingerprint(scan(manifest).sources) == reader.fingerprint
    }
}
