#if canImport(Glibc)
import Glibc
#endif

/// Copies an open file's bytes into a new file, for the two moves a `rename` cannot do:
/// keeping the bytes that were read when the name was replaced or deleted meanwhile, and
/// crossing file systems (`EXDEV`).
enum FileCopy {
    /// Writes every byte of `input`, from its start, to a new file at `target` (which must
    /// not exist), fsynced. On failure the target is removed.
    /// - Returns: how many bytes were copied.
    static func copy(from input: Int32, to target: String) throws(FileSystemError) -> Int {
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileSystemError(.copy, "cannot create the copy", errno: errno, path: target) }
        func fail(_ message: String) -> FileSystemError {
            let code = errno
            close(output)
            unlink(target)
            return FileSystemError(.copy, message, errno: code, path: target)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(input, $0.baseAddress, $0.count, offset) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw fail("cannot read what is copied to") }
            if count == 0 { break }
            var written = 0
            while written < count {
                let step = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if step < 0 && errno == EINTR { continue }
                guard step > 0 else { throw fail("cannot write the copy") }
                written += step
            }
            offset += off_t(count)
        }
        guard fsync(output) == 0 else { throw fail("cannot sync the copy") }
        guard close(output) == 0 else {
            let code = errno
            unlink(target)
            throw FileSystemError(.copy, "cannot close the copy", errno: code, path: target)
        }
        return Int(offset)
    }
}
