@testable import LedgerDomain

/// An in-memory log for admission tests: the second implementation of `EventLookup`
/// beside the SQLite one.
final class MemoryEventLookup: EventLookup {
    private(set) var events: [EventKey: StoredEventContent] = [:]

    func content(of key: EventKey) throws -> StoredEventContent? { events[key] }

    func store(_ draft: EventDraft) {
        events[draft.key] = StoredEventContent(
            type: draft.type.rawValue, occurredAt: draft.occurredAt.storedText,
            corrects: draft.corrects, data: draft.canonicalData)
    }
}

/// Given events, when one more arrives, then this decision: a tiny event-sourcing harness.
struct AdmissionHarness {
    var registry = AgencyRegistry(coordinators: ["UBND", "SNV"])
    let lookup = MemoryEventLookup()
    var seq: Int64 = 0
    let now = EventTime.parseInstant("2024-12-31T12:00:00+07:00")!

    static func draft(_ json: String, agency: String) -> EventDraft {
        let value = try! JSONParser().parse(Array(json.utf8))
        return try! EnvelopeDecoder().decode(value, folderAgency: agency).get()
    }

    /// Decodes and admits and, when accepted, records the event like the ingestor does; a
    /// record the decoder refuses (a clerk's `SYSTEM` type) is rejected with its problems.
    @discardableResult
    mutating func send(_ json: String, as agency: String) throws -> AdmissionDecision {
        let value = try JSONParser().parse(Array(json.utf8))
        let draft: EventDraft
        switch EnvelopeDecoder().decode(value, folderAgency: agency) {
        case .success(let decoded): draft = decoded
        case .failure(let failure): return .reject(failure.problems)
        }
        let decision = try EventAdmission(registry: registry, now: now, zone: .hoChiMinh).admit(draft, lookup: lookup)
        if decision == .append {
            seq += 1
            lookup.store(draft)
            if draft.type.isRegistryEvent {
                registry.record(
                    RegistryEvent(
                        key: draft.key, seq: seq, type: draft.type, corrects: draft.corrects,
                        occurredOn: draft.occurredAt.localDate(in: .hoChiMinh), data: draft.data))
            } else if case .retracting(let target) = LineageStep(type: draft.type, corrects: nil, data: draft.data) {
                registry.recordRetraction(of: EventKey(agency: agency, id: target))
            }
        }
        return decision
    }

    static func register(_ code: String, kind: String = "press", id: String? = nil) -> String {
        #"{"id":"\#(id ?? "reg-" + code)","type":"agency.registered","occurred_at":"2024-01-01","data":{"code":"\#(code)","name":"Tên \#(code)","kind":"\#(kind)"}}"#
    }
}

extension AdmissionDecision {
    var codes: [ErrorCode] {
        if case .reject(let problems) = self { return problems.map(\.code) }
        return []
    }

    var fields: [String?] {
        if case .reject(let problems) = self { return problems.map(\.field) }
        return []
    }
}
