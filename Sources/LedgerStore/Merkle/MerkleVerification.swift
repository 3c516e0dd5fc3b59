/// The verifiers of RFC 9162 §2.1.3.2 and §2.1.4.2, as an auditor runs them: they need
/// nothing but the proof, the sizes and the roots.
extension MerkleTree {
    /// Whether `proof` shows the leaf `leafHash` at `index` in the tree of `size` leaves
    /// whose root is `root`.
    public static func verifyInclusion(leafHash: [UInt8], index: Int, size: Int, proof: [[UInt8]], root: [UInt8]) -> Bool {
        guard index >= 0, index < size, leafHash.count == 32, root.count == 32 else { return false }
        var fn = index, sn = size - 1
        var hash = leafHash
        for sibling in proof {
            guard sn > 0, sibling.count == 32 else { return false }
            if fn & 1 == 1 || fn == sn {
                hash = nodeHash(sibling, hash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                hash = nodeHash(hash, sibling)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && hash == root
    }

    /// Whether `proof` shows that the tree of `to` leaves (root `newRoot`) extends the
    /// tree of `from` leaves (root `oldRoot`).
    public static func verifyConsistency(from: Int, to: Int, oldRoot: [UInt8], newRoot: [UInt8], proof: [[UInt8]]) -> Bool {
        guard from >= 0, from <= to, oldRoot.count == 32, newRoot.count == 32 else { return false }
        if from == 0 { return proof.isEmpty && oldRoot == emptyRoot }
        if from == to { return proof.isEmpty && oldRoot == newRoot }
        guard !proof.isEmpty, proof.allSatisfy({ $0.count == 32 }) else { return false }
        var path = proof
        if from & (from - 1) == 0 { path.insert(oldRoot, at: 0) }
        var fn = from - 1, sn = to - 1
        while fn & 1 == 1 {
            fn >>= 1
            sn >>= 1
        }
        var oldHash = path[0], newHash = path[0]
        for node in path.dropFirst() {
            guard sn > 0 else { return false }
            if fn & 1 == 1 || fn == sn {
                oldHash = nodeHash(node, oldHash)
                newHash = nodeHash(node, newHash)
                while fn & 1 == 0 && fn != 0 {
                    fn >>= 1
                    sn >>= 1
                }
            } else {
                newHash = nodeHash(newHash, node)
            }
            fn >>= 1
            sn >>= 1
        }
        return sn == 0 && oldHash == oldRoot && newHash == newRoot
    }
}
