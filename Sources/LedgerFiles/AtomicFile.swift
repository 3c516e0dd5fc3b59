import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Writes a file so that readers see either nothing or all of it, even after a power loss:
/// temporary name, fsync, rename, fsync of the folder (CONTRACT §7.3).
///
/// Any failure (a full disk at `write`, `fsync` or `close`, a read-only folder) removes
/// the temporary file before throwing, so nothing half-written is ever left behind.
public enum AtomicFile {
    /// - Parameter permissions: of the new file; 0600 for what only the daemon may read.
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t = 0o644) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError.creatingFolder(folder, error)
        }
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, permissions)
        guard fd >= 0 else { throw FileSystemError(.open, "cannot write", errno: errno, path: temporary) }
        func fail(_ code: Int32, closing: Bool) -> FileSystemError {
            if closing { close(fd) }
            unlink(temporary)
            return FileSystemError(.write, "cannot write", errno: code, path: path)
        }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail(errno, closing: true)
            }
            written += count
        }
        // A full disk may only show at fsync or close (delayed allocation, NFS).
        guard fsync(fd) == 0 else { throw fail(errno, closing: true) }
        guard close(fd) == 0 else { throw fail(errno, closing: false) }
        guard rename(temporary, path) == 0 else { throw fail(errno, closing: false) }
        syncDirectory(folder)
    }

    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
