import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one-daemon-per-state-folder rule: `serve` holds an exclusive `flock` on the state
/// folder itself — its directory, which nobody removes while the daemon runs in it, unlike
/// a lock file that an operator may delete as "stale" — for as long as it runs. Its pid is
/// written in `<state>/serve.lock` so that a second `serve` can say who holds the folder;
/// that file is only a note, and deleting it changes nothing. The kernel drops the lock
/// when the process dies, however it dies, so a restart is never blocked.
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
        let note = (stateFolder as NSString).appendingPathComponent(Self.fileName)
        let fd = open(stateFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(.lock, "cannot lock", errno: errno, path: stateFolder) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            guard code == EWOULDBLOCK else { throw FileSystemError(.lock, "cannot lock", errno: code, path: stateFolder) }
            let text = (try? String(contentsOfFile: note, encoding: .utf8)) ?? ""
            throw Self.held(stateFolder, by: Int32(text.prefix(32).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        descriptor = fd
        // The holder's pid, for the message above; a failure to write it is no failure to lock.
        try? AtomicFile.write(Array("\(getpid())\n".utf8), to: note)
    }

    deinit { close(descriptor) }
}
