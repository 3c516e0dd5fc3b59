import Foundation
import GRDB
import GRDBSQLite
import LedgerDomain

/// The SQLite file of a state folder: `<state>/ledger.sqlite`, WAL, `synchronous=FULL`.
///
/// Opened for writing it is a GRDB `DatabasePool`: one writer connection and readers
/// beside it, each reading a snapshot of the WAL. A report, a page or the signer's tree
/// check never holds back an append, and an append never holds back a read.
public final class LedgerDatabase: Sendable {
    /// Bytes the WAL is truncated to when it restarts (64 MiB).
    public static let walSizeLimit = 64 << 20

    /// How long a connection waits on another's lock before SQLITE_BUSY.
    static let busyTimeoutMilliseconds: Int32 = 30_000

    public let path: String
    /// A `DatabasePool` for a ledger opened to write; a `DatabaseQueue` for one opened
    /// reading only (an `immutable=1` file has no WAL for a pool to share).
    let connections: any DatabaseWriter

    /// Opens (and with `create`, creates) the ledger, bringing its schema up to date.
    public init(path: String, create: Bool = false) throws {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.notInitialised, "No ledger at \(path); run `reformledger init` first.")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(TimeInterval(Self.busyTimeoutMilliseconds) / 1000)
        configuration.prepareDatabase { db in
            // The pool's readers are read-only connections: the file's settings are the writer's.
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // A long reader (an auditor's sqlite3) stops checkpoints from reaching the end of
            // the WAL, which then grows with every file; once the reader leaves and the WAL
            // restarts, it is cut back to this size instead of keeping its peak on disk.
            try db.execute(sql: "PRAGMA journal_size_limit = \(Self.walSizeLimit)")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try LedgerSchema.migrator().migrate(pool)
            // A ledger older than its tree (or whose tree rows were deleted) gets it now,
            // once; the usual open only reads.
            if try pool.read(StoredMerkleTree.needsCatchUp) {
                try pool.write { db in _ = try StoredMerkleTree.Appender(db: db) }
            }
            connections = pool
        } catch {
            throw StoreError(.openFailed, "Cannot open the ledger at \(path).", cause: error)
        }
        self.path = path
    }

    /// Opens the ledger for reading only, changing nothing on disk: no migration, no
    /// journal-mode switch, no checkpoint (an auditor's `verify` of a backup must leave its
    /// SHA-256 as it was, and must work on a read-only medium).
    ///
    /// Without a `-wal` file beside it nothing is pending, so the file is opened
    /// `immutable=1` (SQLite then writes no `-shm` either). With one (a live ledger), it is
    /// opened `mode=ro` so that the pending pages are read.
    public init(readingOnly path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notInitialised, "No ledger at \(path); run `reformledger init` first.")
        }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        let live = FileManager.default.fileExists(atPath: path + "-wal")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? path
        let uri = "file:\(escaped)?" + (live ? "mode=ro" : "immutable=1")
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: uri, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'events'") }
        } catch {
            throw StoreError(.openFailed, "Cannot read the ledger at \(path).", cause: error)
        }
        connections = queue
        self.path = path
    }

    /// Copies the ledger to a new file at `path` through SQLite's online backup API: a
    /// consistent copy as of one instant, taken while the daemon goes on writing.
    /// - Parameter progress: called with (pages copied, pages in all) now and then.
    public func backup(to path: String, progress: ((Int, Int) -> Void)? = nil) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.openFailed, "\(path) exists already; a backup never overwrites a file.")
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try connections.backup(to: destination, pagesPerStep: 1024) { step in
                progress?(step.completedPageCount, step.totalPageCount)
            }
            try destination.close()
        } catch {
            throw StoreError(.openFailed, "Cannot write the backup \(path).", cause: error)
        }
    }

    /// SQLite's own structural check (`PRAGMA quick_check`): empty when the file's pages
    /// and indexes hold together, else what is wrong. The chain proves the rows; this
    /// proves the file around them (a flipped byte in a page header or an index).
    public func structuralProblems(limit: Int = 10) throws -> [String] {
        try connections.read { db in
            let rows = try String.fetchAll(db, sql: "PRAGMA quick_check(\(limit))")
            return rows == ["ok"] ? [] : rows
        }
    }

    /// Runs `body` in one IMMEDIATE transaction; it commits unless `body` throws or asks
    /// to roll back. One file of events is one such transaction.
    func transaction<T>(_ body: (Database) throws -> (T, commit: Bool)) throws -> T {
        try connections.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                let (value, commit) = try body(db)
                result = value
                return commit ? .commit : .rollback
            }
            return result!
        }
    }

    /// When the daemon's writer is idle, a WAL grown past `walSizeLimit` (a long reader
    /// held it, or a big file went in) is checkpointed and truncated if no reader is left
    /// on it; with readers still there it is tried again the next time, never waited for
    /// (the busy timeout is 0 for this one call, so nothing waits on an auditor's open
    /// transaction). One-shot commands leave it to SQLite, as a closing connection does.
    public func settle() {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        guard size > Self.walSizeLimit else { return }
        connections.writeWithoutTransaction { db in
            sqlite3_busy_timeout(db.sqliteConnection, 0)
            defer { sqlite3_busy_timeout(db.sqliteConnection, Self.busyTimeoutMilliseconds) }
            _ = try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// A read transaction on a snapshot of the log: beside the writer, never behind it.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try connections.read(body)
    }
}
