import LedgerDomain

/// What the portal asks of the ledger. The daemon implements it over the same store,
/// ingestor and inbox rules as the folders, so the portal holds no second copy of them.
public protocol PortalBackend: Sendable {
    /// The `status --json` object.
    func status() throws -> JSONValue
    /// Whether `code` is a registered agency (or a coordinator).
    func knowsAgency(_ code: String) throws -> Bool
    /// Takes one uploaded file through the inbox rules for `agency`, as if dropped in its
    /// folder under `fileName`: the same checks, the same copy in `processed/` or
    /// `rejected/`. Blocking work runs off the event loops.
    func upload(agency: String, fileName: String, bytes: [UInt8]) async throws -> UploadVerdict
    /// The consolidated report of `period` as its JSON at the head of the log.
    func report(_ period: ReportPeriod) async throws -> JSONValue
}

/// The answer to one upload: the entry `ingest --json` prints for the file.
public struct UploadVerdict: Sendable {
    public var accepted: Bool
    public var entry: JSONValue

    public init(accepted: Bool, entry: JSONValue) {
        self.accepted = accepted
        self.entry = entry
    }
}
