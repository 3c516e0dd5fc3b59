import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerFiles

struct FileMoverTests {
    @Test(arguments: [
        ("week.json", 0, "week.json"), ("week.json", 1, "week-1.json"), ("a.tar.gz", 2, "a.tar-2.gz"),
        ("README", 3, "README-3"), (".profile", 1, ".profile-1"),
    ])
    func suffixGoesBeforeTheExtension(_ name: String, _ attempt: Int, _ expected: String) {
        #expect(FileMover.suffixed(name, attempt) == expected)
    }

    @Test func neverOverwritesAndKeepsCompanionNamesFree() throws {
        let folder = TemporaryDirectory("mover")
        folder.write("to/week.json", "first")
        folder.write("to/week-1.json.errors.json", "orphan")
        let source = folder.write("from/week.json", "second")
        let destination = try FileMover.move(source, into: folder.file("to"), companions: [".errors.json"])
        // week.json is taken, and week-1.json's companion is taken, so week-2.json.
        #expect(destination.hasSuffix("/to/week-2.json"))
        #expect(try String(contentsOfFile: folder.file("to/week.json"), encoding: .utf8) == "first")
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "second")
        #expect(!FileManager.default.fileExists(atPath: source))
    }

    @Test func writesAtomicallyLeavingNoTemporaryFile() throws {
        let folder = TemporaryDirectory("mover")
        try AtomicFile.write(Array("{}".utf8), to: folder.file("x.errors.json"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.errors.json"])
    }
}
