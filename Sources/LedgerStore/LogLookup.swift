import GRDB
import LedgerDomain

/// `EventLookup` over an open connection: it sees the rows of the current transaction,
/// which is how events of a file may refer to earlier events of the same file.
public struct LogLookup: EventLookup {
    private let db: Database

    public init(db: Database) {
        self.db = db
    }

    public func content(of key: EventKey) throws -> StoredEventContent? {
        let statement = try db.cachedStatement(sql: "SELECT type, occurred_at, corrects, data FROM events WHERE agency = ? AND id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [key.agency, key.id]) else { return nil }
        return StoredEventContent(type: row[0], occurredAt: row[1], corrects: row[2], data: row[3])
    }
}
