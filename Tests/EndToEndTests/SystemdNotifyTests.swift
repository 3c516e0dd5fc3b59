import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// sd_notify as systemd sees it: a datagram socket bound by the test.
@Suite(.serialized)
struct SystemdNotifyTests {
    @Test(arguments: [false, true])
    func readyStatusWatchdogAndStopping(abstract: Bool) throws {
        let fixture = try CLIFixture()
        let address = abstract ? "@reformledger-test-\(UUID().uuidString.prefix(8))" : fixture.folder.file("notify.sock")
        let listener = try NotifyListener(address: address)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.binary)
        process.arguments = ["serve", "--state-dir", fixture.state]
        var environment = ProcessInfo.processInfo.environment
        environment["NOTIFY_SOCKET"] = address
        environment["WATCHDOG_USEC"] = "1000000"
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var seen = Set<String>()
        let startup = listener.collect(
            until: { message in
                seen.insert(message)
                return seen.contains("READY=1") && seen.contains("WATCHDOG=1")
            }, timeout: 10)
        #expect(startup.contains { $0 == "READY=1" }, "\(startup)")
        #expect(startup.contains { $0.hasPrefix("STATUS=backlog 0 file(s)") }, "\(startup)")
        #expect(startup.contains { $0 == "WATCHDOG=1" }, "\(startup)")
        // Pings keep coming at half the watchdog interval.
        let more = listener.collect(until: { $0 == "WATCHDOG=1" }, timeout: 2)
        #expect(more.contains("WATCHDOG=1"))

        kill(process.processIdentifier, SIGTERM)
        let shutdown = listener.collect(until: { $0 == "STOPPING=1" }, timeout: 10)
        #expect(shutdown.contains("STOPPING=1"))
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
