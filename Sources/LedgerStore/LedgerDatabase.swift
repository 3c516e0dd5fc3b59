import Foundation
import GRDB
import LedgerDomain

/// The SQLite file of a state folder: `<state>/ledger.sqlite`, WAL, `synchronous=FULL`.
public final class LedgerDatabase: Sendable {
    public static let fileName = "ledger.sqlite"

    public let path: String
    let queue: DatabaseQueue

    /// Opens (and with `create`, creates) the ledger, bringing its schema up to date.
    public init(path: String, create: Bool = false) throws {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.notInitialised, "No ledger at \(path); run `reformledger init` first.")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try LedgerSchema.migrator().migrate(queue)
        } catch {
            throw StoreError(.openFailed, "Cannot open the ledger at \(path).", cause: error)
        }
        self.path = path
    }

    public convenience init(stateDirectory: String, create: Bool = false) throws {
        try self.init(path: (stateDirectory as NSString).appendingPathComponent(Self.fileName), create: create)
    }

    /// Runs `body` in one IMMEDIATE transaction; it commits unless `body` throws or asks
    /// to roll back. One file of events is one such transaction.
    public func transaction<T>(_ body: (Database) throws -> (T, commit: Bool)) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                let (value, commit) = try body(db)
                result = value
                return commit ? .commit : .rollback
            }
            return result!
        }
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }
}
