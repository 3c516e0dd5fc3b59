import Crypto
import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerStore

/// The signer's witness keeps its frontier in `keys/tree-witness`, so a new process hashes
/// only the events since; a file it cannot trust — forged, under another key, or of a log
/// that went another way after a restore — is never used to vouch for a root.
struct TreeWitnessTests {
    let folder = TemporaryDirectory("witness")
    let key = NoteSigner.generate(name: "reformledger.test")

    private func ledger(_ name: String, events: ClosedRange<Int>, prefix: String = "e") throws -> LedgerDatabase {
        let database = try LedgerDatabase(path: folder.file(name), create: true)
        try append(events, prefix: prefix, to: database)
        return database
    }

    private func append(_ events: ClosedRange<Int>, prefix: String, to database: LedgerDatabase) throws {
        try database.transaction { db in
            var appender = try EventAppender(db: db)
            for index in events {
                let draft = EventDraft(
                    agency: "BST", id: "\(prefix)\(index)", type: .articlePublished, occurredAt: .date(LocalDate(year: 2024, month: 3, day: 1)!),
                    corrects: nil, data: JSONObject([("title", .string("Tin \(index)")), ("channel", .string("zalo"))]))
                try appender.append(draft, source: .system, recordedAt: Instant(millisecondsSinceEpoch: 1_710_000_000_000 + Int64(index)))
            }
            return ((), commit: true)
        }
    }

    private func signer(file: Bool = true, key: NoteSigner? = nil) -> CheckpointSigner {
        CheckpointSigner(origin: "test", signer: key ?? self.key, witnessFile: file ? folder.file("tree-witness") : nil)
    }

    @Test func aNewProcessStartsFromTheSavedFrontierAndSignsTheSameRoot() throws {
        let database = try ledger("a.sqlite", events: 1...100)
        let first = try signer().signed(of: database).checkpoint
        #expect(FileManager.default.fileExists(atPath: folder.file("tree-witness")))
        #expect(WitnessFile(path: folder.file("tree-witness"), origin: "test", keyBytes: key.witnessKey).load()?.frontier.size == 100)
        try append(101...130, prefix: "e", to: database)
        let resumed = try signer().signed(of: database).checkpoint
        let fromScratch = try signer(file: false).signed(of: database).checkpoint
        #expect(resumed == fromScratch)
        #expect(resumed.size == 130 && first.size == 100)
        #expect(WitnessFile(path: folder.file("tree-witness"), origin: "test", keyBytes: key.witnessKey).load()?.frontier.size == 130)
    }

    @Test func aFrontierUnderAnotherKeyIsNotBelieved() throws {
        let database = try ledger("a.sqlite", events: 1...64)
        // A frontier of other leaves, whose last leaf is the log's: believed, it would
        // make the witness disagree with the stored tree.
        var bogus = MerkleFrontier.empty
        for index in 0..<64 { bogus.append(Array(SHA256.hash(data: Array("other \(index)".utf8)))) { _, _, _ in } }
        var lastLeaf: [UInt8] = []
        try database.readTree { tree in try tree.leafHashes(63..<64) { lastLeaf = $0 } }
        let other = NoteSigner.generate(name: "reformledger.test")
        WitnessFile(path: folder.file("tree-witness"), origin: "test", keyBytes: other.witnessKey).save(.init(frontier: bogus, lastLeaf: lastLeaf))
        // Under the key that made it, the file is taken: the test can tell.
        #expect(throws: TreeWitness.Disagreement.self) { try signer(key: other).signed(of: database) }
        // Under the state folder's key it is not.
        WitnessFile(path: folder.file("tree-witness"), origin: "test", keyBytes: other.witnessKey).save(.init(frontier: bogus, lastLeaf: lastLeaf))
        #expect(try signer().signed(of: database).checkpoint == signer(file: false).signed(of: database).checkpoint)
        // A byte changed in a file of the right key breaks its MAC.
        _ = try signer().signed(of: database)
        var text = try String(contentsOfFile: folder.file("tree-witness"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\n64\n", with: "\n63\n")
        try text.write(toFile: folder.file("tree-witness"), atomically: true, encoding: .utf8)
        #expect(WitnessFile(path: folder.file("tree-witness"), origin: "test", keyBytes: key.witnessKey).load() == nil)
    }

    @Test func aFrontierOfALogThatWentAnotherWayIsDropped() throws {
        // The file saw ledger A to 80 events; after a restore the log is B, which differs
        // from event 1 on (its records were recorded at other times).
        let lost = try ledger("lost.sqlite", events: 1...80)
        _ = try signer().signed(of: lost)
        let restored = try ledger("restored.sqlite", events: 1...120, prefix: "r")
        let signed = try signer().signed(of: restored).checkpoint
        #expect(signed == (try signer(file: false).signed(of: restored).checkpoint))
        // And the file is now the restored log's.
        #expect(WitnessFile(path: folder.file("tree-witness"), origin: "test", keyBytes: key.witnessKey).load()?.frontier.size == 120)
    }
}
