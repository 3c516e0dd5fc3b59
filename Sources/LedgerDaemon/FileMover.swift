import CLinuxSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Moves inbox files without ever overwriting or losing one (SPEC §6.1, §12): a taken name
/// gets `-1`, `-2`, … before its extension, the rename is atomic and never replaces, and
/// both folders are fsynced so the move survives a power loss.
struct FileMover {
    struct MoveError: Error, CustomStringConvertible {
        var path: String
        var errno: Int32
        var description: String { "cannot move \(path): \(String(cString: strerror(errno)))" }
    }

    /// Moves `source` into `folder` under its own name or the first free suffixed one.
    /// `companions` are suffixes that must also be free (`.errors.json`).
    /// - Returns: the destination path.
    static func move(_ source: String, into folder: String, companions: [String] = []) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let name = (source as NSString).lastPathComponent
        var attempt = 0
        while true {
            let candidate = (folder as NSString).appendingPathComponent(suffixed(name, attempt))
            let companionsFree = companions.allSatisfy { !FileManager.default.fileExists(atPath: candidate + $0) }
            if companionsFree {
                if ledger_rename_noreplace(source, candidate) == 0 {
                    syncDirectory(folder)
                    syncDirectory((source as NSString).deletingLastPathComponent)
                    return candidate
                }
                guard errno == EEXIST else { throw MoveError(path: source, errno: errno) }
            }
            attempt += 1
        }
    }

    /// `week.json` → `week-1.json`; a name without extension gets the suffix at its end.
    static func suffixed(_ name: String, _ attempt: Int) -> String {
        guard attempt > 0 else { return name }
        let ns = name as NSString
        let ext = ns.pathExtension
        if ext.isEmpty || ns.deletingPathExtension.isEmpty { return "\(name)-\(attempt)" }
        return "\(ns.deletingPathExtension)-\(attempt).\(ext)"
    }

    /// Writes a file atomically: temporary name, fsync, rename, fsync of the folder.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MoveError(path: temporary, errno: errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 { if errno == EINTR { continue }; let code = errno; close(fd); throw MoveError(path: temporary, errno: code) }
            written += count
        }
        fsync(fd)
        close(fd)
        guard rename(temporary, path) == 0 else { throw MoveError(path: path, errno: errno) }
        syncDirectory(folder)
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
