import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// CONTRACT §6.5: killing the daemon at any instant loses and duplicates nothing.
@Suite(.serialized)
struct CrashSafetyTests {
    static let events = 200_000

    @Test func sigkillAtSeveralMomentsOfA200kEventFile() throws {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/DPTTH/year.ndjson", CLIFixture.articles(Self.events, prefix: "y"))
        let environment = ["REFORMLEDGER_MAX_FILE_BYTES": "1000000000"]
        // Kill while reading, while appending, near the end, and (last) whenever it is.
        for delay in [0.05, 0.4, 1.5, 3.0, 6.0] {
            let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder, environment: environment)
            usleep(UInt32(delay * 1_000_000))
            daemon.signal(SIGKILL)
            _ = daemon.waitForExit(timeout: 10)
            try expectConsistent(fixture)
        }
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder, environment: environment)
        let done = waitUntil(timeout: 240) { fixture.droppedFiles(under: "processed/DPTTH").count == 1 }
        #expect(done != nil, "the file was never processed: \(daemon.log.suffix(2000))")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)

        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'DPTTH'") == "\(Self.events)")
        #expect(try fixture.sql("SELECT COUNT(DISTINCT id) FROM events WHERE agency = 'DPTTH'") == "\(Self.events)")
        #expect(try fixture.sql("SELECT MAX(seq) = COUNT(*) FROM events") == "1")
        #expect(fixture.entries(under: "inbox/DPTTH").isEmpty)
        #expect(fixture.droppedFiles(under: "processed/DPTTH").count == 1)
        #expect(fixture.entries(under: "rejected").isEmpty)
        #expect(try fixture.run(["verify"]).status == 0)
    }

    /// After each kill: the file's events are all in the log or none are, and the chain holds.
    private func expectConsistent(_ fixture: CLIFixture) throws {
        let count = try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'DPTTH'")
        #expect(count == "0" || count == "\(Self.events)", "partial file in the log: \(count)")
        #expect(try fixture.sql("SELECT MAX(seq) = COUNT(*) FROM events") == "1")
        let inInbox = fixture.entries(under: "inbox/DPTTH").count, inProcessed = fixture.droppedFiles(under: "processed/DPTTH").count
        #expect(inInbox + inProcessed == 1, "the file must be in exactly one place")
        #expect(try fixture.run(["verify"]).status == 0)
    }

    @Test func aFileCommittedButNotMovedIsOnlyMovedOnRestart() throws {
        // The state a crash between commit and move leaves: events in the log, file still in the inbox.
        let fixture = try CLIFixture()
        let path = fixture.folder.write("state/inbox/BST/q1.ndjson", CLIFixture.articles(10, prefix: "q"))
        #expect(try fixture.run(["ingest", path]).status == 0)
        let events = try fixture.sql("SELECT COUNT(*) FROM events WHERE agency != 'SYSTEM'")
        let run = try fixture.run(["serve", "--once"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("already in the log; moved"))
        // Nothing appended again (the daemon's own report.generated events aside).
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency != 'SYSTEM'") == events)
        #expect(fixture.droppedFiles(under: "processed/BST").count == 1 && fixture.entries(under: "inbox/BST").isEmpty)
    }

    @Test func sigtermDuringALongFileRollsBackAndExitsWithinTenSeconds() throws {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/DPTTH/year.ndjson", CLIFixture.articles(Self.events, prefix: "t"))
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder, environment: ["REFORMLEDGER_MAX_FILE_BYTES": "1000000000"])
        usleep(500_000)
        let start = Date()
        daemon.signal(SIGTERM)
        let status = daemon.waitForExit(timeout: 10)
        #expect(status == 0, "exit \(String(describing: status)) after \(Date().timeIntervalSince(start)) s: \(daemon.log.suffix(1000))")
        #expect(Date().timeIntervalSince(start) < 10)
        let count = try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'DPTTH'")
        #expect(count == "0" || count == "\(Self.events)")
        #expect(daemon.notify.collect(until: { $0 == "STOPPING=1" }, timeout: 1).contains("STOPPING=1"))
    }
}
