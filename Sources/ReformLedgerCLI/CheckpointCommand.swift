import ArgumentParser
import LedgerDomain
import LedgerStore

/// `checkpoint`: the log's signed checkpoint now (C2SP tlog-checkpoint), or the key that
/// verifies it. Handed to others, a checkpoint is what the log must later be proven to extend.
struct CheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract: "Print the signed checkpoint of the log (size, Merkle root, Ed25519 signature), or the verifier key.",
        discussion: """
            Examples:
              reformledger checkpoint > checkpoint-2024-12-31.txt
              reformledger checkpoint --public-key
              reformledger verify --checkpoint checkpoint-2024-12-31.txt
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the verifier key (<name>+<key id>+<key>) instead.")
    var publicKey = false

    @Option(name: .long, help: "The checkpoint of the log as it stood at this many events (default: the head).")
    var size: Int64?

    func run() throws {
        let configuration = try global.loadConfiguration()
        if publicKey {
            guard let verifier = try global.loadVerifier() else { throw CommandFailure(Self.noKey(global)) }
            Terminal.print(verifier.encoded)
            return
        }
        let database = try global.openDatabase()
        guard let signer = try global.checkpointSigner(configuration) else { throw CommandFailure(Self.noKey(global)) }
        do {
            Terminal.write(try signer.note(of: database, size: size))
        } catch let error as TreeRangeError {
            throw CommandFailure(error.description)
        }
    }

    static func noKey(_ global: GlobalOptions) -> String {
        "\(global.layout.root) has no checkpoint signing key (\(global.keys.privateKeyPath)); run `reformledger init --state-dir \(global.layout.root)`"
    }
}

/// `proof inclusion` and `proof consistency`: RFC 9162 proofs as JSON.
struct ProofCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proof",
        abstract: "Print RFC 9162 Merkle proofs: that an event is in the log, or that the log extends an earlier one.",
        discussion: """
            Examples:
              reformledger proof inclusion --seq 120 --size 5000
              reformledger proof consistency --from 5000
            """,
        subcommands: [Inclusion.self, Consistency.self])

    struct Inclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove that event SEQ is leaf SEQ-1 of the tree of SIZE events.",
            discussion: "Prints {\"tree_size\":N,\"leaf_index\":I,\"hashes\":[…]}.\nExample:\n  reformledger proof inclusion --seq 120 --size 5000")

        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "The event's seq.") var seq: Int64
        @Option(name: .long, help: "The tree size (default: the head seq).") var size: Int64?

        func run() throws {
            try ProofCommand.printProof(global) { tree in
                let size = size ?? tree.size
                return ([("tree_size", size), ("leaf_index", seq - 1)], try tree.inclusionProof(seq: seq, size: size))
            }
        }
    }

    struct Consistency: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove that the tree of TO events extends the tree of FROM events.",
            discussion: "Prints {\"from\":A,\"to\":B,\"hashes\":[…]}.\nExample:\n  reformledger proof consistency --from 5000 --to 7200")

        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "The earlier tree size.") var from: Int64
        @Option(name: .long, help: "The later tree size (default: the head seq).") var to: Int64?

        func run() throws {
            try ProofCommand.printProof(global) { tree in
                let to = to ?? tree.size
                return ([("from", from), ("to", to)], try tree.consistencyProof(from: from, to: to))
            }
        }
    }

    /// Prints a proof: its sizes or index in order, then `hashes` in lowercase hex. A size
    /// or seq outside the log is the user's input: exit 2 with the reason.
    static func printProof(
        _ global: GlobalOptions, _ proof: (any MerkleTreeReader) throws -> (numbers: [(String, Int64)], hashes: [[UInt8]])
    ) throws {
        _ = try global.loadConfiguration()
        let database = try global.openDatabase()
        do {
            let (numbers, hashes) = try database.readTree(proof)
            let members =
                numbers.map { (key: $0.0, value: JSONValue.integer(Int($0.1))) } + [(key: "hashes", value: .array(hashes.map { .string(HashChain.hex($0)) }))]
            Terminal.print(JSONWriter.string(.object(JSONObject(members))))
        } catch let error as TreeRangeError {
            throw CommandFailure(error.description)
        }
    }
}
