#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An event file opened without ever following a link or blocking on a FIFO (CONTRACT §6.6).
///
/// The path is first examined with `lstat` (nothing is opened if it is not a plain file
/// with one link), then opened with `O_NOFOLLOW | O_NONBLOCK`, and the descriptor is
/// checked to be the very inode that was examined.
public final class SafeFile {
    public let path: String
    public let size: Int
    let descriptor: Int32
    /// The inode that was opened, to tell later whether `path` still names it.
    let device: UInt64
    let inode: UInt64

    /// Why a path is not an acceptable event file.
    public enum Refusal: Error, Sendable, Equatable {
        case notRegular(kind: String)
        case unreadable(errno: Int32)
    }

    public init(path: String) throws(Refusal) {
        var before = stat()
        guard lstat(path, &before) == 0 else { throw .unreadable(errno: errno) }
        if let kind = SafeFile.irregularKind(before) { throw .notRegular(kind: kind) }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw code == ELOOP ? .notRegular(kind: "symlink") : .unreadable(errno: code)
        }
        var after = stat()
        guard fstat(fd, &after) == 0, after.st_dev == before.st_dev, after.st_ino == before.st_ino,
            SafeFile.irregularKind(after) == nil
        else {
            close(fd)
            throw .notRegular(kind: "replaced while opening")
        }
        self.path = path
        self.size = Int(after.st_size)
        self.descriptor = fd
        self.device = UInt64(after.st_dev)
        self.inode = UInt64(after.st_ino)
    }

    /// The opened file itself as a path (`/proc/self/fd/N`, Linux), for a library that
    /// opens by path: it reaches the inode that was checked, whatever `path` names now.
    public var descriptorPath: String { "/proc/self/fd/\(descriptor)" }

    /// What `path` names now, compared with the bytes that were opened and read.
    public enum Identity: Sendable, Equatable {
        /// The same inode, unchanged in size: moving the name moves the bytes that were read.
        case same
        /// Nothing there any more (deleted while it was read).
        case gone
        /// Another file under the same name (replaced while it was read).
        case replaced
        /// The same inode, written to since it was opened.
        case changed
    }

    /// Re-checks inode and size just before a move (a clerk may replace or delete a file
    /// while a long one is being ingested).
    public func identity() -> Identity {
        var now = stat()
        guard lstat(path, &now) == 0 else { return .gone }
        guard UInt64(now.st_dev) == device, UInt64(now.st_ino) == inode else { return .replaced }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, Int(opened.st_size) == size, Int(now.st_size) == size else { return .changed }
        return .same
    }

    /// Writes the opened bytes (not whatever `path` names now) to a new file at `target`,
    /// fsynced; fails if `target` exists.
    public func copyContents(to target: String) throws(FileSystemError) {
        guard try FileCopy.copy(from: descriptor, to: target) == size else {
            unlink(target)
            throw FileSystemError(.copy, "the bytes read are no longer all there", errno: EIO, path: path)
        }
    }

    deinit { close(descriptor) }

    /// The kind of a non-regular entry (symlink, FIFO, device, directory, hard link), or nil.
    public static func irregularKind(_ info: stat) -> String? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return info.st_nlink > 1 ? "hard link" : nil
        case S_IFLNK: return "symlink"
        case S_IFIFO: return "FIFO"
        case S_IFCHR, S_IFBLK: return "device"
        case S_IFDIR: return "directory"
        case S_IFSOCK: return "socket"
        default: return "special file"
        }
    }

    /// Reads the file in chunks from the start; `body` gets each chunk in order.
    public func forEachChunk(size chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var offset: off_t = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = pread(descriptor, buffer.baseAddress, chunkSize, offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal.unreadable(errno: errno)
            }
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            offset += off_t(count)
        }
    }

    /// The first bytes of the file (fewer if it is shorter), to sniff a byte-order mark.
    public func prefix(_ count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, 0) }
        return read > 0 ? Array(buffer[0..<read]) : []
    }

    /// The whole file; only used for formats that must be seen whole (JSON, CSV).
    public func readAll() throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        try forEachChunk { bytes.append(contentsOf: $0) }
        return bytes
    }
}
