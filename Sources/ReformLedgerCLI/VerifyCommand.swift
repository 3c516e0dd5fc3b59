import ArgumentParser
import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerReports
import LedgerStore

/// `verify`: recomputes the hash chain; exit 3 and the first bad seq on any mismatch.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the hash chain, any checkpoints given and every issued report file; exit 3 naming the first bad seq, checkpoint or file.",
        discussion: """
            Examples:
              reformledger verify --state-dir /backup/reformledger
              reformledger verify --json
              reformledger verify --checkpoint receipt-checkpoint.txt --checkpoint report-2024-Q1.txt --verifier-key 'name+1a2b3c4d+AV…'
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    @Option(
        name: .long,
        help: "A signed checkpoint kept earlier (a file holding the note); the log must have its root at its size. Repeatable.")
    var checkpoint: [String] = []

    @Option(name: .long, help: "The verifier key to check checkpoints with, or a file holding it (default: <state>/keys/checkpoint.pub).")
    var verifierKey: String?

    @Option(
        name: .long,
        help: "A centre's witness key (`central key`), or a file holding it: each --checkpoint must also carry its valid cosignature (C2SP tlog-cosignature).")
    var witnessKey: String?

    func run() throws {
        _ = try global.loadConfiguration()
        var checkpoints: [KeptCheckpoint] = []
        if !checkpoint.isEmpty {
            let verifier = try loadVerifier()
            let witness = try loadWitness()
            for path in checkpoint { checkpoints.append(KeptCheckpoint(path: path, verifier: verifier, witness: witness)) }
        } else if witnessKey != nil {
            throw CommandFailure("--witness-key checks the cosignature of a --checkpoint FILE; name one (<state>/witnessed-checkpoint.txt)")
        }
        try Self.verify(global.layout, json: json, checkpoints: checkpoints)
    }

    private func loadWitness() throws -> CosignatureVerifier? {
        guard let witnessKey else { return nil }
        let text = FileManager.default.contents(atPath: witnessKey).map { String(decoding: $0, as: UTF8.self) } ?? witnessKey
        guard let witness = CosignatureVerifier(encoded: text) else {
            throw CommandFailure("--witness-key: not a witness key (<name>+<8 hex>+<base64 of 0x04 and the key>) nor a file holding one")
        }
        return witness
    }

    private func loadVerifier() throws -> NoteVerifier {
        if let verifierKey {
            let text = FileManager.default.contents(atPath: verifierKey).map { String(decoding: $0, as: UTF8.self) } ?? verifierKey
            guard let verifier = NoteVerifier(encoded: text) else {
                throw CommandFailure("--verifier-key: not a verifier key (<name>+<8 hex>+<base64>) nor a file holding one")
            }
            return verifier
        }
        guard let verifier = try global.loadVerifier() else {
            throw CommandFailure("\(global.keys.publicKeyPath) is missing; pass --verifier-key with the key the checkpoints were signed by")
        }
        return verifier
    }

    /// Verifies the ledger and reports of a state folder (or of a backup), changing
    /// nothing; prints the outcome and throws exit 3 on any failure.
    static func verify(_ layout: StateLayout, json: Bool, checkpoints: [KeptCheckpoint] = []) throws {
        do {
            let database: LedgerDatabase
            do {
                database = try LedgerDatabase(readingOnly: layout.database)
            } catch let error as StoreError where error.code == .notInitialised {
                throw CommandFailure("\(layout.root) is not initialised; run `reformledger init --state-dir \(layout.root)` first")
            }
            try Verification(json: json, reportsFolder: layout.reports, checkpoints: checkpoints).check(database)
        } catch let failure as CommandFailure {
            throw failure
        } catch let code as ExitCode {
            throw code
        } catch {
            // A ledger that cannot be read (a flipped byte in its header or a page) has
            // failed verification: exit 3 with the reason, not an internal error.
            Terminal.endProgress()
            throw Verification.failed("the ledger cannot be read: \(error)", json: json)
        }
    }
}

/// The checks of `verify`, in order: the file's structure, the hash chain, the report files.
/// A checkpoint an auditor kept, to be checked against the log.
struct KeptCheckpoint {
    let path: String
    let verifier: NoteVerifier
    /// The centre whose cosignature the note must carry, when one is named.
    var witness: CosignatureVerifier? = nil

    /// The checkpoint, once its note reads and its signature verifies. The file holds the
    /// note itself, or is a file's receipt (`<name>.receipt.json`), whose `checkpoint`
    /// member is the note.
    func open() -> Result<Checkpoint, NoteError> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(NoteError("the file cannot be read")) }
        var text = String(decoding: data, as: UTF8.self)
        if text.drop(while: \.isWhitespace).first == "{" {
            guard case .object(let receipt)? = try? JSONParser().parse(Array(data)), case .string(let note)? = receipt["checkpoint"] else {
                return .failure(NoteError("it is JSON but not a receipt with a checkpoint"))
            }
            text = note
        }
        let witness = self.witness
        return Result { () throws(NoteError) in
            if let witness { _ = try witness.verified(text) }
            return try Checkpoint(body: try verifier.verifiedText(of: text))
        }
    }
}

private struct Verification {
    let json: Bool
    let reportsFolder: String
    let checkpoints: [KeptCheckpoint]

    /// Prints a failure of one checkpoint and gives exit 3.
    func failed(checkpoint: String, _ reason: String) -> ExitCode {
        if json {
            Terminal.print(JSONWriter.string(.object(["ok": .bool(false), "bad_checkpoint": .string(checkpoint), "reason": .string(reason)])))
        } else {
            Terminal.print("FAILED: checkpoint \(checkpoint): \(reason)")
        }
        return ExitStatus.verificationFailed.exitCode
    }

    /// Prints a failure that names no seq or file, and gives the exit status of one (3).
    static func failed(_ reason: String, json: Bool) -> ExitCode {
        if json {
            Terminal.print(JSONWriter.string(.object(["ok": .bool(false), "reason": .string(reason)])))
        } else {
            Terminal.print("FAILED: \(reason)")
        }
        return ExitStatus.verificationFailed.exitCode
    }

    /// Opens the kept checkpoints, runs `LedgerVerifier`, and prints its outcome.
    func check(_ database: LedgerDatabase) throws {
        var opened: [(path: String, checkpoint: Checkpoint)] = []
        for kept in checkpoints {
            switch kept.open() {
            case .success(let checkpoint): opened.append((kept.path, checkpoint))
            case .failure(let error): throw failed(checkpoint: kept.path, error.description)
            }
        }
        let outcome = try LedgerVerifier(database: database, reportsFolder: reportsFolder).verify(checkpoints: opened.map(\.checkpoint)) { seq in
            Terminal.progress("verified \(seq) events")
        }
        Terminal.endProgress()
        if json {
            Terminal.print(JSONWriter.string(outcome.json(checkpoints: opened.count, checkpoint: { opened[$0].path })))
        } else {
            for line in lines(outcome, opened) { Terminal.print(line) }
        }
        guard outcome.isIntact else { throw ExitStatus.verificationFailed.exitCode }
    }

    /// The outcome as the lines of the text form.
    private func lines(_ outcome: LedgerVerifier.Outcome, _ opened: [(path: String, checkpoint: Checkpoint)]) -> [String] {
        switch outcome {
        case .intact(let events, let headHash, let files):
            return ["OK: the hash chain of \(events) events is intact; head seq \(events), hash \(headHash)"]
                + opened.map {
                    let cosigned = checkpoints[0].witness.map { " and cosigned by \($0.name)" } ?? ""
                    return
                        "OK: checkpoint \($0.path) (\($0.checkpoint.size) events) is signed by \(checkpoints[0].verifier.name)\(cosigned) and the log extends it"
                }
                + ["OK: \(files) issued report file(s) match their report.generated"]
        case .damagedFile(let reason): return ["FAILED: \(reason)"]
        case .brokenChain(let seq, let reason): return ["FAILED: seq \(seq): \(reason)"]
        case .damagedTree(let level, let index, let reason): return ["FAILED: merkle_nodes level \(level) index \(index): \(reason)"]
        case .badCheckpoint(let index, let reason): return ["FAILED: checkpoint \(opened[index].path): \(reason)"]
        case .badReportFile(let file, let seq, let reason): return ["FAILED: report file \(file) (report.generated seq \(seq)): \(reason)"]
        }
    }
}
