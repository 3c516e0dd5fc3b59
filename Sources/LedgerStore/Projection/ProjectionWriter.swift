import GRDB
import LedgerDomain

/// Keeps the read model of activity events (SPEC §2 "projection") in step with the log.
///
/// `proj_effective` holds one row per standing lineage (an event and its corrections),
/// keyed by the seq of the lineage's first event, with the fact of its effective member:
/// the latest member by seq that is not retracted. `proj_member` records lineage
/// membership only for events a correction or retraction has touched, so the common case —
/// a plain new event — is a single append. A correction replaces, a retraction removes
/// exactly the event it names, and retracting a correction brings back what it corrected.
/// The model is derived only from the log: `rebuild` folds the log from seq 1 to the same result.
public struct ProjectionWriter {
    public static let checkpointName = "activity"
    let db: Database
    let zone: LocalZone
    /// Where events are read back from (the ledger); `db` itself unless folding elsewhere.
    private var source: Database
    /// The per-event insert, prepared on first use and bound directly (`RawStatement`).
    private let storeStatement = LazyStatement(sql: """
        INSERT OR REPLACE INTO proj_effective (root, agency, seq, type, day, instant, measure, task, a, b, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)

    public init(db: Database, zone: LocalZone) {
        self.db = db
        self.zone = zone
        self.source = db
    }

    /// Folds one appended event into the model.
    public func apply(seq: Int64, agency: String, id: String, type: EventType, corrects: String?, occurredAt: EventTime, data: JSONObject) throws {
        try apply(seq: seq, agency: agency, id: id, type: type, corrects: corrects,
                  fact: ActivityFact(type: type, occurredAt: occurredAt, data: data, zone: zone), data: data)
    }

    /// The same, with the event's fact already extracted (in this writer's time zone).
    public func apply(seq: Int64, agency: String, id: String, type: EventType, corrects: String?, fact: ActivityFact?, data: JSONObject) throws {
        if let fact {
            guard let corrects else {
                try store(fact, agency: agency, root: seq, seq: seq)
                return
            }
            guard let target = try activityEvent(agency: agency, id: corrects) else { return }
            let root = try rootOf(target, joining: true)
            try addMember(seq, root: root, retracted: false)
            try store(fact, agency: agency, root: root, seq: seq)
        } else if type == .eventRetracted, let target = data["event"]?.stringValue {
            guard let targetSeq = try activityEvent(agency: agency, id: target) else {
                return   // a registry event: the registry handles it
            }
            let root = try rootOf(targetSeq, joining: true)
            try db.cachedStatement(sql: "UPDATE proj_member SET retracted = 1 WHERE seq = ?").execute(arguments: [targetSeq])
            try restore(root: root)
        }
    }

    /// The seq of an activity event of the agency, looked up in the log.
    private func activityEvent(agency: String, id: String) throws -> Int64? {
        guard let row = try Row.fetchOne(source.cachedStatement(sql: "SELECT seq, type FROM events WHERE agency = ? AND id = ?"),
                                         arguments: [agency, id]),
              let type = EventType(rawValue: row[1]), type.isActivity else { return nil }
        return row[0]
    }

    /// The lineage root of an event; with `joining`, a plain event becomes a recorded
    /// lineage of its own first, so that later members can be ordered against it.
    private func rootOf(_ seq: Int64, joining: Bool) throws -> Int64 {
        if let root = try Int64.fetchOne(db.cachedStatement(sql: "SELECT root FROM proj_member WHERE seq = ?"), arguments: [seq]) {
            return root
        }
        if joining { try addMember(seq, root: seq, retracted: false) }
        return seq
    }

    private func addMember(_ seq: Int64, root: Int64, retracted: Bool) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO proj_member (seq, root, retracted) VALUES (?, ?, ?)")
            .execute(arguments: [seq, root, retracted ? 1 : 0])
    }

    private func store(_ fact: ActivityFact, agency: String, root: Int64, seq: Int64) throws {
        let insert = try storeStatement.statement(in: db)
        insert.bind(root, at: 1)
        insert.stage(agency, at: 2)
        insert.bind(seq, at: 3)
        insert.stage(fact.type.rawValue, at: 4)
        insert.stage(fact.day.description, at: 5)
        insert.bind(fact.instant, at: 6)
        insert.stage(fact.measure, at: 7)
        insert.stage(fact.task, at: 8)
        insert.bind(fact.a, at: 9)
        insert.bind(fact.b, at: 10)
        insert.stage(fact.note, at: 11)
        try insert.executeStaged()
    }

    /// After a retraction: the latest member still standing becomes effective, or none.
    private func restore(root: Int64) throws {
        guard let standing = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT seq FROM proj_member WHERE root = ? AND retracted = 0 ORDER BY seq DESC LIMIT 1
            """), arguments: [root]),
              let row = try Row.fetchOne(source.cachedStatement(sql: "SELECT agency, type, occurred_at, data FROM events WHERE seq = ?"),
                                         arguments: [standing]) else {
            try db.cachedStatement(sql: "DELETE FROM proj_effective WHERE root = ?").execute(arguments: [root])
            return
        }
        guard let type = EventType(rawValue: row[1]), let time = EventTime.parse(row[2]),
              let fact = ActivityFact(type: type, occurredAt: time, data: try LedgerDatabase.parseData(row[3], seq: standing), zone: zone) else {
            throw StoreError(.corruptRow, "event seq \(standing) cannot be projected")
        }
        try store(fact, agency: row[0], root: root, seq: standing)
    }

    public func setCheckpoint(_ seq: Int64) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO proj_checkpoint (name, seq, zone) VALUES (?, ?, ?)",
                       arguments: [Self.checkpointName, seq, zone.identifier])
    }

    /// The last seq folded into the model (0 when empty or built for another time zone).
    public func checkpoint() throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, zone FROM proj_checkpoint WHERE name = ?", arguments: [Self.checkpointName]),
              (row[1] as String) == zone.identifier else { return 0 }
        return row[0]
    }

    /// Folds the events after the checkpoint (all of them when the model is empty or was
    /// built for another time zone), so the model is current with the log.
    public func catchUp(progress: ((Int64) -> Void)? = nil) throws {
        let from = try checkpoint()
        let head = try LedgerDatabase.head(db).seq
        guard from < head else { return }
        if from == 0 { try db.execute(sql: "DELETE FROM proj_member; DELETE FROM proj_effective;") }
        try fold(from: db, after: from, throughSeq: head, progress: progress)
    }

    /// Drops the model and folds `events` (seq 1 … `throughSeq`) of `source` into it.
    /// `source` may be this database or another one (a report as of an earlier seq).
    public func rebuild(from source: Database, throughSeq: Int64 = .max, progress: ((Int64) -> Void)? = nil) throws {
        try db.execute(sql: "DELETE FROM proj_member; DELETE FROM proj_effective; DELETE FROM proj_checkpoint;")
        try fold(from: source, after: 0, throughSeq: throughSeq, progress: progress)
    }

    private func fold(from source: Database, after: Int64, throughSeq: Int64, progress: ((Int64) -> Void)?) throws {
        var writer = self
        writer.source = source
        let rows = try RawStatement(source, sql: """
            SELECT seq, type, agency, id, corrects, occurred_at, data FROM events WHERE seq > ? AND seq <= ? ORDER BY seq
            """)
        rows.bind(after, at: 1)
        rows.bind(throughSeq, at: 2)
        defer { rows.reset() }
        var last = after
        while try rows.step() {
            last = rows.int64(0)
            guard let type = rows.string(1).flatMap(EventType.init(rawValue:)), type.isActivity || type == .eventRetracted,
                  let time = rows.string(5).flatMap(EventTime.parse) else { continue }
            let data = try rows.withBytes(6) { bytes in try LedgerDatabase.parseData(bytes, seq: last) }
            try writer.apply(seq: last, agency: rows.string(2) ?? "", id: rows.string(3) ?? "", type: type,
                             corrects: rows.string(4), occurredAt: time, data: data)
            if last % 50_000 == 0 { progress?(last) }
        }
        try setCheckpoint(last)
    }
}

/// A `RawStatement` prepared the first time it is needed, on the connection given then.
private final class LazyStatement {
    private let sql: String
    private var prepared: RawStatement?

    init(sql: String) {
        self.sql = sql
    }

    func statement(in db: Database) throws -> RawStatement {
        if let prepared { return prepared }
        let statement = try RawStatement(db, sql: sql)
        prepared = statement
        return statement
    }
}
