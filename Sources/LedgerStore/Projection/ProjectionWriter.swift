import GRDB
import GRDBSQLite
import LedgerDomain

/// Keeps the read model of activity events (CONTRACT §2 "projection") in step with the log.
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
    private let storeStatement = LazyStatement(sql: "INSERT OR REPLACE INTO proj_effective (\(Self.factColumns)) VALUES (\(Self.factValues))")
    /// A new lineage's fact: a plain insert (with the table's partial indexes, `OR REPLACE`
    /// would look for a row to delete at every event).
    private let insertStatement = LazyStatement(sql: "INSERT INTO proj_effective (\(Self.factColumns)) VALUES (\(Self.factValues))")
    private static let factColumns = "root, agency, seq, type, day, instant, measure, task, a, b, note"
    private static let factValues = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"

    // Corrections and retractions, a few in a hundred events, look these up.
    private var eventByKey = LazyStatement(sql: Self.eventByKeySQL)
    private static let eventByKeySQL = "SELECT seq, type FROM events WHERE agency = ? AND id = ?"
    private let memberRootStatement = LazyStatement(sql: "SELECT root FROM proj_member WHERE seq = ?")
    private let memberInsert = LazyStatement(sql: "INSERT OR IGNORE INTO proj_member (seq, root, retracted) VALUES (?, ?, ?)")

    /// The half-month tallies, kept in the same statements' transaction.
    private let tallies: ProjectionTallies

    /// From this many events on, a fold reads the log on a second thread.
    public var backgroundFoldThreshold: Int64 = 20_000

    init(db: Database, zone: LocalZone) {
        self.db = db
        self.zone = zone
        self.source = db
        tallies = ProjectionTallies(db: db)
    }

    /// Folds one appended event into the model through the domain's `LineageFold`;
    /// events with neither a fact nor a retraction leave it as it is.
    ///
    /// - Parameter fact: what the projection keeps of an activity event, made in this
    ///   writer's time zone.
    public func apply(seq: Int64, key: EventKey, step: LineageStep, fact: ActivityFact?) throws {
        guard fact != nil || step.isRetraction else { return }
        var memory = ProjectionLineage(writer: self)
        switch try LineageFold.apply(seq: seq, key: key, step: step, to: &memory) {
        case .upsert(let root, let effective)?:
            // A new lineage has no fact standing yet; any other upsert replaces one.
            let fresh = root == seq && effective == seq
            if !fresh { try tallies.remove(standingAt: root) }
            if effective == seq, let fact {
                try store(fact, agency: key.agency, root: root, seq: seq, fresh: fresh)
            } else {
                try restore(root: root, seq: effective)
            }
        case .delete(let root)?:
            try tallies.remove(standingAt: root)
            try db.cachedStatement(sql: "DELETE FROM proj_effective WHERE root = ?").execute(arguments: [root])
        case nil:
            // It names a registry event: the registry handles it, and finds it here.
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO proj_registry_retraction (seq) VALUES (?)").execute(arguments: [seq])
        }
    }

    /// The seq of an activity event of the agency, looked up in the log.
    fileprivate func activityEvent(_ key: EventKey) throws -> Int64? {
        let lookup = try eventByKey.statement(in: source)
        lookup.bind(key.agency, at: 1)
        lookup.bind(key.id, at: 2)
        defer { lookup.reset() }
        guard try lookup.step(), let type = lookup.string(1).flatMap(EventType.init(rawValue:)), type.isActivity else { return nil }
        return lookup.int64(0)
    }

    fileprivate func memberRoot(of seq: Int64) throws -> Int64? {
        let lookup = try memberRootStatement.statement(in: db)
        lookup.bind(seq, at: 1)
        defer { lookup.reset() }
        return try lookup.step() ? lookup.int64(0) : nil
    }

    fileprivate func addMember(_ seq: Int64, root: Int64) throws {
        let insert = try memberInsert.statement(in: db)
        insert.bind(seq, at: 1)
        insert.bind(root, at: 2)
        insert.bind(0, at: 3)
        try insert.execute()
    }

    /// - Parameter fresh: a new lineage, with no fact standing for `root` yet.
    private func store(_ fact: ActivityFact, agency: String, root: Int64, seq: Int64, fresh: Bool = false) throws {
        let insert = try (fresh ? insertStatement : storeStatement).statement(in: db)
        let columns = fact.measure.columns
        insert.bind(root, at: 1)
        insert.bind(seq, at: 3)
        insert.bind(fact.instant, at: 6)
        insert.bind(columns.first, at: 9)
        insert.bind(columns.second, at: 10)
        try insert.execute { text in
            text.stage(agency, at: 2)
            text.stage(fact.type.rawValue, at: 4)
            text.stage(fact.dayText, at: 5)
            text.stage(columns.label, at: 7)
            text.stage(fact.task, at: 8)
            text.stage(columns.note, at: 11)
        }
        try tallies.add(fact, agency: agency)
    }

    /// An earlier member stands again (after a retraction): its fact is made from the log.
    private func restore(root: Int64, seq standing: Int64) throws {
        guard
            let row = try Row.fetchOne(
                source.cachedStatement(sql: "SELECT agency, type, occurred_at, data FROM events WHERE seq = ?"),
                arguments: [standing]),
            let type = EventType(rawValue: row[1]), let time = EventTime.parse(row[2]),
            let fact = ActivityFact(type: type, occurredAt: time, data: try LedgerDatabase.parseData(row[3], seq: standing), zone: zone)
        else {
            throw StoreError(.corruptRow, "event seq \(standing) cannot be projected")
        }
        try store(fact, agency: row[0], root: root, seq: standing)
    }

    public func setCheckpoint(_ seq: Int64) throws {
        try tallies.flush()
        try db.execute(
            sql: "INSERT OR REPLACE INTO proj_checkpoint (name, seq, zone) VALUES (?, ?, ?)",
            arguments: [Self.checkpointName, seq, zone.identifier])
    }

    /// The last seq folded into the model (0 when empty or built for another time zone).
    public func checkpoint() throws -> Int64 {
        guard let row = try Row.fetchOne(db, sql: "SELECT seq, zone FROM proj_checkpoint WHERE name = ?", arguments: [Self.checkpointName]),
            (row[1] as String) == zone.identifier
        else { return 0 }
        return row[0]
    }

    /// Folds the events after the checkpoint (all of them when the model is empty or was
    /// built for another time zone), so the model is current with the log.
    public func catchUp(progress: ((Int64) -> Void)? = nil) throws {
        let from = try checkpoint()
        let head = try LedgerDatabase.head(db).seq
        guard from < head else { return }
        if from == 0 {
            try db.execute(sql: "DELETE FROM proj_member; DELETE FROM proj_effective; DELETE FROM proj_tally; DELETE FROM proj_registry_retraction;")
        }
        try fold(from: db, after: from, throughSeq: head, progress: progress)
    }

    /// Drops the model and folds `events` (seq 1 … `throughSeq`) of `source` into it.
    /// `source` may be this database or another one (a report as of an earlier seq).
    func rebuild(from source: Database, throughSeq: Int64 = .max, progress: ((Int64) -> Void)? = nil) throws {
        try db.execute(
            sql:
                "DELETE FROM proj_member; DELETE FROM proj_effective; DELETE FROM proj_tally; DELETE FROM proj_registry_retraction; DELETE FROM proj_checkpoint;"
        )
        try fold(from: source, after: 0, throughSeq: throughSeq, progress: progress)
    }

    private func fold(from source: Database, after: Int64, throughSeq requested: Int64, progress: ((Int64) -> Void)?) throws {
        var writer = self
        if source !== db {
            // Statements belong to one connection: lookups in the log go to `source`.
            writer.source = source
            writer.eventByKey = LazyStatement(sql: Self.eventByKeySQL)
        }
        let throughSeq = min(requested, try LedgerDatabase.head(source).seq)
        var last = after
        let consume = { (event: FoldedEvent) throws in
            last = event.seq
            try writer.apply(seq: event.seq, key: event.key, step: event.step, fact: event.fact)
            if last % 50_000 == 0 { progress?(last) }
        }
        if throughSeq - after >= backgroundFoldThreshold, let path = Self.filePath(of: source) {
            // A long fold reads and decodes the log on a thread of its own, through its own
            // read-only connection: every event it reads was committed before this fold
            // started (the caller holds the write lock, or folds up to a past seq).
            let zone = zone
            try BackgroundBatches.run(
                name: "reformledger-fold",
                produce: { emit in
                    let reader = try DatabaseQueue(path: path, configuration: Self.readOnly)
                    try reader.read { db in try Self.scan(db, after: after, throughSeq: throughSeq, zone: zone, emit: emit) }
                }, consume: consume)
        } else {
            try Self.scan(source, after: after, throughSeq: throughSeq, zone: zone, emit: consume)
        }
        try setCheckpoint(max(last, after))
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }

    /// The file behind a connection; nil for in-memory and temporary databases.
    private static func filePath(of db: Database) -> String? {
        guard let name = sqlite3_db_filename(db.sqliteConnection, "main") else { return nil }
        let path = String(cString: name)
        return path.isEmpty ? nil : path
    }

    /// Reads `events` in seq order and extracts what the projection needs of each.
    private static func scan(
        _ db: Database, after: Int64, throughSeq: Int64, zone: LocalZone,
        emit: (FoldedEvent) throws -> Void
    ) throws {
        let rows = try RawStatement(
            db,
            sql: """
                SELECT seq, type, agency, corrects, occurred_at, data, id FROM events WHERE seq > ? AND seq <= ? ORDER BY seq
                """)
        rows.bind(after, at: 1)
        rows.bind(throughSeq, at: 2)
        defer { rows.reset() }
        while try rows.step() {
            let seq = rows.int64(0)
            guard let type = rows.string(1).flatMap(EventType.init(rawValue:)), type.isActivity || type == .eventRetracted,
                let time = rows.string(4).flatMap(EventTime.parse)
            else {
                try emit(FoldedEvent(seq: seq, key: EventKey(agency: "", id: ""), step: .new, fact: nil))
                continue
            }
            let data = try rows.withBytes(5) { bytes in try LedgerDatabase.parseData(bytes, seq: seq) }
            try emit(
                FoldedEvent(
                    seq: seq, key: EventKey(agency: rows.string(2) ?? "", id: rows.string(6) ?? ""),
                    step: LineageStep(type: type, corrects: rows.string(3), data: data),
                    fact: ActivityFact(type: type, occurredAt: time, data: data, zone: zone)))
        }
    }
}

/// One event as a fold needs it; `fact` nil and `step` `.new` for events the projection
/// ignores (they still move the checkpoint).
private struct FoldedEvent: Sendable {
    let seq: Int64
    let key: EventKey
    let step: LineageStep
    let fact: ActivityFact?
}

/// The lineage memory of the activity projection: its `proj_member` table, and the log
/// itself for finding an event by key.
private struct ProjectionLineage: LineageMemory {
    let writer: ProjectionWriter

    func remember(_ key: EventKey, seq: Int64) {}  // the log knows every key
    func seq(of key: EventKey) throws -> Int64? { try writer.activityEvent(key) }
    func root(of seq: Int64) throws -> Int64? { try writer.memberRoot(of: seq) }
    func join(_ seq: Int64, root: Int64) throws { try writer.addMember(seq, root: root) }

    func markRetracted(_ seq: Int64) throws {
        try writer.db.cachedStatement(sql: "UPDATE proj_member SET retracted = 1 WHERE seq = ?").execute(arguments: [seq])
    }

    func latestStanding(in root: Int64) throws -> Int64? {
        try Int64.fetchOne(
            writer.db.cachedStatement(
                sql: """
                    SELECT seq FROM proj_member WHERE root = ? AND retracted = 0 ORDER BY seq DESC LIMIT 1
                    """), arguments: [root])
    }
}

/// A `RawStatement` prepared the first time it is needed, on the connection given then.
final class LazyStatement {
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
