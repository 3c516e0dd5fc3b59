import GRDB
import LedgerDomain

/// Recomputes the whole hash chain from seq 1 and names the first row that does not match.
public struct ChainVerifier {
    public enum Outcome: Sendable, Equatable {
        case intact(events: Int64, headHash: String)
        case broken(seq: Int64, reason: String)
        /// The chain is intact but a node of `merkle_nodes`, from which checkpoints, proofs
        /// and receipts are computed, is not the hash of its leaves.
        case treeDamaged(level: Int, index: Int, reason: String)
    }

    private let database: LedgerDatabase

    public init(database: LedgerDatabase) {
        self.database = database
    }

    /// Rows are read and their records re-canonicalised on a second thread (`BackgroundBatches`);
    /// this thread only chains the hashes, which must go in seq order.
    public func verify(progress: ((Int64) -> Void)? = nil) throws -> Outcome {
        try verify(recordingRootsAt: [], progress: progress).outcome
    }

    /// The same walk, also folding each record into a Merkle tree of its own (not the
    /// stored one, which a rewrite would have recomputed too) and keeping its root at
    /// each of `sizes` that the log reaches.
    /// With `checkingStoredTree`, the tree covers the whole log and every node stored in
    /// `merkle_nodes` is compared with the one computed here (`Outcome.treeDamaged`).
    public func verify(
        recordingRootsAt sizes: Set<Int64>, checkingStoredTree: Bool = false, progress: ((Int64) -> Void)? = nil
    ) throws -> (
        outcome: Outcome, roots: [Int64: [UInt8]]
    ) {
        var roots: [Int64: [UInt8]] = [:]
        if sizes.contains(0) { roots[0] = MerkleTree.emptyRoot }
        var tree = MerkleFrontier.empty
        let lastSize = checkingStoredTree ? Int64.max : sizes.max() ?? 0
        var nodes: [NodeKey: [UInt8]] = [:]
        var previous = HashChain.genesis
        var expectedSeq: Int64 = 1
        var failure: Outcome?
        let database = database
        do {
            try BackgroundBatches.run(
                name: "reformledger-verify",
                produce: { emit in
                    try database.read { db in try Self.readLinks(db, emit: emit) }
                },
                consume: { (link: Link) in
                    if link.seq != expectedSeq {
                        failure = .broken(seq: expectedSeq, reason: "seq \(expectedSeq) is missing (next row is seq \(link.seq))")
                        throw FoundBreak()
                    }
                    let computed = HashChain.next(previous: previous, record: link.record, seq: link.seq)
                    if HashChain.hex(computed) != link.storedHash {
                        failure = .broken(seq: link.seq, reason: "the stored hash does not match the recomputed hash of the row")
                        throw FoundBreak()
                    }
                    previous = computed
                    if link.seq <= lastSize {
                        tree.append(MerkleTree.leafHash(link.record, seq: link.seq)) { level, index, hash in
                            if checkingStoredTree, level >= StoredMerkleTree.storedLevel { nodes[NodeKey(level: level, index: index)] = hash }
                        }
                        if sizes.contains(link.seq) { roots[link.seq] = tree.root }
                    }
                    expectedSeq += 1
                    if expectedSeq % 50_000 == 0 { progress?(expectedSeq) }
                })
        } catch is FoundBreak {}
        if failure == nil, checkingStoredTree { failure = try storedTreeDamage(nodes) }
        return (failure ?? .intact(events: expectedSeq - 1, headHash: HashChain.hex(previous)), roots)
    }

    private struct NodeKey: Hashable {
        let level: Int
        let index: Int
    }

    /// The first stored node that is not the one computed from the events (a node the
    /// table lacks is not damage: the next writer fills it again from the events).
    private func storedTreeDamage(_ computed: [NodeKey: [UInt8]]) throws -> Outcome? {
        try database.read { db in
            guard try db.tableExists("merkle_nodes") else { return nil }
            let rows = try RawStatement(db, sql: "SELECT level, idx, hash FROM merkle_nodes ORDER BY level, idx")
            defer { rows.reset() }
            while try rows.step() {
                let level = Int(rows.int64(0)), index = Int(rows.int64(1))
                guard let expected = computed[NodeKey(level: level, index: index)] else {
                    return .treeDamaged(level: level, index: index, reason: "merkle_nodes holds a node for leaves the log does not have")
                }
                guard rows.blob(2) == expected else {
                    return .treeDamaged(
                        level: level, index: index,
                        reason: "the stored Merkle node is not the hash of its \(1 << level) events: checkpoints and proofs computed from it would be false")
                }
            }
            return nil
        }
    }

    /// Every row in seq order, read through the C API (a million rows through GRDB's `Row`
    /// cost a third of the walk).
    private static func readLinks(_ db: Database, emit: (Link) throws -> Void) throws {
        let rows = try RawStatement(db, sql: "SELECT \(try StoredEvent.columns(db)) FROM events ORDER BY seq")
        defer { rows.reset() }
        while try rows.step() {
            let event = StoredEvent(current: rows)
            try emit(Link(seq: event.seq, record: event.canonicalRecord().parts, storedHash: event.hash))
        }
    }

    /// One row as the chain needs it: its record (data re-canonicalised) and stored hash.
    private struct Link: Sendable {
        let seq: Int64
        let record: CanonicalRecordParts
        let storedHash: String
    }

    /// Ends the walk at the first break; the rest of the log need not be read.
    private struct FoundBreak: Error {}
}
