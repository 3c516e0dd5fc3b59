import LedgerDomain
import Synchronization

/// The Merkle root as this process computed it from the events themselves, never from
/// `merkle_nodes`: a signer asks it before signing a root the stored tree gave, and
/// refuses when they differ (one damaged stored node would otherwise be signed into every
/// checkpoint and receipt, and every proof handed out would fail).
///
/// It keeps the frontiers it reached (the right edge of the tree, O(log n) hashes each)
/// at the last sizes it was asked for, so each check hashes only the events appended
/// since — all of them once, the first time (1.2 s at 300,000 events). That first walk is
/// made by `advance` in reads of `batch` events, so that it never holds the database for
/// long: appends go on between two batches.
public final class TreeWitness: Sendable {
    /// Frontiers by size, the largest few kept.
    private let frontiers = Mutex<[MerkleFrontier]>([])
    static let kept = 8

    /// Events hashed in one read transaction by `advance`.
    static let batch = 65_536

    public init() {}

    /// Brings the kept frontier up to `size` (at most the head), one short read at a time.
    public func advance(to size: Int64, store: any EventStore) throws {
        while true {
            var frontier = frontiers.withLock { kept in kept.filter { $0.size <= Int(size) }.max { $0.size < $1.size } } ?? .empty
            guard frontier.size < Int(size) else { return }
            let moved = try store.readTree { tree -> Bool in
                let end = min(Int(size), Int(tree.size), frontier.size + Self.batch)
                guard end > frontier.size else { return false }
                try tree.leafHashes(frontier.size..<end) { leaf in frontier.append(leaf) { _, _, _ in } }
                return true
            }
            guard moved else { return }
            keep(frontier)
        }
    }

    private func keep(_ reached: MerkleFrontier) {
        frontiers.withLock { kept in
            if !kept.contains(where: { $0.size == reached.size }) { kept.append(reached) }
            if kept.count > Self.kept {
                kept.sort { $0.size > $1.size }
                kept.removeLast(kept.count - Self.kept)
            }
        }
    }

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
        keep(frontier)
        return frontier.root
    }

    /// `root` from the stored tree, checked against the events.
    public func checkedRoot(size: Int64, of tree: any MerkleTreeReader) throws -> [UInt8] {
        let stored = try tree.root(size: size)
        guard try root(size: size, of: tree) == stored else { throw Disagreement(size: size) }
        return stored
    }
}
