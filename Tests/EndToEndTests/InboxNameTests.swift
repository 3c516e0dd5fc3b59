import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// File names are the clerks' to choose: one that is not UTF-8 is rejected with a code of
/// its own, and one holding a newline cannot forge a log line.
@Suite(.serialized)
struct InboxNameTests {
    @Test func aNameThatIsNotUTF8IsRejectedWithItsOwnCode() throws {
        let fixture = try CLIFixture()
        // "báo cáo.json" as Windows-1258 bytes: 0xE1 is "á" there, and invalid UTF-8 here.
        let raw: [UInt8] = Array("b".utf8) + [0xE1] + Array("o-c".utf8) + [0xE1] + Array("o.json".utf8)
        let path = Array((fixture.inbox + "/BST/").utf8) + raw + [0]
        let content = Array(CLIFixture.articles(1, prefix: "n").utf8)
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(fd >= 0)
        _ = content.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let run = try fixture.run(["serve", "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fixture.entries(under: "rejected/BST") == ["b%E1o-c%E1o.json", "b%E1o-c%E1o.json.errors.json"])
        let errors = try fixture.json(try String(contentsOfFile: fixture.state + "/rejected/BST/b%E1o-c%E1o.json.errors.json", encoding: .utf8))
        guard case .array(let list)? = errors.objectValue?["errors"] else {
            Issue.record("no errors")
            return
        }
        #expect(list.first?.objectValue?["code"] == .string("invalid_file_name"))
        #expect(errors.objectValue?["file"] == .string("b%E1o-c%E1o.json"))
        #expect(fixture.entries(under: "inbox/BST").isEmpty)
        #expect(run.stderr.contains("b%E1o-c%E1o.json"))
    }

    @Test func aNewlineInANameCannotForgeLogLines() throws {
        let fixture = try CLIFixture()
        let forged = "x.ndjson\n2099-01-01T00:00:00+0000 info reformledger : forged=yes accepted"
        fixture.folder.write("state/inbox/BST/\(forged).ndjson", CLIFixture.articles(2, prefix: "nl"))
        let run = try fixture.run(["serve", "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "2")
        // Every log line is a log line: none starts with the forged text.
        let lines = run.stderr.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("2099-01-01") }, "\(run.stderr)")
        #expect(run.stderr.contains("x.ndjson\\n2099"))
        // The audit trail too: one line per event.
        let events = try fixture.run(["events", "--agency", "BST"])
        #expect(events.stdout.split(separator: "\n").count == 2, "\(events.stdout)")
    }
}
