import Foundation
import GRDB
import LedgerDomain

/// The Merkle tree kept beside the log in `merkle_nodes`: the hash of every complete
/// subtree of at least 2^`storedLevel` leaves, `(level, idx)` covering leaves
/// `idx·2^level ..< (idx+1)·2^level`. Written in the transaction of the append, so a
/// checkpoint or a proof at a million events reads some twenty rows and hashes at most a
/// few dozen events, never the whole log.
///
/// Smaller subtrees are not stored: their leaves are hashed again from the events when
/// needed (at most 63 per range, a millisecond). That keeps the table at a thirty-second
/// of a row per event, which is what keeps the append's extra cost small: storing from 16
/// leaves up cost 13 % of a 100k ingest, from 64 up 5 % (docs/PERFORMANCE.md). The table is derived: deleting its
/// rows (or `rebuild`) makes the next writer fill it again from the events.
enum StoredMerkleTree {
    static let storedLevel = 6

    static func createTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE merkle_nodes (
                    level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
                    PRIMARY KEY (level, idx)
                ) WITHOUT ROWID
                """)
        try guardTable(db)
    }

    /// The table is guarded like `events`: a node, once written, is never changed or
    /// removed (its subtree is complete and immutable); only a rebuild drops the table and
    /// fills it again. Checkpoints, proofs and receipts are computed from it, so `verify`
    /// also recomputes it (`ChainVerifier`), and a signer checks each root it signs
    /// against the events (`TreeWitness`).
    static func guardTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TRIGGER IF NOT EXISTS merkle_nodes_no_update BEFORE UPDATE ON merkle_nodes
                BEGIN SELECT RAISE(ABORT, 'merkle_nodes are written once: UPDATE is not allowed'); END;
                CREATE TRIGGER IF NOT EXISTS merkle_nodes_no_delete BEFORE DELETE ON merkle_nodes
                BEGIN SELECT RAISE(ABORT, 'merkle_nodes are written once: DELETE is not allowed'); END;
                CREATE TRIGGER IF NOT EXISTS merkle_nodes_no_other_hash BEFORE INSERT ON merkle_nodes
                WHEN EXISTS (SELECT 1 FROM merkle_nodes WHERE level = NEW.level AND idx = NEW.idx AND hash IS NOT NEW.hash)
                BEGIN SELECT RAISE(ABORT, 'merkle_nodes are written once: a node cannot be replaced by another hash'); END;
                """)
    }

    /// Empties the table the only way its guard allows: dropped and made again.
    static func reset(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE merkle_nodes")
        try createTable(db)
    }

    /// Leaves whose stored subtrees are all present: a multiple of 2^storedLevel.
    static func coveredSize(_ db: Database) throws -> Int {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(idx) FROM merkle_nodes WHERE level = ?", arguments: [storedLevel])
        return last.map { ($0 + 1) << storedLevel } ?? 0
    }

    /// True when the table lags the log by more than the unstored tail (a ledger from
    /// before the tree, or after its rows were deleted).
    static func needsCatchUp(_ db: Database) throws -> Bool {
        let head = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM events") ?? 0
        return try coveredSize(db) < (head >> storedLevel) << storedLevel
    }

    static func lookup(_ db: Database, level: Int, index: Int) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?", arguments: [level, index]).map { Array($0) }
    }

    /// The leaf hashes of events `range.lowerBound + 1 ... range.upperBound`, from their rows.
    static func leafHashes(_ db: Database, _ range: Range<Int>, _ body: ([UInt8]) throws -> Void) throws {
        let rows = try RawStatement(db, sql: "SELECT \(try StoredEvent.columns(db)) FROM events WHERE seq > ? AND seq <= ? ORDER BY seq")
        defer { rows.reset() }
        rows.bind(Int64(range.lowerBound), at: 1)
        rows.bind(Int64(range.upperBound), at: 2)
        var expected = Int64(range.lowerBound) + 1
        while try rows.step() {
            let event = StoredEvent(current: rows)
            guard event.seq == expected else { throw StoreError(.corruptRow, "seq \(expected) is missing from the log") }
            try body(MerkleTree.leafHash(event.canonicalRecord().parts, seq: event.seq))
            expected += 1
        }
        guard expected == Int64(range.upperBound) + 1 else { throw StoreError(.corruptRow, "seq \(expected) is missing from the log") }
    }

    /// Appends leaves inside a writing transaction and stores each subtree they complete.
    struct Appender {
        private var frontier: MerkleFrontier
        private let insert: RawStatement

        /// The frontier at the head of the log, the table first brought up to it.
        init(db: Database) throws {
            // Recomputed from the events, a row replaces whatever a partial loss left.
            insert = try RawStatement(db, sql: "INSERT OR REPLACE INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)")
            var covered = try coveredSize(db)
            var hashes: [[UInt8]] = []
            for range in MerkleFrontier.ranges(of: covered) {
                let level = range.count.trailingZeroBitCount
                guard let hash = try lookup(db, level: level, index: range.lowerBound >> level) else { break }
                hashes.append(hash)
            }
            if let start = MerkleFrontier(size: covered, subtrees: hashes) {
                frontier = start
            } else {
                // A node is missing under the last one: the table is not ours to trust.
                try reset(db)
                covered = 0
                frontier = .empty
            }
            let head = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM events") ?? 0
            var leaves: [[UInt8]] = []
            try leafHashes(db, covered..<head) { leaves.append($0) }
            for leaf in leaves { try append(leaf) }
        }

        var size: Int { frontier.size }
        var root: [UInt8] { frontier.root }

        mutating func append(_ leaf: [UInt8]) throws {
            let insert = insert
            try frontier.append(leaf) { level, index, hash in
                guard level >= storedLevel else { return }
                insert.bind(Int64(level), at: 1)
                insert.bind(Int64(index), at: 2)
                insert.bind(blob: hash, at: 3)
                try insert.execute()
            }
        }
    }

    /// The tree as one read transaction sees it.
    struct Reader: MerkleTreeReader {
        let db: Database
        let size: Int64
        /// False on a ledger opened read-only from before the tree: everything from events.
        private let hasTable: Bool

        init(db: Database) throws {
            self.db = db
            size = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM events") ?? 0
            hasTable = try db.tableExists("merkle_nodes")
        }

        func leafHashes(_ range: Range<Int>, _ body: ([UInt8]) throws -> Void) throws {
            try StoredMerkleTree.leafHashes(db, range, body)
        }

        func subtree(_ range: Range<Int>) throws -> [UInt8] {
            precondition(!range.isEmpty && range.upperBound <= size)
            let count = range.count
            if count.nonzeroBitCount == 1, range.lowerBound % count == 0 {
                let level = count.trailingZeroBitCount
                if hasTable, level >= storedLevel, let hash = try lookup(db, level: level, index: range.lowerBound >> level) { return hash }
            }
            if count <= 1 << storedLevel {
                var leaves: [[UInt8]] = []
                try StoredMerkleTree.leafHashes(db, range) { leaves.append($0) }
                return MerkleTree.root(of: leaves[...])
            }
            let middle = range.lowerBound + MerkleTree.split(count)
            return MerkleTree.nodeHash(try subtree(range.lowerBound..<middle), try subtree(middle..<range.upperBound))
        }
    }
}
