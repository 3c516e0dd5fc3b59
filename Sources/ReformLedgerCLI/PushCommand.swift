import ArgumentParser
import Foundation
import LedgerCentral
import LedgerDomain
import LedgerStore

/// `push`: sends the events the centre lacks, in batches with signed checkpoints, and
/// keeps the centre's cosigned checkpoint in `<state>/witnessed-checkpoint.txt`.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Push the ledger to the centre (central serve); exit 3 when the centre refuses its history.",
        discussion: """
            Resumable: each run asks the centre how far it holds the ledger and sends the rest.

            Examples:
              reformledger push --to http://127.0.0.1:8091
              reformledger push            # the configuration's push_to
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The centre's URL (default: the configuration's push_to).")
    var to: String?

    @Option(name: .long, help: "Events per batch (default 20000).")
    var batch = 20_000

    @Flag(name: .long, help: "Print the outcome as JSON.")
    var json = false

    func run() async throws {
        let configuration = try global.loadConfiguration()
        guard let target = to ?? configuration.pushTo, let url = URL(string: target), url.scheme == "http" || url.scheme == "https" else {
            throw CommandFailure("--to: the centre's URL (http://HOST:PORT) is needed, or push_to in the configuration")
        }
        guard (1...200_000).contains(batch) else { throw CommandFailure("--batch: 1 to 200000 events") }
        let database = try global.openDatabase()
        guard let signer = try global.checkpointSigner(configuration) else { throw CommandFailure(CheckpointCommand.noKey(global)) }
        let push = LedgerPush(
            database: database,
            events: { range in
                var rows: [StoredEvent] = []
                try database.forEachEvent(in: range) { rows.append($0) }
                return rows
            }, signer: signer, coordinators: configuration.coordinators, client: PushClient(centre: url), batchSize: batch,
            cosignedPath: global.layout.cosignedCheckpoint, witnessedFolder: global.layout.witnessed)
        let quiet = json
        do {
            let summary = try await push.run { receipt in
                if !quiet { Terminal.print("pushed to seq \(receipt.size): \(receipt.appended) new, \(receipt.duplicates) already held") }
            }
            if json {
                Terminal.print(
                    JSONWriter.string(
                        .object([
                            "origin": .string(signer.origin), "size": .integer(Int(summary.size)), "appended": .integer(summary.appended),
                            "duplicates": .integer(summary.duplicates), "batches": .integer(summary.batches), "cosigned": .optional(summary.cosigned),
                        ])))
            } else {
                Terminal.print("centre holds \(summary.size) events; cosigned checkpoint in \(global.layout.cosignedCheckpoint)")
            }
        } catch {
            if json {
                Terminal.print(JSONWriter.string(.object(["ok": .bool(false), "code": .string(error.code), "reason": .string(error.description)])))
            }
            throw error.commandFailure
        }
    }
}
