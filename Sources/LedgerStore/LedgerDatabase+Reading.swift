import GRDB
import LedgerDomain

extension LedgerDatabase {
    public func head() throws -> LogHead {
        try read { db in try Self.head(db) }
    }

    static func head(_ db: Database) throws -> LogHead {
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1") {
            return LogHead(seq: row[0], hash: row[1])
        }
        return .empty
    }

    /// Streams events in seq order, never holding the log in memory.
    func forEachEvent(
        where condition: String = "1", arguments: StatementArguments = [],
        _ body: (StoredEvent) throws -> Void
    ) throws {
        try read { db in
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(try StoredEvent.columns(db)) FROM events WHERE \(condition) ORDER BY seq",
                arguments: arguments)
            while let row = try rows.next() { try body(StoredEvent(row: row)) }
        }
    }

    /// The events of `seqs`, in seq order, streamed (what a push sends).
    public func forEachEvent(in seqs: ClosedRange<Int64>, _ body: (StoredEvent) throws -> Void) throws {
        try forEachEvent(where: "seq BETWEEN ? AND ?", arguments: [seqs.lowerBound, seqs.upperBound], body)
    }

    public func event(seq: Int64) throws -> StoredEvent? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(try StoredEvent.columns(db)) FROM events WHERE seq = ?", arguments: [seq]).map(StoredEvent.init(row:))
        }
    }
}
