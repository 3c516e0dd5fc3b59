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

    /// A rejection of the whole file for one problem (or, to be filled in, none yet).
    public static func rejection(path: String, fileName: String? = nil, sha256: String?, problem: Problem?) -> FileOutcome {
        FileOutcome(
            path: path, fileName: fileName ?? String(path.split(separator: "/").last ?? Substring(path)), sha256: sha256,
            status: .rejected, appended: 0, duplicates: 0, problems: problem.map { [$0] } ?? [],
            unlistedProblems: 0, firstSeq: nil, lastSeq: nil)
    }
}
