import Foundation
import LedgerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Clerks on Windows reach their inbox through a Samba share: Office leaves lock files,
/// Explorer leaves metadata, files are written in place in pieces, and on a network file
/// system inotify sees nothing. Polling mode (`inbox_watch`: `poll`, chosen by itself on
/// NFS/CIFS) takes a file only once it has stayed the same for `stable_seconds`.
@Suite(.serialized)
struct NetworkShareTests {
    @Test func officeLockFilesAndExplorerMetadataAreLeftAlone() throws {
        let fixture = try CLIFixture()
        for name in ["~$bao-cao.xlsx", "Thumbs.db", "desktop.ini"] { fixture.folder.write("state/inbox/BST/\(name)", "x") }
        fixture.folder.write("state/inbox/BST/q1.ndjson", CLIFixture.articles(1, prefix: "q"))
        let run = try fixture.run(["serve", "--once"])
        #expect(run.status == 0)
        #expect(fixture.entries(under: "inbox/BST") == ["Thumbs.db", "desktop.ini", "~$bao-cao.xlsx"])
        #expect(fixture.entries(under: "rejected").isEmpty)
        #expect(fixture.droppedFiles(under: "processed/BST").count == 1)
    }

    @Test func whenPollingAFileWrittenInPiecesIsTakenOnlyOnceItIsStable() throws {
        let fixture = try CLIFixture()
        let daemon = try DaemonProcess(
            state: fixture.state, scratch: fixture.folder,
            environment: ["REFORMLEDGER_INBOX_WATCH": "poll", "REFORMLEDGER_STABLE_SECONDS": "2"])
        #expect(daemon.log.contains("polling it"), "\(daemon.log)")
        // Written in place the way a share does it: open, some bytes, a pause, the rest, close.
        let text = Array(CLIFixture.articles(40, prefix: "smb").utf8)
        let path = fixture.inbox + "/BST/bao-cao.ndjson"
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        for chunk in stride(from: 0, to: text.count, by: 512) {
            _ = text[chunk..<min(text.count, chunk + 512)].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            usleep(120_000)  // about 0.1 s between pieces: never quiet for 2 s
        }
        close(fd)
        let taken = waitUntil(timeout: 20) { fixture.droppedFiles(under: "processed/BST").count == 1 }
        #expect(taken != nil, "\(daemon.log)")
        #expect(fixture.entries(under: "rejected").isEmpty, "taken before it was complete: \(daemon.log)")
        #expect(try fixture.sql("SELECT COUNT(*) FROM events WHERE agency = 'BST'") == "40")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }
}
