/// The Merkle tree of a log as one consistent read sees it: its size and the hash of any
/// leaf range. Roots and proofs are stated on it once (here), for every store.
public protocol MerkleTreeReader {
    /// The number of leaves: the head seq.
    var size: Int64 { get }
    /// `MTH(D[range])`, the range within `0..<size`.
    func subtree(_ range: Range<Int>) throws -> [UInt8]
    /// The leaf hashes of `range`, computed from the events themselves (never stored).
    func leafHashes(_ range: Range<Int>, _ body: ([UInt8]) throws -> Void) throws
}

/// A tree size or leaf outside the log.
public struct TreeRangeError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension MerkleTreeReader {
    /// `MTH` of the first `size` leaves (the log as it stood at seq `size`).
    public func root(size: Int64) throws -> [UInt8] {
        guard size >= 0, size <= self.size else {
            throw TreeRangeError(description: "tree size \(size) is beyond the head of the log (seq \(self.size))")
        }
        return size == 0 ? MerkleTree.emptyRoot : try subtree(0..<Int(size))
    }

    /// The inclusion proof of event `seq` (leaf `seq - 1`) in the tree of `size` leaves.
    public func inclusionProof(seq: Int64, size: Int64) throws -> [[UInt8]] {
        guard size >= 1, size <= self.size else {
            throw TreeRangeError(description: "tree size \(size) must lie in 1…\(self.size) (the head seq)")
        }
        guard seq >= 1, seq <= size else { throw TreeRangeError(description: "seq \(seq) must lie in 1…\(size) (the tree size)") }
        return try MerkleTree.inclusionProof(index: Int(seq - 1), size: Int(size), subtree: subtree)
    }

    /// That the tree of `to` leaves extends the tree of `from` leaves.
    public func consistencyProof(from: Int64, to: Int64) throws -> [[UInt8]] {
        guard to >= 0, to <= size else { throw TreeRangeError(description: "tree size \(to) is beyond the head of the log (seq \(size))") }
        guard from >= 1, from <= to else { throw TreeRangeError(description: "--from \(from) must lie in 1…\(to)") }
        return try MerkleTree.consistencyProof(from: Int(from), to: Int(to), subtree: subtree)
    }
}
