import Foundation
import GRDB
import LedgerTestSupport
import Testing

@testable import LedgerDomain
@testable import LedgerStore

/// The tree kept in `merkle_nodes` beside the log: appended in the same transactions as
/// the events, it gives at every size the root that the RFC's definition gives from the
/// leaves, proofs that the RFC's verifiers accept, and it is rebuilt from the events when
/// its rows are lost.
struct StoredMerkleTreeTests {
    let folder = TemporaryDirectory("stored-merkle")

    /// Appends `count` events in one transaction, as one file would.
    private func append(_ count: Int, to database: LedgerDatabase, from first: Int) throws {
        try database.transaction { db in
            var appender = try EventAppender(db: db)
            for index in first..<(first + count) {
                let draft = EventDraft(
                    agency: "BST", id: "e\(index)", type: .articlePublished,
                    occurredAt: .date(LocalDate(year: 2024, month: 5, day: 1 + index % 28)!), corrects: nil,
                    data: JSONObject([("title", .string("Tin số \(index)")), ("channel", .string("zalo"))]))
                try appender.append(
                    draft, source: EventSource(file: "f.ndjson", sha256: "ab", line: index),
                    recordedAt: Instant(millisecondsSinceEpoch: 1_715_000_000_000 + Int64(index)))
            }
            return ((), commit: true)
        }
    }

    private func leaves(_ store: any EventStore) throws -> [[UInt8]] {
        var leaves: [[UInt8]] = []
        try store.forEachEvent(agency: nil, type: nil) { leaves.append(MerkleTree.leafHash($0.canonicalRecord().bytes())) }
        return leaves
    }

    private func filledLedger() throws -> LedgerDatabase {
        let database = try LedgerDatabase(path: folder.file("ledger.sqlite"), create: true)
        var next = 1
        for batch in [1, 5, 17, 40, 2, 35, 200] {  // 300 events, sessions starting at odd sizes
            try append(batch, to: database, from: next)
            next += batch
        }
        return database
    }

    @Test func theStoredTreeGivesTheRootOfTheDefinitionAtEverySize() throws {
        let database = try filledLedger()
        let leaves = try leaves(database)
        #expect(leaves.count == 300)
        let (size, roots) = try database.readTree { tree in (tree.size, try (0...300).map { try tree.root(size: Int64($0)) }) }
        #expect(size == 300)
        for size in 0...300 { #expect(roots[size] == MerkleTree.root(of: leaves[0..<size]), "size \(size)") }
        #expect(throws: TreeRangeError.self) { try database.readTree { try $0.root(size: 301) } }
        // Every complete subtree of 2^storedLevel leaves and more is stored, and nothing else.
        let rows = try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM merkle_nodes") }
        #expect(rows == (StoredMerkleTree.storedLevel..<20).reduce(0) { $0 + 300 >> $1 })
    }

    @Test func itsProofsPassTheVerifiersOfTheRFC() throws {
        let database = try filledLedger()
        let leaves = try leaves(database)
        for size in [1, 2, 7, 16, 17, 33, 64, 65, 99, 128, 200, 255, 256, 299, 300] {
            let root = MerkleTree.root(of: leaves[0..<size])
            for seq in Set([1, size / 2 + 1, size]) {
                let proof = try database.readTree { try $0.inclusionProof(seq: Int64(seq), size: Int64(size)) }
                #expect(MerkleTree.verifyInclusion(leafHash: leaves[seq - 1], index: seq - 1, size: size, proof: proof, root: root))
            }
            for from in Set([1, size / 3 + 1, size]) {
                let proof = try database.readTree { try $0.consistencyProof(from: Int64(from), to: Int64(size)) }
                #expect(
                    MerkleTree.verifyConsistency(from: from, to: size, oldRoot: MerkleTree.root(of: leaves[0..<from]), newRoot: root, proof: proof))
            }
        }
        #expect(throws: TreeRangeError.self) { try database.readTree { try $0.inclusionProof(seq: 0, size: 10) } }
        #expect(throws: TreeRangeError.self) { try database.readTree { try $0.inclusionProof(seq: 11, size: 10) } }
        #expect(throws: TreeRangeError.self) { try database.readTree { try $0.consistencyProof(from: 5, to: 301) } }
    }

    /// Rows lost (here by an operator who first removed the table's guard).
    @Test func lostRowsAreRebuiltFromTheEventsWhenTheLedgerIsOpened() throws {
        let path = try filledLedger().path
        let level = StoredMerkleTree.storedLevel
        let before = try LedgerDatabase(path: path).readTree { try $0.root(size: 300) }
        let all = try LedgerDatabase(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM merkle_nodes") }
        let sqlite = try ProcessRunner.run(
            "/usr/bin/env", ["sqlite3", path, "DROP TRIGGER merkle_nodes_no_delete; DELETE FROM merkle_nodes WHERE level = \(level) AND idx >= 2"])
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        let reopened = try LedgerDatabase(path: path)
        let rows = try reopened.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM merkle_nodes") }
        #expect(rows == all)
        #expect(try reopened.readTree { try $0.root(size: 300) } == before)
        // A row lost inside the tree is not needed to append; reads hash its leaves instead.
        _ = try ProcessRunner.run("/usr/bin/env", ["sqlite3", path, "DELETE FROM merkle_nodes WHERE level = \(level) AND idx = 0"])
        try append(1, to: reopened, from: 301)
        let leaves301 = try leaves(reopened)
        #expect(try reopened.readTree { try $0.root(size: 301) } == MerkleTree.root(of: leaves301[...]))
        let proof = try reopened.readTree { try $0.inclusionProof(seq: 3, size: 301) }
        #expect(MerkleTree.verifyInclusion(leafHash: leaves301[2], index: 2, size: 301, proof: proof, root: MerkleTree.root(of: leaves301[...])))
    }
}
