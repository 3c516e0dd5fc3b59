import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one-daemon-per-state-folder rule: `serve` holds an exclusive `flock` on
/// `<state>/serve.lock` for as long as it runs, with its pid written inside so that a
/// second `serve` can say who holds it. The kernel drops the lock when the process dies,
/// however it dies, so a stale lock file never blocks a restart.
public final class StateLock: Sendable {
    public static let fileName = "serve.lock"
    let descriptor: Int32

    /// Another daemon already serves this state folder (`FileSystemError.Code.lockHeld`).
    static func held(_ path: String, by holder: Int32?) -> FileSystemError {
        FileSystemError(
            .lockHeld, "another `reformledger serve` (pid \(holder.map(String.init) ?? "unknown")) holds the state folder; only one daemon may serve it:",
            path: path)
    }

    public init(stateFolder: String) throws {
        let path = (stateFolder as NSString).appendingPathComponent(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(.lock, "cannot lock", errno: errno, path: path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            defer { close(fd) }
            guard code == EWOULDBLOCK else { throw FileSystemError(.lock, "cannot lock", errno: code, path: path) }
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
            let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
            throw Self.held(path, by: Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
