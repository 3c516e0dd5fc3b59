import CLinuxSupport

/// What kind of file system a folder is on, from `statfs`: on a network file system
/// inotify reports only the changes made on this host, so the inbox loop must poll.
public enum FileSystemKind: Equatable, Sendable {
    case local
    case network(String)

    /// Magic numbers of `statfs(2)`'s `f_type` for the network file systems clerks meet.
    static let networkMagics: [Int: String] = [
        0x6969: "nfs", 0xFF53_4D42: "cifs", 0xFE53_4D42: "smb2", 0x517B: "smb", 0x0102_1997: "9p",
        0x6573_5546: "fuse", 0x7363_6673: "ceph",
    ]

    public static func of(_ path: String) -> FileSystemKind {
        let magic = Int(ledger_filesystem_type(path))
        if let name = networkMagics[magic] { return .network(name) }
        return .local
    }

    public var isNetwork: Bool { if case .network = self { true } else { false } }
}
