import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A running `reformledger serve`, with its log in a file and a notify socket telling when
/// it is ready.
public final class DaemonProcess: @unchecked Sendable {
    public let process = Process()
    public let logPath: String
    public let notify: NotifyListener

    /// Starts the daemon and waits for `READY=1`.
    public init(
        state: String, scratch: TemporaryDirectory, environment: [String: String] = [:], arguments: [String] = [],
        waitForReady: Bool = true
    ) throws {
        let socketPath = scratch.file("notify-\(UUID().uuidString.prefix(8)).sock")
        notify = try NotifyListener(address: socketPath)
        logPath = scratch.file("daemon-\(UUID().uuidString.prefix(8)).log")
        precondition(FileManager.default.createFile(atPath: logPath, contents: nil), "cannot create \(logPath)")
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.binary)
        process.arguments = ["serve", "--state-dir", state] + arguments
        var env = ProcessInfo.processInfo.environment
        env["REFORMLEDGER_BIN"] = nil  // the harness's own variable, not the product's
        env["NOTIFY_SOCKET"] = socketPath
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
        if waitForReady {
            let messages = notify.collect(until: { $0.contains("READY=1") }, timeout: 30)
            guard messages.contains(where: { $0.contains("READY=1") }) else { throw DaemonError.notReady(log) }
        }
    }

    public enum DaemonError: Error { case notReady(String) }

    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the process to exit; returns its status, or nil after `timeout` seconds.
    public func waitForExit(timeout: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Polls `condition` every 20 ms for up to `timeout` seconds; returns the seconds it took, or nil.
public func waitUntil(timeout: Double, _ condition: () -> Bool) -> Double? {
    let start = Date()
    while Date().timeIntervalSince(start) < timeout {
        if condition() { return Date().timeIntervalSince(start) }
        usleep(20_000)
    }
    return condition() ? Date().timeIntervalSince(start) : nil
}

/// Writes a file the way clerks are told to: under a temporary name, then renamed into place.
public func dropFile(_ text: String, into folder: String, name: String) {
    let temporary = (folder as NSString).appendingPathComponent(".\(name).tmp")
    precondition(FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)), "cannot create \(temporary)")
    rename(temporary, (folder as NSString).appendingPathComponent(name))
}
