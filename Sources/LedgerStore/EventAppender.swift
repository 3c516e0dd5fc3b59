import GRDB
import LedgerDomain

/// Where an event came from (SPEC §6.4); all nil for the daemon's own `SYSTEM` events.
public struct EventSource: Sendable, Equatable {
    public var file: String?
    public var sha256: String?
    public var line: Int?

    public init(file: String?, sha256: String?, line: Int?) {
        self.file = file
        self.sha256 = sha256
        self.line = line
    }

    public static let system = EventSource(file: nil, sha256: nil, line: nil)
}

/// Appends events inside one open transaction, extending the hash chain as it goes.
///
/// It reads the head once and then keeps it in memory; if the transaction rolls back
/// the appender is simply dropped with it.
public struct EventAppender {
    private let db: Database
    public private(set) var headSeq: Int64
    public private(set) var headHash: [UInt8]

    public init(db: Database) throws {
        self.db = db
        if let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1") {
            headSeq = row[0]
            let hex: String = row[1]
            guard let bytes = HashChain.bytes(hex: hex), bytes.count == 32 else {
                throw StoreError(.corruptRow, "The hash of the last event (seq \(headSeq)) is not 64 hex digits.")
            }
            headHash = bytes
        } else {
            headSeq = 0
            headHash = HashChain.genesis
        }
    }

    @discardableResult
    public mutating func append(_ draft: EventDraft, source: EventSource, recordedAt: Instant) throws -> Int64 {
        try append(agency: draft.agency, id: draft.id, type: draft.type.rawValue, occurredAt: draft.occurredAt.storedText,
                   corrects: draft.corrects, canonicalData: draft.canonicalData, source: source, recordedAt: recordedAt)
    }

    @discardableResult
    public mutating func append(agency: String, id: String, type: String, occurredAt: String, corrects: String?,
                                canonicalData: String, source: EventSource, recordedAt: Instant) throws -> Int64 {
        let seq = headSeq + 1
        let recorded = recordedAt.rfc3339UTC
        let record = CanonicalRecord(seq: seq, agency: agency, id: id, type: type, occurredAt: occurredAt, recordedAt: recorded,
                                     corrects: corrects, canonicalData: canonicalData, sourceFile: source.file,
                                     sourceSHA256: source.sha256, sourceLine: source.line)
        let hash = HashChain.next(previous: headHash, record: record.bytes())
        let statement = try db.cachedStatement(sql: """
            INSERT INTO events (seq, agency, id, type, occurred_at, recorded_at, corrects, data, source_file, source_sha256, source_line, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [seq, agency, id, type, occurredAt, recorded, corrects, canonicalData,
                                          source.file, source.sha256, source.line, HashChain.hex(hash)])
        headSeq = seq
        headHash = hash
        return seq
    }
}
