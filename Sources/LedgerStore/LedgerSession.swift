import GRDB
import LedgerDomain

/// One transaction on the ledger, as ingestion sees it: the head, the registry, the
/// lookups admission needs, the appender with the chain, the projection kept in step, and
/// the record of the file. Valid only inside `LedgerDatabase.writeSession` (or
/// `readSession`, which refuses nothing but must not be written through).
public struct LedgerSession {
    let db: Database

    public func head() throws -> LedgerDatabase.Head { try LedgerDatabase.head(db) }

    public func registry(coordinators: Set<String>, zone: LocalZone) throws -> AgencyRegistry {
        try LedgerDatabase.loadRegistry(db, coordinators: coordinators, zone: zone)
    }

    /// Stored events by `(agency, id)`, for admission.
    public func lookup() throws -> LogLookup { try LogLookup(db: db) }

    /// Appends with the hash chain, starting at the current head.
    public func appender() throws -> EventAppender { try EventAppender(db: db) }

    /// The activity projection, written in the same transaction as the events.
    public func projection(zone: LocalZone) -> ProjectionWriter { ProjectionWriter(db: db, zone: zone) }

    /// Records a file whose events are committed with this transaction.
    public func record(_ file: IngestedFile) throws { try file.insert(db) }
}

extension LedgerDatabase {
    /// Runs `body` in one IMMEDIATE transaction that commits unless it throws or asks not to.
    public func writeSession<T>(_ body: (LedgerSession) throws -> (T, commit: Bool)) throws -> T {
        try transaction { db in try body(LedgerSession(db: db)) }
    }

    /// Runs `body` on a consistent read of the ledger.
    public func readSession<T>(_ body: (LedgerSession) throws -> T) throws -> T {
        try read { db in try body(LedgerSession(db: db)) }
    }

    /// The file already committed with these bytes, if any (crash recovery).
    public func ingestedFile(sha256: String) throws -> IngestedFile? {
        try read { db in try IngestedFile.find(db, sha256: sha256) }
    }

    /// Drops the projections and folds the whole log again. - Returns: the seq folded to.
    public func rebuildProjections(zone: LocalZone, progress: ((Int64) -> Void)? = nil) throws -> Int64 {
        try transaction { db in
            let writer = ProjectionWriter(db: db, zone: zone)
            try writer.rebuild(from: db, progress: progress)
            return (try writer.checkpoint(), commit: true)
        }
    }
}
