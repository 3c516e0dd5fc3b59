import LedgerDomain
import LedgerStore

/// Which events were corrected or retracted by which, for the audit trail: `events` and
/// the portal's `/api/v1/events` and pages print each event the same way.
public struct AuditTrail: Sendable {
    public var correctedBy: [EventKey: [String]] = [:]
    public var retractedBy: [EventKey: String] = [:]

    public static func load(_ database: any EventStore) throws -> AuditTrail {
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

    public func json(for event: StoredEvent) -> JSONValue {
        let data = (try? JSONParser().parse(Array(event.data.utf8))) ?? .string(event.data)
        return .object([
            "seq": .integer(Int(event.seq)), "agency": .string(event.agency), "id": .string(event.id), "type": .string(event.type),
            "occurred_at": .string(event.occurredAt), "recorded_at": .string(event.recordedAt), "corrects": .optional(event.corrects),
            "corrected_by": .array((correctedBy[event.key] ?? []).map(JSONValue.string)),
            "retracted_by": .optional(retractedBy[event.key]),
            "data": data,
            "source": .object(
                JSONObject(
                    [
                        ("file", .optional(event.sourceFile)), ("sha256", .optional(event.sourceSHA256)), ("line", .optional(event.sourceLine)),
                    ] + (event.sourceSheet.map { [("sheet", JSONValue.string($0))] } ?? []))),
            "hash": .string(event.hash),
        ])
    }

    public func line(for event: StoredEvent) -> String {
        var notes: [String] = []
        if let corrects = event.corrects { notes.append("corrects \(corrects)") }
        if let by = correctedBy[event.key] { notes.append("corrected by \(by.joined(separator: ", "))") }
        if let by = retractedBy[event.key] { notes.append("retracted by \(by)") }
        let sheet = event.sourceSheet.map { ":\(LineText.escaped($0))" } ?? ""
        let source = event.sourceFile.map { "\(LineText.escaped($0))\(sheet):\(event.sourceLine.map(String.init) ?? "-")" } ?? "daemon"
        let note = notes.isEmpty ? "" : "  [\(notes.joined(separator: "; "))]"
        return "\(event.seq)\t\(event.occurredAt)\t\(event.agency)/\(event.id)\t\(event.type)\(note)\t\(source)\t\(event.data)"
    }
}
