import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams an index file to disk section by section (format in `IndexFormat`), computing each
/// 16 KiB block's CRC on the way, so the writer never holds a second copy of the index in memory.
/// The file is a temporary one; `commit()` fsyncs it, renames it into place and fsyncs the folder.
final class IndexFileWriter {
    private let url: URL
    private let temp: URL
    private let fd: Int32
    private var offset = 0
    private var table = IndexFormat.SectionTable()
    private var committed = false

    // The open section.
    private var kind: IndexFormat.Section?
    private var sectionStart = 0
    private var block: [UInt8] = []
    private var crcs: [UInt32] = []

    init(url: URL) throws {
        self.url = url
        temp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw IndexError.io(path: temp.path, detail: "cannot create: \(String(cString: strerror(errno)))") }
        block.reserveCapacity(IndexFormat.blockSize)
        var header = ByteBuffer()
        IndexFormat.Header(version: IndexFormat.version).encode(into: &header)
        try raw(header.bytes)
    }

    deinit {
        if !committed {
            close(fd)
            unlink(temp.path)
        }
    }

    private func raw(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { b in
            var done = 0
            while done < b.count {
                let n = Foundation.write(fd, b.baseAddress! + done, b.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IndexError.io(path: temp.path, detail: "write failed: \(String(cString: strerror(errno)))")
                }
                done += n
            }
        }
        offset += bytes.count
    }

    func begin(_ section: IndexFormat.Section) throws {
        precondition(kind == nil)
        let pad = (8 - offset % 8) % 8
        if pad > 0 { try raw([UInt8](repeating: 0, count: pad)) }
        kind = section
        sectionStart = offset
        crcs = []
        block.removeAll(keepingCapacity: true)
    }

    func append(_ bytes: [UInt8]) throws {
        var i = 0
        while i < bytes.count {
            let n = min(IndexFormat.blockSize - block.count, bytes.count - i)
            block.append(contentsOf: bytes[i..<(i + n)])
            i += n
            if block.count == IndexFormat.blockSize { try flushBlock() }
        }
    }

    private func flushBlock() throws {
        guard !block.isEmpty else { return }
        crcs.append(CRC32.checksum(block))
        try raw(block)
        block.removeAll(keepingCapacity: true)
    }

    func end() throws {
        guard let k = kind else { return }
        try flushBlock()
        table.entries.append(.init(kind: k.rawValue, offset: sectionStart, length: offset - sectionStart, crcs: crcs))
        kind = nil
    }

    func section(_ s: IndexFormat.Section, _ bytes: [UInt8]) throws {
        try begin(s)
        try append(bytes)
        try end()
    }

    /// A section encoded by `encode` (a codec's `encode(into:)`).
    func section(_ s: IndexFormat.Section, _ encode: (inout ByteBuffer) -> Void) throws {
        var out = ByteBuffer()
        encode(&out)
        try section(s, out.bytes)
    }

    /// Writes the section table and footer, fsyncs, renames over `url`, fsyncs the folder.
    func commit() throws {
        let pad = (8 - offset % 8) % 8
        if pad > 0 { try raw([UInt8](repeating: 0, count: pad)) }
        var t = ByteBuffer()
        table.encode(into: &t)
        let tableOffset = offset
        try raw(t.bytes)
        var footer = ByteBuffer()
        IndexFormat.Footer(tableOffset: tableOffset, tableLength: t.count, tableCRC: CRC32.checksum(t.bytes)).encode(into: &footer)
        try raw(footer.bytes)
        guard fsync(fd) == 0 else { throw IndexError.io(path: temp.path, detail: "fsync failed: \(String(cString: strerror(errno)))") }
        close(fd)
        committed = true
        guard rename(temp.path, url.path) == 0 else {
            let e = errno
            unlink(temp.path)
            throw IndexError.io(path: url.path, detail: "rename failed: \(String(cString: strerror(e)))")
        }
        let dfd = open(url.deletingLastPathComponent().path, O_RDONLY)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}
