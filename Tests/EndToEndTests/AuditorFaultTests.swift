import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What an auditor does to a backup must not change it, and a damaged ledger is a failed
/// verification (exit 3), never an internal error.
@Suite(.serialized)
struct AuditorFaultTests {
    /// A ledger with some events and its reports, backed up into a fresh folder.
    func backup() throws -> (fixture: CLIFixture, copy: String) {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/BST/a.ndjson", CLIFixture.articles(20, prefix: "a"))
        #expect(try fixture.run(["serve", "--once"]).status == 0)
        // Copied as an operator does (SQLite's backup API: a self-contained file, no -wal).
        let folder = fixture.folder.file("backup")
        let made = try fixture.run(["backup", folder])
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        return (fixture, folder)
    }

    @Test func verifyOfABackupChangesNotOneByte() throws {
        let (fixture, copy) = try backup()
        defer { withExtendedLifetime(fixture) {} }
        let before = try MachineFaultTests.sha256(copy + "/ledger.sqlite")
        let run = try ProcessRunner.reformledger(["verify", "--state-dir", copy])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(try MachineFaultTests.sha256(copy + "/ledger.sqlite") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy).sorted() == ["keys", "ledger.sqlite", "reports"])
        // The verifier key goes with a backup, the signing key never does.
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy + "/keys") == ["checkpoint.pub"])
        let kept = fixture.folder.write("kept.txt", try fixture.run(["checkpoint"]).stdout)
        #expect(try ProcessRunner.reformledger(["verify", "--state-dir", copy, "--checkpoint", kept]).status == 0)
        #expect(try MachineFaultTests.sha256(copy + "/ledger.sqlite") == before)
    }

    @Test(.enabled(if: getuid() == 0, "needs root for chattr"))
    func verifyWorksOnAReadOnlyBackup() throws {
        let (fixture, copy) = try backup()
        defer { withExtendedLifetime(fixture) {} }
        let lock = try MachineFaultTests.immutable(copy)
        let run = try ProcessRunner.reformledger(["verify", "--state-dir", copy])
        lock.release()
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("OK: the hash chain"))
    }

    /// A flipped byte in the file header, in a page's b-tree header, and inside a stored row.
    @Test(arguments: ["file header", "page header", "row"])
    func aCorruptedLedgerFailsVerificationWithExitThree(_ place: String) throws {
        let (fixture, copy) = try backup()
        defer { withExtendedLifetime(fixture) {} }
        let path = copy + "/ledger.sqlite"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let offset: Int
        switch place {
        case "file header": offset = 0
        case "page header": offset = 4096
        default:
            let needle = Array("Tin cải cách hành chính số 7".utf8)
            offset = try #require((0..<(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        }
        for index in offset..<(offset + 16) { bytes[index] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let run = try ProcessRunner.reformledger(["verify", "--state-dir", copy])
        #expect(run.status == 3, "\(place): \(run.status) \(run.stdout) \(run.stderr)")
        #expect(run.stdout.contains("FAILED"), "\(run.stdout)")
    }

    @Test func insertOrReplaceThroughSQLiteIsRefusedByTheSchema() throws {
        let fixture = try CLIFixture()
        fixture.folder.write("state/inbox/BST/a.ndjson", CLIFixture.articles(2, prefix: "a"))
        #expect(try fixture.run(["serve", "--once"]).status == 0)
        let count = try fixture.sql("SELECT COUNT(*) FROM events")
        let attack = """
            INSERT OR REPLACE INTO events (seq, agency, id, type, occurred_at, recorded_at, data, hash)
            SELECT MAX(seq) + 1, 'BST', 'a-1', 'article.published', '2024-01-01', '2024-01-01T00:00:00.000Z', '{}', 'x' FROM events;
            """
        let run = try ProcessRunner.run("/usr/bin/env", ["sqlite3", fixture.state + "/ledger.sqlite", attack])
        #expect(run.status != 0 && run.stderr.contains("cannot be replaced"), "\(run.stderr)")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events") == count)
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST' AND id = 'a-1'") == "1")
        #expect(try fixture.run(["verify"]).status == 0)
    }
}
