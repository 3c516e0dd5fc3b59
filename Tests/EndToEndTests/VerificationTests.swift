import Foundation
import LedgerTestSupport
import Testing

/// The auditor's view: the triggers, `verify`, and a tampered copy.
struct VerificationTests {
    @Test func sqlite3CannotUpdateOrDeleteEvents() throws {
        let fixture = try CLIFixture()
        for sql in ["UPDATE events SET agency = 'X' WHERE seq = 1", "DELETE FROM events WHERE seq = 48"] {
            let result = try ProcessRunner.run("/usr/bin/env", ["sqlite3", fixture.state + "/ledger.sqlite", sql])
            #expect(result.status != 0 && result.stderr.contains("append-only"))
        }
        #expect(try fixture.run(["verify"]).status == 0)
    }

    @Test func verifyExitsThreeAndNamesTheSeqOfATamperedCopy() throws {
        let fixture = try CLIFixture()
        let copy = fixture.folder.file("copy")
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: true)
        // The auditor's backup recipe, then tampering with the triggers dropped.
        let backup = try ProcessRunner.run("/usr/bin/env", ["sqlite3", fixture.state + "/ledger.sqlite", "VACUUM INTO '\(copy)/ledger.sqlite'"])
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(try ProcessRunner.reformledger(["verify", "--state-dir", copy]).status == 0)
        let tamper = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "sqlite3", copy + "/ledger.sqlite",
                "DROP TRIGGER events_no_update; UPDATE events SET data = replace(data, '0.8', '0.5') WHERE seq = 45",
            ])
        #expect(tamper.status == 0, "\(tamper.stderr)")
        let verify = try ProcessRunner.reformledger(["verify", "--state-dir", copy])
        #expect(verify.status == 3)
        #expect(verify.stdout.contains("seq 45"))
        let json = try ProcessRunner.reformledger(["verify", "--json", "--state-dir", copy])
        #expect(json.status == 3 && json.stdout.contains(#""first_bad_seq":45"#))
        let python = try ProcessRunner.run("/usr/bin/env", ["python3", RepositoryPaths.path("Scripts/verify_chain.py"), copy + "/ledger.sqlite"])
        #expect(python.status == 3 && python.stdout.contains("seq 45"))
        // The original is untouched.
        #expect(try fixture.run(["verify"]).status == 0)
    }
}
