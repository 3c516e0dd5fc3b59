import GRDB
import LedgerDomain

/// One transaction on the SQLite ledger: the head, the registry, the lookups admission
/// needs, the appender with the chain, the projection kept in step, and the record of the
/// file. Valid only inside `LedgerDatabase.writeSession` or `readSession`.
final class SQLiteSession: LedgerWriteSession {
    let db: Database
    private let zone: LocalZone
    private var appender: EventAppender?
    /// The projection, caught up with the log on the first append of the session.
    private var projection: ProjectionWriter?

    init(db: Database, zone: LocalZone) {
        self.db = db
        self.zone = zone
    }

    func head() throws -> LogHead { try LedgerDatabase.head(db) }

    func registry(coordinators: Set<String>, zone: LocalZone) throws -> AgencyRegistry {
        try LedgerDatabase.loadRegistry(db, coordinators: coordinators, zone: zone)
    }

    func lookup() throws -> any EventLookup { try LogLookup(db: db) }

    func append(_ event: PendingAppend, step: LineageStep, fact: ActivityFact?) throws -> Int64 {
        if appender == nil {
            let writer = ProjectionWriter(db: db, zone: zone)
            try writer.catchUp()
            projection = writer
            appender = try EventAppender(db: db)
        }
        let seq = try appender!.append(event)
        try projection!.apply(seq: seq, key: EventKey(agency: event.columns.agency, id: event.columns.id), step: step, fact: fact)
        return seq
    }

    func record(_ file: IngestedFile) throws { try file.insert(db) }

    /// Before the commit: the projection is now current up to the last append.
    func finish() throws {
        if let projection, let appender { try projection.setCheckpoint(appender.headSeq) }
    }
}

extension LedgerDatabase {
    public func writeSession<T>(zone: LocalZone, _ body: (any LedgerWriteSession) throws -> (T, commit: Bool)) throws -> T {
        try transaction { db in
            let session = SQLiteSession(db: db, zone: zone)
            let (value, commit) = try body(session)
            if commit { try session.finish() }
            return (value, commit)
        }
    }

    public func readSession<T>(_ body: (any LedgerReadSession) throws -> T) throws -> T {
        // A read session never appends, so the projection zone plays no part.
        try read { db in try body(SQLiteSession(db: db, zone: .hoChiMinh)) }
    }

    public func ingestedFile(sha256: String) throws -> IngestedFile? {
        try read { db in try IngestedFile.find(db, sha256: sha256) }
    }

    public func readTree<T>(_ body: (any MerkleTreeReader) throws -> T) throws -> T {
        try read { db in try body(StoredMerkleTree.Reader(db: db)) }
    }

    /// The projections and the Merkle tree's table, both derived from the events.
    public func rebuildProjections(zone: LocalZone, progress: ((Int64) -> Void)?) throws -> Int64 {
        try transaction { db in
            try StoredMerkleTree.reset(db)
            _ = try StoredMerkleTree.Appender(db: db)
            let writer = ProjectionWriter(db: db, zone: zone)
            try writer.rebuild(from: db, progress: progress)
            return (try writer.checkpoint(), commit: true)
        }
    }
}

extension LedgerDatabase: EventStore {}
