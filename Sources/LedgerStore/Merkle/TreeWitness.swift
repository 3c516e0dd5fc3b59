import LedgerDomain
import Synchronization

/// The Merkle root as this process computed it from the events themselves, never from
/// `merkle_nodes`: a signer asks it before signing a root the stored tree gave, and
/// refuses when they differ (one damaged stored node would otherwise be signed into every
/// checkpoint and receipt, and every proof handed out would fail).
///
/// It keeps the frontiers it reached (the right edge of the tree, O(log n) hashes each)
/// at the last sizes it was asked for, so each check hashes only the events appended
/// since. With a `WitnessFile` the largest is kept on disk too, and a new process starts
/// from it; without, the first check hashes every event (about 4 s at a million).
public final class TreeWitness: Sendable {
    /// Frontiers by size, the largest few kept.
    private let frontiers = Mutex<[MerkleFrontier]>([])
    static let kept = 8
    private let file: WitnessFile?
    /// The size last written to `file`, and what was read from it until it is checked
    /// against the events (its last leaf) or found not to be of this log.
    private let saved: Mutex<(size: Int, unchecked: WitnessFile.Saved?)>

    init(file: WitnessFile? = nil) {
        self.file = file
        let loaded = file?.load()
        saved = Mutex((loaded?.frontier.size ?? -1, loaded))
    }

    /// Takes the file's frontier among the kept ones when its last leaf is the log's.
    private func adoptSaved(upTo target: Int, of tree: any MerkleTreeReader) throws {
        guard let candidate = saved.withLock({ $0.unchecked }), candidate.frontier.size <= target else { return }
        var leaf: [UInt8] = []
        try tree.leafHashes((candidate.frontier.size - 1)..<candidate.frontier.size) { leaf = $0 }
        let ours = leaf == candidate.lastLeaf
        saved.withLock { saved in
            saved.unchecked = nil
            if !ours { saved.size = -1 }  // another log's: written over at the next check
        }
        if ours { frontiers.withLock { $0.append(candidate.frontier) } }
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
        try adoptSaved(upTo: target, of: tree)
        var frontier = frontiers.withLock { kept in kept.filter { $0.size <= target }.max { $0.size < $1.size } } ?? .empty
        var lastLeaf: [UInt8]?
        try tree.leafHashes(frontier.size..<target) { leaf in
            frontier.append(leaf) { _, _, _ in }
            lastLeaf = leaf
        }
        let reached = frontier
        if let file, let lastLeaf,
            saved.withLock({ saved in
                defer { saved.size = max(saved.size, reached.size) }
                return reached.size > saved.size
            })
        {
            file.save(WitnessFile.Saved(frontier: reached, lastLeaf: lastLeaf))
        }
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
