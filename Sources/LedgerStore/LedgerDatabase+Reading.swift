import GRDB
import LedgerDomain

extension LedgerDatabase {
    /// The last seq and its hash; seq 0 and the genesis hash for an empty log.
    public struct Head: Sendable, Equatable {
        public var seq: Int64
        public var hash: String
    }

    public func head() throws -> Head {
        try read { db in try Self.head(db) }
    }

    static func head(_ db: Database) throws -> Head {
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1") {
            return Head(seq: row[0], hash: row[1])
        }
        return Head(seq: 0, hash: HashChain.hex(HashChain.genesis))
    }

    /// Streams events in seq order, never holding the log in memory.
    func forEachEvent(where condition: String = "1", arguments: StatementArguments = [],
                             _ body: (StoredEvent) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(StoredEvent.columns) FROM events WHERE \(condition) ORDER BY seq",
                                           arguments: arguments)
            while let row = try rows.next() { try body(StoredEvent(row: row)) }
        }
    }

    public func event(seq: Int64) throws -> StoredEvent? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(StoredEvent.columns) FROM events WHERE seq = ?", arguments: [seq]).map(StoredEvent.init(row:))
        }
    }
}
