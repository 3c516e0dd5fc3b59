import LedgerDomain
import LedgerStore

/// Every check of `verify`, in order, once for the command and the portal's "verify now":
/// the file's structure, the hash chain from the first event, every node stored in
/// `merkle_nodes`, each kept checkpoint's root against the events themselves, and every
/// issued report file. The first failure ends the walk; its `Outcome` says which, and
/// `json` is what `verify --json` prints of it.
public struct LedgerVerifier {
    public let database: LedgerDatabase
    public let reportsFolder: String

    public init(database: LedgerDatabase, reportsFolder: String) {
        self.database = database
        self.reportsFolder = reportsFolder
    }

    public enum Outcome: Sendable, Equatable {
        case intact(events: Int64, headHash: String, reportFiles: Int)
        /// SQLite's own check of the file failed.
        case damagedFile(String)
        case brokenChain(seq: Int64, reason: String)
        case damagedTree(level: Int, index: Int, reason: String)
        /// The checkpoint at `index` of those given is of more events than the log has,
        /// or of another root.
        case badCheckpoint(index: Int, reason: String)
        case badReportFile(file: String, seq: Int64, reason: String)

        public var isIntact: Bool {
            if case .intact = self { return true }
            return false
        }

        /// The `--json` object; `checkpoints`, when given, is how many were checked (the
        /// command says it, the portal checks none), and `checkpoint(index)` names one.
        public func json(checkpoints: Int? = nil, checkpoint: (Int) -> String = { "#\($0 + 1)" }) -> JSONValue {
            switch self {
            case .intact(let events, let headHash, let files):
                var members: [(String, JSONValue)] = [
                    ("ok", .bool(true)), ("events", .integer(Int(events))), ("head_hash", .string(headHash)), ("report_files", .integer(files)),
                ]
                if let checkpoints { members.append(("checkpoints", .integer(checkpoints))) }
                return .object(JSONObject(members))
            case .damagedFile(let reason):
                return .object(["ok": .bool(false), "reason": .string(reason)])
            case .brokenChain(let seq, let reason):
                return .object(["ok": .bool(false), "first_bad_seq": .integer(Int(seq)), "reason": .string(reason)])
            case .damagedTree(let level, let index, let reason):
                return .object([
                    "ok": .bool(false), "bad_merkle_node": .object(["level": .integer(level), "index": .integer(index)]), "reason": .string(reason),
                ])
            case .badCheckpoint(let index, let reason):
                return .object(["ok": .bool(false), "bad_checkpoint": .string(checkpoint(index)), "reason": .string(reason)])
            case .badReportFile(let file, let seq, let reason):
                return .object(["ok": .bool(false), "bad_file": .string(file), "seq": .integer(Int(seq)), "reason": .string(reason)])
            }
        }
    }

    public func verify(checkpoints: [Checkpoint] = [], progress: ((Int64) -> Void)? = nil) throws -> Outcome {
        let structural = try database.structuralProblems()
        guard structural.isEmpty else { return .damagedFile("the ledger file is damaged: " + structural.joined(separator: "; ")) }
        let (chain, roots) = try ChainVerifier(database: database).verify(
            recordingRootsAt: Set(checkpoints.map(\.size)), checkingStoredTree: true, progress: progress)
        switch chain {
        case .broken(let seq, let reason): return .brokenChain(seq: seq, reason: reason)
        case .treeDamaged(let level, let index, let reason): return .damagedTree(level: level, index: index, reason: reason)
        case .intact(let events, let headHash):
            for (index, checkpoint) in checkpoints.enumerated() {
                guard let root = roots[checkpoint.size] else {
                    return .badCheckpoint(index: index, reason: "it is of \(checkpoint.size) events but the log has only \(events): events were removed")
                }
                guard root == checkpoint.root else {
                    return .badCheckpoint(
                        index: index,
                        reason:
                            "the log's first \(checkpoint.size) events have the root \(HashChain.hex(root)), not the checkpoint's \(HashChain.hex(checkpoint.root)): history was rewritten"
                    )
                }
            }
            switch try ReportFileVerifier(store: database, reportsFolder: reportsFolder).verify() {
            case .intact(let files): return .intact(events: events, headHash: headHash, reportFiles: files)
            case .broken(let file, let seq, let reason): return .badReportFile(file: file, seq: seq, reason: reason)
            }
        }
    }
}
