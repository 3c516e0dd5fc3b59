import GRDB
import LedgerDomain

/// A file whose events were committed, remembered by the SHA-256 of its bytes.
public struct IngestedFile: Sendable, Equatable {
    public var sha256: String
    public var name: String
    public var agency: String?
    public var appended: Int
    public var duplicates: Int
    public var firstSeq: Int64?
    public var lastSeq: Int64?
    public var recordedAt: String

    public init(
        sha256: String, name: String, agency: String?, appended: Int, duplicates: Int,
        firstSeq: Int64?, lastSeq: Int64?, recordedAt: String
    ) {
        self.sha256 = sha256
        self.name = name
        self.agency = agency
        self.appended = appended
        self.duplicates = duplicates
        self.firstSeq = firstSeq
        self.lastSeq = lastSeq
        self.recordedAt = recordedAt
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO ingested_files (sha256, name, agency, appended, duplicates, first_seq, last_seq, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [sha256, name, agency, appended, duplicates, firstSeq, lastSeq, recordedAt])
    }

    static func find(_ db: Database, sha256: String) throws -> IngestedFile? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT sha256, name, agency, appended, duplicates, first_seq, last_seq, recorded_at FROM ingested_files WHERE sha256 = ?
                    """, arguments: [sha256])
        else { return nil }
        return IngestedFile(
            sha256: row[0], name: row[1], agency: row[2], appended: row[3], duplicates: row[4],
            firstSeq: row[5], lastSeq: row[6], recordedAt: row[7])
    }
}
