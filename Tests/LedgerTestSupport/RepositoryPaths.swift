import Foundation

/// Where the repository and the built binary are, for tests that use the real thing.
public enum RepositoryPaths {
    /// The repository root, found from this file's location.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The `reformledger` binary: `$REFORMLEDGER_BIN` (set by Scripts/test.sh), else the debug build.
    public static var binary: String {
        ProcessInfo.processInfo.environment["REFORMLEDGER_BIN"] ?? root + "/.build/debug/reformledger"
    }

    public static func path(_ relative: String) -> String { root + "/" + relative }
}
