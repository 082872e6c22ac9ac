import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on an index folder (`flock` on `.lock`, holding the owner's pid), so two
/// writers serialize. Readers never take it: they read the last complete file.
public final class IndexLock {
    private let fd: Int32

    /// Takes the lock, waiting if another process holds it; `onWait` is told that process's pid.
    public init(directory: URL, wait: Bool = true, onWait: (Int32) -> Void = { _ in }) throws {
        let path = directory.appendingPathComponent(".lock").path
        fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw IndexError.io(path: path, detail: "cannot open lock: \(String(cString: strerror(errno)))") }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let holder = IndexLock.readPID(fd)
            guard wait else {
                close(fd)
                throw IndexError.locked(path: directory.path, pid: holder)
            }
            onWait(holder)
            while flock(fd, LOCK_EX) != 0 {
                if errno != EINTR {
                    close(fd)
                    throw IndexError.io(path: path, detail: String(cString: strerror(errno)))
                }
            }
        }
        ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    private static func readPID(_ fd: Int32) -> Int32 {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, 31, 0)
        guard n > 0 else { return 0 }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
