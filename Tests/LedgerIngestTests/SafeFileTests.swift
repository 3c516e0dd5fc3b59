import Foundation
import LedgerFiles
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerIngest

/// CONTRACT §6.6: links, FIFOs, devices, directories and hard links are never opened.
struct SafeFileTests {
    @Test func symlinksFIFOsDirectoriesAndHardLinksAreNotRegularFiles() throws {
        let fixture = try IngestFixture()
        let target = fixture.folder.write("outside/secret.json", IngestFixture.article("s1"))
        let inbox = fixture.folder.file("inbox/BST")
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: inbox + "/link.json", withDestinationPath: target)
        #expect(mkfifo(inbox + "/pipe.json", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: inbox + "/folder.json", withIntermediateDirectories: true)
        #expect(link(target, inbox + "/hard.json") == 0)

        for (name, kind) in [("link.json", "symlink"), ("pipe.json", "FIFO"), ("folder.json", "directory"), ("hard.json", "hard link")] {
            // A FIFO with no writer would block a plain open(); this returns at once.
            let outcome = try fixture.ingestor.ingest(path: inbox + "/" + name, folderAgency: "BST")
            #expect(outcome.codes == [.notRegularFile] && outcome.sha256 == nil, "\(name)")
            #expect(outcome.problems.first?.message(in: .en).contains(kind) == true)
        }
        #expect(fixture.headSeq == 49)
    }

    @Test func ignoredNamesAndFormatsByExtension() {
        #expect(FileFormat.isIgnoredName(".hidden.json") && FileFormat.isIgnoredName("a.json.tmp") && FileFormat.isIgnoredName("a.part"))
        #expect(!FileFormat.isIgnoredName("a.json"))
        #expect(FileFormat(fileName: "A.JSONL") == .ndjson && FileFormat(fileName: "x.TSV") == .tsv && FileFormat(fileName: "x.XLSX") == .xlsx)
        #expect(FileFormat(fileName: "x.docx") == nil && FileFormat(fileName: "x.xls") == nil && FileFormat.isIgnoredName("~$x.xlsx"))
    }
}
