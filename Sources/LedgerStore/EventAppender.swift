import GRDB
import LedgerDomain

/// Where an event came from (CONTRACT §6.4); all nil for the daemon's own `SYSTEM` events.
public struct EventSource: Sendable, Equatable {
    public var file: String?
    public var sha256: String?
    public var line: Int?
    /// A workbook row's sheet; `line` is then the row.
    public var sheet: String?

    public init(file: String?, sha256: String?, line: Int?, sheet: String? = nil) {
        self.file = file
        self.sha256 = sha256
        self.line = line
        self.sheet = sheet
    }

    public static let system = EventSource(file: nil, sha256: nil, line: nil)
}

/// Appends events inside one open transaction, extending the hash chain and the Merkle
/// tree (`StoredMerkleTree`) as it goes.
///
/// It reads the head once and then keeps it in memory; if the transaction rolls back
/// the appender is simply dropped with it.
public struct EventAppender {
    private let insert: RawStatement
    private var tree: StoredMerkleTree.Appender
    public private(set) var headSeq: Int64
    public private(set) var headHash: [UInt8]

    init(db: Database) throws {
        insert = try RawStatement(
            db,
            sql: """
                INSERT INTO events (seq, agency, id, type, occurred_at, recorded_at, corrects, data, source_file, source_sha256, source_line, hash, source_sheet)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
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
        tree = try StoredMerkleTree.Appender(db: db)
    }

    @discardableResult
    public mutating func append(_ draft: EventDraft, source: EventSource, recordedAt: Instant) throws -> Int64 {
        try append(PendingAppend(draft: draft, source: source, recordedAt: recordedAt.rfc3339UTC))
    }

    @discardableResult
    public mutating func append(
        agency: String, id: String, type: String, occurredAt: String, corrects: String?,
        canonicalData: String, source: EventSource, recordedAt: Instant
    ) throws -> Int64 {
        try append(
            PendingAppend(
                CanonicalRecord(
                    seq: 0, agency: agency, id: id, type: type, occurredAt: occurredAt, recordedAt: recordedAt.rfc3339UTC, corrects: corrects,
                    canonicalData: canonicalData, sourceFile: source.file, sourceSHA256: source.sha256, sourceLine: source.line,
                    sourceSheet: source.sheet)))
    }

    /// Appends an event whose record was serialised ahead; only the seq and the hash are
    /// left to do here.
    @discardableResult
    public mutating func append(_ event: PendingAppend) throws -> Int64 {
        let seq = headSeq + 1
        let hash = HashChain.next(previous: headHash, record: event.record, seq: seq)
        let row = event.columns
        insert.bind(seq, at: 1)
        insert.bind(row.sourceLine, at: 11)
        try insert.execute { text in
            text.stage(row.agency, at: 2)
            text.stage(row.id, at: 3)
            text.stage(row.type, at: 4)
            text.stage(row.occurredAt, at: 5)
            text.stage(row.recordedAt, at: 6)
            text.stage(row.corrects, at: 7)
            text.stage(row.canonicalData, at: 8)
            text.stage(row.sourceFile, at: 9)
            text.stage(row.sourceSHA256, at: 10)
            text.stage(HashChain.hex(hash), at: 12)
            text.stage(row.sourceSheet, at: 13)
        }
        try tree.append(MerkleTree.leafHash(event.record, seq: seq))
        headSeq = seq
        headHash = hash
        return seq
    }
}

/// An event ready to be appended but for its seq: its columns, and its canonical record
/// cut at the seq, built wherever is convenient (ingest builds it while reading the file).
public struct PendingAppend: Sendable {
    /// The stored columns; `columns.seq` is ignored, the appender gives the seq.
    public let columns: CanonicalRecord
    public let record: CanonicalRecordParts

    public init(_ columns: CanonicalRecord) {
        self.columns = columns
        record = columns.parts
    }

    /// - Parameter recordedAt: `recorded_at` as stored (RFC 3339 UTC with milliseconds).
    public init(draft: EventDraft, source: EventSource, recordedAt: String) {
        self.init(
            CanonicalRecord(
                seq: 0, agency: draft.agency, id: draft.id, type: draft.type.rawValue,
                occurredAt: draft.occurredAt.storedText, recordedAt: recordedAt, corrects: draft.corrects,
                canonicalData: draft.canonicalData, sourceFile: source.file, sourceSHA256: source.sha256,
                sourceLine: source.line, sourceSheet: source.sheet))
    }
}
