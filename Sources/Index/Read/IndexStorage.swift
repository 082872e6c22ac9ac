import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of one index file, owned: a read-only mapping that is unmapped when the last holder
/// lets go (tantivy's `OwnedBytes`, swift-nio's `ByteBuffer._Storage`). The reader and every view
/// it hands out — postings cursors, the lengths array — hold a reference, so a view kept after its
/// reader is released still reads mapped memory. Immutable after `init`, hence `Sendable`.
public final class IndexStorage: @unchecked Sendable {
    /// The whole file.
    let bytes: UnsafeRawBufferPointer
    private let release: Release

    private enum Release {
        case unmap
        case deallocate
    }

    /// Maps `path` read-only; `size` is the file's size as `fstat` reported it (at least 1).
    init(mapping fd: Int32, size: Int, path: String) throws {
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            throw IndexError.io(path: path, detail: "mmap failed: \(String(cString: strerror(errno)))")
        }
        bytes = UnsafeRawBufferPointer(start: map, count: size)
        release = .unmap
    }

    /// A private copy of `image`: for index images that do not come from a file (tests, fuzzing).
    public init(copying image: [UInt8]) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(image.count, 1), alignment: 16)
        image.withUnsafeBytes { buffer.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[0..<image.count])
        release = .deallocate
    }

    deinit {
        switch release {
        case .unmap: munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        case .deallocate: UnsafeMutableRawPointer(mutating: bytes.baseAddress)?.deallocate()
        }
    }

    var count: Int { bytes.count }
}
