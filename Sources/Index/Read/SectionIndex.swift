import Foundation

/// The sections of an open index file: where each lies, and which of its 16 KiB blocks have had
/// their CRC checked. Opening checks the header, footer and section table only (a cost independent
/// of the corpus); a block is checked the first time anything reads it, so damage anywhere is
/// reported before a wrong answer can be given.
final class SectionIndex: @unchecked Sendable {
    private let storage: IndexStorage
    private let path: String
    /// Flat, indexed by `Section.rawValue`: this is on every read path.
    private var offsets = [Int](repeating: 0, count: 16)
    private var lengths = [Int](repeating: 0, count: 16)
    private var crcs = [[UInt32]](repeating: [], count: 16)
    private var verified = [[Bool]](repeating: [], count: 16)
    private var unverified = [Int](repeating: 0, count: 16)
    private let lock = NSLock()

    /// - Parameter olderVersion: also open a file of an earlier format version whose header, table
    ///   and footer read as this version's do (their layout has not changed since), for its
    ///   sources alone (`IndexReader.manifest(in:olderVersion:)`); no other section is required.
    init(_ storage: IndexStorage, path: String, olderVersion: Bool = false) throws {
        self.storage = storage
        self.path = path
        let file = storage.bytes
        guard let header = try? IndexFormat.Header.decode(file) else { throw IndexError.notAnIndex(path: path) }
        let older = olderVersion && header.version >= 1 && header.version < IndexFormat.version
        guard header.version == IndexFormat.version || older else {
            // Versions only ever counted up from 1 by ones: a number far from ours is damage.
            guard header.version >= 1, header.version <= IndexFormat.version + 100 else {
                throw IndexError.corrupted(path: path, part: "header", detail: "format version field reads \(header.version)")
            }
            throw IndexError.incompatibleVersion(path: path, found: header.version, supported: IndexFormat.version)
        }
        let footer: IndexFormat.Footer
        do { footer = try IndexFormat.Footer.decode(file) } catch let e as MalformedRecord {
            throw IndexError.corrupted(path: path, part: "footer", detail: e.detail)
        }
        let tableBytes = UnsafeRawBufferPointer(rebasing: file[footer.tableOffset..<(footer.tableOffset + footer.tableLength)])
        guard CRC32.checksum(tableBytes) == footer.tableCRC else {
            throw IndexError.corrupted(path: path, part: "section table", detail: "checksum mismatch")
        }
        let table: IndexFormat.SectionTable
        do { table = try .parse(tableBytes, limit: footer.tableOffset) } catch let e as MalformedRecord {
            throw IndexError.corrupted(path: path, part: "section table", detail: e.detail)
        }
        var present = Set<IndexFormat.Section>()
        for e in table.entries {
            guard let kind = IndexFormat.Section(rawValue: e.kind) else { continue }
            let k = Int(e.kind)
            (offsets[k], lengths[k], crcs[k]) = (e.offset, e.length, e.crcs)
            verified[k] = [Bool](repeating: false, count: e.crcs.count)
            unverified[k] = e.crcs.count
            present.insert(kind)
        }
        for s in IndexFormat.Section.allCases where !present.contains(s) && !older {
            throw IndexError.corrupted(path: path, part: "section table", detail: "\(s.name) section missing")
        }
        guard header.flags == 0 else { throw IndexError.corrupted(path: path, part: "header", detail: "flags field reads \(header.flags)") }
        let parts =
            [
                0..<IndexFormat.headerSize, footer.tableOffset..<(footer.tableOffset + footer.tableLength),
                (file.count - IndexFormat.footerSize)..<file.count
            ]
            + table.entries.map { $0.offset..<($0.offset + $0.length) }
        if let gap = Self.damagedPadding(file, outside: parts) {
            throw IndexError.corrupted(path: path, part: "alignment padding", detail: "byte \(gap) is not zero")
        }
    }

    /// The first byte outside every part (header, sections, table, footer) that is not zero: the
    /// writer pads sections to 8 bytes with zeros, so a flipped padding byte is damage too.
    private static func damagedPadding(_ file: UnsafeRawBufferPointer, outside parts: [Range<Int>]) -> Int? {
        var at = 0
        for part in parts.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if part.lowerBound > at, let bad = (at..<min(part.lowerBound, file.count)).first(where: { file[$0] != 0 }) { return bad }
            at = max(at, part.upperBound)
        }
        return (at..<file.count).first { file[$0] != 0 }
    }

    func offset(_ s: IndexFormat.Section) -> Int { offsets[Int(s.rawValue)] }
    func length(_ s: IndexFormat.Section) -> Int { lengths[Int(s.rawValue)] }

    func checkLength(_ s: IndexFormat.Section, _ expected: Int) throws {
        guard length(s) == expected else {
            throw IndexError.corrupted(path: path, part: s.name, detail: "length \(length(s)), expected \(expected)")
        }
    }

    /// Bytes [start, start+count) of a section, after checking bounds and the CRC of every block
    /// they touch (each block once per reader).
    func bytes(_ section: IndexFormat.Section, _ start: Int, _ count: Int) throws -> UnsafeRawBufferPointer {
        let k = Int(section.rawValue)
        let length = lengths[k]
        guard start >= 0, count >= 0, start <= length, count <= length - start else {
            throw IndexError.corrupted(path: path, part: section.name, detail: "reference [\(start), +\(count)) outside the section")
        }
        let base = storage.bytes.baseAddress! + offsets[k]
        let result = UnsafeRawBufferPointer(start: base + start, count: count)
        if count == 0 { return result }
        lock.lock()
        defer { lock.unlock() }
        if unverified[k] == 0 { return result }
        for b in (start / IndexFormat.blockSize)...((start + count - 1) / IndexFormat.blockSize) where !verified[k][b] {
            let lo = b * IndexFormat.blockSize
            let block = UnsafeRawBufferPointer(start: base + lo, count: min(length, lo + IndexFormat.blockSize) - lo)
            guard CRC32.checksum(block) == crcs[k][b] else {
                throw IndexError.corrupted(path: path, part: section.name, detail: "checksum mismatch in block \(b)")
            }
            verified[k][b] = true
            unverified[k] -= 1
        }
        return result
    }
}
