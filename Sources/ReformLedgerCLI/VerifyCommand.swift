import ArgumentParser
import LedgerDomain
import LedgerStore

/// `verify`: recomputes the hash chain; exit 3 and the first bad seq on any mismatch.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the whole hash chain of the event log; exit 3 naming the first bad seq.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() throws {
        _ = try global.loadConfiguration()
        let database = try global.openDatabase()
        let outcome = try ChainVerifier(database: database).verify { seq in Terminal.progress("verified \(seq) events") }
        Terminal.endProgress()
        switch outcome {
        case .intact(let events, let headHash):
            if json {
                Terminal.print(JSONWriter.string(.object(["ok": .bool(true), "events": .integer(Int(events)), "head_hash": .string(headHash)])))
            } else {
                Terminal.print("OK: the hash chain of \(events) events is intact; head seq \(events), hash \(headHash)")
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
