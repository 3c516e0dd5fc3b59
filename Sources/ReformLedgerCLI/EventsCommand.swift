import ArgumentParser
import LedgerDaemon
import LedgerDomain
import LedgerStore

/// `events [--agency] [--type] [--since DATE] [--json]`: the audit trail.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "The audit trail: every event with its corrections, retractions and provenance.",
        discussion: "Examples:\n  reformledger events --agency BST --since 2024-01-01\n  reformledger events --type event.retracted --json")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Only events of this agency.")
    var agency: String?

    @Option(name: .long, help: "Only events of this type.")
    var type: String?

    @Option(name: .long, help: "Only events whose local date of occurred_at is on or after DATE (YYYY-MM-DD or DD/MM/YYYY).")
    var since: String?

    @Flag(name: .long, help: "Print a JSON array.")
    var json = false

    func validate() throws {
        if let since, LocalDate.parse(since) == nil { throw ValidationError("--since takes a date, YYYY-MM-DD or DD/MM/YYYY") }
        if let type, EventType(rawValue: type) == nil { throw ValidationError("unknown event type “\(type)”") }
    }

    func run() throws {
        let configuration = try global.loadConfiguration()
        let database = try global.openDatabase()
        let zone = configuration.zone
        let trail = try AuditTrail.load(database)
        let sinceDate = since.flatMap(LocalDate.parse)
        var first = true
        if json { Terminal.print("[") }
        try database.forEachEvent(agency: agency, type: type) { event in
            if let sinceDate {
                guard let time = EventTime.parse(event.occurredAt), time.localDate(in: zone) >= sinceDate else { return }
            }
            if json {
                Terminal.print((first ? "  " : ", ") + JSONWriter.string(trail.json(for: event)))
            } else {
                Terminal.print(trail.line(for: event))
            }
            first = false
        }
        if json { Terminal.print("]") }
    }
}
