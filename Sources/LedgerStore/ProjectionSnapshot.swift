import Foundation
import GRDB
import LedgerDomain

/// The activity projection as of one seq, with the registry of that moment: what a report
/// reads. Obtained from `EventStore.withProjection(throughSeq:…)`; valid only inside it.
public struct ProjectionSnapshot {
    enum Facts {
        /// The `proj_effective` table of an open transaction.
        case table(Database)
        /// An in-memory store's facts, in the order of their lineage roots.
        case values([EffectiveFact.Value])
    }

    let facts: Facts
    public let registry: AgencyRegistry
    public let throughSeq: Int64
    public let headHash: String
    /// When the log recorded an event (`recorded_at`, RFC 3339 UTC): a report asks it of
    /// the few events whose arrival counts (`report.submitted`, contest feedback).
    let recordedAt: (Int64) throws -> String?

    /// `recorded_at` of the event `seq` of the log, nil when there is none.
    public func recordedAt(seq: Int64) throws -> String? { try recordedAt(seq) }

    /// Every effective fact (corrections applied, retractions removed). From SQLite in one
    /// sequential pass through the C API: a report over a million events reads them all,
    /// and sorting or grouping them in SQL was what made reports slow.
    public func forEachEffectiveFact(_ body: (EffectiveFact) throws -> Void) throws {
        switch facts {
        case .table(let db):
            let rows = try RawStatement(db, sql: "SELECT day, agency, type, measure, task, a, b, note, instant, seq, root FROM proj_effective NOT INDEXED")
            defer { rows.reset() }
            let fact = EffectiveFact(storage: .row(rows))
            while try rows.step() { try body(fact) }
        case .values(let values):
            for value in values { try body(EffectiveFact(storage: .value(value))) }
        }
    }
}

/// The current fact of `ProjectionSnapshot.forEachEffectiveFact`; from SQLite it is read
/// lazily column by column (a report skips most rows after reading their day).
public struct EffectiveFact {
    /// A fact held as a value (the in-memory store).
    public struct Value: Sendable, Equatable {
        public var day: String
        public var agency: String
        public var type: EventType
        public var task: String?
        public var measure: ActivityMeasure
        public var instant: Int64
        public var seq: Int64
        /// The seq of the lineage's first event (the fact as first sent, before corrections).
        public var root: Int64

        public init(
            day: String, agency: String, type: EventType, task: String?, measure: ActivityMeasure, instant: Int64, seq: Int64, root: Int64? = nil
        ) {
            self.day = day
            self.agency = agency
            self.type = type
            self.task = task
            self.measure = measure
            self.instant = instant
            self.seq = seq
            self.root = root ?? seq
        }

        public init(_ fact: ActivityFact, agency: String, seq: Int64) {
            self.init(
                day: fact.dayText, agency: agency, type: fact.type, task: fact.task, measure: fact.measure,
                instant: fact.instant, seq: seq)
        }
    }

    @usableFromInline enum Storage {
        case row(RawStatement)
        case value(Value)
    }

    @usableFromInline let storage: Storage

    /// The local day of the fact (`YYYY-MM-DD`).
    @inlinable public var day: String? {
        switch storage {
        case .row(let rows): rows.string(0)
        case .value(let value): value.day
        }
    }
    @inlinable public var agency: String? {
        switch storage {
        case .row(let rows): rows.string(1)
        case .value(let value): value.agency
        }
    }
    @inlinable public var type: EventType? {
        switch storage {
        case .row(let rows): rows.string(2).flatMap(EventType.init(rawValue:))
        case .value(let value): value.type
        }
    }
    @inlinable public var isReportSubmitted: Bool {
        switch storage {
        case .row(let rows): rows.string(2) == EventType.reportSubmitted.rawValue
        case .value(let value): value.type == .reportSubmitted
        }
    }
    @inlinable public var isSurvey: Bool {
        switch storage {
        case .row(let rows): rows.string(2) == EventType.surveySubmitted.rawValue
        case .value(let value): value.type == .surveySubmitted
        }
    }
    /// What the fact is grouped or summed by, typed by its event type; from SQLite read
    /// from the columns the type uses only.
    @inlinable public var measure: ActivityMeasure {
        guard let type else { return .unrecorded }
        return measure(of: type)
    }

    /// `measure` for a caller that has read `type` already (a report reads it first, and
    /// reading the column again per row is a string and a parse for nothing).
    @inlinable public func measure(of type: EventType) -> ActivityMeasure {
        switch storage {
        case .value(let value):
            return value.measure
        case .row(let rows):
            let label = rows.string(3)
            switch type {
            case .surveySubmitted where label == SurveyKind.contestFeedback.rawValue:
                return ActivityMeasure(type: type, label: label, first: nil, second: nil, note: rows.string(7))
            case .surveySubmitted, .indicatorReported:
                return ActivityMeasure(
                    type: type, label: label, first: rows.isNull(5) ? nil : Int(rows.int64(5)),
                    second: rows.isNull(6) ? nil : Int(rows.int64(6)), note: nil)
            default:
                return ActivityMeasure(type: type, label: label, first: nil, second: nil, note: nil)
            }
        }
    }

    @inlinable public var task: String? {
        switch storage {
        case .row(let rows): rows.string(4)
        case .value(let value): value.task
        }
    }
    @inlinable public var hasTask: Bool {
        switch storage {
        case .row(let rows): !rows.isNull(4)
        case .value(let value): value.task != nil
        }
    }
    @inlinable public var instant: Int64 {
        switch storage {
        case .row(let rows): rows.int64(8)
        case .value(let value): value.instant
        }
    }
    @inlinable public var seq: Int64 {
        switch storage {
        case .row(let rows): rows.int64(9)
        case .value(let value): value.seq
        }
    }
    /// The seq of the lineage's first event: when the fact first reached the log.
    @inlinable public var root: Int64 {
        switch storage {
        case .row(let rows): rows.int64(10)
        case .value(let value): value.root
        }
    }
}

/// What a read at the head found.
private enum HeadRead<T> {
    case read(T)
    /// The head has moved past the seq asked for: an earlier seq, folded apart.
    case notAtHead
    /// The live projection lags the head.
    case behind
}

extension LedgerDatabase {
    /// Runs `body` on the projection as of `throughSeq` (nil: the head). At the head the
    /// live projection is read in a read transaction (a snapshot of the log at one seq,
    /// beside the writer); when it lags the head it is first caught up in a short write.
    /// At an earlier seq the log is folded into a throwaway projection, so any edition can
    /// be reproduced.
    public func withProjection<T>(
        throughSeq requested: Int64?, zone: LocalZone, coordinators: Set<String>,
        progress: ((Int64) -> Void)?, _ body: (ProjectionSnapshot) throws -> T
    ) throws -> T {
        // Appends keep the projection current in their own transactions; only events
        // appended without it (the daemon's own) or a change of zone leave it behind. A
        // writer may slip one in between a catch-up and the read: three tries, then the
        // catch-up and the read in one write transaction, as before there were readers.
        for _ in 0..<3 {
            let outcome: HeadRead<T> = try read { db in
                let head = try Self.head(db)
                guard requested == nil || requested == head.seq else { return .notAtHead }
                guard try ProjectionWriter(db: db, zone: zone).checkpoint() == head.seq || head.seq == 0 else { return .behind }
                return .read(try body(try Self.snapshot(db, head: head, zone: zone, coordinators: coordinators)))
            }
            switch outcome {
            case .read(let value): return value
            case .notAtHead: return try withProjection(asOf: requested ?? 0, zone: zone, coordinators: coordinators, progress: progress, body)
            case .behind:
                try transaction { db in
                    try ProjectionWriter(db: db, zone: zone).catchUp(progress: progress)
                    return ((), commit: true)
                }
            }
        }
        let atHead: T? = try transaction { db in
            let head = try Self.head(db)
            guard requested == nil || requested == head.seq else { return (nil, commit: false) }
            try ProjectionWriter(db: db, zone: zone).catchUp(progress: progress)
            return (try body(try Self.snapshot(db, head: head, zone: zone, coordinators: coordinators)), commit: true)
        }
        if let atHead { return atHead }
        return try withProjection(asOf: requested ?? 0, zone: zone, coordinators: coordinators, progress: progress, body)
    }

    /// The log as of `seq` folded into a throwaway projection (any edition reproduced).
    private func withProjection<T>(
        asOf seq: Int64, zone: LocalZone, coordinators: Set<String>, progress: ((Int64) -> Void)?, _ body: (ProjectionSnapshot) throws -> T
    ) throws -> T {
        return try read { source in
            let head = try Self.head(source)
            guard seq >= 0, seq <= head.seq else { throw UnknownSeq(requested: seq, head: head.seq) }
            let hash =
                seq == 0
                ? HashChain.hex(HashChain.genesis)
                : try String.fetchOne(source, sql: "SELECT hash FROM events WHERE seq = ?", arguments: [seq]) ?? ""
            let registry = try Self.loadRegistry(source, coordinators: coordinators, zone: zone, throughSeq: seq)
            let scratch = (NSTemporaryDirectory() as NSString).appendingPathComponent("reformledger-asof-\(UUID().uuidString).sqlite")
            defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: scratch + suffix) } }
            // A throwaway file: no durability needed, and it keeps memory flat on a big log.
            var scratchConfiguration = Configuration()
            scratchConfiguration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA journal_mode = OFF") }
            let temporary = try DatabaseQueue(path: scratch, configuration: scratchConfiguration)
            return try temporary.write { db in
                try LedgerSchema.createProjectionTables(db)
                try LedgerSchema.createTallyTables(db)
                try ProjectionWriter(db: db, zone: zone).rebuild(from: source, throughSeq: seq, progress: progress)
                return try body(
                    ProjectionSnapshot(
                        facts: .table(db), registry: registry, throughSeq: seq, headHash: hash,
                        recordedAt: { $0 <= seq ? try Self.recordedAt(source, seq: $0) : nil }))
            }
        }
    }

    /// The live projection and registry at `head`, read through `db`.
    private static func snapshot(_ db: Database, head: LogHead, zone: LocalZone, coordinators: Set<String>) throws -> ProjectionSnapshot {
        let registry = try loadRegistry(db, coordinators: coordinators, zone: zone)
        return ProjectionSnapshot(
            facts: .table(db), registry: registry, throughSeq: head.seq, headHash: head.hash, recordedAt: { try Self.recordedAt(db, seq: $0) })
    }

    static func recordedAt(_ db: Database, seq: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT recorded_at FROM events WHERE seq = ?", arguments: [seq])
    }
}
