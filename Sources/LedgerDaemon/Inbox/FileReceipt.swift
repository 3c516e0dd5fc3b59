import LedgerDomain
import LedgerFiles
import LedgerStore

/// `<name>.receipt.json` beside an accepted file in `processed/`: what a clerk shows when
/// someone says her report never arrived. The file's SHA-256, the seqs its events got,
/// and the log's signed checkpoint right after its commit (at its last seq; at the head
/// when every event was already recorded). With any later checkpoint, `proof inclusion
/// --seq N` proves that the events are still in the log, and `proof consistency` that
/// the later log extends this one.
struct FileReceipt {
    static let suffix = ".receipt.json"

    var file: String
    var agency: String
    var sha256: String
    var appended: Int
    var duplicates: Int
    var firstSeq: Int64?
    var lastSeq: Int64?
    var recordedAt: String

    /// A stored tree that disagrees with the events gets no signature: the receipt then
    /// says why instead of carrying a checkpoint (`checkpoint_withheld`), and the file
    /// still reaches `processed/` (its events are recorded either way).
    func document(checkpoints: CheckpointSigner, store: any EventStore) throws -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("file", .string(file)), ("agency", .string(agency)), ("sha256", .string(sha256)),
            ("appended", .integer(appended)), ("duplicates", .integer(duplicates)),
            ("first_seq", firstSeq.map { .integer(Int($0)) } ?? .null), ("last_seq", lastSeq.map { .integer(Int($0)) } ?? .null),
            ("recorded_at", .string(recordedAt)),
        ]
        do {
            let (checkpoint, note) = try checkpoints.signed(of: store, size: lastSeq)
            members += [
                ("tree_size", .integer(Int(checkpoint.size))), ("checkpoint", .string(note)),
                ("verifier_key", .string(checkpoints.signer.verifier.encoded)),
            ]
        } catch let refused as TreeWitness.Disagreement {
            members += [("tree_size", .null), ("checkpoint", .null), ("checkpoint_withheld", .string(refused.description))]
        }
        return .object(JSONObject(members))
    }

    /// Written beside `destination` (the file's place in `processed/`) before it is moved there.
    func write(beside destination: String, checkpoints: CheckpointSigner, store: any EventStore) throws {
        var receipt = self
        receipt.file = String(destination.split(separator: "/").last ?? Substring(destination))
        let text = JSONWriter.string(try receipt.document(checkpoints: checkpoints, store: store), pretty: true) + "\n"
        try AtomicFile.write(Array(text.utf8), to: destination + Self.suffix)
    }
}
