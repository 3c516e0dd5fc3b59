import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Faults of the machine, made real: folders that refuse writes (`chattr +i`, which binds
/// root too), a full disk (a small tmpfs), files replaced or deleted under the daemon's
/// feet, a second daemon. None may stop the daemon or lose a file.
@Suite(.serialized, .enabled(if: getuid() == 0, "needs root for chattr and mount"))
struct MachineFaultTests {
    /// Makes a folder refuse every change (even root's) for the duration of `body`.
    static func immutable(_ path: String) throws -> Immutable { try Immutable(path) }

    final class Immutable {
        let path: String
        init(_ path: String) throws {
            self.path = path
            let run = try ProcessRunner.run("/usr/bin/env", ["chattr", "+i", path])
            precondition(run.status == 0, run.stderr)
        }
        func release() { _ = try? ProcessRunner.run("/usr/bin/env", ["chattr", "-i", path]) }
        deinit { release() }
    }

    @Test func aRejectedFolderThatRefusesWritesDoesNotStopTheDaemon() throws {
        let fixture = try CLIFixture()
        try FileManager.default.createDirectory(atPath: fixture.state + "/rejected/BST", withIntermediateDirectories: true)
        let lock = try Self.immutable(fixture.state + "/rejected/BST")
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        dropFile("{not json", into: fixture.inbox + "/BST", name: "bad.json")
        dropFile(CLIFixture.articles(2, prefix: "snv"), into: fixture.inbox + "/SNV", name: "good.ndjson")
        #expect(waitUntil(timeout: 10) { fixture.droppedFiles(under: "processed/SNV").count == 1 } != nil, "\(daemon.log)")
        #expect(waitUntil(timeout: 5) { daemon.log.contains("cannot process the file now") } != nil, "\(daemon.log)")
        #expect(daemon.process.isRunning)
        #expect(fixture.entries(under: "inbox/BST") == ["bad.json"])
        // Once the folder takes writes again, the file is moved on a later attempt.
        lock.release()
        #expect(waitUntil(timeout: 20) { fixture.entries(under: "rejected/BST") == ["bad.json", "bad.json.errors.json"] } != nil, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test func aCommittedFileThatCannotLeaveTheInboxIsMovedLaterWithoutDuplicates() throws {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/BST/week.ndjson", CLIFixture.articles(3, prefix: "w"))
        let lock = try Self.immutable(fixture.inbox + "/BST")
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        dropFile(CLIFixture.articles(2, prefix: "snv"), into: fixture.inbox + "/SNV", name: "other.ndjson")
        #expect(waitUntil(timeout: 10) { fixture.droppedFiles(under: "processed/SNV").count == 1 } != nil, "\(daemon.log)")
        #expect(waitUntil(timeout: 10) { (try? fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'")) == "3" } != nil)
        #expect(daemon.process.isRunning)
        lock.release()
        #expect(waitUntil(timeout: 20) { fixture.droppedFiles(under: "processed/BST").count == 1 } != nil, "\(daemon.log)")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "3")
        #expect(daemon.log.contains("already in the log; moved"))
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test func aFileReplacedWhileItIsIngestedKeepsTheBytesThatWereRead() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        let big = CLIFixture.articles(100_000, prefix: "big")
        dropFile(big, into: fixture.inbox + "/BST", name: "week.ndjson")
        // Replace it once the transaction is visibly under way (its WAL is growing).
        #expect(
            waitUntil(timeout: 20) {
                ((try? FileManager.default.attributesOfItem(atPath: fixture.state + "/ledger.sqlite-wal"))?[.size] as? Int ?? 0) > 4_000_000
            } != nil)
        dropFile(CLIFixture.articles(1, prefix: "small"), into: fixture.inbox + "/BST", name: "week.ndjson")
        #expect(
            waitUntil(timeout: 60) { fixture.droppedFiles(under: "processed/BST").count == 2 } != nil,
            "\(fixture.droppedFiles(under: "processed")) \(daemon.log)")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "100001")
        // Each file in processed/ is byte for byte the file whose hash its events carry.
        let hashes = try fixture.sql("SELECT DISTINCT source_sha256 FROM events WHERE agency = 'BST' ORDER BY 1").split(separator: "\n").map(String.init)
        let folder = fixture.state + "/processed/BST/" + DaemonTests.month
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix(".receipt.json") && !$0.hasPrefix(".") }
            .map { try Self.sha256(folder + "/" + $0) }.sorted()
        #expect(kept == hashes)
        #expect(daemon.log.contains("deleted or replaced while it was read"))
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test func aFileDeletedWhileItIsIngestedIsKeptFromWhatWasRead() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        dropFile(CLIFixture.articles(100_000, prefix: "gone"), into: fixture.inbox + "/BST", name: "gone.ndjson")
        #expect(
            waitUntil(timeout: 20) {
                ((try? FileManager.default.attributesOfItem(atPath: fixture.state + "/ledger.sqlite-wal"))?[.size] as? Int ?? 0) > 4_000_000
            } != nil)
        unlink(fixture.inbox + "/BST/gone.ndjson")
        // The kept copy is written under a temporary name and then placed: wait for its own name.
        let kept = fixture.state + "/processed/BST/" + DaemonTests.month + "/gone.ndjson"
        #expect(waitUntil(timeout: 60) { FileManager.default.fileExists(atPath: kept) } != nil, "\(daemon.log)")
        #expect(fixture.droppedFiles(under: "processed/BST").count == 1)
        let hash = try fixture.sql("SELECT DISTINCT source_sha256 FROM events WHERE agency = 'BST'")
        #expect(try Self.sha256(kept) == hash)
        #expect(daemon.process.isRunning)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test func reportsThatCannotBeWrittenAreRetriedAndNeverRecordedHalfWay() throws {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/BST/q1.ndjson", CLIFixture.articles(3, prefix: "q"))
        let lock = try Self.immutable(fixture.state + "/reports")
        let drill = ["serve", "--once", "--now", "2025-01-10T09:00:00+07:00"]
        let first = try fixture.run(drill)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("report not issued"))
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE type = 'report.generated'") == "0")
        #expect(fixture.entries(under: "reports").isEmpty)
        lock.release()
        let second = try fixture.run(drill)
        #expect(second.status == 0 && !second.stderr.contains("report not issued"), "\(second.stderr)")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE type = 'report.generated'") == "7")
        #expect(try fixture.run(["verify"]).status == 0)
    }

    @Test func aFullDiskLeavesNoTemporaryReportFile() throws {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/BST/q1.ndjson", CLIFixture.articles(3, prefix: "q"))
        #expect(try fixture.run(["serve", "--once"]).status == 0)
        let disk = try TinyDisk(fixture.folder.file("disk"), kilobytes: 256)
        disk.fill()
        let out = disk.path + "/out"
        let run = try fixture.run(["report", "--period", "2024", "--format", "json,html,docx", "--out", out])
        #expect(run.status != 0 && run.status != 132 && run.stderr.contains("No space left"), "\(run.status) \(run.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".tmp") }) ?? [] == [])
        disk.makeRoom()
        #expect(try fixture.run(["report", "--period", "2024", "--format", "json,html,docx", "--out", out]).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["consolidated-2024.docx", "consolidated-2024.html", "consolidated-2024.json"])
    }

    @Test func aFullDiskDuringIngestLosesNothingAndRecoversWhenSpaceComesBack() throws {
        var disk: TinyDisk?
        let fixture = try CLIFixture(prepare: { disk = try TinyDisk($0.state, kilobytes: 8 * 1024) })
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        // About 3 MB of events, which take some 15 MB in the ledger and its WAL, into an 8 MB disk.
        dropFile(CLIFixture.articles(20_000, prefix: "full"), into: fixture.folder.file("state/inbox/BST"), name: "year.ndjson")
        #expect(waitUntil(timeout: 60) { daemon.log.contains("cannot process the file now") } != nil, "\(daemon.log.suffix(2000))")
        #expect(daemon.process.isRunning)
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "0")
        #expect(fixture.entries(under: "inbox/BST") == ["year.ndjson"])
        // Space comes back: the file goes in whole on a later attempt.
        let grown = try ProcessRunner.run("/usr/bin/env", ["mount", "-o", "remount,size=256m", fixture.state])
        #expect(grown.status == 0, "\(grown.stderr)")
        #expect(waitUntil(timeout: 120) { fixture.droppedFiles(under: "processed/BST").count == 1 } != nil, "\(daemon.log.suffix(2000))")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "20000")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
        #expect(try fixture.run(["verify"]).status == 0)
        withExtendedLifetime(disk) {}
    }

    @Test func anInboxOnItsOwnFileSystemIsMovedByCopying() throws {
        var disk: TinyDisk?
        let fixture = try CLIFixture(prepare: { fixture in
            try FileManager.default.createDirectory(atPath: fixture.state + "/inbox/BST", withIntermediateDirectories: true)
            disk = try TinyDisk(fixture.state + "/inbox/BST", kilobytes: 4096)
        })
        fixture.folder.write("state/inbox/BST/good.ndjson", CLIFixture.articles(3, prefix: "x"))
        fixture.folder.write("state/inbox/BST/bad.json", "{nope")
        let run = try fixture.run(["serve", "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fixture.entries(under: "inbox/BST").isEmpty, "\(run.stderr)")
        #expect(fixture.droppedFiles(under: "processed/BST").count == 1)
        #expect(fixture.entries(under: "rejected/BST") == ["bad.json", "bad.json.errors.json"])
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "3")
        withExtendedLifetime(disk) {}
    }

    @Test func aSecondDaemonOnTheSameStateFolderExitsTwoNamingTheHolder() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        let second = try ProcessRunner.run("/usr/bin/timeout", ["20", RepositoryPaths.binary, "serve", "--state-dir", fixture.state])
        #expect(second.status == 2)
        #expect(second.stderr.contains("pid \(daemon.process.processIdentifier)"), "\(second.stderr)")
        // CLI commands that write still work beside it (they wait on the database).
        let file = fixture.folder.write("drop/BST/cli.ndjson", CLIFixture.articles(2, prefix: "cli"))
        #expect(try fixture.run(["ingest", file]).status == 0)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
        // The lock goes with the process: a new daemon starts at once.
        #expect(try fixture.run(["serve", "--once"]).status == 0)
    }

    static func sha256(_ path: String) throws -> String {
        String(try ProcessRunner.run("/usr/bin/env", ["sha256sum", path]).stdout.prefix(64))
    }
}

/// A small tmpfs, to fill a disk for real.
final class TinyDisk {
    let path: String
    init(_ path: String, kilobytes: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let run = try ProcessRunner.run("/usr/bin/env", ["mount", "-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
        precondition(run.status == 0, run.stderr)
    }
    /// Writes a file until the disk is full.
    func fill() { _ = try? ProcessRunner.shell("dd if=/dev/zero of='\(path)/ballast' bs=4k 2>/dev/null; sync") }
    func makeRoom() { unlink(path + "/ballast") }
    deinit { _ = try? ProcessRunner.run("/usr/bin/env", ["umount", "-l", path]) }
}
