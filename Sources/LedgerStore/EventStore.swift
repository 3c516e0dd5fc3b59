import LedgerDomain

/// The event log as every layer above the store sees it: sessions that append, and read
/// models by name. Nothing here names SQL or GRDB.
///
/// Two implementations keep the same contract (`EventStoreContractTests` runs one suite
/// against both): `LedgerDatabase`, the SQLite file of a state folder, and
/// `InMemoryEventStore`, for tests of the layers above and as the executable statement
/// of what the SQL must mean.
public protocol EventStore: AnyObject, Sendable {
    /// The last seq and its hash (seq 0 and the genesis hash for an empty log).
    func head() throws -> LogHead

    /// Runs `body` in one transaction that commits unless it throws or asks not to; the
    /// activity projection (in `zone`) is kept in step with what is appended.
    func writeSession<T>(zone: LocalZone, _ body: (any LedgerWriteSession) throws -> (T, commit: Bool)) throws -> T

    /// Runs `body` on a consistent read of the log.
    func readSession<T>(_ body: (any LedgerReadSession) throws -> T) throws -> T

    /// Appends one of the daemon's own events (agency `SYSTEM`, no source file) in its
    /// own transaction. - Returns: its seq.
    @discardableResult
    func appendSystemEvent(_ draft: EventDraft, recordedAt: Instant) throws -> Int64

    /// The file already committed with these bytes, if any (crash recovery, idempotency).
    func ingestedFile(sha256: String) throws -> IngestedFile?

    func event(seq: Int64) throws -> StoredEvent?
    /// Every event of one type, in seq order (the editions issued, for instance).
    func forEachEvent(ofType type: EventType, _ body: (StoredEvent) throws -> Void) throws
    /// The audit trail: every event, or those of one agency and/or type, in seq order.
    func forEachEvent(agency: String?, type: String?, _ body: (StoredEvent) throws -> Void) throws
    /// The audit trail's pages: events that match `filter`, newest first, until `body`
    /// returns false.
    func forEachEventNewestFirst(_ filter: EventFilter, _ body: (StoredEvent) throws -> Bool) throws
    /// Every correction (an event with `corrects`), in seq order.
    func forEachCorrection(_ body: (StoredEvent) throws -> Void) throws

    /// What `status` counts.
    func statusCounts(coordinators: Set<String>, zone: LocalZone) throws -> StatusCounts
    /// The last seq recorded at or before `instant` (0 when none): the log as it stood then.
    func seq(recordedAtOrBefore instant: Instant) throws -> Int64
    /// `recorded_at` of one event.
    func recordedAt(seq: Int64) throws -> String?
    /// The smallest `occurred_at` texts of the clerks' events (not the daemon's), a few,
    /// in text order.
    func earliestOccurredAt(count: Int) throws -> [String]
    /// Whether a clerk's event after `seq` is dated in a range (`isInRange` of its
    /// `occurred_at`), or corrects or retracts an event dated in it.
    func hasEvent(after seq: Int64, datedIn isInRange: (String) -> Bool) throws -> Bool

    /// Runs `body` on the activity projection as of `throughSeq` (nil: the head), with
    /// the registry of that moment. Throws `UnknownSeq` past the head.
    func withProjection<T>(
        throughSeq: Int64?, zone: LocalZone, coordinators: Set<String>,
        progress: ((Int64) -> Void)?, _ body: (ProjectionSnapshot) throws -> T
    ) throws -> T

    /// Runs `body` on the Merkle tree of the log (RFC 9162) as one consistent read sees it.
    func readTree<T>(_ body: (any MerkleTreeReader) throws -> T) throws -> T

    /// Drops the projections and folds the whole log again. - Returns: the seq folded to.
    func rebuildProjections(zone: LocalZone, progress: ((Int64) -> Void)?) throws -> Int64

    /// What the store does when its writer has nothing waiting (the daemon's inbox is
    /// empty): SQLite truncates a WAL that a long reader let grow. Never waits for anyone.
    func settle()
}

extension EventStore {
    public func settle() {}

    public func earliestOccurredAt() throws -> [String] { try earliestOccurredAt(count: 8) }

    public func withProjection<T>(
        throughSeq: Int64?, zone: LocalZone, coordinators: Set<String>,
        _ body: (ProjectionSnapshot) throws -> T
    ) throws -> T {
        try withProjection(throughSeq: throughSeq, zone: zone, coordinators: coordinators, progress: nil, body)
    }
}

/// What a reading transaction offers.
public protocol LedgerReadSession {
    func head() throws -> LogHead
    /// The registry folded from the log as this transaction sees it.
    func registry(coordinators: Set<String>, zone: LocalZone) throws -> AgencyRegistry
}

/// What a writing transaction offers: the lookups admission needs, the append with the
/// chain and the projection, and the record of the file.
public protocol LedgerWriteSession: LedgerReadSession {
    /// Stored events by `(agency, id)`, including those appended in this transaction.
    func lookup() throws -> any EventLookup
    /// Appends with the next seq and hash, and folds the event into the projection.
    /// - Parameters:
    ///   - step: how it relates to earlier events (`LineageStep(type:corrects:data:)`).
    ///   - fact: what the projection keeps of an activity event; nil for other types.
    /// - Returns: its seq.
    func append(_ event: PendingAppend, step: LineageStep, fact: ActivityFact?) throws -> Int64
    /// Records a file whose events are committed with this transaction; the first record
    /// of a given content wins.
    func record(_ file: IngestedFile) throws
}

/// The last seq and its hash.
public struct LogHead: Sendable, Equatable {
    public var seq: Int64
    public var hash: String

    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    public static let empty = LogHead(seq: 0, hash: HashChain.hex(HashChain.genesis))
}

/// What `status` counts.
public struct StatusCounts: Sendable {
    public var head: LogHead
    public var eventsByType: [(type: String, count: Int)]
    public var filesIngested: Int
    public var registry: AgencyRegistry
    /// `data` of the newest `report.generated`.
    public var lastReport: JSONObject?
}

/// The requested seq is past the head of the log.
public struct UnknownSeq: Error, CustomStringConvertible {
    public var requested: Int64, head: Int64
    public var description: String { "--through-seq \(requested) is beyond the head of the log (seq \(head))" }
}
