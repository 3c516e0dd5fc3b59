import GRDB
import LedgerDomain

/// One row of the `events` table, exactly as stored.
public struct StoredEvent: Sendable, Equatable {
    public var seq: Int64
    public var agency: String
    public var id: String
    public var type: String
    public var occurredAt: String
    public var recordedAt: String
    public var corrects: String?
    public var data: String
    public var sourceFile: String?
    public var sourceSHA256: String?
    public var sourceLine: Int?
    public var hash: String
    /// A workbook row's sheet (a column added after the first ledgers: null before).
    public var sourceSheet: String?

    /// The columns read, in this order; `source_sheet` is read as null from a ledger made
    /// before it that is opened read-only (a backup), so nothing needs migrating to be verified.
    static func columns(_ db: Database) throws -> String {
        let sheet = try db.columns(in: "events").contains { $0.name == "source_sheet" } ? "source_sheet" : "NULL"
        return "seq, agency, id, type, occurred_at, recorded_at, corrects, data, source_file, source_sha256, source_line, hash, \(sheet)"
    }

    public init(
        seq: Int64, agency: String, id: String, type: String, occurredAt: String, recordedAt: String, corrects: String?,
        data: String, sourceFile: String?, sourceSHA256: String?, sourceLine: Int?, hash: String, sourceSheet: String? = nil
    ) {
        self.sourceSheet = sourceSheet
        self.seq = seq
        self.agency = agency
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.corrects = corrects
        self.data = data
        self.sourceFile = sourceFile
        self.sourceSHA256 = sourceSHA256
        self.sourceLine = sourceLine
        self.hash = hash
    }

    init(row: Row) {
        seq = row[0]
        agency = row[1]
        id = row[2]
        type = row[3]
        occurredAt = row[4]
        recordedAt = row[5]
        corrects = row[6]
        data = row[7]
        sourceFile = row[8]
        sourceSHA256 = row[9]
        sourceLine = row[10]
        hash = row[11]
        sourceSheet = row[12]
    }

    /// The row a `RawStatement` selecting `columns` stands on.
    init(current row: RawStatement) {
        seq = row.int64(0)
        agency = row.string(1) ?? ""
        id = row.string(2) ?? ""
        type = row.string(3) ?? ""
        occurredAt = row.string(4) ?? ""
        recordedAt = row.string(5) ?? ""
        corrects = row.string(6)
        data = row.string(7) ?? ""
        sourceFile = row.string(8)
        sourceSHA256 = row.string(9)
        sourceLine = row.isNull(10) ? nil : Int(row.int64(10))
        hash = row.string(11) ?? ""
        sourceSheet = row.string(12)
    }

    public var key: EventKey { EventKey(agency: agency, id: id) }

    /// The chained record, with `data` re-canonicalised from what the row holds, so that
    /// a row edited behind the triggers' back is detected even if its JSON still parses.
    public func canonicalRecord() -> CanonicalRecord {
        let canonicalData = (try? JSONParser().parse(Array(data.utf8))).map(CanonicalJSON.string) ?? data
        return CanonicalRecord(
            seq: seq, agency: agency, id: id, type: type, occurredAt: occurredAt, recordedAt: recordedAt,
            corrects: corrects, canonicalData: canonicalData, sourceFile: sourceFile,
            sourceSHA256: sourceSHA256, sourceLine: sourceLine, sourceSheet: sourceSheet)
    }
}
