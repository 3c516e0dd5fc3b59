import LedgerDomain

/// The right edge of a Merkle tree: the roots of its complete subtrees, largest first
/// (one per set bit of the size — a "compact range" of the leaves `0..<size`). Enough to
/// append a leaf and to give the root, in O(log n) memory.
public struct MerkleFrontier: Sendable {
    public private(set) var size: Int
    /// (level, hash), levels strictly decreasing from left to right.
    private var subtrees: [(level: Int, hash: [UInt8])]

    /// A frontier of `size` leaves from the hashes of its complete subtrees, largest
    /// first; nil when their number is not the number of set bits of `size`.
    public init?(size: Int, subtrees hashes: [[UInt8]]) {
        let levels = Self.levels(of: size)
        guard hashes.count == levels.count else { return nil }
        self.size = size
        subtrees = zip(levels, hashes).map { (level: $0, hash: $1) }
    }

    public static let empty = MerkleFrontier(size: 0, subtrees: [])!

    /// The hashes of the complete subtrees, largest first (what `init(size:subtrees:)` takes).
    public var subtreeHashes: [[UInt8]] { subtrees.map(\.hash) }

    /// The levels of the complete subtrees of a tree of `size` leaves, largest first.
    static func levels(of size: Int) -> [Int] {
        (0..<Int.bitWidth).reversed().filter { size & (1 << $0) != 0 }
    }

    /// The leaf ranges of those subtrees: where a store finds them.
    static func ranges(of size: Int) -> [Range<Int>] {
        var start = 0
        return levels(of: size).map { level in
            defer { start += 1 << level }
            return start..<(start + (1 << level))
        }
    }

    /// Appends one leaf hash; `completed(level, index, hash)` is told every complete
    /// subtree this makes (the leaf itself at level 0, then each merge), so that a store
    /// can keep those it wants.
    public mutating func append(_ leaf: [UInt8], completed: (_ level: Int, _ index: Int, _ hash: [UInt8]) throws -> Void) rethrows {
        var level = 0
        var hash = leaf
        try completed(0, size, leaf)
        while let last = subtrees.last, last.level == level {
            subtrees.removeLast()
            hash = MerkleTree.nodeHash(last.hash, hash)
            level += 1
            try completed(level, size >> level, hash)
        }
        subtrees.append((level, hash))
        size += 1
    }

    /// `MTH` of the leaves so far: the subtrees folded from the right.
    public var root: [UInt8] {
        guard var hash = subtrees.last?.hash else { return MerkleTree.emptyRoot }
        for subtree in subtrees.dropLast().reversed() { hash = MerkleTree.nodeHash(subtree.hash, hash) }
        return hash
    }
}

extension MerkleTree {
    /// `SHA-256(0x00 ‖ record)` of a record cut at its seq, without joining its parts.
    public static func leafHash(_ record: CanonicalRecordParts, seq: Int64) -> [UInt8] {
        HashChain.sha256(leafPrefix, record, seq: seq)
    }
}
