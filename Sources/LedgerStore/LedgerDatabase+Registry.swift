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
        // Retractions matter only when they name a registry event: the join finds those few
        // in SQLite instead of reading every retraction of the log.
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT seq, agency, id, type, occurred_at, corrects, data FROM events WHERE type IN (\(types)) AND seq <= ?
                UNION ALL
                SELECT r.seq, r.agency, r.id, r.type, r.occurred_at, r.corrects, r.data FROM events r
                JOIN events t ON t.agency = r.agency AND t.id = json_extract(r.data, '$.event')
                WHERE r.type = '\(EventType.eventRetracted.rawValue)' AND r.seq <= ? AND t.type IN (\(types))
                ORDER BY seq
                """, arguments: [throughSeq, throughSeq])
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
