import ArgumentParser
import Foundation
import LedgerDomain
import LedgerReports
import LedgerStore

/// `replay [--through-seq N | --as-of T] [--agency CODE]`: the projections as the log
/// stood at that point, as JSON.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Print the projections (per agency, per task, indicators) as of a seq or an instant, as JSON.",
        discussion: "Examples:\n  reformledger replay --as-of 2024-06-30T23:59:59+07:00\n  reformledger replay --through-seq 120 --agency BST")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "The log up to this seq.")
    var throughSeq: Int64?

    @Option(name: .long, help: "The log as it stood at this RFC 3339 instant (events recorded at or before it).")
    var asOf: String?

    @Option(name: .long, help: "Only this agency.")
    var agency: String?

    func validate() throws {
        if throughSeq != nil && asOf != nil { throw ValidationError("give --through-seq or --as-of, not both") }
        if let throughSeq, throughSeq < 0 { throw ValidationError("--through-seq takes a seq ≥ 0") }
        if let asOf, EventTime.parseInstant(asOf) == nil { throw ValidationError("--as-of takes an RFC 3339 date-time with an offset") }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let replay = try Replay(store: database, configuration: configuration)
            .run(throughSeq: throughSeq, asOf: asOf.flatMap(EventTime.parseInstant)) { seq in Terminal.progress("replayed \(seq) events") }
        Terminal.endProgress()
        var json = replay
        if let agency, case .object(var object) = json, case .array(let agencies)? = object["agencies"] {
            object = JSONObject(
                object.members.map { member in
                    member.key == "agencies" ? (key: "agencies", value: .array(agencies.filter { $0.objectValue?["code"] == .string(agency) })) : member
                })
            json = .object(object)
        }
        Terminal.print(JSONWriter.string(json, pretty: true))
    }
}
