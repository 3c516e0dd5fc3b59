import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Removes what a killed process left half-written: the temporary files of atomic writes
/// (`.<name>.<pid>.tmp`) and of cross-device copies (`.<name>.<pid>.copy`) whose process
/// is gone. A live process's (a `report --issue` beside the daemon) are left alone.
public enum StaleTemporaries {
    /// - Returns: the paths removed.
    @discardableResult
    public static func remove(under folders: [String]) -> [String] {
        var removed: [String] = []
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                guard let pid = ownerPid(of: name), !isAlive(pid) else { continue }
                let path = (folder as NSString).appendingPathComponent(relative)
                if unlink(path) == 0 { removed.append(path) }
            }
        }
        return removed
    }

    /// The pid in `.<name>.<pid>.tmp` or `.<name>.<pid>.copy`, or nil for any other name.
    static func ownerPid(of name: String) -> pid_t? {
        guard name.hasPrefix(".") else { return nil }
        let parts = name.split(separator: ".")
        guard parts.count >= 3, let last = parts.last, last == "tmp" || last == "copy" else { return nil }
        return pid_t(parts[parts.count - 2])
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
