import CLinuxSupport
import Foundation
import LedgerFiles

#if canImport(Glibc)
import Glibc
#endif

/// inotify on the inbox (Dispatch has no file-system sources on Linux).
///
/// A thread blocks in `poll` on the inotify descriptor and turns events into `Trigger`s:
/// a file closed after writing or renamed into an agency folder, a new folder, or a
/// queue overflow (which asks for a full rescan). It never reads files itself, but it
/// remembers which paths were completed (closed after writing, or renamed into place),
/// so that a rescan does not take a file another program is still writing.
final class InboxWatcher: @unchecked Sendable {
    enum Trigger: Sendable {
        case fileArrived
        case folderAdded
        case overflow
    }

    private let fd: Int32
    private var watches: [String: Int32] = [:]
    private var folders: [Int32: String] = [:]
    private var completed: Set<String> = []
    private let lock = NSLock()
    private let stopFlag = StopFlag()
    private var thread: Thread?

    init() throws {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw FileSystemError(.open, "cannot start inotify on the inbox", errno: errno, path: "inotify") }
    }

    deinit { close(fd) }

    /// Watches a folder; agency folders for completed files, the inbox root for new folders.
    func watch(_ path: String, forFolders: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        guard watches[path] == nil else { return }
        let mask: UInt32 = forFolders ? UInt32(IN_CREATE | IN_MOVED_TO | IN_ONLYDIR) : UInt32(IN_CLOSE_WRITE | IN_MOVED_TO)
        let descriptor = inotify_add_watch(fd, path, mask)
        if descriptor >= 0 {
            watches[path] = descriptor
            folders[descriptor] = path
        }
    }

    /// True once the file was closed after writing or renamed into place.
    func isCompleted(_ path: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return completed.contains(path)
    }

    /// Forgets a path once its file has been moved out of the inbox.
    func forget(_ path: String) {
        lock.lock()
        defer { lock.unlock() }
        completed.remove(path)
    }

    private func markCompleted(descriptor: Int32, name: String) {
        lock.lock()
        defer { lock.unlock() }
        if let folder = folders[descriptor] { completed.insert((folder as NSString).appendingPathComponent(name)) }
    }

    /// Starts the reading thread; `deliver` is called on it for each trigger.
    func start(_ deliver: @escaping @Sendable (Trigger) -> Void) {
        let fd = self.fd, stopFlag = self.stopFlag
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var pollDescriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            while !stopFlag.isStopped {
                guard poll(&pollDescriptor, 1, 250) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard count > 0 else { continue }
                var offset = 0
                var arrived = false, added = false, overflow = false
                buffer.withUnsafeBytes { bytes in
                    while offset + MemoryLayout<inotify_event>.size <= count {
                        let event = bytes.load(fromByteOffset: offset, as: inotify_event.self)
                        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { overflow = true }
                        let nameStart = offset + MemoryLayout<inotify_event>.size
                        if event.mask & UInt32(IN_ISDIR) != 0 {
                            added = true
                        } else if event.mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO) != 0, event.len > 0 {
                            let nameBytes = bytes[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                            markCompleted(descriptor: event.wd, name: String(decoding: nameBytes, as: UTF8.self))
                            arrived = true
                        }
                        offset = nameStart + Int(event.len)
                    }
                }
                if overflow { deliver(.overflow) }
                if added { deliver(.folderAdded) }
                if arrived { deliver(.fileArrived) }
            }
        }
        thread.name = "inbox-watcher"
        self.thread = thread
        thread.start()
    }

    func stop() { stopFlag.stop() }
}
