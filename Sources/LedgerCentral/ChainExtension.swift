import LedgerDomain
import LedgerStore

/// Where the centre's copy of one ledger stands: its size, the hash of its last event and
/// the right edge of its Merkle tree (enough to extend both without reading a row).
public struct ChainState: Sendable {
    public var size: Int64
    public var headHash: [UInt8]
    public var frontier: MerkleFrontier

    public static let empty = ChainState(size: 0, headHash: HashChain.genesis, frontier: .empty)

    public var root: [UInt8] { frontier.root }

    /// The frontier as stored: its subtree hashes in hex, comma-separated.
    var frontierText: String { frontier.subtreeHashes.map(HashChain.hex).joined(separator: ",") }

    init(size: Int64, headHash: [UInt8], frontier: MerkleFrontier) {
        self.size = size
        self.headHash = headHash
        self.frontier = frontier
    }

    /// From the stored columns; nil when they do not make a state (a hand-edited row).
    init?(size: Int64, headHashHex: String, frontierText: String) {
        guard let head = HashChain.bytes(hex: headHashHex), head.count == 32 else { return nil }
        let hashes = frontierText.isEmpty ? [] : frontierText.split(separator: ",").map { HashChain.bytes(hex: String($0)) }
        guard hashes.allSatisfy({ $0?.count == 32 }), let frontier = MerkleFrontier(size: Int(size), subtrees: hashes.map { $0! }) else { return nil }
        self.init(size: size, headHash: head, frontier: frontier)
    }

    /// Extends the chain and the tree by `event`, which must be the next seq and carry the
    /// hash the centre computes from its own head and the event's columns.
    public mutating func append(_ event: StoredEvent) throws(CentralError) {
        guard event.seq == size + 1 else {
            throw CentralError(.verification, "seq \(event.seq) does not follow seq \(size)", code: "gap")
        }
        let parts = event.canonicalRecord().parts
        let hash = HashChain.next(previous: headHash, record: parts, seq: event.seq)
        guard HashChain.hex(hash) == event.hash else {
            throw CentralError(
                .verification, "seq \(event.seq): its hash is not SHA-256 of the accepted seq \(size)'s hash and its record", code: "not_extending")
        }
        frontier.append(MerkleTree.leafHash(parts, seq: event.seq)) { _, _, _ in }
        headHash = hash
        size = event.seq
    }
}

/// The checkpoint of a batch, checked: signed by the registered key, of this origin, at
/// `state`'s size with `state`'s root.
enum CheckpointCheck {
    static func verify(_ note: String, origin: String, key: NoteVerifier, state: ChainState) throws(CentralError) -> Checkpoint {
        let checkpoint: Checkpoint
        do {
            checkpoint = try Checkpoint(body: try key.verifiedText(of: note))
        } catch {
            throw CentralError(.verification, "the checkpoint is not signed by the registered key \(key.name): \(error)", code: "bad_signature")
        }
        guard checkpoint.origin == origin else {
            throw CentralError(.verification, "the checkpoint's origin “\(checkpoint.origin)” is not \(origin)", code: "bad_checkpoint")
        }
        guard checkpoint.size == state.size else {
            throw CentralError(
                .verification, "the checkpoint is at size \(checkpoint.size), the batch ends at seq \(state.size)", code: "bad_checkpoint")
        }
        guard checkpoint.root == state.root else {
            throw CentralError(
                .verification, "the checkpoint's root at size \(checkpoint.size) is not the root the centre computes from the events it holds",
                code: "not_extending")
        }
        return checkpoint
    }
}
