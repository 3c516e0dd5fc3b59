import Testing

@testable import LedgerStore

/// The tree against the reference material of RFC 6962 implementations (Certificate
/// Transparency's leaves and roots for every size up to 8, and its published proofs), then
/// every proof of every tree up to 40 leaves round-tripped through the verifiers, and
/// damaged proofs refused.
struct MerkleTreeTests {
    static let entries = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"]
        .map { HashChain.bytes(hex: $0)! }
    static let leaves = entries.map(MerkleTree.leafHash)
    /// Roots of the first 0…8 leaves.
    static let roots = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ]

    static func subtree(of leaves: [[UInt8]]) -> (Range<Int>) -> [UInt8] {
        { range in MerkleTree.root(of: leaves[range]) }
    }

    static func hex(_ hashes: [[UInt8]]) -> [String] { hashes.map(HashChain.hex) }

    @Test func rootsOfEverySizeUpToEightAreTheReferenceOnes() {
        for size in 0...8 {
            #expect(HashChain.hex(MerkleTree.root(of: Self.leaves[0..<size])) == Self.roots[size], "size \(size)")
        }
    }

    @Test func inclusionProofsAreTheReferenceOnes() {
        let cases: [(index: Int, size: Int, proof: [String])] = [
            (0, 1, []),
            (
                0, 8,
                [
                    "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                5, 8,
                [
                    "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
        ]
        for (index, size, expected) in cases {
            let proof = MerkleTree.inclusionProof(index: index, size: size, subtree: Self.subtree(of: Self.leaves))
            #expect(Self.hex(proof) == expected, "leaf \(index) of \(size)")
            #expect(
                MerkleTree.verifyInclusion(
                    leafHash: Self.leaves[index], index: index, size: size, proof: proof,
                    root: HashChain.bytes(hex: Self.roots[size])!))
        }
    }

    @Test func consistencyProofsAreTheReferenceOnes() {
        let cases: [(from: Int, to: Int, proof: [String])] = [
            (1, 1, []),
            (
                2, 8,
                [
                    "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                    "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
                ]
            ),
            (
                6, 8,
                [
                    "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                    "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                ]
            ),
        ]
        for (from, to, expected) in cases {
            let proof = MerkleTree.consistencyProof(from: from, to: to, subtree: Self.subtree(of: Self.leaves))
            #expect(Self.hex(proof) == expected, "\(from) → \(to)")
            #expect(
                MerkleTree.verifyConsistency(
                    from: from, to: to, oldRoot: HashChain.bytes(hex: Self.roots[from])!,
                    newRoot: HashChain.bytes(hex: Self.roots[to])!, proof: proof))
        }
    }

    @Test func everyProofOfEveryTreeUpToFortyLeavesVerifiesAndADamagedOneDoesNot() {
        let leaves = (0..<40).map { MerkleTree.leafHash([UInt8($0), UInt8(truncatingIfNeeded: $0 &* 7)]) }
        let roots = (0...40).map { MerkleTree.root(of: leaves[0..<$0]) }
        let subtree = Self.subtree(of: leaves)
        for size in 1...40 {
            for index in 0..<size {
                let proof = MerkleTree.inclusionProof(index: index, size: size, subtree: subtree)
                #expect(MerkleTree.verifyInclusion(leafHash: leaves[index], index: index, size: size, proof: proof, root: roots[size]))
                // Another leaf at the same place does not verify (the leaves are all different).
                #expect(!MerkleTree.verifyInclusion(leafHash: leaves[(index + 1) % 40], index: index, size: size, proof: proof, root: roots[size]))
                if !proof.isEmpty {
                    var damaged = proof
                    damaged[damaged.count - 1][7] ^= 1
                    #expect(!MerkleTree.verifyInclusion(leafHash: leaves[index], index: index, size: size, proof: damaged, root: roots[size]))
                    #expect(!MerkleTree.verifyInclusion(leafHash: leaves[index], index: index, size: size, proof: Array(proof.dropLast()), root: roots[size]))
                }
            }
            for from in 0...size {
                let proof = MerkleTree.consistencyProof(from: from, to: size, subtree: subtree)
                #expect(MerkleTree.verifyConsistency(from: from, to: size, oldRoot: roots[from], newRoot: roots[size], proof: proof), "\(from) → \(size)")
                guard from > 0, from < size else { continue }
                #expect(!MerkleTree.verifyConsistency(from: from, to: size, oldRoot: roots[from - 1], newRoot: roots[size], proof: proof))
                var damaged = proof
                damaged[0][3] ^= 0x80
                #expect(!MerkleTree.verifyConsistency(from: from, to: size, oldRoot: roots[from], newRoot: roots[size], proof: damaged))
            }
        }
    }
}
