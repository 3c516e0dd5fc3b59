import CLinuxSupport
import Foundation
import LedgerReports
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

    static func syncDirectory(_ path: String) { AtomicFile.syncDirectory(path) }
}
