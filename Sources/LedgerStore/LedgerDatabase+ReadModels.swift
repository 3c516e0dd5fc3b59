import Foundation
import GRDB
import LedgerDomain

/// Read models by name: what the reports, the schedule, `status` and `replay` ask of the
/// log, so that no layer above the store writes SQL of its own.
extension LedgerDatabase {
    public func statusCounts(coordinators: Set<String>, zone: LocalZone) throws -> StatusCounts {
        try read { db in
            let registry = try Self.loadRegistry(db, coordinators: coordinators, zone: zone)
            let byType = try Row.fetchAll(db, sql: "SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type").map {
                (type: $0[0] as String, count: $0[1] as Int)
            }
            let files = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ingested_files") ?? 0
            let lastReport = try String.fetchOne(
                db, sql: "SELECT data FROM events WHERE type = ? ORDER BY seq DESC LIMIT 1",
                arguments: [EventType.reportGenerated.rawValue]
            )
            .flatMap { try? JSONParser().parse(Array($0.utf8)) }?.objectValue
            return StatusCounts(head: try Self.head(db), eventsByType: byType, filesIngested: files, registry: registry, lastReport: lastReport)
        }
    }

    /// The last seq recorded at or before `instant` (0 when none): the log as it stood then.
    public func seq(recordedAtOrBefore instant: Instant) throws -> Int64 {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM events WHERE recorded_at <= ?", arguments: [instant.rfc3339UTC]) ?? 0
        }
    }

    /// `recorded_at` of one event.
    public func recordedAt(seq: Int64) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT recorded_at FROM events WHERE seq = ?", arguments: [seq]) }
    }

    /// The smallest `occurred_at` texts of the clerks' events (not the daemon's), a few, in
    /// text order: dates sort as text, but a date-time's local day may differ by one.
    public func earliestOccurredAt(count: Int) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT occurred_at FROM events WHERE agency != ? ORDER BY occurred_at LIMIT ?",
                arguments: [AgencyCode.system, count])
        }
    }

    /// Whether a clerk's event after `seq` is dated in a range (`isInRange` of its
    /// `occurred_at`), or corrects or retracts an event dated in it.
    public func hasEvent(after seq: Int64, datedIn isInRange: (String) -> Bool) throws -> Bool {
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT agency, type, occurred_at, corrects, data FROM events WHERE seq > ? AND agency != ?",
                arguments: [seq, AgencyCode.system])
            while let row = try rows.next() {
                if isInRange(row[2]) { return true }
                let agency: String = row[0]
                var target: String? = row[3]
                if target == nil, let type = EventType(rawValue: row[1]), let data = try? Self.parseData(row[4] as String, seq: seq) {
                    target = LineageStep(type: type, corrects: nil, data: data).target
                }
                if let target,
                    let day = try String.fetchOne(
                        db, sql: "SELECT occurred_at FROM events WHERE agency = ? AND id = ?",
                        arguments: [agency, target]), isInRange(day)
                {
                    return true
                }
            }
            return false
        }
    }

    /// Every event of one type, in seq order (the editions issued, for instance).
    public func forEachEvent(ofType type: EventType, _ body: (StoredEvent) throws -> Void) throws {
        try forEachEvent(where: "type = ?", arguments: [type.rawValue], body)
    }

    /// The audit trail: every event, or those of one agency and/or type, in seq order.
    public func forEachEventNewestFirst(_ filter: EventFilter, _ body: (StoredEvent) throws -> Bool) throws {
        var conditions = ["1"]
        var arguments: [any DatabaseValueConvertible] = []
        if let agency = filter.agency {
            // `+agency`: not by the (agency, id) index, whose order is the id's. Walking the
            // log backwards by seq stops after a page, where that index would sort an
            // agency's every event first (25,000 of a million) for each page.
            conditions.append("+agency = ?")
            arguments.append(agency)
        }
        if let type = filter.type {
            // events_by_type keeps each type's rows in seq order: read backwards, no sort.
            conditions.append("type = ?")
            arguments.append(type)
        }
        if let before = filter.beforeSeq {
            conditions.append("seq < ?")
            arguments.append(before)
        }
        if let text = filter.text {
            // instr, not LIKE: no wildcard in the text means anything, and case counts as in memory.
            conditions.append("(instr(id, ?) > 0 OR instr(data, ?) > 0 OR instr(COALESCE(source_file, ''), ?) > 0)")
            arguments += [text, text, text]
        }
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(try StoredEvent.columns(db)) FROM events WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq DESC",
                arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                guard try body(StoredEvent(row: row)) else { return }
            }
        }
    }

    public func forEachEvent(agency: String?, type: String?, _ body: (StoredEvent) throws -> Void) throws {
        var conditions = ["1"]
        var arguments: [String] = []
        if let agency {
            conditions.append("agency = ?")
            arguments.append(agency)
        }
        if let type {
            conditions.append("type = ?")
            arguments.append(type)
        }
        try forEachEvent(where: conditions.joined(separator: " AND "), arguments: StatementArguments(arguments), body)
    }

    /// Every correction (an event with `corrects`), through its index.
    public func forEachCorrection(_ body: (StoredEvent) throws -> Void) throws {
        try forEachEvent(where: "corrects IS NOT NULL", body)
    }

    /// Appends one of the daemon's own events (agency `SYSTEM`, no source file) in its own
    /// transaction. - Returns: its seq.
    @discardableResult
    public func appendSystemEvent(_ draft: EventDraft, recordedAt: Instant) throws -> Int64 {
        try transaction { db in
            var appender = try EventAppender(db: db)
            let seq = try appender.append(
                agency: draft.agency, id: draft.id, type: draft.type.rawValue, occurredAt: draft.occurredAt.storedText,
                corrects: draft.corrects, canonicalData: draft.canonicalData, source: .system, recordedAt: recordedAt)
            return (seq, commit: true)
        }
    }
}
