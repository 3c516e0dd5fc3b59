import GRDB
import LedgerDomain
import LedgerStore

/// `replay`: the projections as the log stood at a seq or an instant — every agency's
/// activity since the beginning, task status and indicators as of that day.
public struct Replay {
    let database: LedgerDatabase
    let configuration: LedgerConfiguration

    public init(database: LedgerDatabase, configuration: LedgerConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    public func run(throughSeq: Int64?, asOf: Instant?, progress: ((Int64) -> Void)? = nil) throws -> JSONValue {
        let zone = configuration.zone
        let (seq, day): (Int64, LocalDate) = try database.read { db in
            if let asOf {
                let seq = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM events WHERE recorded_at <= ?", arguments: [asOf.rfc3339UTC]) ?? 0
                return (seq, zone.localDate(of: asOf))
            }
            let head = try LedgerDatabase.head(db).seq
            let seq = min(throughSeq ?? head, head)
            let recorded = try String.fetchOne(db, sql: "SELECT recorded_at FROM events WHERE seq = ?", arguments: [seq])
            let instant = recorded.flatMap(EventTime.parseInstant) ?? Instant(millisecondsSinceEpoch: 0)
            return (seq, zone.localDate(of: instant))
        }
        // The whole history up to that day, as one open-ended period.
        let report = try ReportService(database: database, configuration: configuration)
            .report(range: LocalDate.distantPast...day, throughSeq: seq, progress: progress)
        guard case .object(let object) = report.json else { return report.json }
        let kept = object.members.filter { !["period", "mode", "from", "edition"].contains($0.key) }
            .map { $0.key == "to" ? (key: "as_of", value: $0.value) : $0 }
        return .object(JSONObject(kept))
    }
}
