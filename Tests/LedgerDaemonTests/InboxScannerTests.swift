import Foundation
import LedgerFiles
import LedgerIngest
import LedgerTestSupport
import Testing

@testable import LedgerDaemon

struct InboxScannerTests {
    @Test func listsAgencyFilesInArrivalOrderAndReportsTheRest() throws {
        let folder = TemporaryDirectory("scanner")
        let layout = StateLayout(root: folder.path)
        func file(_ relative: String, secondsAgo: Int) {
            let path = folder.write("inbox/" + relative, "{}")
            var times = [timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0), timespec(tv_sec: time(nil) - secondsAgo, tv_nsec: 0)]
            utimensat(AT_FDCWD, path, &times, 0)
        }
        file("BST/late.json", secondsAgo: 10)
        file("SNV/early.json", secondsAgo: 30)
        file("BST/b.json", secondsAgo: 20)
        file("BST/a.json", secondsAgo: 20)
        file("BST/.hidden.json", secondsAgo: 40)
        file("BST/wip.json.part", secondsAgo: 40)
        file("GHOST/x.json", secondsAgo: 5)
        file("stray.json", secondsAgo: 5)
        let scan = InboxScanner(layout: layout).scan(knownAgencies: ["BST", "SNV"])
        #expect(scan.entries.map { "\($0.agency)/\($0.name)" } == ["SNV/early.json", "BST/a.json", "BST/b.json", "BST/late.json"])
        #expect(scan.unknownFolders.map { ($0 as NSString).lastPathComponent } == ["GHOST"])
        #expect(scan.strayFiles.map { ($0 as NSString).lastPathComponent } == ["stray.json"])
    }
}
