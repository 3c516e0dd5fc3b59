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

    /// Another daemon already serves this state folder.
    public struct Held: Error, CustomStringConvertible {
        public var path: String
        public var holder: Int32?
        public var description: String {
            "another `reformledger serve` (pid \(holder.map(String.init) ?? "unknown")) holds \(path); only one daemon may serve a state folder"
        }
    }

    public struct Failed: Error, CustomStringConvertible {
        public var path: String
        public var errno: Int32
        public var description: String { "cannot lock \(path): \(String(cString: strerror(errno)))" }
    }

    public init(stateFolder: String) throws {
        let path = (stateFolder as NSString).appendingPathComponent(Self.fileName)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failed(path: path, errno: errno) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            defer { close(fd) }
            guard code == EWOULDBLOCK else { throw Failed(path: path, errno: code) }
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 31, 0) }
            let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
            throw Held(path: path, holder: Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        descriptor = fd
    }

    deinit { close(descriptor) }
}
