import ArgumentParser
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

/// Which events were corrected or retracted by which, for the audit trail.
struct AuditTrail {
    var correctedBy: [EventKey: [String]] = [:]
    var retractedBy: [EventKey: String] = [:]

    static func load(_ database: any EventStore) throws -> AuditTrail {
        var trail = AuditTrail()
        // Two queries, each on its index (an OR of the two conditions would scan the whole log).
        try database.forEachCorrection { event in
            trail.correctedBy[EventKey(agency: event.agency, id: event.corrects!), default: []].append(event.id)
        }
        try database.forEachEvent(ofType: .eventRetracted) { event in
            if let target = (try? JSONParser().parse(Array(event.data.utf8)))?.objectValue?["event"]?.stringValue {
                trail.retractedBy[EventKey(agency: event.agency, id: target)] = event.id
            }
        }
        return trail
    }

    func json(for event: StoredEvent) -> JSONValue {
        let data = (try? JSONParser().parse(Array(event.data.utf8))) ?? .string(event.data)
        return .object([
            "seq": .integer(Int(event.seq)), "agency": .string(event.agency), "id": .string(event.id), "type": .string(event.type),
            "occurred_at": .string(event.occurredAt), "recorded_at": .string(event.recordedAt), "corrects": .optional(event.corrects),
            "corrected_by": .array((correctedBy[event.key] ?? []).map(JSONValue.string)),
            "retracted_by": .optional(retractedBy[event.key]),
            "data": data,
            "source": .object(["file": .optional(event.sourceFile), "sha256": .optional(event.sourceSHA256), "line": .optional(event.sourceLine)]),
            "hash": .string(event.hash),
        ])
    }

    func line(for event: StoredEvent) -> String {
        var notes: [String] = []
        if let corrects = event.corrects { notes.append("corrects \(corrects)") }
        if let by = correctedBy[event.key] { notes.append("corrected by \(by.joined(separator: ", "))") }
        if let by = retractedBy[event.key] { notes.append("retracted by \(by)") }
        let source = event.sourceFile.map { "\(LineText.escaped($0)):\(event.sourceLine.map(String.init) ?? "-")" } ?? "daemon"
        let note = notes.isEmpty ? "" : "  [\(notes.joined(separator: "; "))]"
        return "\(event.seq)\t\(event.occurredAt)\t\(event.agency)/\(event.id)\t\(event.type)\(note)\t\(source)\t\(event.data)"
    }
}
