import Crypto

/// The Merkle tree of RFC 9162 §2.1 (RFC 6962) over the events of the log: leaf *i* is the
/// canonical record of seq *i + 1*. Everything here is stated on subtree hashes of leaf
/// ranges, so that a store can answer them from what it keeps (stored subtree hashes)
/// and the definitions stay those of the RFC, word for word.
public enum MerkleTree {
    static let leafPrefix: [UInt8] = [0x00]
    static let nodePrefix: [UInt8] = [0x01]

    /// `SHA-256(0x00 ‖ bytes)`.
    public static func leafHash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: leafPrefix)
        hasher.update(data: bytes)
        return hasher.finalize().bytes
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`.
    public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: nodePrefix)
        hasher.update(data: left)
        hasher.update(data: right)
        return hasher.finalize().bytes
    }

    /// The root of the empty tree: SHA-256 of nothing.
    public static let emptyRoot = Array(SHA256.hash(data: [UInt8]()))

    /// The largest power of two smaller than `n` (n > 1): where the RFC splits a tree.
    static func split(_ n: Int) -> Int {
        precondition(n > 1)
        return 1 << (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount)
    }

    /// `MTH(D[range])` from the leaf hashes, recursively (a store with subtree hashes
    /// answers the same ranges faster).
    public static func root(of leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        switch leaves.count {
        case 0: return emptyRoot
        case 1: return leaves[leaves.startIndex]
        default:
            let k = split(leaves.count)
            let middle = leaves.startIndex + k
            return nodeHash(root(of: leaves[..<middle]), root(of: leaves[middle...]))
        }
    }

    /// `PATH(m, D[n])` (§2.1.3.1): the inclusion proof of leaf `index` in the tree of
    /// `size` leaves, from `subtree(range)` = `MTH(D[range])`.
    public static func inclusionProof(index: Int, size: Int, subtree: (Range<Int>) throws -> [UInt8]) rethrows -> [[UInt8]] {
        precondition(index >= 0 && index < size)
        var proof: [[UInt8]] = []
        try path(index, 0..<size, subtree, into: &proof)
        return proof
    }

    private static func path(_ m: Int, _ range: Range<Int>, _ subtree: (Range<Int>) throws -> [UInt8], into proof: inout [[UInt8]]) rethrows {
        guard range.count > 1 else { return }
        let k = split(range.count)
        let middle = range.lowerBound + k
        if m < k {
            try path(m, range.lowerBound..<middle, subtree, into: &proof)
            proof.append(try subtree(middle..<range.upperBound))
        } else {
            try path(m - k, middle..<range.upperBound, subtree, into: &proof)
            proof.append(try subtree(range.lowerBound..<middle))
        }
    }

    /// `PROOF(m, D[n])` (§2.1.4.1): that the tree of `to` leaves extends the tree of
    /// `from` leaves. Empty when `from` is 0 or equals `to`.
    public static func consistencyProof(from: Int, to: Int, subtree: (Range<Int>) throws -> [UInt8]) rethrows -> [[UInt8]] {
        precondition(from >= 0 && from <= to)
        guard from > 0, from < to else { return [] }
        var proof: [[UInt8]] = []
        try subproof(from, 0..<to, complete: true, subtree, into: &proof)
        return proof
    }

    private static func subproof(
        _ m: Int, _ range: Range<Int>, complete: Bool, _ subtree: (Range<Int>) throws -> [UInt8],
        into proof: inout [[UInt8]]
    ) rethrows {
        if m == range.count {
            if !complete { proof.append(try subtree(range)) }
            return
        }
        let k = split(range.count)
        let middle = range.lowerBound + k
        if m <= k {
            try subproof(m, range.lowerBound..<middle, complete: complete, subtree, into: &proof)
            proof.append(try subtree(middle..<range.upperBound))
        } else {
            try subproof(m - k, middle..<range.upperBound, complete: false, subtree, into: &proof)
            proof.append(try subtree(range.lowerBound..<middle))
        }
    }
}
