import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain

#if canImport(Glibc)
import Glibc
#endif

/// What a stranger or a careless operator found on the real binary (names too long for
/// their companions, a commit whose move fails, a lock file deleted, a backup inside the
/// state folder, a damaged Merkle node, a receipt given as a checkpoint, a JSON array cut
/// off), each reproduced and answered.
@Suite(.serialized)
struct ReliabilityFindingsTests {
    /// A valid name of 247 bytes (`báo-cáo-` is ten): room for a clerk's `.<name>.tmp`,
    /// none for `<name>.receipt.json`.
    static let longName = String(repeating: "báo-cáo-", count: 24) + ".ndjson"

    @Test func namesAtTheLimitArriveWithTheirReceiptAndTheirErrors() throws {
        let fixture = try CLIFixture()
        let good = String(Self.longName)
        let bad = "x" + good
        #expect(good.utf8.count > 200 && bad.utf8.count <= 255)
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        dropFile(CLIFixture.articles(2, prefix: "dai"), into: fixture.inbox + "/BST", name: good)
        dropFile("{\"id\": 1}\n", into: fixture.inbox + "/BST", name: bad)
        #expect(waitUntil(timeout: 20) { fixture.entries(under: "inbox/BST").isEmpty } != nil, "\(daemon.log)")
        let processed = fixture.entries(under: "processed/BST")
        #expect(processed.count == 2, "the file and its receipt: \(processed)")
        #expect(processed.allSatisfy { ($0.split(separator: "/").last ?? "").utf8.count <= 255 })
        let receipt = try #require(processed.first { $0.hasSuffix(".receipt.json") })
        let document = try fixture.json(try String(contentsOfFile: fixture.state + "/processed/BST/" + receipt, encoding: .utf8))
        #expect(document.objectValue?["appended"] == .integer(2))
        #expect(fixture.entries(under: "rejected/BST").filter { $0.hasSuffix(".errors.json") }.count == 1)
        // The events keep the name the clerk gave.
        #expect(try fixture.sql("SELECT DISTINCT source_file FROM events WHERE agency = 'BST'") == good)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test func anUploadWithALongNameIsAcceptedAndKept() throws {
        let portal = try PortalAPITests.Portal()
        let name = String(Self.longName)
        let answer = try portal.upload(CLIFixture.articles(1, prefix: "dai-web"), name: name, agency: "BST")
        #expect(answer.status == 200, "\(answer.body)")
        #expect(portal.fixture.droppedFiles(under: "processed/BST").count == 1)
        #expect(portal.fixture.entries(under: "processed/BST").contains { $0.hasSuffix(".receipt.json") })
    }

    @Test(.enabled(if: getuid() == 0, "needs root for chattr"))
    func anUploadWhoseMoveFailsAfterItsCommitIsAnsweredAndMovedLater() throws {
        let portal = try PortalAPITests.Portal()
        let folder = portal.fixture.state + "/processed/BST"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let lock = try MachineFaultTests.immutable(folder)
        let answer = try portal.upload(CLIFixture.articles(2, prefix: "treo"), name: "treo.ndjson", agency: "BST")
        // Recorded: the clerk is told so, with the counts; the file waits in the inbox.
        #expect(answer.status == 200, "\(answer.body)")
        #expect(try portal.fixture.json(answer.body).objectValue?["appended"] == .integer(2))
        #expect(try portal.fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST' AND id LIKE 'treo-%'") == "2")
        #expect(waitUntil(timeout: 10) { portal.fixture.entries(under: "inbox/BST").contains("treo.ndjson") } != nil)
        lock.release()
        #expect(
            waitUntil(timeout: 30) { portal.fixture.entries(under: "processed/BST").filter { $0.contains("treo.ndjson") }.count == 2 } != nil,
            "the file and its receipt: \(portal.fixture.entries(under: "processed/BST")) \(portal.daemon.log)")
        #expect(try portal.fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST' AND id LIKE 'treo-%'") == "2")
    }

    @Test func deletingTheLockFileLetsNoSecondDaemonIn() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        #expect(unlink(fixture.state + "/serve.lock") == 0)
        let second = try ProcessRunner.run("/usr/bin/timeout", ["20", RepositoryPaths.binary, "serve", "--state-dir", fixture.state])
        #expect(second.status == 2, "\(second.stderr)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test func aBackupIntoTheStateFolderIsRefusedAndLeavesNothing() throws {
        let fixture = try CLIFixture()
        let before = fixture.entries(under: "")
        for destination in [fixture.state + "/reports/sao-luu", fixture.state, fixture.state + "/../state/x"] {
            let backup = try fixture.run(["backup", destination])
            #expect(backup.status == 2, "\(destination): \(backup.stderr)")
            #expect(backup.stderr.contains("inside the state folder"))
        }
        #expect(fixture.entries(under: "") == before)
        #expect(try fixture.run(["backup", fixture.folder.file("sao-luu")]).status == 0)
    }

    @Test func aDamagedMerkleNodeFailsVerifyAndIsNeverSigned() throws {
        let fixture = try CLIFixture()
        let file = fixture.folder.write("drop/BST/many.ndjson", CLIFixture.articles(200, prefix: "m"))
        #expect(try fixture.run(["ingest", file]).status == 0)
        #expect(try fixture.run(["verify"]).status == 0)
        // The table refuses a change as the log does…
        let refused = try ProcessRunner.run(
            "/usr/bin/env", ["sqlite3", fixture.state + "/ledger.sqlite", "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 7 AND idx = 0"])
        #expect(refused.status != 0 && refused.stderr.contains("written once"), "\(refused.stderr)")
        // …and when its guard is removed first, verify names the node, and the root that
        // node would give (the first 128 events of every checkpoint) is never signed.
        let damaged = try ProcessRunner.run(
            "/usr/bin/env",
            [
                "sqlite3", fixture.state + "/ledger.sqlite",
                "DROP TRIGGER merkle_nodes_no_update; UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 7 AND idx = 0",
            ])
        #expect(damaged.status == 0, "\(damaged.stderr)")
        let verify = try fixture.run(["verify", "--json"])
        #expect(verify.status == 3, "\(verify.stdout)")
        let node = try fixture.json(verify.stdout).objectValue?["bad_merkle_node"]?.objectValue
        #expect(node?["level"] == .integer(7) && node?["index"] == .integer(0), "\(verify.stdout)")
        let checkpoint = try fixture.run(["checkpoint"])
        #expect(checkpoint.status != 0 && checkpoint.stderr.contains("nothing was signed"), "\(checkpoint.stdout) \(checkpoint.stderr)")
        #expect(!checkpoint.stdout.contains("—"), "no signature line was printed")
    }

    @Test func aReceiptIsAcceptedWhereACheckpointIs() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        dropFile(CLIFixture.articles(3, prefix: "bien-nhan"), into: fixture.inbox + "/BST", name: "tuan.ndjson")
        #expect(waitUntil(timeout: 20) { fixture.entries(under: "processed/BST").contains { $0.hasSuffix(".receipt.json") } } != nil)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
        let receipt = fixture.state + "/processed/BST/" + (fixture.entries(under: "processed/BST").first { $0.hasSuffix(".receipt.json") } ?? "")
        let verify = try fixture.run(["verify", "--checkpoint", receipt])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        #expect(verify.stdout.contains("OK: checkpoint"))
        // A JSON file that is not a receipt is a bad checkpoint, named as such.
        let other = fixture.folder.write("other.json", "{\"a\": 1}\n")
        let refused = try fixture.run(["verify", "--checkpoint", other])
        #expect(refused.status == 3 && refused.stdout.contains("not a receipt"), "\(refused.stdout)")
    }

    @Test func aJSONArrayCutOffIsAProblemOfTheWholeFile() throws {
        let fixture = try CLIFixture()
        let file = fixture.folder.write("drop/BST/cut.json", #"[{"id":"x-1","type":"article.published","#)
        let result = try fixture.run(["ingest", "--json", file])
        guard case .array(let files)? = try fixture.json(result.stdout).objectValue?["files"],
            case .array(let errors)? = files.first?.objectValue?["errors"]
        else {
            Issue.record("no errors in \(result.stdout)")
            return
        }
        #expect(errors.first?.objectValue?["line"] == JSONValue.null, "\(result.stdout)")
    }
}
