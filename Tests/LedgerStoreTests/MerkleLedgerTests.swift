import Foundation
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerStore

/// The tree over a real ledger: its leaves are the records the chain hashes, and an
/// independent Python implementation (`Scripts/merkle_root.py`, standard library only)
/// finds the same root at every size asked.
struct MerkleLedgerTests {
    let folder = TemporaryDirectory("merkle")

    @Test func thePythonRecipeFindsTheSameRootAtEverySize() throws {
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        try database.transaction { db in
            var appender = try EventAppender(db: db)
            for index in 1...37 {
                let draft = EventDraft(
                    agency: index % 3 == 0 ? "DPTTH" : "BST", id: "e\(index)", type: .articlePublished,
                    occurredAt: .date(LocalDate(year: 2024, month: 3, day: 1 + index % 28)!), corrects: nil,
                    data: JSONObject([("title", .string("Tin “CCHC” số \(index)")), ("channel", .string("zalo"))]))
                try appender.append(
                    draft, source: EventSource(file: "tệp \(index).ndjson", sha256: "00ff", line: index),
                    recordedAt: Instant(millisecondsSinceEpoch: 1_710_000_000_000 + Int64(index)))
            }
            return ((), commit: true)
        }
        var leaves: [[UInt8]] = []
        try database.forEachEvent(agency: nil, type: nil) { leaves.append(MerkleTree.leafHash($0.canonicalRecord().bytes())) }
        let sizes = [0, 1, 2, 3, 7, 8, 9, 16, 31, 36, 37]
        let python = try ProcessRunner.run(
            "/usr/bin/env", ["python3", RepositoryPaths.path("Scripts/merkle_root.py"), database.path] + sizes.map(String.init))
        #expect(python.status == 0, "\(python.stderr)")
        let expected = sizes.map { "\($0) \(HashChain.hex(MerkleTree.root(of: leaves[0..<$0])))" }
        #expect(python.stdout.split(separator: "\n").map(String.init) == expected)
    }
}
