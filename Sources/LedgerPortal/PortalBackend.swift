import LedgerDomain

/// What the portal asks of the ledger. The daemon implements it over the same store,
/// ingestor and inbox rules as the folders, so the portal holds no second copy of them.
public protocol PortalBackend: Sendable {
    /// The `status --json` object.
    func status() throws -> JSONValue
    /// Whether `code` is a registered agency (or a coordinator).
    func knowsAgency(_ code: String) throws -> Bool
    /// Where upload bodies are written as they arrive (on the file system of the inbox,
    /// so that taking one is a rename); created when missing.
    func uploadStagingFolder() throws -> String
    /// Takes one uploaded file, staged at `staged`, through the inbox rules for `agency`,
    /// as if dropped in its folder under `fileName`: the same checks, the same copy in
    /// `processed/` or `rejected/`. Blocking work runs off the event loops.
    func upload(agency: String, fileName: String, staged: String) async throws -> UploadVerdict
    /// The consolidated report of `period` as its JSON at the head of the log.
    func report(_ period: ReportPeriod) async throws -> JSONValue

    // MARK: The pages

    /// The registered agencies (coordinators too), by code.
    func agencies() throws -> [AgencyName]
    /// The period a page shows when none is asked for: the quarter of today.
    func currentPeriod() -> ReportPeriod
    /// SNV's view of `period`; each figure of its report links to `trace(figure code)`.
    func dashboard(_ period: ReportPeriod, trace: @escaping @Sendable (String) -> String) async throws -> DashboardView
    /// One agency's page for `period`; nil for an unknown agency.
    func agencyView(_ code: String, period: ReportPeriod) async throws -> AgencyView?
    /// The agency's XLSX template (its tasks in the lists).
    func template(agency: String) async throws -> [UInt8]
    /// The adopted plans, by year then code (their tasks and targets counted, not listed).
    func plans() async throws -> [PlanView]
    /// One adopted plan with its tasks and targets; nil when no such plan is adopted.
    func plan(_ code: String) async throws -> PlanView?
    /// SNV's plan workbook for `year` (the year after the latest plan when nil).
    func planTemplate(year: Int?) async throws -> [UInt8]
    /// The library of models and initiatives: the shared ones with who applies them, the
    /// proposals waiting.
    func initiativeLibrary() async throws -> InitiativeLibrary
    /// Sends an `initiative.applied` for `agency` (since `since`, `YYYY-MM-DD`, or today)
    /// through the inbox rules, as an uploaded one-line file: the same checks and records.
    func applyInitiative(agency: String, initiative: String, since: String?, result: String?) async throws -> UploadVerdict
    /// Sends one event of `type` with `data` as `agency`'s, through the inbox rules as an
    /// uploaded one-line file (`<fileStem>-<date>-<token>.ndjson`): the same checks and records.
    func submit(_ type: EventType, data: JSONObject, as agency: String, fileStem: String) async throws -> UploadVerdict
    /// What an agency's entry forms offer in their lists.
    func entryChoices(agency: String) async throws -> EntryChoices
    /// One event entered in the browser: `fields` by field code (`id` may be empty),
    /// written as a one-row CSV file and taken through the inbox rules as an upload.
    func enter(agency: String, type: EventType, fields: [String: String]) async throws -> UploadVerdict
    /// A page of the audit trail, newest first.
    func events(_ query: EventQuery) async throws -> EventPage
    /// One event with its corrections and retractions; nil when there is no such seq.
    func event(seq: Int64) async throws -> JSONValue?
    /// The events behind one figure of `period`'s report; nil for an unknown figure.
    func trace(figure: String, period: ReportPeriod) async throws -> FigureEvents?
    /// Runs the chain and report-file checks of `verify` now: its `--json` object.
    func verify() async throws -> JSONValue
    /// An issued report file, by its path as `report.generated` lists it; nil for any
    /// other path, so no path from a request reaches the file system unchecked.
    func reportFile(_ path: String) throws -> [UInt8]?
    /// Sets the ledger's gauges (head seq, backlog, last report) before a scrape.
    func refreshGauges() async
}

/// The answer to one upload: the entry `ingest --json` prints for the file.
public struct UploadVerdict: Sendable {
    public var accepted: Bool
    public var entry: JSONValue

    /// Each error of a refused file as (the field it names, its message in the configured language).
    public var errors: [(field: String?, message: String)] {
        (entry.objectValue?["errors"]?.arrayValue ?? []).compactMap { error in
            guard let object = error.objectValue, let message = object["message"]?.stringValue else { return nil }
            return (object["field"]?.stringValue, message)
        }
    }

    public init(accepted: Bool, entry: JSONValue) {
        self.accepted = accepted
        self.entry = entry
    }
}
