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

    /// A write made in place would keep the file's inode and show a reader holding the old
    /// file the new bytes (or half of them): an atomic write renames a new file over it.
    @Test func writesAtomicallyLeavingNoTemporaryFile() throws {
        let folder = TemporaryDirectory("mover")
        let path = folder.file("x.errors.json")
        try AtomicFile.write(Array(#"{"old":true}"#.utf8), to: path)
        let reader = try #require(FileHandle(forReadingAtPath: path))
        defer { try? reader.close() }
        var before = stat()
        #expect(stat(path, &before) == 0)
        try AtomicFile.write(Array(#"{"new":true,"longer":"than the old one"}"#.utf8), to: path)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(after.st_ino != before.st_ino, "the file was written in place")
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == #"{"old":true}"#)
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self).hasPrefix(#"{"new":true"#))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["x.errors.json"])
    }
}
