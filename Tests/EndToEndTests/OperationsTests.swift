import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The operator's side: backup and the restore drill, a long auditor read beside a big
/// ingest, and SIGKILL while reports are being written.
@Suite(.serialized)
struct OperationsTests {
    static let drill = ["serve", "--once", "--now", "2025-01-10T09:00:00+07:00"]

    @Test func theRestoreDrillOfTheREADME() throws {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/BST/q1.ndjson", CLIFixture.articles(50, prefix: "q"))
        // On today's clock, as the daemon below runs: it then has no edition left to issue
        // while the backup is taken, so the count is the backup's.
        #expect(try fixture.run(["serve", "--once"]).status == 0)
        let events = try fixture.sql("SELECT COUNT(*) FROM events")
        // 1. Back up while the daemon runs.
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        let backup = fixture.folder.file("backups/2025-01-10")
        let made = try fixture.run(["backup", backup])
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        #expect(made.stdout.contains("OK: the hash chain of \(events) events is intact"), "\(made.stdout)")
        #expect(try fixture.run(["backup", backup]).status != 0)  // never into a folder in use
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
        // 2. The disk is lost.
        for name in ["ledger.sqlite", "ledger.sqlite-wal", "ledger.sqlite-shm", "reports"] {
            try? FileManager.default.removeItem(atPath: fixture.state + "/" + name)
        }
        // 3. Restore: verify the backup, copy it back, verify, start.
        #expect(try ProcessRunner.reformledger(["verify", "--state-dir", backup]).status == 0)
        try FileManager.default.copyItem(atPath: backup + "/ledger.sqlite", toPath: fixture.state + "/ledger.sqlite")
        try FileManager.default.copyItem(atPath: backup + "/reports", toPath: fixture.state + "/reports")
        #expect(try fixture.run(["verify"]).status == 0)
        #expect(try fixture.sql("SELECT COUNT(*) FROM events") == events)
        fixture.folder.write("state/inbox/BST/after.ndjson", CLIFixture.articles(2, prefix: "after"))
        #expect(try fixture.run(Self.drill).status == 0)
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "52")
    }

    @Test func theWALShrinksOnceALongReaderLeaves() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        // An auditor's sqlite3 holds a read transaction open during big ingests.
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        reader.arguments = ["sqlite3", fixture.state + "/ledger.sqlite"]
        let input = Pipe()
        reader.standardInput = input
        reader.standardOutput = FileHandle.nullDevice
        try reader.run()
        input.fileHandleForWriting.write(Data("BEGIN; SELECT COUNT(*) FROM events;\n".utf8))
        usleep(300_000)
        for index in 1...3 {
            dropFile(CLIFixture.articles(60_000, prefix: "big\(index)"), into: fixture.inbox + "/DPTTH", name: "big\(index).ndjson")
        }
        #expect(waitUntil(timeout: 120) { fixture.droppedFiles(under: "processed/DPTTH").count == 3 } != nil, "\(daemon.log.suffix(500))")
        let grown = Self.walSize(fixture)
        // The reader leaves; the next files let the checkpoint catch up and the WAL is cut back.
        input.fileHandleForWriting.write(Data("COMMIT;\n.quit\n".utf8))
        try input.fileHandleForWriting.close()
        reader.waitUntilExit()
        for index in 1...2 {
            dropFile(CLIFixture.articles(2, prefix: "small\(index)"), into: fixture.inbox + "/DPTTH", name: "small\(index).ndjson")
            #expect(waitUntil(timeout: 20) { fixture.droppedFiles(under: "processed/DPTTH").count == 3 + index } != nil)
        }
        let after = Self.walSize(fixture)
        #expect(grown > 64 << 20, "the reader should have held the WAL: \(grown)")
        #expect(after <= 64 << 20, "WAL still \(after) bytes after the reader left (was \(grown))")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    static func walSize(_ fixture: CLIFixture) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: fixture.state + "/ledger.sqlite-wal"))?[.size] as? Int) ?? 0
    }

    @Test func sigkillWhileReportsAreWrittenLeavesNothingHalfDone() throws {
        let fixture = try CLIFixture()
        let year = fixture.folder.write("drop/BST/year.ndjson", CLIFixture.articles(30_000, prefix: "y"))
        #expect(try fixture.run(["ingest", year]).status == 0)
        // A temporary file of a process that is gone, as a kill leaves one.
        fixture.folder.write("state/reports/2024-Q1/.consolidated-2024-Q1-e1.json.999999.tmp", "{half")
        for delay in [0.2, 0.5, 0.9, 1.4] {
            let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder, arguments: ["--now", "2025-01-10T09:00:00+07:00"])
            usleep(UInt32(delay * 1_000_000))
            daemon.signal(SIGKILL)
            _ = daemon.waitForExit(timeout: 10)
            #expect(try fixture.run(["verify"]).status == 0, "after a kill at \(delay) s")
        }
        let run = try fixture.run(Self.drill)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            fixture.entries(under: "reports").filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }.isEmpty,
            "\(fixture.entries(under: "reports"))")
        // Every period has its edition.
        #expect(try fixture.sql("SELECT COUNT(DISTINCT json_extract(data, '$.period')) FROM events WHERE type = 'report.generated'") == "7")
        #expect(try fixture.run(["verify"]).status == 0)
    }
}
