import Foundation
import GRDB
import LedgerDomain

/// The activity projection as of one seq, with the registry of that moment: what a report
/// reads. Obtained from `LedgerDatabase.withProjection(throughSeq:…)`; valid only inside it.
public struct ProjectionSnapshot {
    let db: Database
    public let registry: AgencyRegistry
    public let throughSeq: Int64
    public let headHash: String

    /// Every effective fact (corrections applied, retractions removed), in one sequential
    /// pass through the C API: a report over a million events reads them all, and sorting
    /// or grouping them in SQL was what made reports slow.
    public func forEachEffectiveFact(_ body: (EffectiveFact) throws -> Void) throws {
        let rows = try RawStatement(db, sql: "SELECT day, agency, type, measure, task, a, b, note, instant, seq FROM proj_effective NOT INDEXED")
        defer { rows.reset() }
        let fact = EffectiveFact(rows: rows)
        while try rows.step() { try body(fact) }
    }
}

/// The current row of `ProjectionSnapshot.forEachEffectiveFact`, read lazily column by
/// column (a report skips most rows after reading their day).
public struct EffectiveFact {
    @usableFromInline let rows: RawStatement

    /// The local day of the fact (`YYYY-MM-DD`).
    @inlinable public var day: String? { rows.string(0) }
    @inlinable public var agency: String? { rows.string(1) }
    @inlinable public var type: EventType? { rows.string(2).flatMap(EventType.init(rawValue:)) }
    @inlinable public var isReportSubmitted: Bool { rows.string(2) == EventType.reportSubmitted.rawValue }
    /// What the fact is grouped or summed by, typed by its event type; read from the
    /// columns the type uses only.
    @inlinable public var measure: ActivityMeasure {
        guard let type else { return .unrecorded }
        let label = rows.string(3)
        switch type {
        case .surveySubmitted where label == SurveyKind.contestFeedback.rawValue:
            return ActivityMeasure(type: type, label: label, first: nil, second: nil, note: rows.string(7))
        case .surveySubmitted, .indicatorReported:
            return ActivityMeasure(type: type, label: label, first: rows.isNull(5) ? nil : Int(rows.int64(5)),
                                   second: rows.isNull(6) ? nil : Int(rows.int64(6)), note: nil)
        default:
            return ActivityMeasure(type: type, label: label, first: nil, second: nil, note: nil)
        }
    }
    @inlinable public var task: String? { rows.string(4) }
    @inlinable public var hasTask: Bool { !rows.isNull(4) }
    @inlinable public var instant: Int64 { rows.int64(8) }
    @inlinable public var seq: Int64 { rows.int64(9) }
}

extension LedgerDatabase {
    /// The requested seq is past the head of the log.
    public struct UnknownSeq: Error, CustomStringConvertible {
        public var requested: Int64, head: Int64
        public var description: String { "--through-seq \(requested) is beyond the head of the log (seq \(head))" }
    }

    /// Runs `body` on the projection as of `throughSeq` (nil: the head). At the head the
    /// live projection is brought up to date and read in one transaction; at an earlier
    /// seq the log is folded into a throwaway projection, so any edition can be reproduced.
    public func withProjection<T>(throughSeq requested: Int64?, zone: LocalZone, coordinators: Set<String>,
                                  progress: ((Int64) -> Void)? = nil, _ body: (ProjectionSnapshot) throws -> T) throws -> T {
        let atHead: T? = try transaction { db in
            let head = try Self.head(db)
            guard requested == nil || requested == head.seq else { return (nil, commit: false) }
            try ProjectionWriter(db: db, zone: zone).catchUp()
            let registry = try Self.loadRegistry(db, coordinators: coordinators, zone: zone)
            return (try body(ProjectionSnapshot(db: db, registry: registry, throughSeq: head.seq, headHash: head.hash)), commit: true)
        }
        if let atHead { return atHead }
        let seq = requested ?? 0
        return try read { source in
            let head = try Self.head(source)
            guard seq >= 0, seq <= head.seq else { throw UnknownSeq(requested: seq, head: head.seq) }
            let hash = seq == 0 ? HashChain.hex(HashChain.genesis)
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
                try ProjectionWriter(db: db, zone: zone).rebuild(from: source, throughSeq: seq, progress: progress)
                return try body(ProjectionSnapshot(db: db, registry: registry, throughSeq: seq, headHash: hash))
            }
        }
    }
}
