import Crypto
import Foundation

/// Where a `TreeWitness` keeps the frontier it last reached, so that a new process (a
/// `report` command, a restarted daemon) hashes only the events appended since instead
/// of the whole log (about 4 s at a million events).
///
/// The file is authenticated with an HMAC whose key is derived from the checkpoint
/// signing key: whoever can rewrite the database but not read `keys/` cannot hand the
/// witness a frontier of their making. It also names the last leaf it covers, checked
/// against the events before use: after a restore from a backup the log may have gone
/// another way than the one the file saw. The file is a cache: a missing, torn, forged or
/// foreign one is ignored and the events are hashed from the first.
struct WitnessFile: Sendable {
    let path: String
    let origin: String
    /// The HMAC key's bytes (swift-crypto's key type is not `Sendable`).
    let keyBytes: [UInt8]
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    private static let header = "reformledger tree witness v1"

    /// A frontier and the hash of its last leaf.
    struct Saved {
        let frontier: MerkleFrontier
        let lastLeaf: [UInt8]
    }

    func load() -> Saved? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 5, lines[0] == Self.header, let size = Int(lines[1]), size >= 1,
            let lastLeaf = HashChain.bytes(hex: lines[3]), lastLeaf.count == 32, let mac = HashChain.bytes(hex: lines[4]),
            HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Array(message(lines[1...3]).utf8), using: key)
        else { return nil }
        let hashes = lines[2].split(separator: ",").compactMap { HashChain.bytes(hex: String($0)) }
        guard hashes.allSatisfy({ $0.count == 32 }), let frontier = MerkleFrontier(size: size, subtrees: hashes) else { return nil }
        return Saved(frontier: frontier, lastLeaf: lastLeaf)
    }

    /// Writes the frontier (a temporary file renamed over the old one); a failure is
    /// left unsaid — the next process hashes more, nothing else.
    func save(_ saved: Saved) {
        let fields = [
            String(saved.frontier.size), saved.frontier.subtreeHashes.map(HashChain.hex).joined(separator: ","), HashChain.hex(saved.lastLeaf),
        ]
        let mac = HMAC<SHA256>.authenticationCode(for: Array(message(fields[...]).utf8), using: key)
        let text = ([Self.header] + fields + [HashChain.hex(Array(mac))]).joined(separator: "\n") + "\n"
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// What the MAC covers: the header, the log's origin, size, subtrees and last leaf.
    private func message(_ fields: ArraySlice<String>) -> String {
        ([Self.header, origin] + fields).joined(separator: "\n") + "\n"
    }
}
