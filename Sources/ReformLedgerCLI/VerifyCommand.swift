import ArgumentParser
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerReports
import LedgerStore

/// `verify`: recomputes the hash chain; exit 3 and the first bad seq on any mismatch.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the hash chain and every issued report file; exit 3 naming the first bad seq or file.",
        discussion: "Examples:\n  reformledger verify --state-dir /backup/reformledger\n  reformledger verify --json")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        _ = try global.loadConfiguration()
        try Self.verify(global.layout, json: json)
    }

    /// Verifies the ledger and reports of a state folder (or of a backup), changing
    /// nothing; prints the outcome and throws exit 3 on any failure.
    static func verify(_ layout: StateLayout, json: Bool) throws {
        do {
            let database: LedgerDatabase
            do {
                database = try LedgerDatabase(readingOnly: layout.database)
            } catch let error as StoreError where error.code == .notInitialised {
                throw CommandFailure("\(layout.root) is not initialised; run `reformledger init --state-dir \(layout.root)` first")
            }
            try Verification(json: json, reportsFolder: layout.reports).check(database)
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
private struct Verification {
    let json: Bool
    let reportsFolder: String

    /// Prints a failure that names no seq or file, and gives the exit status of one (3).
    static func failed(_ reason: String, json: Bool) -> ExitCode {
        if json {
            Terminal.print(JSONWriter.string(.object(["ok": .bool(false), "reason": .string(reason)])))
        } else {
            Terminal.print("FAILED: \(reason)")
        }
        return ExitStatus.verificationFailed.exitCode
    }

    func check(_ database: LedgerDatabase) throws {
        let structural = try database.structuralProblems()
        if !structural.isEmpty {
            throw Self.failed("the ledger file is damaged: " + structural.joined(separator: "; "), json: json)
        }
        let outcome = try ChainVerifier(database: database).verify { seq in Terminal.progress("verified \(seq) events") }
        Terminal.endProgress()
        switch outcome {
        case .intact(let events, let headHash):
            switch try ReportFileVerifier(store: database, reportsFolder: reportsFolder).verify() {
            case .intact(let files):
                if json {
                    Terminal.print(
                        JSONWriter.string(
                            .object([
                                "ok": .bool(true), "events": .integer(Int(events)), "head_hash": .string(headHash),
                                "report_files": .integer(files),
                            ])))
                } else {
                    Terminal.print("OK: the hash chain of \(events) events is intact; head seq \(events), hash \(headHash)")
                    Terminal.print("OK: \(files) issued report file(s) match their report.generated")
                }
            case .broken(let file, let seq, let reason):
                if json {
                    Terminal.print(
                        JSONWriter.string(.object(["ok": .bool(false), "bad_file": .string(file), "seq": .integer(Int(seq)), "reason": .string(reason)])))
                } else {
                    Terminal.print("FAILED: report file \(file) (report.generated seq \(seq)): \(reason)")
                }
                throw ExitStatus.verificationFailed.exitCode
            }
        case .broken(let seq, let reason):
            if json {
                Terminal.print(JSONWriter.string(.object(["ok": .bool(false), "first_bad_seq": .integer(Int(seq)), "reason": .string(reason)])))
            } else {
                Terminal.print("FAILED: seq \(seq): \(reason)")
            }
            throw ExitStatus.verificationFailed.exitCode
        }
    }
}
