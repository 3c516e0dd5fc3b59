import LedgerDomain
import Synchronization

/// The Merkle root as this process computed it from the events themselves, never from
/// `merkle_nodes`: a signer asks it before signing a root the stored tree gave, and
/// refuses when they differ (one damaged stored node would otherwise be signed into every
/// checkpoint and receipt, and every proof handed out would fail).
///
/// It keeps the frontiers it reached (the right edge of the tree, O(log n) hashes each)
/// at the last sizes it was asked for, so each check hashes only the events appended
/// since — all of them once, the first time (a second or two at a million events).
public final class TreeWitness: Sendable {
    /// Frontiers by size, the largest few kept.
    private let frontiers = Mutex<[MerkleFrontier]>([])
    static let kept = 8

    public init() {}

    /// The stored tree disagrees with the events: nothing is signed.
    public struct Disagreement: Error, CustomStringConvertible {
        public let size: Int64
        public var description: String {
            "the stored Merkle tree (merkle_nodes) does not match the events at tree size \(size); nothing was signed — run `reformledger verify`"
        }
    }

    /// The root of the first `size` leaves, hashed from the events `tree` reads.
    public func root(size: Int64, of tree: any MerkleTreeReader) throws -> [UInt8] {
        let target = Int(size)
        var frontier = frontiers.withLock { kept in kept.filter { $0.size <= target }.max { $0.size < $1.size } } ?? .empty
        try tree.leafHashes(frontier.size..<target) { leaf in frontier.append(leaf) { _, _, _ in } }
        let reached = frontier
        frontiers.withLock { kept in
            if !kept.contains(where: { $0.size == reached.size }) { kept.append(reached) }
            if kept.count > Self.kept {
                kept.sort { $0.size > $1.size }
                kept.removeLast(kept.count - Self.kept)
            }
        }
        return reached.root
    }

    /// `root` from the stored tree, checked against the events.
    public func checkedRoot(size: Int64, of tree: any MerkleTreeReader) throws -> [UInt8] {
        let stored = try tree.root(size: size)
        guard try root(size: size, of: tree) == stored else { throw Disagreement(size: size) }
        return stored
    }
}
