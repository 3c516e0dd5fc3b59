import Foundation
import LedgerFiles
import LedgerIngest

#if canImport(Glibc)
import Glibc
#endif

/// One entry waiting in an agency's inbox folder.
struct InboxEntry: Equatable {
    var agency: String
    var path: String
    /// The name as it can be shown: the real name, or for a name that is not UTF-8 its
    /// bytes with every invalid one written `%XX` (the name it gets in `rejected/`).
    var name: String
    var modified: timespec
    var size: Int64 = 0
    /// nil for a plain file; the kind of anything else (symlink, FIFO, directory, …).
    var irregularKind: String?
    /// The raw bytes of a name that is not UTF-8, which no `String` path can reach.
    var invalidName: [UInt8]? = nil

    static func == (lhs: InboxEntry, rhs: InboxEntry) -> Bool { lhs.path == rhs.path }
}

/// Lists what waits in `inbox/`, in arrival order (mtime, then name), using `lstat` only:
/// nothing is opened or followed here. Folders are read with `readdir`, byte for byte,
/// so that a name which is not UTF-8 is seen (and rejected) rather than silently skipped.
struct InboxScanner {
    let layout: StateLayout

    struct Scan {
        var entries: [InboxEntry] = []
        /// Folders under `inbox/` that are not a known agency's: left alone, logged.
        var unknownFolders: [String] = []
        /// Anything directly in `inbox/` rather than in an agency folder.
        var strayFiles: [String] = []
    }

    func scan(knownAgencies: Set<String>) -> Scan {
        var result = Scan()
        for raw in Self.names(in: layout.inbox).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let name = Self.displayName(raw)
            let path = (layout.inbox as NSString).appendingPathComponent(name)
            var info = stat()
            guard Self.lstat(folder: layout.inbox, raw, &info) else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                if !FileFormat.isIgnoredName(name) { result.strayFiles.append(path) }
                continue
            }
            guard Self.isUTF8(raw), knownAgencies.contains(name) else {
                result.unknownFolders.append(path)
                continue
            }
            for fileRaw in Self.names(in: path) {
                let fileName = Self.displayName(fileRaw)
                guard !FileFormat.isIgnoredName(fileName) else { continue }
                var fileInfo = stat()
                guard Self.lstat(folder: path, fileRaw, &fileInfo) else { continue }
                result.entries.append(
                    InboxEntry(
                        agency: name, path: (path as NSString).appendingPathComponent(fileName), name: fileName,
                        modified: fileInfo.st_mtim, size: Int64(fileInfo.st_size), irregularKind: SafeFile.irregularKind(fileInfo),
                        invalidName: Self.isUTF8(fileRaw) ? nil : fileRaw))
            }
        }
        result.entries.sort { lhs, rhs in
            (lhs.modified.tv_sec, lhs.modified.tv_nsec, lhs.name, lhs.agency) < (rhs.modified.tv_sec, rhs.modified.tv_nsec, rhs.name, rhs.agency)
        }
        return result
    }

    /// The entries of a folder as raw bytes, without `.` and `..`; empty when unreadable.
    static func names(in folder: String) -> [[UInt8]] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The name as text: itself when UTF-8, else each byte of an invalid sequence as `%XX`.
    static func displayName(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length > 0 {
                out += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                index += length
            } else {
                out += "%" + String(bytes[index], radix: 16, uppercase: true).leftPadded(to: 2)
                index += 1
            }
        }
        return out
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0.
    static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        return String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil ? length : 0
    }

    /// `lstat` of `folder/name` with the name as raw bytes.
    static func lstat(folder: String, _ name: [UInt8], _ info: inout stat) -> Bool {
        Glibc.lstat(cPath(folder: folder, name), &info) == 0
    }

    /// `folder/name` as a NUL-terminated C path with the name's raw bytes.
    static func cPath(folder: String, _ name: [UInt8]) -> [CChar] {
        (Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]).map { CChar(bitPattern: $0) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
