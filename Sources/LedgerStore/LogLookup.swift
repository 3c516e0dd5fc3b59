import GRDB
import LedgerDomain

/// `EventLookup` over an open connection: it sees the rows of the current transaction,
/// which is how events of a file may refer to earlier events of the same file.
public struct LogLookup: EventLookup {
    private let byKey: RawStatement

    init(db: Database) throws {
        byKey = try RawStatement(db, sql: "SELECT type, occurred_at, corrects, data FROM events WHERE agency = ? AND id = ?")
    }

    public func content(of key: EventKey) throws -> StoredEventContent? {
        byKey.bind(key.agency, at: 1)
        byKey.bind(key.id, at: 2)
        defer { byKey.reset() }
        guard try byKey.step() else { return nil }
        return StoredEventContent(
            type: byKey.string(0) ?? "", occurredAt: byKey.string(1) ?? "", corrects: byKey.string(2),
            data: byKey.string(3) ?? "")
    }
}
