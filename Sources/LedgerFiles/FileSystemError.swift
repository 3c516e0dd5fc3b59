import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A file-system operation that failed, with what it was, where, and the system's reason
/// (the shape of SwiftNIO's `FileSystemError`): the one error of this layer, so that the
/// daemon's log and the CLI say the same thing the same way.
public struct FileSystemError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        case createFolder = "create_folder"
        case open
        case read
        case write
        case sync
        case rename
        case copy
        case lock
        /// Another daemon holds the state folder.
        case lockHeld = "lock_held"
        /// The file was written to while it was read.
        case changedWhileRead = "changed_while_read"
    }

    public var code: Code
    public var message: String
    /// The `errno` of the failed call, when there was one.
    public var errno: Int32?
    public var path: String

    public init(_ code: Code, _ message: String, errno: Int32? = nil, path: String) {
        self.code = code
        self.message = message
        self.errno = errno
        self.path = path
    }

    /// A folder that `FileManager` could not create, with the POSIX reason under its error.
    static func creatingFolder(_ path: String, _ error: any Error) -> FileSystemError {
        FileSystemError(.createFolder, "cannot create the folder", errno: (error as NSError).posixCode ?? EACCES, path: path)
    }

    public var description: String {
        guard let errno else { return "\(message) (\(path))" }
        return "\(message) \(path): \(String(cString: strerror(errno)))"
    }
}

extension NSError {
    /// The POSIX code under a Foundation file error, when there is one.
    var posixCode: Int32? {
        if domain == NSPOSIXErrorDomain { return Int32(code) }
        return (userInfo[NSUnderlyingErrorKey] as? NSError)?.posixCode
    }
}
