import Foundation
import LedgerDomain
import LedgerFiles
import LedgerIngest
import LedgerPortal
import LedgerReports
import LedgerStore

/// The auditors' reads: pages of the trail, one event with its lineage, the events behind
/// a figure, and "verify now" (the `LedgerVerifier` the CLI runs).
extension PortalIntake {
    func events(_ query: EventQuery) async throws -> EventPage {
        let store = self.store, zone = configuration.zone
        let trail = try await auditTrail()
        return try await read {
            var events: [JSONValue] = [], last: Int64?, more = false
            let filter = EventFilter(agency: query.agency, type: query.type, beforeSeq: query.before, text: query.text)
            try store.forEachEventNewestFirst(filter) { event in
                if query.from != nil || query.to != nil {
                    guard let day = EventTime.parse(event.occurredAt)?.localDate(in: zone) else { return true }
                    if let from = query.from, day < from { return true }
                    if let to = query.to, day > to { return true }
                }
                if events.count == query.limit {
                    more = true
                    return false
                }
                events.append(trail.json(for: event))
                last = event.seq
                return true
            }
            return EventPage(events: events, nextBefore: more ? last : nil)
        }
    }

    func event(seq: Int64) async throws -> JSONValue? {
        let store = self.store
        let trail = try await auditTrail()
        return try await read { try store.event(seq: seq).map(trail.json(for:)) }
    }

    func trace(figure code: String, period: ReportPeriod) async throws -> FigureEvents? {
        guard let figure = Figure(code: code) else { return nil }
        let store = self.store, reports = self.reports
        let trail = try await auditTrail()
        let title = ReportDigest(try await headReport(period), language: configuration.language).describe(figure)
        return try await read {
            let seqs = try FigureTrace(service: reports).seqs(of: figure, in: period)
            let shown = try seqs.prefix(Self.tracePage).compactMap { try store.event(seq: $0).map(trail.json(for:)) }
            return FigureEvents(figure: code, title: title, period: period.description, count: seqs.count, events: shown)
        }
    }

    /// Which events were corrected or retracted by which, read once per head seq: on a
    /// million events that is every correction and retraction, too many for each page.
    func auditTrail() async throws -> AuditTrail {
        let store = self.store
        return try await views.value(for: "trail", seq: try store.head().seq) { try AuditTrail.load(store) }
    }

    /// How many of a figure's events a page lists (the count is always whole).
    static var tracePage: Int { 500 }

    /// The checks of `verify` (`LedgerVerifier`), on a connection of its own that only
    /// reads: the file's structure, the hash chain and the stored Merkle tree, every issued
    /// report file; no kept checkpoints (an auditor brings those to the command).
    func verify() async throws -> JSONValue {
        let layout = self.layout
        return try await read {
            let database = try LedgerDatabase(readingOnly: layout.database)
            return try LedgerVerifier(database: database, reportsFolder: layout.reports).verify().json()
        }
    }
}
