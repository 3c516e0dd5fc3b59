import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `serve` as it runs in production: real process, real inotify, real files.
@Suite(.serialized)
struct DaemonTests {
    @Test func aFileDroppedWhileRunningIsCommittedWithinTwoSeconds() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        dropFile(CLIFixture.articles(3, prefix: "live"), into: fixture.inbox + "/BST", name: "live.ndjson")
        let took = waitUntil(timeout: 2) { fixture.droppedFiles(under: "processed").contains { $0.hasSuffix("BST/" + Self.month + "/live.ndjson") } }
        #expect(took != nil, "not picked up within 2 s: \(daemon.log)")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "3")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    static var month: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM"
        formatter.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        return formatter.string(from: Date())
    }

    @Test func everyPathOfTheInboxProtocol() throws {
        let fixture = try CLIFixture()
        let bst = fixture.inbox + "/BST"
        let outside = fixture.folder.write("outside/target.json", CLIFixture.articles(1, prefix: "outside"))
        try FileManager.default.createSymbolicLink(atPath: bst + "/link.json", withDestinationPath: outside)
        #expect(mkfifo(bst + "/pipe.json", 0o644) == 0)
        let device = mknod(bst + "/device.json", S_IFCHR | 0o644, (1 << 8) | 3) == 0  // major 1, minor 3 (as /dev/null); needs root
        #expect(link(outside, bst + "/hard.json") == 0)
        try FileManager.default.createDirectory(atPath: bst + "/folder.json", withIntermediateDirectories: true)
        for name in [".hidden.json", "writing.json.tmp", "upload.ndjson.part"] { fixture.folder.write("state/inbox/BST/\(name)", "{") }
        fixture.folder.write("state/inbox/NOT-AN-AGENCY/x.json", "{}")
        fixture.folder.write("state/inbox/loose.json", "{}")
        // Name clashes: both destinations already hold a file of the same name.
        fixture.folder.write("state/processed/BST/\(Self.month)/week.ndjson", "old")
        fixture.folder.write("state/rejected/BST/bad.json", "old")
        fixture.folder.write("state/rejected/BST/bad.json.errors.json", "old")
        fixture.folder.write("state/inbox/BST/week.ndjson", CLIFixture.articles(2, prefix: "week"))
        fixture.folder.write("state/inbox/BST/bad.json", "{not json")

        let run = try fixture.run(["serve", "--once"])
        #expect(run.status == 0, "\(run.stderr)")

        var rejected = [
            "bad-1.json", "bad-1.json.errors.json", "bad.json", "bad.json.errors.json", "hard.json", "hard.json.errors.json",
            "link.json", "link.json.errors.json", "pipe.json", "pipe.json.errors.json",
        ]
        if device { rejected += ["device.json", "device.json.errors.json"] }
        #expect(fixture.entries(under: "rejected/BST") == rejected.sorted())
        #expect(fixture.entries(under: "processed/BST/\(Self.month)") == ["week-1.ndjson", "week-1.ndjson.receipt.json", "week.ndjson"])
        #expect(
            fixture.entries(under: "inbox") == ["BST/.hidden.json", "BST/upload.ndjson.part", "BST/writing.json.tmp", "NOT-AN-AGENCY/x.json", "loose.json"])
        #expect(FileManager.default.fileExists(atPath: bst + "/folder.json"))
        // The link was moved, not followed: its target is untouched and was never ingested.
        #expect(FileManager.default.fileExists(atPath: outside))
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "2")
        let linkErrors = try String(contentsOfFile: fixture.state + "/rejected/BST/link.json.errors.json", encoding: .utf8)
        #expect(linkErrors.contains(#""sha256": null"#) && linkErrors.contains("not_regular_file"))
        let badErrors = try String(contentsOfFile: fixture.state + "/rejected/BST/bad-1.json.errors.json", encoding: .utf8)
        #expect(badErrors.contains(#""file": "bad-1.json""#) && badErrors.contains("malformed"))
        for expected in ["NOT-AN-AGENCY", "loose.json", "folder.json"] { #expect(run.stderr.contains(expected), "\(expected) not logged") }
    }

    @Test func fiveHundredFilesAtOnce() throws {
        let fixture = try CLIFixture()
        for index in 1...500 {
            fixture.folder.write("state/inbox/UBND-MX/batch-\(index).ndjson", CLIFixture.articles(2, prefix: "b\(index)"))
        }
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        let took = waitUntil(timeout: 60) { fixture.droppedFiles(under: "processed/UBND-MX").count == 500 }
        #expect(took != nil, "\(fixture.droppedFiles(under: "processed/UBND-MX").count) of 500 processed")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'UBND-MX'") == "1000")
        #expect(fixture.entries(under: "inbox/UBND-MX").isEmpty)
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test func badFilesNeverStopTheDaemonAndEveryGoodFileIsIngested() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder, environment: ["REFORMLEDGER_MAX_FILE_BYTES": "200000"])
        let bad: [(String, [UInt8])] = [
            ("garbage.json", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }),
            ("empty.json", []),
            ("deep.json", Array((String(repeating: "[", count: 100_000)).utf8)),
            ("latin1.ndjson", [0x7B, 0x22, 0xE9, 0x22, 0x7D]),
            ("huge.ndjson", Array(String(repeating: "x", count: 300_000).utf8)),
            ("sheet.xlsx", Array("PK\u{03}\u{04}".utf8)),
            ("header-only.csv", Array("id;type\n".utf8)),
            ("unterminated.csv", Array("id,type,occurred_at\n\"a,b\n".utf8)),
            ("nul.ndjson", [0x00, 0x00, 0x0A]),
            (
                "wrong-agency.json",
                Array(#"{"id":"w","agency":"SNV","type":"article.published","occurred_at":"2024-01-01","data":{"title":"T","channel":"zalo"}}"#.utf8)
            ),
        ]
        for (index, (name, bytes)) in bad.enumerated() {
            fixture.folder.write("state/inbox/BST/\(name)", bytes: bytes)
            dropFile(CLIFixture.articles(5, prefix: "good\(index)"), into: fixture.inbox + "/BST", name: "good-\(index).ndjson")
        }
        let took = waitUntil(timeout: 30) { fixture.entries(under: "inbox/BST").isEmpty }
        #expect(took != nil, "inbox not drained: \(fixture.entries(under: "inbox/BST"))")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "50")
        #expect(fixture.entries(under: "rejected/BST").filter { $0.hasSuffix(".errors.json") }.count == bad.count)
        #expect(daemon.process.isRunning)
        dropFile(CLIFixture.articles(1, prefix: "after"), into: fixture.inbox + "/BST", name: "after.ndjson")
        #expect(waitUntil(timeout: 5) { (try? fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'")) == "51" } != nil, "\(daemon.log.suffix(3000))")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0, "\(daemon.log.suffix(3000))")
    }

    @Test func newAgenciesGetAnInboxThatIsWatched() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(state: fixture.state, scratch: fixture.folder)
        dropFile(
            #"{"id":"reg-xa","type":"agency.registered","occurred_at":"2024-02-01","data":{"code":"UBND-XA1","name":"UBND xã An Hiệp","kind":"commune"}}"#,
            into: fixture.inbox + "/SNV", name: "reg.json")
        #expect(waitUntil(timeout: 5) { FileManager.default.fileExists(atPath: fixture.inbox + "/UBND-XA1") } != nil)
        dropFile(CLIFixture.articles(1, prefix: "xa"), into: fixture.inbox + "/UBND-XA1", name: "first.ndjson")
        #expect(waitUntil(timeout: 5) { (try? fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'UBND-XA1'")) == "1" } != nil, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }
}
