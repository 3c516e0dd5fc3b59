import LedgerDomain

/// What happened to one event file.
public struct FileOutcome: Sendable {
    public enum Status: String, Sendable { case accepted, rejected }

    public var path: String
    public var fileName: String
    /// SHA-256 of the bytes; nil when the file was never opened (`not_regular_file`).
    public var sha256: String?
    public var status: Status
    public var appended: Int
    public var duplicates: Int
    /// Every problem found, up to `FileIngestor.problemLimit`.
    public var problems: [Problem]
    /// Problems found beyond the limit, counted but not listed.
    public var unlistedProblems: Int
    public var firstSeq: Int64?
    public var lastSeq: Int64?
}
