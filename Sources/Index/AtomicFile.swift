import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe replacement of a file: temp file in the same folder, fsync, rename, fsync folder.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temp = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw IndexError.io(path: temp.path, detail: "cannot create: \(String(cString: strerror(errno)))") }
        var ok = true
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                done += n
            }
        }
        let err = errno
        if !ok || fsync(fd) != 0 {
            close(fd)
            unlink(temp.path)
            throw IndexError.io(path: temp.path, detail: "write failed: \(String(cString: strerror(err)))")
        }
        close(fd)
        guard rename(temp.path, url.path) == 0 else {
            let e = errno
            unlink(temp.path)
            throw IndexError.io(path: url.path, detail: "rename failed: \(String(cString: strerror(e)))")
        }
        let dfd = open(directory.path, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }
}
