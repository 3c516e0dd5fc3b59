import Foundation

/// The body of a C2SP `tlog-checkpoint`: origin, tree size in decimal, base64 root hash,
/// each line ending in a newline.
public struct Checkpoint: Sendable, Equatable {
    public var origin: String
    public var size: Int64
    public var root: [UInt8]

    public init(origin: String, size: Int64, root: [UInt8]) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    public var body: String { "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\n" }

    /// Reads a note's text; extension lines after the third are allowed and ignored.
    public init(body text: String) throws(NoteError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 4, !lines[0].isEmpty else { throw NoteError("its text is not origin, size and root hash on three lines") }
        let digits = lines[1]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits == "0" || !digits.hasPrefix("0"),
            let size = Int64(digits)
        else { throw NoteError("its tree size “\(digits)” is not a decimal number") }
        guard let root = Data(base64Encoded: String(lines[2])), root.count == 32 else {
            throw NoteError("its root hash is not 32 bytes of base64")
        }
        self.init(origin: String(lines[0]), size: size, root: Array(root))
    }
}

/// Signs the checkpoints of one log: its origin and the state folder's key. Every root
/// it signs is the stored tree's, checked against the events by its `TreeWitness`.
public struct CheckpointSigner: Sendable {
    public let origin: String
    public let signer: NoteSigner
    let witness: TreeWitness

    /// - Parameter witnessFile: where the witness keeps the frontier it reached
    ///   (`keys/tree-witness`), so that a new process hashes only the events since.
    public init(origin: String, signer: NoteSigner, witnessFile: String? = nil) {
        self.origin = origin
        self.signer = signer
        witness = TreeWitness(file: witnessFile.map { WitnessFile(path: $0, origin: origin, keyBytes: signer.witnessKey) })
    }

    /// The signed checkpoint of the log at `size` events (nil: the head).
    public func note(of store: any EventStore, size: Int64? = nil) throws -> String {
        try signed(of: store, size: size).note
    }

    /// The checkpoint at `size` (nil: the head) and its signed note.
    public func signed(of store: any EventStore, size: Int64? = nil) throws -> (checkpoint: Checkpoint, note: String) {
        let witness = self.witness
        let checkpoint = try store.readTree { tree in
            let size = size ?? tree.size
            guard size >= 0, size <= tree.size else {
                throw TreeRangeError(description: "tree size \(size) is beyond the head of the log (seq \(tree.size))")
            }
            return Checkpoint(origin: origin, size: size, root: try witness.checkedRoot(size: size, of: tree))
        }
        return (checkpoint, try signer.sign(checkpoint.body))
    }
}
