import CLinuxSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Moves inbox files without ever overwriting or losing one (CONTRACT §6.1, §12): a taken name
/// gets `-1`, `-2`, … before its extension, the rename is atomic and never replaces, and
/// both folders are fsynced so the move survives a power loss.
public enum FileMover {
    static func failure(_ path: String, _ code: Int32) -> FileSystemError {
        FileSystemError(.rename, "cannot move", errno: code, path: path)
    }

    /// How an opened file reached its folder.
    public enum Moved: Equatable {
        /// Its name was moved: the usual case.
        case renamed(String)
        /// The name was deleted or now names another file: the bytes that were read were
        /// written there from the open descriptor, and any replacement stays for its turn.
        case copied(String)
    }

    /// The file changed in place while it was read: the bytes read are no longer there to
    /// move. It stays in the inbox and is taken again as the new file it now is.
    static func changedWhileRead(_ path: String) -> FileSystemError {
        FileSystemError(.changedWhileRead, "written to while it was being read; it stays in the inbox for its own turn", path: path)
    }

    /// Moves the file that `file` opened into `folder`, by the descriptor's identity: the
    /// inode and size are re-checked just before the rename (CONTRACT §6: the bytes that were
    /// hashed and ingested are the bytes that are moved).
    /// - Parameter companions: suffixes that must be free beside the destination
    ///   (`.errors.json`); `writeCompanions` writes them, given the destination, before the
    ///   file is renamed there, so that a rejected file never arrives without its errors
    ///   (a full disk then fails the move, and the file stays in the inbox).
    public static func move(_ file: SafeFile, into folder: String, companions: [String] = [], writeCompanions: Companions? = nil) throws -> Moved {
        switch file.identity() {
        case .same:
            return .renamed(try move(file.path, into: folder, companions: companions, writeCompanions: writeCompanions))
        case .changed:
            throw changedWhileRead(file.path)
        case .gone, .replaced:
            try createFolder(folder)
            let name = (file.path as NSString).lastPathComponent
            let destination = try placeCopy(into: folder, name: name, companions: companions, writeCompanions: writeCompanions) { staging in
                try file.copyContents(to: staging)
            }
            syncDirectory(folder)
            return .copied(destination)
        }
    }

    /// Moves `source` into `folder` under its own name or the first free suffixed one.
    /// `companions` are suffixes that must also be free (`.errors.json`).
    /// - Returns: the destination path.
    public static func move(_ source: String, into folder: String, companions: [String] = [], writeCompanions: Companions? = nil) throws -> String {
        try move(
            cPath(source), name: (source as NSString).lastPathComponent, from: (source as NSString).deletingLastPathComponent,
            into: folder, companions: companions, writeCompanions: writeCompanions)
    }

    /// Writes the companion files of a destination path.
    public typealias Companions = (String) throws -> Void

    /// Moves an entry whose name is raw bytes (not UTF-8) into `folder` as `name`.
    public static func move(
        _ source: [CChar], name: String, from sourceFolder: String, into folder: String, companions: [String] = [],
        writeCompanions: Companions? = nil
    ) throws -> String {
        try createFolder(folder)
        let destination = try place(source, name: name, in: folder, companions: companions, writeCompanions: writeCompanions)
        syncDirectory(folder)
        syncDirectory(sourceFolder)
        return destination
    }

    private static func place(
        _ source: [CChar], name: String, in folder: String, companions: [String],
        writeCompanions: Companions?
    ) throws -> String {
        let name = fitting(name)
        var attempt = 0
        while true {
            let candidate = (folder as NSString).appendingPathComponent(suffixed(name, attempt))
            let companionsFree = companions.allSatisfy { !FileManager.default.fileExists(atPath: candidate + $0) }
            if companionsFree, !FileManager.default.fileExists(atPath: candidate) {
                try writeCompanions?(candidate)
                if ledger_rename_noreplace(source, candidate) == 0 { return candidate }
                let code = errno
                for suffix in companions where writeCompanions != nil { unlink(candidate + suffix) }
                if code == EXDEV { return try copyAcross(source, into: folder, name: name, companions: companions, writeCompanions: writeCompanions) }
                guard code == EEXIST else { throw failure(shown(source), code) }
            }
            attempt += 1
        }
    }

    /// `rename` cannot cross file systems (an inbox on its own mount, say a share): the
    /// bytes are copied into a staging file in `folder`, fsynced and renamed into place,
    /// and only then is the source removed. Only plain files are copied; anything else
    /// stays and the move is retried (the error says why).
    private static func copyAcross(
        _ source: [CChar], into folder: String, name: String, companions: [String],
        writeCompanions: Companions?
    ) throws -> String {
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard input >= 0 else { throw failure(shown(source), EXDEV) }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { throw failure(shown(source), EXDEV) }
        let destination = try placeCopy(into: folder, name: name, companions: companions, writeCompanions: writeCompanions) { staging in
            _ = try FileCopy.copy(from: input, to: staging)
        }
        unlink(source)
        return destination
    }

    /// Writes a copy (`write`, given a staging path in `folder`) and renames it into place
    /// under the first free name; nothing is left behind if either step fails.
    private static func placeCopy(
        into folder: String, name: String, companions: [String], writeCompanions: Companions?,
        _ write: (String) throws -> Void
    ) throws -> String {
        let staging = (folder as NSString).appendingPathComponent(".\(fitting(name)).\(getpid()).copy")
        unlink(staging)
        try write(staging)
        do {
            return try place(cPath(staging), name: name, in: folder, companions: companions, writeCompanions: writeCompanions)
        } catch {
            unlink(staging)
            throw error
        }
    }

    private static func createFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError.creatingFolder(folder, error)
        }
    }

    public static func cPath(_ path: String) -> [CChar] { Array(path.utf8CString) }

    /// A C path as text for a message (invalid bytes shown as U+FFFD).
    static func shown(_ path: [CChar]) -> String {
        String(decoding: path.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The longest a destination's name may be so that every name made from it still fits
    /// in a directory entry (255 bytes): `-NNNNN` for a taken name, `.receipt.json` or
    /// `.errors.json` beside it, and the `.` + `.<pid>.tmp` of their atomic writes or the
    /// `.<pid>.copy` of a staged copy. 64 bytes hold the longest of these with room to spare.
    public static let maxNameBytes = 255 - 64

    /// `name`, or when it is longer than `maxNameBytes`, its start cut on a character
    /// boundary, `~` and eight hex digits of its FNV-1a hash (so two long names that share
    /// a start stay apart), and its extension. The original name stays in the events'
    /// `source_file`, the receipt and `errors.json`.
    public static func fitting(_ name: String) -> String {
        guard name.utf8.count > maxNameBytes else { return name }
        let ns = name as NSString
        var ext = ns.pathExtension
        if ext.utf8.count > 16 { ext = "" }
        let stem = ext.isEmpty ? name : ns.deletingPathExtension
        let digest = fnv1a(name)
        let room = maxNameBytes - 1 - digest.utf8.count - (ext.isEmpty ? 0 : ext.utf8.count + 1)
        var cut = ""
        var used = 0
        for character in stem {
            let size = character.utf8.count
            if used + size > room { break }
            cut.append(character)
            used += size
        }
        return "\(cut)~\(digest)" + (ext.isEmpty ? "" : ".\(ext)")
    }

    /// FNV-1a, 32 bits, as eight hex digits: a name's fingerprint, not a security hash.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt32 = 0x811c_9dc5
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// `week.json` → `week-1.json`; a name without extension gets the suffix at its end.
    static func suffixed(_ name: String, _ attempt: Int) -> String {
        guard attempt > 0 else { return name }
        let ns = name as NSString
        let ext = ns.pathExtension
        if ext.isEmpty || ns.deletingPathExtension.isEmpty { return "\(name)-\(attempt)" }
        return "\(ns.deletingPathExtension)-\(attempt).\(ext)"
    }

    public static func syncDirectory(_ path: String) { AtomicFile.syncDirectory(path) }
}
