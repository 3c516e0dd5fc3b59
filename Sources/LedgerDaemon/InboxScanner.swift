import Foundation
import LedgerIngest
#if canImport(Glibc)
import Glibc
#endif

/// One entry waiting in an agency's inbox folder.
struct InboxEntry: Equatable {
    var agency: String
    var path: String
    var name: String
    var modified: timespec
    /// nil for a plain file; the kind of anything else (symlink, FIFO, directory, …).
    var irregularKind: String?

    static func == (lhs: InboxEntry, rhs: InboxEntry) -> Bool { lhs.path == rhs.path }
}

/// Lists what waits in `inbox/`, in arrival order (mtime, then name), using `lstat` only:
/// nothing is opened or followed here.
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
        let manager = FileManager.default
        for name in ((try? manager.contentsOfDirectory(atPath: layout.inbox)) ?? []).sorted() {
            let path = (layout.inbox as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            guard info.st_mode & S_IFMT == S_IFDIR else {
                if !FileFormat.isIgnoredName(name) { result.strayFiles.append(path) }
                continue
            }
            guard knownAgencies.contains(name) else {
                result.unknownFolders.append(path)
                continue
            }
            for fileName in (try? manager.contentsOfDirectory(atPath: path)) ?? [] where !FileFormat.isIgnoredName(fileName) {
                let filePath = (path as NSString).appendingPathComponent(fileName)
                var fileInfo = stat()
                guard lstat(filePath, &fileInfo) == 0 else { continue }
                result.entries.append(InboxEntry(agency: name, path: filePath, name: fileName, modified: fileInfo.st_mtim,
                                                 irregularKind: SafeFile.irregularKind(fileInfo)))
            }
        }
        result.entries.sort { lhs, rhs in
            (lhs.modified.tv_sec, lhs.modified.tv_nsec, lhs.name, lhs.agency) < (rhs.modified.tv_sec, rhs.modified.tv_nsec, rhs.name, rhs.agency)
        }
        return result
    }
}
