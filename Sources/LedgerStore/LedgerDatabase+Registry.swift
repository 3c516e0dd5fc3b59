import GRDB
import LedgerDomain

extension LedgerDatabase {
    /// Folds the registry events of the log into an `AgencyRegistry`.
    /// - Parameter throughSeq: the log as it stood at that seq (default: all of it).
    static func loadRegistry(
        _ db: Database, coordinators: Set<String>, zone: LocalZone,
        throughSeq: Int64 = .max
    ) throws -> AgencyRegistry {
        var registry = AgencyRegistry(coordinators: coordinators)
        let types = EventType.allCases.filter(\.isRegistryEvent).map { "'\($0.rawValue)'" }.joined(separator: ",")
        // Retractions matter only when they name a registry event. The projection lists
        // those up to its checkpoint; after it (a projection behind the head) every
        // retraction is joined with its target. Reading every retraction of a big log, in
        // pages scattered through it, was most of what a report cost.
        let retraction = """
            SELECT r.seq, r.agency, r.id, r.type, r.occurred_at, r.corrects, r.data FROM events r
            JOIN events t ON t.agency = r.agency AND t.id = json_extract(r.data, '$.event')
            """
        // A ledger opened reading only may predate the list (it is not migrated): all joined.
        let folded: Int64 =
            try db.tableExists("proj_registry_retraction")
            ? Int64.fetchOne(db, sql: "SELECT seq FROM proj_checkpoint WHERE name = ?", arguments: [ProjectionWriter.checkpointName]) ?? 0 : 0
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT seq, agency, id, type, occurred_at, corrects, data FROM events WHERE type IN (\(types)) AND seq <= ?
                UNION ALL
                \(retraction) WHERE r.seq IN (SELECT seq FROM proj_registry_retraction WHERE seq <= ?) AND r.seq <= ? AND t.type IN (\(types))
                UNION ALL
                \(retraction) WHERE r.type = '\(EventType.eventRetracted.rawValue)' AND r.seq <= ? AND t.type IN (\(types))
                    AND r.seq > ?
                ORDER BY seq
                """, arguments: [throughSeq, folded, throughSeq, throughSeq, folded])
        while let row = try rows.next() {
            let agency: String = row[1]
            let data = try parseData(row[6], seq: row[0])
            guard let type = EventType(rawValue: row[3]) else { continue }
            if case .retracting(let target) = LineageStep(type: type, corrects: nil, data: data) {
                registry.recordRetraction(of: EventKey(agency: agency, id: target))
                continue
            }
            guard let time = EventTime.parse(row[4]) else { continue }
            registry.record(
                RegistryEvent(
                    key: EventKey(agency: agency, id: row[2]), seq: row[0], type: type,
                    corrects: row[5], occurredOn: time.localDate(in: zone), data: data))
        }
        return registry
    }

    public static func parseData(_ text: String, seq: Int64) throws -> JSONObject {
        try parseData(Array(text.utf8), seq: seq)
    }

    public static func parseData(_ bytes: some Collection<UInt8>, seq: Int64) throws -> JSONObject {
        guard let object = (try? JSONParser().parse(bytes))?.objectValue else {
            throw StoreError(.corruptRow, "The data of event seq \(seq) is not a JSON object.")
        }
        return object
    }
}
